package al.antitrafficking.etl.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ETL on a real Spark cluster (issue 14, item 3): a standalone master and two workers, each a JVM of its own started
 * from the Maven Central Spark jars (target/spark-classpath.txt, laid out as a Spark home), each worker with its own work
 * and scratch folders; the job jar (target/etl-*-job.jar, Spark left out) submitted with {@code spark-submit} in client
 * mode. The snapshot it writes must equal, table by table, the one local mode writes from the same files: generated
 * regional files plus the ingestion corpus's faulty ones (refused files, quarantined rows, a workbook).
 *
 * <p>Runs in {@code mvn verify} (Failsafe, after the job jar is packaged), so in {@code bin/test} and CI; the data stay tiny.
 */
class ClusterJobIT {
    private static final Path ROOT = TestProject.ROOT.toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("etl/target");
    private static final Path CORPUS = ROOT.resolve("etl/src/test/resources/corpus");

    @TempDir
    static Path work;
    static final List<Process> daemons = new ArrayList<>();
    static Path incoming;
    static Path sparkHome;
    static String masterUrl;
    static int masterUi;
    static Path[] workerDirs = new Path[2];
    static int submitExit;
    static List<String> submit;
    static String submitOutput;
    static String failingOutput;
    static Snapshot onCluster;
    static Snapshot local;
    static IngestReport localReport;

