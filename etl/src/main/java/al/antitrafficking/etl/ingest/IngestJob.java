package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.intake.FileScan;
import al.antitrafficking.warehouse.intake.Landed;
import al.antitrafficking.warehouse.intake.Submission;
import al.antitrafficking.warehouse.intake.FileRefusal;
import al.antitrafficking.warehouse.intake.FileRejection;
import al.antitrafficking.warehouse.intake.FileProblem;
import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.Progress;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One ingestion run: the incoming folder becomes a new, immutable, committed snapshot.
 *
 * <p>Each file is one slice (source × county × month). {@link SlicePlan} decides what each slice becomes: carried
 * over unchanged (hard links, not read again), replaced by a newer file, kept after a refused correction or when
 * its file is gone, or withdrawn. New and changed files pass the file-level checks and the personal-data guard in
 * Java ({@link FileScan}); Spark then validates, conforms and re-keys their rows per source ({@link SourceLoad}).
 * One file, one fate: whatever fails on one file refuses that file, with a reason code, and the run goes on.
 *
 * <p>A run works in a staging folder and a work folder of its own, both owner-only; the normalised copies live in
 * the work folder. Whatever happens, the run deletes both unless it committed (a run that is killed leaves them to
 * the next run, which deletes only folders whose run is dead). Every count is checked (rows in = loaded +
 * quarantined) before the snapshot is committed. Publishing (DuckDB and CURRENT) is the warehouse build's step.
 */
public final class IngestJob {
    static final String RUNS = Snapshots.RUNS;
    /** How long a run waits for another run or build of the same warehouse to finish. */
    private static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofMinutes(30);

    private final SparkSession spark;
    private final Territory territory;
    private final DataContract contract;
    private final Countries countries;
    private final ColumnGuard guard;
    private final Pseudonyms pseudonyms;
    private final Path warehouseDir;
    private final Snapshots snapshots;
    private final double maxBadRowShare;
    private final long maxFileBytes;
    private final int maxRowFields;
    private final String rulesFingerprint;
    private final Clock clock;
    private final UnaryOperator<Dataset<Row>> rowsTap;
    private final int notedRows;

    IngestJob(SparkSession spark, AppConfig config, Pseudonyms pseudonyms, Clock clock, UnaryOperator<Dataset<Row>> rowsTap) {
        this(spark, config, pseudonyms, clock, rowsTap, SourceLoad.NOTED_ROWS);
    }

    private IngestJob(SparkSession spark, AppConfig config, Pseudonyms pseudonyms, Clock clock, UnaryOperator<Dataset<Row>> rowsTap,
            int notedRows) {
        this.spark = spark;
        this.territory = Territory.load(config.referenceDir());
        this.contract = DataContract.load(config.contractFile());
        this.countries = Countries.load(config.referenceDir());
        this.guard = ColumnGuard.load(config.piiDir(), territory, countries, contract);
        this.pseudonyms = pseudonyms;
        this.warehouseDir = config.warehouseDir();
        this.snapshots = new Snapshots(config.warehouseDir());
        this.maxBadRowShare = config.maxBadRowShare();
        this.maxFileBytes = config.maxFileBytes();
        this.maxRowFields = config.maxRowFields();
        this.rulesFingerprint = RulesFingerprint.of(config, pseudonyms);
        this.clock = clock;
        this.rowsTap = rowsTap;
        this.notedRows = notedRows;
    }

    public static IngestJob fromConfig(SparkSession spark, AppConfig config) {
        return fromConfig(spark, config, Clock.systemUTC());
    }

    /** A job whose run date (for months in the future) comes from {@code clock}. */
    public static IngestJob fromConfig(SparkSession spark, AppConfig config, Clock clock) {
        Pseudonyms pseudonyms = Pseudonyms.fromKey(Optional.of(config.warehouseKeyFile()), "NRM_WAREHOUSE_KEY", "warehouse");
        return new IngestJob(spark, config, pseudonyms, clock, UnaryOperator.identity());
    }

