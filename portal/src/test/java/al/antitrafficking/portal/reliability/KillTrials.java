package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalServices;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.release.Ledger;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Kill trials: the ETL and the warehouse build run as real processes over one warehouse while a portal reads it, and are
 * killed (SIGKILL) at random moments. After each kill the published snapshot must be the complete previous one or the
 * complete new one; the next uncut run must recover with no manual cleanup; and the portal must answer every request
 * throughout.
 *
 * <p>Each trial first re-sends one regional file with changed content (a correction, as regions send them), so that every
 * run has something new to publish. Trials alternate: an even trial kills the ETL run (then runs the ETL and the build
 * uncut), an odd one runs the ETL uncut and kills the build (then runs the build uncut). A kill falls at a moment drawn
 * uniformly from the whole of an uncut run's duration (start-up included), measured first on this machine.
 *
 * <p>What is checked, independently of the code under test: after a kill, CURRENT names a snapshot with its database
 * whose release reads whole from the ledger, and that is either the release published before (the same bytes) or a
 * release of a snapshot this trial made; after recovery, the published release covers every regional file in its newest
 * version (the SHA-256 of each file in the incoming folder, computed here, against the release's record of what it
 * loaded), nothing is left of a dead run (staging folders, half-built databases, a release moved aside), and the
 * portal's failures are zero.
 */
public final class KillTrials {
    /** What a trial kills. */
    public enum Target { INGEST, BUILD }

    /**
     * One trial: what was killed and when, whether the process was still running at that moment, what the published
     * snapshot was after the kill ({@code previous} or {@code new}), and how long recovery took.
     */
    public record Trial(int number, Target target, String correctedFile, long killAfterMillis, boolean killedRunning, String afterKill,
                        long recoveryMillis) {}

    /** The trials' outcome, with the portal's requests and failures during all of them. */
    public record Result(long seed, Map<Target, Long> uncutMillis, List<Trial> trials, long requests, long refusals, List<String> failures,
                         Set<String> releasesSeen) {}

    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final YearMonth LAST = YearMonth.of(2025, 12);
    private static final long ROWS = 1500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path incoming;
    private final Path corrections;
    private final Path warehouse;
    private final Path key;
    private final Random random;
    private final long seed;
    private final Map<Target, Long> uncutMillis = new HashMap<>();
    private int runs;

