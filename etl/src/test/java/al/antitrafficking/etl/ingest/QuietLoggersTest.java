package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/** The loggers the job turns off in a JVM that started with another logging set-up (on a cluster: ClusterJobIT). */
class QuietLoggersTest {
    /** The loggers that log a failed task's exception or a file's text, as the job's logging file names them. */
    static final String[] MAY_QUOTE_A_ROW = {"org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
            "org.apache.spark.scheduler.TaskResultGetter", "org.apache.spark.storage.BlockManager", "org.apache.spark.sql.catalyst.csv",
            "org.apache.spark.sql.execution.datasources", "org.apache.poi"};

    @Test
    void theLoggersTurnedOffAreThoseTheJobsLoggingFileTurnsOff() {
        assertThat(QuietLoggers.names()).contains(MAY_QUOTE_A_ROW).doesNotContain("org.apache.hadoop", "org.apache.parquet");
    }

    @Test
    void loggersSetToLogAreTurnedOffAndAChildOfOneToo() {
        String child = "org.apache.spark.sql.execution.datasources.FileScanRDD";
        try {
            for (String name : MAY_QUOTE_A_ROW) {
                Configurator.setLevel(name, Level.INFO);
            }
            Configurator.setLevel("org.apache.spark.sql.execution.datasources", Level.DEBUG);
            assertThat(LogManager.getLogger(child).isInfoEnabled()).isTrue();

            QuietLoggers.apply();

            for (String name : MAY_QUOTE_A_ROW) {
                assertThat(LogManager.getLogger(name).getLevel()).as(name).isEqualTo(Level.OFF);
            }
            assertThat(LogManager.getLogger(child).isErrorEnabled()).isFalse();
        } finally {
            for (String name : MAY_QUOTE_A_ROW) {
                Configurator.setLevel(name, Level.OFF);
            }
        }
    }
}