    /** For tests that make Spark fail on chosen rows: {@code rowsTap} sees each source's raw rows before they are checked. */
    static IngestJob withRowsTap(SparkSession spark, AppConfig config, UnaryOperator<Dataset<Row>> rowsTap) {
        return withRowsTap(spark, config, rowsTap, SourceLoad.NOTED_ROWS);
    }

    /** For tests of the second pass: at most {@code notedRows} quarantined rows are noted by the pass that writes the facts. */
    static IngestJob withRowsTap(SparkSession spark, AppConfig config, UnaryOperator<Dataset<Row>> rowsTap, int notedRows) {
        Pseudonyms pseudonyms = Pseudonyms.fromKey(Optional.of(config.warehouseKeyFile()), "NRM_WAREHOUSE_KEY", "warehouse");
        return new IngestJob(spark, config, pseudonyms, Clock.systemUTC(), rowsTap, notedRows);
    }

    public IngestReport run(Path incomingDir) {
        // One ETL run or warehouse build at a time on a warehouse; a run that dies releases the lock with its process.
        try (var lock = snapshots.lockWarehouse(LOCK_PATIENCE)) {
            return runLocked(incomingDir);
        }
    }

    private IngestReport runLocked(Path incomingDir) {
        long started = System.nanoTime();
        Path runs = warehouseDir.resolve(RUNS);
        for (String dead : RunFolder.deleteAbandoned(runs)) {
            RunFolder.deleteTree(warehouseDir.resolve("snapshots").resolve(".staging-" + dead));
        }
        Optional<Snapshot> previous = snapshots.list().stream().reduce((a, b) -> b);
        List<InputRecord> previousRecords = previous.map(s -> InputLedger.read(s.dir())).orElse(List.of());
        boolean sameRules = previous.isPresent() && rulesFingerprint.equals(manifest(previous.get()).getProperty("rules.fingerprint"));
        Path staging = ownerOnly(snapshots.newStagingDir());
        String id = Snapshots.idOf(staging);
        boolean committed = false;
        Thread cleanup = new Thread(() -> RunFolder.deleteTree(staging));
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (RunFolder work = RunFolder.create(runs, id)) {
            Map<String, List<InputRecord>> byName = new HashMap<>();
            previousRecords.forEach(r -> byName.computeIfAbsent(r.fileName(), n -> new ArrayList<>()).add(r));
            Progress.stage("listing the incoming files", 0, "");
            Landing.Scan landing = new Landing(territory, pseudonyms, clock).scan(incomingDir, byName);
            Set<String> refusedSlices = new HashSet<>();
            List<InputRecord> landingRecords = new ArrayList<>();
            for (Landing.Refused r : landing.rejected()) {
                // An unchanged file refused before keeps its record: an unchanged rerun changes nothing.
                InputRecord rec = byName.getOrDefault(r.rejection().fileName(), List.of()).stream()
                        .filter(p -> p.rejected() && !r.checksum().isEmpty() && p.checksum().equals(r.checksum())
                                && r.rejection().problem().name().equals(p.problem()))
                        .findFirst().orElseGet(() -> InputRecord.refused(r.rejection(), r.checksum(), r.sizeBytes(), r.modifiedAt(), id));
                landingRecords.add(rec);
                if (rec.slice() != null) {
                    refusedSlices.add(rec.slice());
                }
            }
            SlicePlan plan = SlicePlan.plan(previousRecords, landing.files(), refusedSlices, sameRules, id);
            // A slice kept without its file is known now: refused before any file is scanned or Spark runs.
            refuseStaleSlices(plan, previous, sameRules);
            long scanned = System.nanoTime();
            FileScan fileScan = new FileScan(contract, guard, maxFileBytes, maxRowFields, work.subfolder("normalised"));
            List<InputRecord> processed = new ArrayList<>();
            List<Submission> readable = new ArrayList<>();
            // Files are scanned side by side (each writes its own copy); their fates are taken in the plan's order.
            Progress.stage("checking files (encoding, header, personal-data guard)", plan.toProcess().size(), "files");
            for (Scanned s : scanAll(fileScan, plan.toProcess(), id)) {
                if (s.submission() != null) {
                    readable.add(s.submission());
                } else {
                    processed.add(s.refused());
                }
            }
            long decodedAt = System.nanoTime();
            Conformer conformer = new Conformer(spark, territory, contract, countries.codes(), pseudonyms);
            SourceLoad load = new SourceLoad(spark, contract, conformer, maxBadRowShare, rowsTap, notedRows);
            Path attempts = work.subfolder("attempts");
            List<SourceLoad.Outcome> outcomes = new ArrayList<>();
            Progress.stage("Spark: validating, conforming and re-keying rows", readable.stream().mapToLong(Submission::rowsIn).sum(), "rows");
            try (SparkProgress tasks = SparkProgress.on(spark)) {
                for (Source source : Source.values()) {
                    List<Submission> files = readable.stream().filter(s -> s.file().source() == source).toList();
                    if (!files.isEmpty()) {
                        tasks.now(source.code() + " (" + files.size() + " files)");
                        outcomes.addAll(load.load(source, files, attempts, id));
                        Progress.step(files.stream().mapToLong(Submission::rowsIn).sum());
                    }
                }
            }
            Progress.stage("writing and verifying the snapshot", 0, "");
            outcomes.forEach(o -> processed.add(o.record()));
            plan.settle(processed);
            // Again for a slice kept because its new file was refused in processing.
            refuseStaleSlices(plan, previous, sameRules);
            for (SlicePlan.Carry c : plan.carries()) {
                SliceFiles.carryOver(previous.orElseThrow().dir(), staging, c.record(), c.facts());
            }
            for (SourceLoad.Outcome o : outcomes) {
                SliceFiles.place(o.record().holdsSlice() ? o.facts() : null, o.quarantine(), staging, o.record());
            }
            Progress.debug("etl: slices carried over and placed");
            List<InputRecord> records = new ArrayList<>(plan.records());
            records.addAll(landingRecords);
            records.sort(Comparator.comparing(InputRecord::fileName).thenComparing(r -> r.fate() == null ? "" : r.fate().name()));
            SnapshotTables tables = new SnapshotTables(spark, contract);
            tables.writeSchemaFiles(staging, conformer);
            Dimensions.write(spark, territory, staging);
            Progress.debug("etl: schema files and dimensions written");
            InputLedger.write(staging, records);
            tables.writeIngestFileTable(staging, records);
            SnapshotCheck check = new SnapshotCheck(spark);
            Progress.debug("etl: ingest ledger and table written");
            Map<String, Long> rowsByTable = check.verify(staging, records, id);
            Map<String, Long> byRule = check.quarantineByRule(staging);
            Progress.debug("etl: snapshot verified");
            long sparkDone = System.nanoTime();
            IngestReport report = IngestReport.of(id, records, plan.toProcess().size(), byRule, rowsByTable,
                    (System.nanoTime() - started) / 1e9);
            SnapshotTables.writeManifest(staging, manifestEntries(report, previous, Map.of("scan", (scanned - started) / 1e9,
                    "decode", (decodedAt - scanned) / 1e9, "spark", (sparkDone - decodedAt) / 1e9)));
            readableBy(staging, staging.getParent());
            Progress.debug("etl: manifest written, permissions set");
            snapshots.commit(staging);
            Progress.debug("etl: snapshot committed");
            committed = true;
            return report;
        } finally {
            if (!committed) {
                RunFolder.deleteTree(staging);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping: the hook deletes the staging folder.
            }
        }
    }

