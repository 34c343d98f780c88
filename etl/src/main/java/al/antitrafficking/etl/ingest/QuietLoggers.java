package al.antitrafficking.etl.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Turns off, in whatever logging a JVM of the job started with, the loggers the job's own {@code log4j2.properties}
 * turns off: those that log a failed task's exception, which can quote a row of a regional file. A cluster's nodes log
 * with their Spark's {@code conf/log4j2.properties}, or Spark's defaults (everything at INFO) where there is none, and an
 * executor sets its logging up before it loads the job jar; so the driver turns them off when it makes its session, and
 * each executor when it starts, as a Spark plugin ({@code spark.plugins}, set by {@link SparkSessions} on a cluster), after
 * it has fetched the job jar and before it runs a task. The rest of the node's logging is left as its operator set it.
 */
public final class QuietLoggers implements SparkPlugin {
    /** The job's logging file, read from the job's own classes (never a node's file of the same name before it). */
    static final String LOGGING_FILE = "log4j2.properties";

    /** The loggers the job's logging file turns off. */
    public static List<String> names() {
        URL own = QuietLoggers.class.getProtectionDomain().getCodeSource().getLocation();
        Properties p = new Properties();
        try (URLClassLoader only = new URLClassLoader(new URL[] {own}, null);
             InputStream in = only.getResourceAsStream(LOGGING_FILE)) {
            if (in == null) {
                throw new IllegalStateException("Cannot quiet the loggers that may quote a row: no " + LOGGING_FILE + " beside the job's classes");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot quiet the loggers that may quote a row: " + LOGGING_FILE + " unreadable", e);
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<Object, Object> e : p.entrySet()) {
            String key = (String) e.getKey();
            if (key.startsWith("logger.") && key.endsWith(".level") && "off".equalsIgnoreCase(((String) e.getValue()).strip())) {
                String name = p.getProperty(key.substring(0, key.length() - ".level".length()) + ".name");
                if (name != null) {
                    names.add(name.strip());
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Turns those loggers off in the logging Spark's own classes write through. Fails where that is not Log4j 2's: a job
     * that cannot be sure no row is logged does not run.
     */
    public static void apply() {
        Object context = LogManager.getContext(SparkPlugin.class.getClassLoader(), false);
        if (!(context instanceof LoggerContext logging)) {
            throw new IllegalStateException("Cannot quiet the loggers that may quote a row: Spark does not log through Log4j 2 ("
                    + context.getClass().getName() + ")");
        }
        Configuration configuration = logging.getConfiguration();
        for (String name : names()) {
            LoggerConfig own = configuration.getLoggerConfig(name);
            if (own.getName().equals(name)) {
                own.setLevel(Level.OFF);
            } else {
                configuration.addLogger(name, new LoggerConfig(name, Level.OFF, true));
            }
        }
        logging.updateLoggers();
    }

    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                apply();
            }
        };
    }
}
