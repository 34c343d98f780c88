package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.release.Ledger;
import al.antitrafficking.warehouse.release.Releases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A soak over loopback: the real portal as a child process (heap bounded as given, the JVM's defaults otherwise) over a
 * warehouse of its own, {@value #READERS} anonymous readers asking for what the public pages ask (figures, the ministry's
 * tables and their files, the release list and a release's files, completeness, convergence, pages), each again a
 * moment after an answer, and one writer signed in as the national coordinator saving action edits and notes without
 * pause, while the ETL and the build run as real processes (as {@code bin/demo} runs them) and publish a new snapshot: a
 * regional file is sent again with other content first, so that each publication is a new release.
 *
 * <p>Measured: requests and their latency before, during (from the ETL's start until the portal answers from the new
 * release) and after a publication; errors (any answer but the expected one; an answer refusing a breakdown that the
 * release then read does not publish, a 400 starting "Cannot answer:" or, for a ministry's table, "Cannot make this
 * table", is a refusal, not an error); the portal's heap
 * (sampled with {@code jstat}, and after a full collection at the start and the end), resident memory and open files
 * ({@code /proc/PID/fd}); and the releases the readers saw.
 */
public final class Soak {
    static final int READERS = 2;
    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final YearMonth LAST = YearMonth.of(2025, 12);
    private static final long ROWS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** When a request started: before any publication, while one runs (until the portal serves it), or after one. */
    public enum Phase { BEFORE, DURING, AFTER }

    /** One publication: the file sent again, how long the ETL and the build took, when the portal answered from it. */
    public record Publication(String file, long etlMillis, long buildMillis, long servedAfterMillis, String release) {}

    /** Latency percentiles of one phase, in milliseconds. */
    public record Latency(long requests, double p50, double p95, double p99, double max) {}

    /** Heap, memory and open files of the portal: at the start, the largest sampled, at the end. */
    public record Resources(long heapAfterGcStart, long heapAfterGcEnd, long heapMax, long residentMax, int filesStart, int filesMax, int filesEnd,
                            int samples) {}

    public record Result(long seconds, String heap, long pauseMillis, long requests, long writes, long refusals, List<String> errors, Map<Phase, Latency> latency,
                         List<Publication> publications, Set<String> releasesSeen, Resources resources, boolean portalAlive) {}

    private final Path dir;
    private final Path incoming;
    private final Path corrections;
    private final Path warehouse;
    private final Path key;
    private final String heap;
    private final Random random;
    private volatile Phase phase = Phase.BEFORE;
    private final Map<Phase, ConcurrentLinkedQueue<Long>> latencies = new EnumMap<>(Phase.class);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final Set<String> releasesSeen = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private int runs;

    /** How long a reader waits after an answer before it asks again. */
    private final long pauseMillis;

    public Soak(Path dir, String heap, long pauseMillis, long seed) {
        this.pauseMillis = pauseMillis;
        this.dir = dir;
        this.incoming = dir.resolve("incoming");
        this.corrections = dir.resolve("corrections");
        this.warehouse = dir.resolve("warehouse");
        this.key = dir.resolve("warehouse.key");
        this.heap = heap;
        this.random = new Random(seed);
        for (Phase p : Phase.values()) {
            latencies.put(p, new ConcurrentLinkedQueue<>());
        }
    }

    /**
     * Soaks for {@code duration}: the first publication starts after a fifth of it (five seconds at least), the next ones a
     * fifth of it after the previous was served while they can start before four fifths; and the soak goes on a tenth of
     * it (five seconds at least) after the last was served.
     */
    public Result run(Duration duration) throws Exception {
        Files.writeString(key, "soak-only-warehouse-key", UTF_8);
        AppConfig config = AppConfig.load(TestPortal.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of("etl.warehouse-key-file", key.toString(),
                "incoming.dir", incoming.toString(), "warehouse.dir", warehouse.toString()));
        DataContract contract = DataContract.load(config.contractFile());
        new SampleRegionGenerator(TestPortal.TERRITORY, contract, 7, FIRST, LAST).generate(incoming, ROWS);
        new SampleRegionGenerator(TestPortal.TERRITORY, contract, 8, FIRST, LAST).generate(corrections, ROWS);
        List<String> files = names(incoming);
        firstSnapshot(config);

        PortalProcess portal = PortalProcess.start(dir.resolve("logs/portal.log"), List.of("-Xmx" + heap), Map.of("warehouse.dir",
                warehouse.toString(), "forums.store-file", dir.resolve("operational/forums.duckdb").toString(), "forums.backup-dir",
                dir.resolve("backups").toString(), "portal.demo-users", "true", "forums.backup-every-hours", "0"));
        try {
            String base = "http://127.0.0.1:" + portal.port();
            List<String> paths = readerPaths(base);
            long heapStart = portal.heapUsedAfterFullGc();
            int filesStart = portal.openFiles();
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int offset = r * 5;
                threads.add(thread("soak-reader-" + r, () -> read(base, paths, offset)));
            }
            threads.add(thread("soak-writer", () -> write(portal)));
            Sampler sampler = new Sampler(portal);
            threads.add(thread("soak-sampler", sampler::sample));

            List<Publication> publications = new ArrayList<>();
            long total = duration.toMillis();
            long next = Math.max(5_000, total / 5);
            long servedAt = 0;
            while (true) {
                sleepUntil(started, next);
                String file = files.remove(random.nextInt(files.size()));
                Publication p = publish(base, file, started);
                publications.add(p);
                servedAt = p.servedAfterMillis();
                next = servedAt + total / 5;
                if (next > total * 4 / 5 || files.isEmpty()) {
                    break;
                }
            }
            sleepUntil(started, Math.max(total, servedAt + Math.max(5_000, total / 10)));
            running.set(false);
            for (Thread t : threads) {
                t.join(120_000);
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            boolean alive = portal.alive();
            Resources resources = new Resources(heapStart, portal.heapUsedAfterFullGc(), sampler.heapMax, sampler.residentMax, filesStart,
                    sampler.filesMax, portal.openFiles(), sampler.samples);
            Map<Phase, Latency> latency = new EnumMap<>(Phase.class);
            latencies.forEach((phase, values) -> latency.put(phase, latency(values)));
            return new Result(seconds, heap, pauseMillis, requests.get(), writes.get(), refusals.get(), List.copyOf(errors), latency, publications,
                    new LinkedHashSet<>(releasesSeen), resources, alive);
        } finally {
            running.set(false);
            portal.close();
        }
    }

    /**
     * The first snapshot, made in this JVM as the portal's test fixture makes its own (the test JVM's Spark session, never
     * stopped: STACK-NOTES pitfall 4): only the publications during the soak need to be the real commands.
     */
    private void firstSnapshot(AppConfig config) {
        IngestReport report = IngestJob.fromConfig(SparkSessions.create(config), config, Clock.systemUTC()).run(incoming);
        Snapshots snapshots = new Snapshots(warehouse);
        Snapshot snapshot = snapshots.find(report.snapshotId()).orElseThrow();
        new WarehouseBuilder().build(snapshot);
        Releases.build(config, snapshot, Catalogue.load(config.catalogueFile()), TestPortal.TERRITORY);
        Releases.publish(snapshots, new Ledger(warehouse), snapshot);
    }

    /** The paths the readers ask, each checked to answer before the soak starts. */
    private List<String> readerPaths(String base) throws Exception {
        // A table the release publishes for its default period (a small warehouse does not publish every one).
        String table = null;
        for (JsonNode t : JSON.readTree(get(base + "/api/v1/statistics").body()).get("tables")) {
            if (table == null && get(base + "/api/v1/statistics/" + t.get("id").asText()).statusCode() == 200) {
                table = t.get("id").asText();
            }
        }
        check(table != null, "the release publishes none of the ministry's tables for its default period");
        String release = JSON.readTree(get(base + "/api/v1/snapshot").body()).get("id").asText();
        List<String> paths = List.of("/api/v1/snapshot", "/api/v1/indicators", "/api/v1/indicators/children_encountered?period=year",
                "/api/v1/indicators/children_encountered?period=quarter&group_by=county", "/api/v1/statistics",
                "/api/v1/statistics/" + table, "/api/v1/statistics/all/export.csv", "/api/v1/statistics/all/export.xlsx",
                "/api/v1/statistics/" + table + "/export.pdf", "/api/v1/releases",
                "/api/v1/releases/" + release + "/files/tables.csv", "/api/v1/completeness", "/api/v1/convergence", "/",
                "/statistics.html", "/compare.html");
        for (String p : paths) {
            HttpResponse<byte[]> r = get(base + p);
            check(r.statusCode() == 200 || refusal(r), p + " answers " + r.statusCode() + " before the soak: " + new String(r.body(), UTF_8));
        }
        return paths;
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * A refusal of a breakdown the release then read does not publish (a correction can change what it publishes): "Cannot
     * answer:" from a figure, "Cannot make this table" from one of the ministry's tables.
     */
    private static boolean refusal(HttpResponse<byte[]> r) {
        String body = new String(r.body(), UTF_8);
        return r.statusCode() == 400 && (body.startsWith("{\"status\":400,\"error\":\"Cannot answer:")
                || body.startsWith("{\"status\":400,\"error\":\"Cannot make this table"));
    }

    private void read(String base, List<String> paths, int offset) {
        for (long i = offset; running.get(); i++) {
            String path = paths.get((int) (i % paths.size()));
            Phase at = phase;
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = get(base + path);
                record(at, t0);
                if (refusal(r)) {
                    refusals.incrementAndGet();
                } else if (r.statusCode() != 200) {
                    errors.add(path + " " + r.statusCode() + ": " + new String(r.body(), UTF_8).substring(0, Math.min(200, r.body().length)));
                } else if (path.equals("/api/v1/snapshot")) {
                    releasesSeen.add(JSON.readTree(r.body()).get("id").asText());
                }
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            } catch (IOException e) {
                record(at, t0);
                errors.add(path + " " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Signed in as the national coordinator: an action created, then edited and noted in turn, a new one every ten changes. */
    private void write(PortalProcess portal) {
        al.antitrafficking.portal.Http client = new al.antitrafficking.portal.Http(portal::port).as("coordinator", PortalKills.DEMO_PASSWORD);
        long action = 0;
        int version = 0;
        for (int n = 0; running.get(); n++) {
            Phase at = phase;
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r;
                int expected;
                if (n % 10 == 0) {
                    r = client.send("POST", "/api/v1/actions", action("joint case review, soak round " + n, null));
                    expected = 201;
                } else if (n % 2 == 1) {
                    r = client.send("PUT", "/api/v1/actions/" + action, action("joint case review, soak round " + n, version));
                    expected = 200;
                } else {
                    r = client.send("POST", "/api/v1/actions/" + action + "/notes", Map.of("text", "meeting held, soak round " + n));
                    expected = 201;
                }
                record(at, t0);
                if (r.statusCode() != expected) {
                    errors.add("write " + n + " " + r.statusCode() + ": " + r.body());
                    continue;
                }
                writes.incrementAndGet();
                JsonNode body = JSON.readTree(r.body());
                if (n % 10 == 0 || n % 2 == 1) {
                    action = body.get("id").asLong();
                    version = body.get("version").asInt();
                }
            } catch (IOException | RuntimeException e) {
                record(at, t0);
                errors.add("write " + n + " " + e);
            }
        }
    }

    private static Map<String, Object> action(String text, Integer version) {
        Map<String, Object> a = new HashMap<>(Map.of("forumId", 2, "text", text, "finding", "coordination between different local structures is incomplete",
                "responsibleInstitution", "Regional Anti-trafficking Committee Kukës", "county", "AL-07", "dueDate", "2027-06-30", "indicators", List.of()));
        if (version != null) {
            a.put("version", version);
        }
        return a;
    }

    private void record(Phase at, long t0) {
        requests.incrementAndGet();
        latencies.get(at).add(System.nanoTime() - t0);
    }

    /** A region sends the file again with other content; the ETL and the build publish it; the portal follows. */
    private Publication publish(String base, String file, long started) throws Exception {
        String before = JSON.readTree(get(base + "/api/v1/snapshot").body()).get("id").asText();
        phase = Phase.DURING;
        Files.copy(corrections.resolve(file), incoming.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(incoming.resolve(file), FileTime.from(Instant.now()));
        long etl = run("ingest");
        long build = run("build");
        String release = before;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (release.equals(before) && System.nanoTime() < until) {
            Thread.sleep(200);
            release = JSON.readTree(get(base + "/api/v1/snapshot").body()).get("id").asText();
        }
        check(!release.equals(before), "the portal did not serve the new release within a minute of its publication");
        phase = Phase.AFTER;
        return new Publication(file, etl, build, (System.nanoTime() - started) / 1_000_000, release);
    }

    /** Runs the ETL or the build as bin/demo runs it (as KillTrials does), uncut; returns how long it took. */
    private long run(String what) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path log = Files.createDirectories(dir.resolve("logs")).resolve(runs++ + "-" + what + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (what.equals("ingest")) {
            command.add("@" + TestPortal.ROOT.resolve("conf/jvm/spark-java17.args").toAbsolutePath().normalize());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                what.equals("ingest") ? "al.antitrafficking.etl.ingest.IngestCommand" : "al.antitrafficking.warehouse.build.BuildWarehouseCommand",
                "--incoming.dir=" + incoming, "--warehouse.dir=" + warehouse, "--etl.warehouse-key-file=" + key));
        ProcessBuilder builder = new ProcessBuilder(command).directory(TestPortal.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        int exit = builder.start().waitFor();
        check(exit == 0, what + " exited " + exit + "; its output:\n" + Files.readString(log, UTF_8));
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Heap, resident memory and open files of the portal every five seconds. */
    private final class Sampler {
        private final PortalProcess portal;
        volatile long heapMax;
        volatile long residentMax;
        volatile int filesMax;
        volatile int samples;

        Sampler(PortalProcess portal) {
            this.portal = portal;
        }

        void sample() {
            while (running.get()) {
                try {
                    heapMax = Math.max(heapMax, portal.heapUsed());
                    residentMax = Math.max(residentMax, portal.residentMemory());
                    filesMax = Math.max(filesMax, portal.openFiles());
                    samples++;
                    Thread.sleep(5_000);
                } catch (IOException | RuntimeException e) {
                    errors.add("sampling the portal: " + e);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Latency latency(ConcurrentLinkedQueue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latency(0, 0, 0, 0, 0);
        }
        return new Latency(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static Thread thread(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleepUntil(long started, long millis) throws InterruptedException {
        long left = millis - (System.nanoTime() - started) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList());
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