    private Map<String, Object> manifestEntries(IngestReport report, Optional<Snapshot> previous, Map<String, Double> seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot", report.snapshotId());
        m.put("created", Instant.now(clock));
        m.put("previous", previous.map(Snapshot::id).orElse(""));
        m.put("rules.fingerprint", rulesFingerprint);
        m.put("contract.version", contract.version());
        m.put("files.loaded", report.filesLoaded());
        m.put("files.nil-returns", report.nilReturns());
        m.put("files.rejected", report.rejectedFiles().size());
        m.put("files.carried-over", report.filesCarried());
        m.put("files.processed", report.filesProcessed());
        report.slicesByFate().forEach((fate, n) -> m.put("slices." + fate.name().toLowerCase(java.util.Locale.ROOT), n));
        m.put("rows.in", report.rowsIn());
        m.put("rows.loaded", report.rowsLoaded());
        m.put("rows.quarantined", report.rowsQuarantined());
        report.rowsByTable().forEach((t, n) -> m.put("table." + t, n));
        seconds.forEach((phase, s) -> m.put("seconds." + phase, String.format(java.util.Locale.ROOT, "%.2f", s)));
        m.put("seconds.total", String.format(java.util.Locale.ROOT, "%.2f", report.seconds()));
        return m;
    }

