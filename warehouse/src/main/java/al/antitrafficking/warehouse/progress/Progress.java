package al.antitrafficking.warehouse.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a long command is doing while it runs: its stage, how much of the stage is done (files, rows, tables, linear
 * programs), the rate and the time left, printed when a stage starts and ends and every few seconds in between, so that
 * a 10M-row run is not minutes of silence. Silent unless a command {@linkplain #start starts} it (tests and the portal
 * stay quiet); stages and steps may be reported from any thread, at the cost of an atomic addition.
 */
public final class Progress {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Object LOCK = new Object();
    private static volatile Reporter reporter;

    private Progress() {}

    /** Starts reporting the command {@code job} on {@code out}, a line at least every {@code every} while a stage runs. */
    public static void start(String job, PrintStream out, Duration every) {
        synchronized (LOCK) {
            stop();
            Reporter r = new Reporter(job, out, every);
            reporter = r;
            r.thread.start();
        }
    }

    /** Stops reporting (ending the stage in progress). */
    public static void stop() {
        synchronized (LOCK) {
            Reporter r = reporter;
            reporter = null;
            if (r != null) {
                r.end();
                r.thread.interrupt();
            }
        }
    }

    /** A new stage of {@code total} {@code unit} (0 when not known beforehand); ends the previous one. */
    public static void stage(String name, long total, String unit) {
        Reporter r = reporter;
        if (r != null) {
            r.begin(name, total, unit);
        }
    }

    /** {@code n} more units of the stage done. */
    public static void step(long n) {
        Reporter r = reporter;
        if (r != null) {
            r.done.addAndGet(n);
        }
    }

    /** A short note on what the stage is doing now (the source Spark is on, its tasks), shown with the next line. */
    /**
     * A timing line for whoever measures the build ({@code -Drelease.debug=true}), on standard error, with the
     * milliseconds since the JVM started; nothing otherwise.
     */
    public static void debug(String what) {
        if (Boolean.getBoolean("release.debug")) {
            System.err.printf("%s at %d ms%n", what, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    public static void detail(String text) {
        Reporter r = reporter;
        if (r != null) {
            r.detail = text;
        }
    }

    /** The line for a stage: done of total, share, rate, time left; pure, for the reporter and its test. */
    static String line(String job, String stage, long done, long total, String unit, Duration elapsed, String detail) {
        StringBuilder s = new StringBuilder().append('[').append(job).append("] ").append(stage).append(": ");
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        if (unit == null || unit.isEmpty()) {
            s.append(human(elapsed)).append(" so far");
            return detail == null || detail.isEmpty() ? s.toString() : s.append("; ").append(detail).toString();
        }
        if (total > 0) {
            s.append(String.format(Locale.ROOT, "%,d of %,d %s (%d%%)", done, total, unit, Math.min(100, done * 100 / total)));
        } else {
            s.append(String.format(Locale.ROOT, "%,d %s", done, unit));
        }
        if (done > 0) {
            double rate = done / seconds;
            s.append(String.format(Locale.ROOT, rate < 10 ? ", %,.1f %s/s" : ", %,.0f %s/s", rate, unit));
            if (total > done) {
                s.append(", about ").append(human(Duration.ofMillis((long) ((total - done) * seconds * 1000 / done)))).append(" left");
            }
        }
        s.append(" (").append(human(elapsed)).append(" so far)");
        if (detail != null && !detail.isEmpty()) {
            s.append("; ").append(detail);
        }
        return s.toString();
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static final class Reporter {
        final String job;
        final PrintStream out;
        final Duration every;
        final Thread thread;
        final AtomicLong done = new AtomicLong();
        volatile String stage;
        volatile long total;
        volatile String unit;
        volatile long stageStarted;
        volatile String detail;

        Reporter(String job, PrintStream out, Duration every) {
            this.job = job;
            this.out = out;
            this.every = every;
            this.thread = new Thread(this::run, "progress");
            thread.setDaemon(true);
        }

        synchronized void begin(String name, long stageTotal, String stageUnit) {
            end();
            stage = name;
            total = stageTotal;
            unit = stageUnit;
            done.set(0);
            detail = null;
            stageStarted = System.nanoTime();
            print("[" + job + "] " + name + (stageTotal > 0 ? String.format(Locale.ROOT, ": %,d %s", stageTotal, stageUnit) : "") + " ...");
        }

        synchronized void end() {
            if (stage == null) {
                return;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - stageStarted);
            long d = done.get();
            print("[" + job + "] " + stage + ": done" + (d > 0 ? String.format(Locale.ROOT, ", %,d %s", d, unit) : "") + " in "
                    + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
            stage = null;
        }

        synchronized void tick() {
            if (stage != null) {
                print(line(job, stage, done.get(), total, unit, Duration.ofNanos(System.nanoTime() - stageStarted), detail));
            }
        }

        private void print(String text) {
            out.println(LocalTime.now().format(TIME) + " " + text);
            out.flush();
        }

        private void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every.toMillis());
                    tick();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