    public KillTrials(Path dir, long seed) {
        this.dir = dir;
        this.incoming = dir.resolve("incoming");
        this.corrections = dir.resolve("corrections");
        this.warehouse = dir.resolve("warehouse");
        this.key = dir.resolve("warehouse.key");
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Runs {@code count} trials after a first uncut ETL run and build, with a portal reading throughout. */
    public Result run(int count) throws Exception {
        Files.writeString(key, "kill-trials-only-warehouse-key-" + seed, UTF_8);
        AppConfig config = AppConfig.load(TestPortal.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of(
                "etl.warehouse-key-file", key.toString(), "incoming.dir", incoming.toString(), "warehouse.dir", warehouse.toString()));
        DataContract contract = DataContract.load(config.contractFile());
        new SampleRegionGenerator(TestPortal.TERRITORY, contract, 7, FIRST, LAST).generate(incoming, ROWS);
        new SampleRegionGenerator(TestPortal.TERRITORY, contract, 8, FIRST, LAST).generate(corrections, ROWS);
        List<String> files = names(incoming);

        uncutMillis.put(Target.INGEST, uncut(Target.INGEST));
        uncutMillis.put(Target.BUILD, uncut(Target.BUILD));

        Catalogue catalogue = Catalogue.load(config.catalogueFile());
        PublishedReleases releases = new PublishedReleases(warehouse, catalogue, TestPortal.TERRITORY,
                Population.load(TestPortal.TERRITORY, config.referenceDir()), Clock.systemUTC(), Duration.ofMillis(200));
        DuckDbForumStore forums = DuckDbForumStore.open(dir.resolve("forums.duckdb"),
                TestPortal.rules(releases.current().trendIndicators()), Clock.systemUTC());
        Javalin portal = PortalApp.create(TestPortal.services(releases, forums, dir)).start("127.0.0.1", 0);
        Readers readers = new Readers("http://127.0.0.1:" + portal.port());
        List<Trial> trials = new ArrayList<>();
        try {
            readers.start();
            for (int i = 0; i < count; i++) {
                trials.add(trial(i, files.get(random.nextInt(files.size())), catalogue, config));
            }
        } finally {
            readers.stop();
            portal.stop();
            forums.close();
        }
        return new Result(seed, uncutMillis, trials, readers.requests.get(), readers.refusals.get(), List.copyOf(readers.failures),
                readers.releasesSeen);
    }

    private Trial trial(int number, String file, Catalogue catalogue, AppConfig config) throws Exception {
        Target target = number % 2 == 0 ? Target.INGEST : Target.BUILD;
        Snapshots snapshots = new Snapshots(warehouse);
        Snapshot before = snapshots.current().orElseThrow();
        String beforeDigest = sha256(releaseFile(before.id()));
        Set<String> snapshotsBefore = ids(snapshots);

        // A correction: the region re-sends the file with other content.
        Files.copy(corrections.resolve(file), incoming.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(incoming.resolve(file), FileTime.from(Instant.now()));
        if (target == Target.BUILD) {
            uncut(Target.INGEST);
        }

        long killAfter = (long) (random.nextDouble() * uncutMillis.get(target));
        Process process = start(target, log(number + "-killed-" + target));
        boolean finished = process.waitFor(killAfter, java.util.concurrent.TimeUnit.MILLISECONDS);
        boolean killedRunning = !finished;
        if (!finished) {
            process.destroyForcibly();
            process.waitFor();
        }

        // The published snapshot: the complete previous one or a complete new one of this trial.
        Snapshot published = snapshots.current().orElseThrow(() -> new AssertionError("no published snapshot after the kill"));
        check(Files.isRegularFile(published.dir().resolve(Snapshots.DATABASE_FILE)), "published snapshot " + published.id() + " has no database");
        PublishedRelease release = PublishedRelease.load(new Ledger(warehouse), published.id(), catalogue, TestPortal.TERRITORY,
                Population.load(TestPortal.TERRITORY, config.referenceDir()));
        check(release.counts()[0] > 0, "published release prints no cell");
        String afterKill;
        if (published.id().equals(before.id())) {
            check(sha256(releaseFile(published.id())).equals(beforeDigest), "the previous release changed under a kill");
            afterKill = "previous";
        } else {
            check(!snapshotsBefore.contains(published.id()), "published snapshot " + published.id() + " is neither the previous nor a new one");
            afterKill = "new";
        }

        long started = System.nanoTime();
        if (target == Target.INGEST) {
            uncut(Target.INGEST);
        }
        uncut(Target.BUILD);
        long recovery = (System.nanoTime() - started) / 1_000_000;
        Snapshot recovered = snapshots.current().orElseThrow();
        check(!recovered.id().equals(before.id()), "recovery did not publish a new snapshot");
        checkLoadedFiles(recovered);
        checkNothingLeft();
        return new Trial(number, target, file, killAfter, killedRunning, afterKill, recovery);
    }

    /** The release records loading every file of the incoming folder in the version there now (its SHA-256). */
    private void checkLoadedFiles(Snapshot snapshot) throws IOException {
        Map<String, String> loaded = new HashMap<>();
        List<String> lines = Files.readAllLines(warehouse.resolve("releases").resolve(snapshot.id()).resolve("internal/files.csv"), UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            loaded.put(f[0], f[1]);
        }
        List<String> files = names(incoming);
        check(loaded.size() == files.size(), "release " + snapshot.id() + " loaded " + loaded.size() + " files of " + files.size());
        for (String name : files) {
            String[] parts = name.substring(0, name.length() - ".csv".length()).split("_");
            String slice = parts[0] + "|" + parts[1] + "|" + parts[2];
            check(sha256(incoming.resolve(name)).equals(loaded.get(slice)), "release " + snapshot.id() + " does not hold " + name + " as sent");
        }
    }

    /** No staging folder, half-built database or release moved aside is left. */
    private void checkNothingLeft() throws IOException {
        try (Stream<Path> all = Files.walk(warehouse)) {
            List<String> left = all.map(p -> warehouse.relativize(p).toString())
                    .filter(p -> p.contains(".staging-") || p.contains(".partial") || p.contains(".replaced-") || p.endsWith(".tmp"))
                    .toList();
            check(left.isEmpty(), "left behind by a dead run: " + left);
        }
    }

    private long uncut(Target target) throws Exception {
        long started = System.nanoTime();
        Path log = log(runs++ + "-uncut-" + target);
        int exit = start(target, log).waitFor();
        check(exit == 0, target + " exited " + exit + " without being killed; its output:\n" + Files.readString(log, UTF_8));
        return (System.nanoTime() - started) / 1_000_000;
    }

    private Path log(String name) throws IOException {
        return Files.createDirectories(dir.resolve("logs")).resolve(name.toLowerCase(java.util.Locale.ROOT) + ".log");
    }

    /** Starts the ETL or the build as the demo runs them, its output going to {@code log}. */
    private Process start(Target target, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (target == Target.INGEST) {
            command.add("@" + TestPortal.ROOT.resolve("conf/jvm/spark-java17.args").toAbsolutePath().normalize());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                target == Target.INGEST ? "al.antitrafficking.etl.ingest.IngestCommand" : "al.antitrafficking.warehouse.build.BuildWarehouseCommand",
                "--incoming.dir=" + incoming, "--warehouse.dir=" + warehouse, "--etl.warehouse-key-file=" + key));
        ProcessBuilder builder = new ProcessBuilder(command).directory(TestPortal.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private Path releaseFile(String id) {
        return warehouse.resolve("releases").resolve(id).resolve("cells.csv.gz");
    }

    private static Set<String> ids(Snapshots snapshots) {
        Set<String> ids = new LinkedHashSet<>();
        snapshots.list().forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two clients asking the portal for pages of figures, a statistics file and the release list, without pause. */
    private static final class Readers {
        final AtomicLong requests = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        /** Answers refusing a breakdown the release then being read does not publish (a correction can change what it publishes). */
        final AtomicLong refusals = new AtomicLong();
        final Set<String> releasesSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final String base;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private List<String> paths;

        Readers(String base) {
            this.base = base;
        }

        void start() throws Exception {
            paths = List.of("/api/v1/snapshot", "/api/v1/indicators/children_encountered?period=quarter",
                    "/api/v1/indicators/children_encountered?period=year&group_by=county", "/api/v1/completeness",
                    "/api/v1/statistics/all/export.csv", "/api/v1/releases", "/api/v1/convergence");
            for (String p : paths) {
                HttpResponse<String> r = get(p);
                check(r.statusCode() == 200, p + " answers " + r.statusCode() + " before any kill: " + r.body());
            }
            for (int t = 0; t < 2; t++) {
                int offset = t;
                Thread thread = new Thread(() -> read(offset), "kill-trials-reader-" + t);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        private void read(int offset) {
            for (long i = offset; running.get(); i++) {
                String path = paths.get((int) (i % paths.size()));
                try {
                    HttpResponse<String> r = get(path);
                    requests.incrementAndGet();
                    // A refusal of a breakdown the release being read does not publish: an indicator's ("Cannot answer:"), or a
                    // statistics table's ("Cannot make this table ..."; a correction can publish a table coarser than before).
                    if (r.statusCode() == 400 && (r.body().startsWith("{\"status\":400,\"error\":\"Cannot answer:")
                            || r.body().startsWith("{\"status\":400,\"error\":\"Cannot make this table") && r.body().contains("is not published by"))) {
                        refusals.incrementAndGet();
                    } else if (r.statusCode() != 200) {
                        failures.add(path + " " + r.statusCode() + ": " + r.body().substring(0, Math.min(200, r.body().length())));
                    } else if (path.equals("/api/v1/snapshot")) {
                        releasesSeen.add(JSON.readTree(r.body()).path("id").asText());
                    }
                } catch (IOException | RuntimeException e) {
                    requests.incrementAndGet();
                    failures.add(path + " " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }
    }
}