    @BeforeAll
    static void runTheJobBothWays() throws Exception {
        // The storage's path has a space: Spark must be given it so that it finds the same folder (a URI written by Java
        // would name "shared%20storage"). No letter outside ASCII: a machine without a UTF-8 locale could not name it.
        Path storage = Files.createDirectories(work.resolve("shared storage"));
        incoming = Files.createDirectories(storage.resolve("incoming"));
        new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, 14, YearMonth.of(2024, 12), YearMonth.of(2024, 12))
                .generate(incoming, 400);
        try (Reader reader = Files.newBufferedReader(CORPUS.resolve("expected.csv"), UTF_8)) {
            for (CSVRecord c : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                Path file = CORPUS.resolve(c.get("case")).resolve(c.get("file"));
                if (Files.exists(file)) {
                    Files.copy(file, incoming.resolve(c.get("file")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        long started = System.nanoTime();
        sparkHome = sparkHome();
        int masterPort = freePort();
        masterUi = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        daemons.add(start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(masterPort), "--webui-port", Integer.toString(masterUi)), Map.of()));
        for (int i = 0; i < 2; i++) {
            Path dir = Files.createDirectories(work.resolve("worker-" + (i + 1)));
            workerDirs[i] = dir;
            Files.createDirectories(dir.resolve("work"));
            Files.createDirectories(dir.resolve("scratch"));
            daemons.add(start("worker-" + (i + 1), List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory", "1g",
                    "--work-dir", dir.resolve("work").toString(), masterUrl), Map.of("SPARK_LOCAL_DIRS", dir.resolve("scratch").toString())));
        }
        awaitWorkers(2, Duration.ofSeconds(90));
        System.out.printf("cluster up in %.1f s%n", (System.nanoTime() - started) / 1e9);

        Path clusterWarehouse = storage.resolve("warehouse-cluster");
        Path jobJar;
        try (Stream<Path> jars = Files.list(TARGET)) {
            jobJar = jars.filter(p -> p.getFileName().toString().matches("etl-.*-job\\.jar")).findFirst().orElseThrow(
                    () -> new IllegalStateException("No job jar in etl/target: run mvn verify (package comes first)"));
        }
        submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
                "--deploy-mode", "client", "--class", "al.antitrafficking.etl.ingest.IngestCommand",
                "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
                jobJar.toString(),
                "--config=" + ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE),
                "--incoming.dir=" + incoming.toUri(),
                "--warehouse.dir=" + clusterWarehouse.toUri(),
                "--etl.warehouse-key-file=" + TestProject.KEY_FILE));
        Process submitted = start("spark-submit", submit, Map.of());
        if (!submitted.waitFor(6, TimeUnit.MINUTES)) {
            submitted.destroyForcibly();
        }
        submitExit = submitted.waitFor();
        submitOutput = Files.readString(work.resolve("logs/spark-submit.log"), UTF_8);
        System.out.printf("spark-submit exited %d after %.1f s; its output:%n%s%n", submitExit, (System.nanoTime() - started) / 1e9,
                tail(submitOutput));
        if (submitExit == 0) {
            onCluster = new Snapshots(clusterWarehouse).list().stream().reduce((a, b) -> b).orElse(null);
        }
        // A second application whose tasks fail quoting their row, with the job jar for the session and the logging.
        Path failingJar = work.resolve("failing-task-app.jar");
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(failingJar))) {
            // The application's class and its nested ones (its listener).
            String name = FailingTaskApp.class.getName().replace('.', '/');
            Path classes = TARGET.resolve("test-classes");
            try (Stream<Path> entries = Files.list(classes.resolve(name).getParent())) {
                for (Path file : entries.filter(f -> f.getFileName().toString().matches(
                        java.util.regex.Pattern.quote(FailingTaskApp.class.getSimpleName()) + "(\\$.*)?\\.class")).toList()) {
                    jar.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString()));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
        }
        Process failing = start("failing-task-app", List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
                "--deploy-mode", "client", "--class", FailingTaskApp.class.getName(),
                "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
                "--jars", jobJar.toString(), failingJar.toString(), "--config=" + ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE)), Map.of());
        if (!failing.waitFor(3, TimeUnit.MINUTES)) {
            failing.destroyForcibly();
        }
        failing.waitFor();
        failingOutput = Files.readString(work.resolve("logs/failing-task-app.log"), UTF_8);
        System.out.printf("the failing application done after %.1f s:%n%s%n", (System.nanoTime() - started) / 1e9,
                failingOutput.lines().filter(l -> l.contains("failed as expected") || l.contains("did not fail"))
                        .collect(java.util.stream.Collectors.joining("\n")));
        stopDaemons();

        Path localWarehouse = storage.resolve("warehouse-local");
        localReport = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(localWarehouse)).run(incoming);
        local = new Snapshots(localWarehouse).find(localReport.snapshotId()).orElseThrow();
        System.out.printf("local mode done after %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopDaemons() {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : daemons) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        daemons.clear();
    }

    @Test
    void jobSubmittedToTheClusterCommitsASnapshot() {
        assertThat(submitExit).as("spark-submit exit code; its output:%n%s", tail(submitOutput)).isZero();
        assertThat(submitOutput).contains("Spark master " + masterUrl);
        assertThat(onCluster).isNotNull();
    }

    @Test
    void bothWorkersRanExecutorsFromTheirOwnWorkFolders() throws IOException {
        for (Path dir : workerDirs) {
            // Each executor's own log is in its worker's folder: it ran there, from the job jar it was sent.
            for (Path executor : executors(dir)) {
                try (Stream<Path> files = Files.list(executor)) {
                    assertThat(files.map(p -> p.getFileName().toString())).contains("stderr").anyMatch(n -> n.endsWith("-job.jar"));
                }
            }
        }
    }

    @Test
    void executorsStartWithTheLargeGeneratedMethodsCompiled() throws IOException {
        // The job sets the executors' default Java options (SparkSessions); nothing in this submission names the flag.
        assertThat(submit).noneMatch(a -> a.contains("DontCompileHugeMethods"));
        for (Path dir : workerDirs) {
            for (Path executor : executors(dir)) {
                // The worker writes the command it started the executor with at the top of the executor's stderr.
                String command = Files.readAllLines(executor.resolve("stderr"), UTF_8).stream()
                        .filter(l -> l.startsWith("Spark Executor Command:")).findFirst().orElse("");
                assertThat(command).as("the command of executor %s", executor).contains("\"-XX:-DontCompileHugeMethods\"");
            }
        }
    }

    @Test
    void executorsTurnOffTheLoggersThatMayQuoteARowThoughTheirNodeHasNoLoggingFile() throws IOException {
        assertThat(sparkHome.resolve("conf/log4j2.properties")).doesNotExist();
        assertThat(submit).noneMatch(a -> a.contains("log4j") || a.contains("spark.plugins"));
        for (Path dir : workerDirs) {
            for (Path executor : executors(dir)) {
                String log = Files.readString(executor.resolve("stderr"), UTF_8);
                // Spark's default logging, at INFO: the executor's task runner logged as it started, before the job jar came...
                assertThat(log).as("the log of executor %s", executor).contains("Executor: Starting executor ID");
                // ... and nothing once the job's plugin had started, though it ran tasks, each of which it logs at INFO
                // (and a failed one with its exception, which can quote a row). Spark's own INFO line saying the plugin
                // started comes after it has lowered the levels, so it is not there either.
                assertThat(log).as("the log of executor %s", executor).doesNotContain("Executor: Running task")
                        .doesNotContain("Executor: Finished task").doesNotContain("Initialized executor component for plugin");
            }
        }
    }

    @Test
    void aFailedTaskQuotingItsRowIsLoggedNowhere() throws IOException {
        // Both jobs' tasks failed, each quoting its row; the application printed only the kind of each failure.
        for (String kind : List.of("raised error", "failing function")) {
            assertThat(failingOutput).as(failingOutput).containsPattern(java.util.regex.Pattern.quote(kind)
                    + ": the job failed as expected after [1-9][0-9]* failed tasks: ");
        }
        assertThat(failingOutput).doesNotContain(FailingTaskApp.MARKER);
        int logs = 0;
        for (Path dir : workerDirs) {
            for (Path executor : executors(dir)) {
                try (Stream<Path> files = Files.walk(executor)) {
                    for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".jar")).toList()) {
                        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as("%s", file)
                                .doesNotContain(FailingTaskApp.MARKER);
                        logs++;
                    }
                }
            }
        }
        assertThat(logs).isPositive();
        try (Stream<Path> files = Files.walk(work.resolve("logs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, UTF_8)).as("%s", file).doesNotContain(FailingTaskApp.MARKER);
            }
        }
    }

    private static Path eventLog() {
        return work.resolve("event-log");
    }

    @Test
    void noEventLogIsKeptThoughTheClustersDefaultsAskForOne() throws IOException {
        assertThat(Files.readString(sparkHome.resolve("conf/spark-defaults.conf"), UTF_8)).contains("spark.eventLog.enabled true");
        try (Stream<Path> files = Files.list(eventLog())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theDriverTurnsOffTheSameLoggers() {
        // Spark's default logging, at INFO, on the driver too; the scheduler's task lines (a failed task's with its
        // exception) never.
        assertThat(submitOutput).contains("SparkContext: Running Spark version").doesNotContain("TaskSetManager:");
    }

    @Test
    void clusterSnapshotEqualsTheLocalOneTableByTable() throws Exception {
        assertThat(onCluster).as("the cluster's snapshot; spark-submit said:%n%s", tail(submitOutput)).isNotNull();
        TreeSet<String> clusterTables = tables(onCluster.dir());
        TreeSet<String> localTables = tables(local.dir());
        assertThat(clusterTables).isEqualTo(localTables).contains("fact_border_encounter", "fact_cpu_case",
                "fact_nrm_identification", "fact_service", "quarantine", "ingest_file");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            for (String table : clusterTables) {
                String a = relation(st, onCluster.dir().resolve(table), onCluster.id());
                String b = relation(st, local.dir().resolve(table), local.id());
                long rows = count(st, "SELECT count(*) FROM " + b);
                assertThat(count(st, "SELECT count(*) FROM " + a)).as("rows of %s", table).isEqualTo(rows);
                assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")"))
                        .as("rows of %s on the cluster and not in local mode", table).isZero();
                assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")"))
                        .as("rows of %s in local mode and not on the cluster", table).isZero();
            }
            // Not a comparison of two empty warehouses: rows were loaded, quarantined and refused.
            assertThat(count(st, "SELECT count(*) FROM " + relation(st, local.dir().resolve("fact_border_encounter"), local.id()))).isPositive();
            assertThat(count(st, "SELECT count(*) FROM " + relation(st, local.dir().resolve("quarantine"), local.id()))).isPositive();
        }
        assertThat(localReport.rejectedFiles()).isNotEmpty();
        assertThat(counts(onCluster)).isNotEmpty().containsExactlyInAnyOrderElementsOf(counts(local));
    }

    /** The counts a snapshot's manifest gives (rows, files, tables, slices), not its times or ids. */
    private static List<String> counts(Snapshot snapshot) throws IOException {
        return Files.readAllLines(snapshot.dir().resolve("manifest.properties"), UTF_8).stream()
                .filter(l -> l.startsWith("rows.") || l.startsWith("files.") || l.startsWith("table.") || l.startsWith("slices.")).toList();
    }

    /**
     * A table's rows as a DuckDB relation, with the snapshot's own id (which two runs cannot share: it names the run)
     * written as one word wherever a text column holds it.
     */
    private static String relation(Statement st, Path table, String snapshotId) throws Exception {
        String read = "read_parquet('" + table.resolve("**").resolve("*.parquet").toString().replace("'", "''")
                + "', hive_partitioning = true, union_by_name = true)";
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + read)) {
            while (rs.next()) {
                String name = "\"" + rs.getString("column_name").replace("\"", "\"\"") + "\"";
                columns.add(rs.getString("column_type").equals("VARCHAR")
                        ? "replace(" + name + ", '" + snapshotId + "', 'SNAPSHOT') AS " + name : name);
            }
        }
        return "(SELECT " + String.join(", ", columns) + " FROM " + read + ")";
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TreeSet<String> tables(Path snapshot) throws IOException {
        try (Stream<Path> dirs = Files.list(snapshot)) {
            return dirs.filter(Files::isDirectory).filter(ClusterJobIT::holdsParquet).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean holdsParquet(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The executor folders a worker made under its work folder (one per application and executor), at least one. */
    private static List<Path> executors(Path workerDir) throws IOException {
        try (Stream<Path> apps = Files.list(workerDir.resolve("work"))) {
            List<Path> executors = apps.filter(p -> p.getFileName().toString().startsWith("app-")).flatMap(ClusterJobIT::children).toList();
            assertThat(executors).as("executor folders under %s", workerDir).isNotEmpty();
            return executors;
        }
    }

    private static Stream<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A Spark home as a distribution lays it out: jars/ (links to Spark's jars from the Maven build) and an empty conf/,
     * made again in etl/target on every run.
     */
    private static Path sparkHome() throws IOException {
        Path home = TARGET.resolve("cluster-spark-home");
        if (Files.exists(home)) {
            try (Stream<Path> old = Files.walk(home)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(home);
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : Files.readString(TARGET.resolve("spark-classpath.txt"), UTF_8).strip().split(java.io.File.pathSeparator)) {
            Path source = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
        }
        // No logging file in conf/: the nodes log as Spark's defaults do, as on a cluster whose operator installed none. The
        // cluster's defaults keep an event log, which would record every failed task's reason: the job turns it off.
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(eventLog());
        Files.writeString(conf.resolve("spark-defaults.conf"), "spark.eventLog.enabled true\nspark.eventLog.dir "
                + eventLog().toUri() + "\n", UTF_8);
        return home;
    }

    /** A JVM from the Spark home's jars with the Java 17 module flags, its output in logs/NAME.log. */
    private static Process start(String name, List<String> mainAndArgs, Map<String, String> env) throws IOException {
        Path logs = Files.createDirectories(work.resolve("logs"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + ROOT.resolve("conf/jvm/spark-java17.args"), "-Xmx1g", "-Dspark.master.rest.enabled=false",
                "-cp", sparkHome.resolve("conf") + java.io.File.pathSeparator + sparkHome.resolve("jars") + "/*"));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void awaitWorkers(int wanted, Duration patience) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (last.replace(" ", "").contains("\"aliveworkers\":" + wanted)) {
                    return;
                }
            } catch (IOException notYet) {
                // The master is still starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The standalone cluster did not get " + wanted + " workers in " + patience + ": " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
