package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void withoutThemOrWithThemBlankTheJobStarts() {
        SparkConf plain = new SparkConf(false).set("spark.master", "local[2]").set("spark.ui.enabled", "true");
        SparkConf blank = new SparkConf(false).set("spark.extraListeners", " ");

        assertThatCode(() -> SparkSessions.refuseRecorders(plain)).doesNotThrowAnyException();
        assertThatCode(() -> SparkSessions.refuseRecorders(blank)).doesNotThrowAnyException();
    }
}