    private static Properties manifest(Snapshot snapshot) {
        Properties p = new Properties();
        Path file = snapshot.dir().resolve("manifest.properties");
        if (Files.isRegularFile(file)) {
            try (var reader = Files.newBufferedReader(file, UTF_8)) {
                p.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return p;
    }

    /** While it is written, a staging folder is its owner's alone. */
    private static Path ownerOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return dir;
        } catch (IOException e) {
            RunFolder.deleteTree(dir);
            throw new UncheckedIOException("Cannot make the staging folder owner-only", e);
        }
    }

    /** A committed snapshot is as readable as the folder that holds the snapshots. */
    private static void readableBy(Path dir, Path like) {
        try {
            Files.setPosixFilePermissions(dir, Files.getPosixFilePermissions(like));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set the snapshot's permissions", e);
        }
    }

    /** One file after the scan: readable, or refused with its record. */
    private record Scanned(Submission submission, InputRecord refused) {}

    /**
     * The file-level checks of every file, on as many threads as the driver has cores (the scan and its guard are the
     * Java side of a run: a tenth of a million-row run on one core before). Results in the order of {@code files}.
     */
    private static List<Scanned> scanAll(FileScan fileScan, List<Landed> files, String id) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "file-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Scanned>> futures = new ArrayList<>();
            for (Landed file : files) {
                futures.add(pool.submit(() -> scanOne(fileScan, file, id)));
            }
            List<Scanned> out = new ArrayList<>();
            for (java.util.concurrent.Future<Scanned> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("Cannot scan the incoming files", cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while scanning the incoming files", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Scanned scanOne(FileScan fileScan, Landed file, String id) {
        try {
            return new Scanned(fileScan.scan(file), null);
        } catch (FileRefusal refusal) {
            return new Scanned(null, InputRecord.refused(refusal.rejection(), file.checksum(), file.sizeBytes(), file.modifiedAt(), id));
        } catch (IOException | UncheckedIOException e) {
            return new Scanned(null, InputRecord.refused(FileRejection.of(file, FileProblem.UNREADABLE_FILE, "Cannot load submission: "
                    + file.fileName() + " cannot be read from the incoming folder"), file.checksum(), file.sizeBytes(), file.modifiedAt(), id));
        } finally {
            Progress.step(1);
        }
    }

    /**
     * Under other rules than the previous snapshot's (another contract, reference data, guard, limits, warehouse key or
     * form of the stored keys), every slice is processed again: a slice kept without a file to process (removed from the
     * incoming folder, or its correction refused) holds facts made under the old rules, which cannot stand beside the
     * new ones (a child keyed two ways would be counted twice). The run is refused before anything is written, naming
     * the slices.
     */
    private static void refuseStaleSlices(SlicePlan plan, Optional<Snapshot> previous, boolean sameRules) {
        if (previous.isEmpty() || sameRules) {
            return;
        }
        List<String> stale = plan.carries().stream().filter(SlicePlan.Carry::facts).map(c -> c.record().slice()).distinct().sorted().toList();
        if (!stale.isEmpty()) {
            throw new IllegalStateException("Cannot write a snapshot: the rules changed since snapshot " + previous.get().id()
                    + " (the contract, the reference data, the personal-data guard, the limits or the warehouse key), so every slice"
                    + " must be processed again, but " + stale.size() + " slice(s) have no file that loads: "
                    + String.join(", ", stale.subList(0, Math.min(stale.size(), 20))) + (stale.size() > 20 ? ", ..." : "")
                    + ". Put each slice's file back in the incoming folder (a refused correction: send it corrected, or withdraw"
                    + " the slice with a .withdraw file), then run again; nothing was written and snapshot " + previous.get().id()
                    + " stays current.");
        }
    }
}
