package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
import org.junit.jupiter.api.Test;

/** The loggers the job turns off in a JVM that started with another logging set-up (on a cluster: ClusterJobIT). */
class QuietLoggersTest {
    /** The loggers that log a failed task's exception or a file's text, as the job's logging file names them. */
    static final String[] MAY_QUOTE_A_ROW = {"org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
            "org.apache.spark.scheduler.TaskResultGetter", "org.apache.spark.storage.BlockManager", "org.apache.spark.sql.catalyst.csv",
            "org.apache.spark.sql.execution.datasources", "org.apache.poi", "org.apache.spark.util.Utils",
            "org.apache.spark.util.SparkUncaughtExceptionHandler", "org.apache.spark.TaskContextImpl"};

    private static final org.apache.logging.log4j.Logger SCHEDULER = LogManager.getLogger("org.apache.spark.scheduler.DAGScheduler");
    private static final org.apache.logging.log4j.Logger TASKS = LogManager.getLogger("org.apache.spark.scheduler.TaskSetManager");

    /** Applied again, the filters of the whole logging are not wrapped twice. */
    private static void appliedAgainWrapsNothingTwice(LoggerContext context) {
        Filter wrapped = context.getConfiguration().getFilter();
        QuietLoggers.apply();
        assertThat(context.getConfiguration().getFilter()).isSameAs(wrapped);
    }

    @Test
    void theLoggersTurnedOffAreThoseTheJobsLoggingFileTurnsOff() {
        assertThat(QuietLoggers.names()).contains(MAY_QUOTE_A_ROW).doesNotContain("org.apache.hadoop", "org.apache.parquet");
    }

    @Test
    void aNameTakesTheLevelOfItsNearestAncestorTheFileNamesElseTheRoots() {
        // As etl/src/main/resources/log4j2.properties has them: Hadoop at error, its native loader off, the root at warn.
        Map<String, Level> levels = QuietLoggers.levels();
        assertThat(QuietLoggers.ceiling(levels, "org.apache.hadoop.fs.FileSystem")).isEqualTo(Level.ERROR);
        assertThat(QuietLoggers.ceiling(levels, "org.apache.hadoop.util.NativeCodeLoader")).isEqualTo(Level.OFF);
        assertThat(QuietLoggers.ceiling(levels, "org.apache.spark.executor.Executor")).isEqualTo(Level.OFF);
        assertThat(QuietLoggers.ceiling(levels, "org.apache.spark.scheduler.DAGScheduler")).isEqualTo(Level.WARN);
        assertThat(QuietLoggers.ceiling(levels, "org")).isEqualTo(Level.WARN);
    }

    @Test
    void noLoggerLogsBelowTheFilesLevelForItButAQuieterOneStaysQuiet() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Level root = context.getConfiguration().getRootLogger().getLevel();
        try {
            Configurator.setRootLevel(Level.DEBUG);
            // Spark's scheduler logs a failed stage with its task's exception at INFO; the file does not name it.
            Configurator.setLevel("org.apache.spark.scheduler.DAGScheduler", Level.INFO);
            Configurator.setLevel("org.apache.spark.SparkContext", Level.ERROR);
            assertThat(SCHEDULER.isInfoEnabled()).isTrue();
            assertThat(LogManager.getLogger("com.example.Anything").isDebugEnabled()).isTrue();

            QuietLoggers.apply();

            assertThat(SCHEDULER.isInfoEnabled()).isFalse();
            assertThat(SCHEDULER.isWarnEnabled()).isTrue();
            assertThat(LogManager.getLogger("com.example.Anything").isInfoEnabled()).isFalse();
            assertThat(LogManager.getLogger("org.apache.hadoop.fs.FileSystem").isWarnEnabled()).isFalse();
            assertThat(LogManager.getLogger("org.apache.hadoop.fs.FileSystem").isErrorEnabled()).isTrue();
            assertThat(LogManager.getLogger("org.apache.spark.SparkContext").getLevel()).isEqualTo(Level.ERROR);
        } finally {
            Configurator.setRootLevel(root);
            Configurator.setLevel("org.apache.spark.scheduler.DAGScheduler", root);
            Configurator.setLevel("org.apache.spark.SparkContext", root);
        }
    }

    @Test
    void loggingSetUpAgainIsLoweredAgain() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        QuietLoggers.apply();
        try {
            // As Spark sets up its defaults again when a session starts under spark-submit: everything at INFO.
            ConfigurationBuilder<BuiltConfiguration> talkative = ConfigurationBuilderFactory.newConfigurationBuilder();
            talkative.add(talkative.newRootLogger(Level.INFO));
            Configurator.reconfigure(talkative.build());

            assertThat(SCHEDULER.isInfoEnabled()).isFalse();
            assertThat(TASKS.isErrorEnabled()).isFalse();
            assertThat(LogManager.getLogger("org.apache.spark.util.Utils").isErrorEnabled()).isFalse();
            assertThat(SCHEDULER.isWarnEnabled()).isTrue();
        } finally {
            // The tests' own file again.
            context.reconfigure();
        }
    }

    @Test
    void aFilterOfTheWholeLoggingNoLongerAcceptsPastTheLevelsButStillDenies() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        try {
            // As a node's file with a context-wide filter would have it: every event from ERROR up accepted, whatever its
            // logger's level (Log4j then skips the levels), every other denied.
            Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.OFF);
            context.getConfiguration().addFilter(ThresholdFilter.createFilter(Level.ERROR, Filter.Result.ACCEPT, Filter.Result.DENY));
            assertThat(TASKS.isErrorEnabled()).isTrue();

            QuietLoggers.apply();

            // Its "accept" no longer passes the logger that is off; what it denies stays denied (the scheduler's warnings,
            // which the job's file alone would let through); its errors, which the file lets through, still log.
            assertThat(TASKS.isErrorEnabled()).isFalse();
            assertThat(SCHEDULER.isWarnEnabled()).isFalse();
            assertThat(SCHEDULER.isErrorEnabled()).isTrue();
            appliedAgainWrapsNothingTwice(context);
        } finally {
            context.reconfigure();
        }
    }

    @Test
    void ofSeveralFiltersOfTheWholeLoggingEachLosesItsAcceptAndTheDenyAfterOneStillDenies() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        try {
            // Two filters (one composite, which stops at the first that accepts or denies): the first accepts from ERROR up,
            // the second denies below FATAL. Log4j alone never asks the second of an error.
            context.getConfiguration().addFilter(ThresholdFilter.createFilter(Level.ERROR, Filter.Result.ACCEPT, Filter.Result.NEUTRAL));
            context.getConfiguration().addFilter(ThresholdFilter.createFilter(Level.FATAL, Filter.Result.NEUTRAL, Filter.Result.DENY));
            assertThat(SCHEDULER.isErrorEnabled()).isTrue();

            QuietLoggers.apply();

            // The first's accept is now no opinion, so the second denies the error; a fatal passes both, and the level.
            assertThat(SCHEDULER.isErrorEnabled()).isFalse();
            assertThat(SCHEDULER.isFatalEnabled()).isTrue();
            appliedAgainWrapsNothingTwice(context);
        } finally {
            context.reconfigure();
        }
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
