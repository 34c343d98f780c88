package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job does not start where Spark would keep or hand on failed tasks' reasons, which can quote a row. */
class SparkSessionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"spark.ui.store.path", "spark.extraListeners", "spark.sql.queryExecutionListeners",
            "spark.sql.streaming.streamingQueryListeners"})
    void aSettingThatKeepsFailedTasksReasonsStopsTheJobBeforeItStarts(String key) {
        SparkConf submitted = new SparkConf(false).set(key, "/var/spark/ui-store");

        assertThatThrownBy(() -> SparkSessions.refuseRecorders(submitted)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(key).hasMessageContaining("Unset it");
    }

    @Test
    void aPluginOtherThanTheJobsOwnStopsTheJob() {
        SparkConf other = new SparkConf(false).set("spark.plugins", QuietLoggers.class.getName() + ", com.example.LineagePlugin");
        // A platform's own list, which Spark loads first.
        SparkConf platforms = new SparkConf(false).set("spark.plugins.defaultList", "com.example.PlatformPlugin");

        assertThatThrownBy(() -> SparkSessions.refuseRecorders(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.LineagePlugin").hasMessageContaining("Unset it");
        assertThatThrownBy(() -> SparkSessions.refuseRecorders(platforms)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spark.plugins.defaultList names com.example.PlatformPlugin");
    }

    @Test
    void withoutThemOrWithThemBlankTheJobStarts() {
        SparkConf plain = new SparkConf(false).set("spark.master", "local[2]").set("spark.ui.enabled", "true")
                .set("spark.plugins", QuietLoggers.class.getName());
        SparkConf blank = new SparkConf(false).set("spark.extraListeners", " ").set("spark.plugins", "");

        assertThatCode(() -> SparkSessions.refuseRecorders(plain)).doesNotThrowAnyException();
        assertThatCode(() -> SparkSessions.refuseRecorders(blank)).doesNotThrowAnyException();
    }

    @Test
    void onlyLocalModeRunsTheExecutorsInThisJvm() {
        for (String master : new String[] {"local", "local[2]", "local[*]", "local[4,2]"}) {
            assertThat(SparkSessions.executorsInThisJvm(master)).as(master).isTrue();
        }
        // local-cluster starts executors as JVMs of their own: the plugin must quiet them as on any cluster.
        for (String master : new String[] {"local-cluster[2,1,1024]", "spark://10.0.0.5:7077", "yarn", "k8s://https://10.0.0.1:6443"}) {
            assertThat(SparkSessions.executorsInThisJvm(master)).as(master).isFalse();
        }
    }

    @Test
    void theSessionIsNotMadeWhenSparkSubmitSetsAListener() {
        // spark-submit passes its settings as system properties, which the job reads before it makes the session.
        System.setProperty("spark.extraListeners", "com.example.RecordingListener");
        try {
            assertThatThrownBy(() -> SparkSessions.create(TestProject.CONFIG)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("spark.extraListeners");
        } finally {
            System.clearProperty("spark.extraListeners");
        }
    }
}
