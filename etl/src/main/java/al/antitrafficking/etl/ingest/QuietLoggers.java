package al.antitrafficking.etl.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Makes the logging a JVM of the job started with no more talkative than the job's own {@code log4j2.properties}: the
 * loggers it turns off (those that log a failed task's exception, which can quote a row of a regional file) are off,
 * and no other logger logs below the level the file gives it or, where it names none, below its root level (warn:
 * Spark's scheduler, for one, logs at INFO a failed stage with its task's exception). A cluster's nodes log with their
 * Spark's {@code conf/log4j2.properties}, or Spark's defaults (everything at INFO) where there is none, and an executor
 * sets its logging up before it loads the job jar; so the driver applies this once its session has started, and each
 * executor when it starts, as a Spark plugin ({@code spark.plugins}, set by {@link SparkSessions} on a cluster), after it
 * has fetched the job jar and before it runs a task. Where a node's logging is quieter, it is left so.
 */
public final class QuietLoggers implements SparkPlugin {
    /** The job's logging file, read from the job's own classes (never a node's file of the same name before it). */
    static final String LOGGING_FILE = "log4j2.properties";

    /** The levels of the job's logging file: the root's under the name "", and each named logger's. */
    static Map<String, Level> levels() {
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
        Map<String, Level> levels = new TreeMap<>();
        levels.put(LogManager.ROOT_LOGGER_NAME, level(p, "rootLogger.level"));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("logger.") && key.endsWith(".name")) {
                String prefix = key.substring(0, key.length() - ".name".length());
                levels.put(p.getProperty(key).strip(), level(p, prefix + ".level"));
            }
        }
        return levels;
    }

    private static Level level(Properties p, String key) {
        Level level = Level.getLevel(p.getProperty(key, "").strip().toUpperCase(java.util.Locale.ROOT));
        if (level == null) {
            throw new IllegalStateException("Cannot quiet the loggers that may quote a row: " + LOGGING_FILE + " gives " + key + " no level");
        }
        return level;
    }

    /** The loggers the job's logging file turns off. */
    public static List<String> names() {
        return levels().entrySet().stream().filter(e -> e.getValue() == Level.OFF).map(Map.Entry::getKey).toList();
    }

    /**
     * Applies the job's levels as ceilings to the logging Spark's own classes write through. Fails where that is not
     * Log4j 2's: a job that cannot be sure no row is logged does not run.
     */
    /** Whether Spark's classes log through Log4j 2's own implementation here (not, say, through SLF4J to another). */
    public static boolean logsThroughLog4j() {
        return LogManager.getContext(SparkPlugin.class.getClassLoader(), false) instanceof LoggerContext;
    }

    public static void apply() {
        Object context = LogManager.getContext(SparkPlugin.class.getClassLoader(), false);
        if (!(context instanceof LoggerContext logging)) {
            throw new IllegalStateException("Cannot quiet the loggers that may quote a row: Spark does not log through Log4j 2 ("
                    + context.getClass().getName() + ")");
        }
        Map<String, Level> ceilings = levels();
        synchronized (WATCHED) {
            if (WATCHED.add(logging)) {
                // Set up again (Spark does when a session starts under spark-submit; a node's file with a monitorInterval
                // does when it changes), the logging would have the levels of its new configuration: lowered again at once.
                // (Updating the loggers announces the configuration too, as both old and new: not a new one.)
                logging.addPropertyChangeListener(event -> {
                    if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName()) && event.getNewValue() instanceof Configuration c
                            && event.getOldValue() != c) {
                        lower(c, ceilings);
                        logging.updateLoggers();
                    }
                });
            }
        }
        lower(logging.getConfiguration(), ceilings);
        logging.updateLoggers();
    }

    /** The logging contexts whose every new configuration is lowered too. */
    private static final java.util.Set<LoggerContext> WATCHED = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    private static void lower(Configuration configuration, Map<String, Level> ceilings) {
        // A filter of the whole logging that accepts an event lets it through whatever the logger's level (a node's file
        // may have one, a ThresholdFilter accepting from INFO say): kept, for what it denies, but its "accept" becomes "no
        // opinion", so that the levels decide.
        // Of several filters (one composite, which stops at the first that accepts or denies), each is so.
        Filter wide = configuration.getFilter();
        if (wide != null && !neutral(wide)) {
            configuration.removeFilter(wide);
            configuration.addFilter(withoutAccept(wide));
        }
        // Every logger the node's logging sets, the root among them, no more talkative than the job's file lets its name...
        for (LoggerConfig set : configuration.getLoggers().values()) {
            lower(set, ceiling(ceilings, set.getName()));
        }
        lower(configuration.getRootLogger(), ceilings.get(LogManager.ROOT_LOGGER_NAME));
        // ... and each the job's file names, where the node's sets none of its own, at most the level it would inherit.
        for (Map.Entry<String, Level> named : ceilings.entrySet()) {
            if (!named.getKey().isEmpty() && !configuration.getLoggerConfig(named.getKey()).getName().equals(named.getKey())) {
                LoggerConfig inherited = configuration.getLoggerConfig(named.getKey());
                Level level = inherited.getLevel().isMoreSpecificThan(named.getValue()) ? inherited.getLevel() : named.getValue();
                configuration.addLogger(named.getKey(), new LoggerConfig(named.getKey(), level, true));
            }
        }
    }

    /** The filter, or each filter of a composite, with "accept" read as "no opinion" ({@link NoAccept}). */
    private static Filter withoutAccept(Filter filter) {
        if (filter instanceof CompositeFilter composite) {
            return CompositeFilter.createFilters(java.util.Arrays.stream(composite.getFiltersArray()).map(QuietLoggers::withoutAccept)
                    .toArray(Filter[]::new));
        }
        if (neutral(filter)) {
            return filter;
        }
        return (Filter) Proxy.newProxyInstance(Filter.class.getClassLoader(), new Class<?>[] {Filter.class}, new NoAccept(filter));
    }

    /** Whether the filter, or each filter of a composite, no longer accepts. */
    private static boolean neutral(Filter filter) {
        if (filter instanceof CompositeFilter composite) {
            return java.util.Arrays.stream(composite.getFiltersArray()).allMatch(QuietLoggers::neutral);
        }
        return Proxy.isProxyClass(filter.getClass()) && Proxy.getInvocationHandler(filter) instanceof NoAccept;
    }

    /** A filter's every answer, but "accept" read as "no opinion" (neutral): it may still deny an event. */
    private record NoAccept(Filter filter) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            // The proxy is itself, not the filter it wraps: a composite finds and removes it by these.
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "NoAccept(" + filter + ")";
                    }
                    break;
                default:
                    break;
            }
            Object answer;
            try {
                answer = method.invoke(filter, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return answer == Filter.Result.ACCEPT ? Filter.Result.NEUTRAL : answer;
        }
    }

    /** The level the job's file gives a name: its own, else its nearest named ancestor's, else the root's. */
    static Level ceiling(Map<String, Level> ceilings, String name) {
        for (String n = name; ; n = n.substring(0, n.lastIndexOf('.'))) {
            Level level = ceilings.get(n);
            if (level != null) {
                return level;
            }
            if (n.lastIndexOf('.') < 0) {
                return ceilings.get(LogManager.ROOT_LOGGER_NAME);
            }
        }
    }

    private static void lower(LoggerConfig config, Level ceiling) {
        if (config.getLevel() == null || !config.getLevel().isMoreSpecificThan(ceiling)) {
            config.setLevel(ceiling);
        }
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
