package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.portal.TestPortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real portal ({@code PortalApp}'s main, as {@code bin/demo} starts it) in a child JVM with the test classpath and
 * {@code --key=value} overrides, its output in a log file. {@link #kill} is SIGKILL ({@link Process#destroyForcibly}),
 * {@link #stop} the operator's Ctrl-C or {@code kill} (SIGTERM: the portal closes its store). The child's open files
 * and heap are read from outside it: {@code /proc/PID/fd} and the JDK's {@code jstat}.
 */
final class PortalProcess implements AutoCloseable {
    /** The line the portal prints once it serves, with its port. */
    private static final Pattern SERVING = Pattern.compile("Portal serving release \\S+ .* on https?://[^:/]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private PortalProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the portal with the project's configuration, these overrides (keys without the leading {@code --}) and a free
     * port, and waits until it serves; fails with its output if it exits or does not serve within two minutes. C1 only and
     * the serial collector: it starts faster on two shared cores.
     */
    static PortalProcess start(Path log, String heap, Map<String, String> overrides) throws IOException, InterruptedException {
        return start(log, List.of("-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), overrides);
    }

    /** The same with these JVM options (the soak runs the portal as {@code bin/demo} does: a heap bound, the JVM's defaults). */
    static PortalProcess start(Path log, List<String> jvmOptions, Map<String, String> overrides) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "al.antitrafficking.portal.PortalApp", "--portal.http-port=0"));
        overrides.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).directory(TestPortal.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < until) {
            Matcher serving = SERVING.matcher(Files.readString(log, UTF_8));
            if (serving.find()) {
                return new PortalProcess(process, log, Integer.parseInt(serving.group(1)));
            }
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The portal exited " + process.exitValue() + " before serving; its output:\n" + Files.readString(log, UTF_8));
            }
        }
        process.destroyForcibly().waitFor();
        throw new AssertionError("The portal did not serve within two minutes; its output:\n" + Files.readString(log, UTF_8));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the process ends at once, with no shutdown hook, no store closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an operator stops it: the shutdown hook stops the server and closes the store. Returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The portal did not stop within a minute of SIGTERM");
        }
        return process.exitValue();
    }

    /** How many files (sockets and pipes included) the process has open now. */
    int openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the portal's open files", e);
        }
    }

    /** The process's resident memory now, in bytes ({@code VmRSS} of {@code /proc/PID/status}). */
    long residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"), UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new IllegalStateException("No VmRSS for the portal");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the portal's memory", e);
        }
    }

    /** The heap in use now, in bytes (survivor, eden and old spaces as {@code jstat -gc} reports them). */
    long heapUsed() throws IOException, InterruptedException {
        String[] lines = jdkTool("jstat", "-gc", Long.toString(process.pid())).strip().split("\n");
        String[] names = lines[0].strip().split("\\s+");
        String[] values = lines[lines.length - 1].strip().split("\\s+");
        double kib = 0;
        for (int i = 0; i < names.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                kib += Double.parseDouble(values[i]);
            }
        }
        return (long) (kib * 1024);
    }

    /** The heap in use after a full collection: what the portal really keeps. */
    long heapUsedAfterFullGc() throws IOException, InterruptedException {
        jdkTool("jcmd", Long.toString(process.pid()), "GC.run");
        return heapUsed();
    }

    private static String jdkTool(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", tool).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(tool + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
