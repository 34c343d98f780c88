package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.ingest.fuzz.FuzzSummary;
import al.antitrafficking.etl.ingest.fuzz.MutatedFile;
import al.antitrafficking.etl.ingest.fuzz.MutatedFiles;
import al.antitrafficking.etl.ingest.fuzz.Mutation;
import al.antitrafficking.etl.ingest.fuzz.RunChecks;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.apache.commons.io.output.TeeOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 5: mutated regional files (byte flips, truncations, encodings, shuffled columns, huge fields, damaged
 * workbooks, broken names: see {@link Mutation}) made from the sample generator's valid files, all through one real
 * ingestion run and a rerun. Whatever a file holds: no crash, no partial write, no stack trace or value from a file
 * printed, every refusal with a reason code, file and line. Every expectation is worked out here (records counted with
 * commons-csv, fact rows read back from the Parquet), not taken from the job.
 *
 * <p>150 files by default; {@code -Dfuzz.files=N -Dfuzz.seed=S} (bin/fuzz-files) runs more. The summary is written to
 * etl/target/fuzz-files.md.
 */
class MutatedFilesTest {
    private static final int FILES = Integer.getInteger("fuzz.files", 150);
    private static final long SEED = Long.getLong("fuzz.seed", 20_170_005L);
    private static final long MAX_FILE_BYTES = 2L << 20;
    private static final Instant RUN_AT = Instant.parse("2026-06-15T10:00:00Z");
    private static final Path SUMMARY = TestProject.ROOT.resolve("etl/target/fuzz-files.md");

    @TempDir
    static Path work;
    static Path incoming;
    static Path warehouse;
    static MutatedFiles.Written written;
    static IngestReport first;
    static IngestReport rerun;
    static RunChecks checks;
    static final Map<String, List<String>> VIOLATIONS = new LinkedHashMap<>();

    @BeforeAll
    static void mutateThenIngestTwice() throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long started = System.nanoTime();
        incoming = work.resolve("incoming");
        warehouse = work.resolve("warehouse");
        AppConfig config = AppConfig.load(TestProject.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of(
                "etl.warehouse-key-file", TestProject.KEY_FILE.toString(), "etl.max-file-bytes", Long.toString(MAX_FILE_BYTES),
                "warehouse.dir", warehouse.toString()));
        written = MutatedFiles.write(TestProject.TERRITORY, TestProject.CONTRACT, work, incoming, FILES, SEED, MAX_FILE_BYTES,
                config.maxRowFields(), YearMonth.from(RUN_AT.atZone(ZoneId.of("Europe/Tirane"))));
        seconds.put("generating and mutating", (System.nanoTime() - started) / 1e9);
        IngestJob job = IngestJob.fromConfig(TestProject.spark(), config, Clock.fixed(RUN_AT, ZoneOffset.UTC));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Throwable failure = null;
        try {
            System.setOut(new PrintStream(new TeeOutputStream(out, captured), true, UTF_8));
            System.setErr(new PrintStream(new TeeOutputStream(err, captured), true, UTF_8));
            long t = System.nanoTime();
            first = job.run(incoming);
            System.out.print(first.summary());
            seconds.put("first run", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            rerun = job.run(incoming);
            System.out.print(rerun.summary());
            seconds.put("rerun", (System.nanoTime() - t) / 1e9);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (failure == null) {
            long t = System.nanoTime();
            check(captured.toString(UTF_8));
            seconds.put("checks", (System.nanoTime() - t) / 1e9);
            // The first run's own phases, as its manifest records them.
            java.util.Properties manifest = new java.util.Properties();
            try (var reader = Files.newBufferedReader(new Snapshots(warehouse).find(first.snapshotId()).orElseThrow().dir()
                    .resolve("manifest.properties"), UTF_8)) {
                manifest.load(reader);
            }
            for (String phase : List.of("scan", "decode", "spark")) {
                seconds.put("first run, " + phase + " (manifest)", Double.parseDouble(manifest.getProperty("seconds." + phase)));
            }
        }
        seconds.put("total", (System.nanoTime() - started) / 1e9);
        FuzzSummary.write(SUMMARY, FuzzSummary.of(written, checks, first, SEED, VIOLATIONS, seconds,
                failure == null ? null : failure.getClass().getName()));
        if (failure != null) {
            throw new AssertionError("The ingestion run over mutated files did not complete", failure);
        }
    }

    private static void check(String console) throws IOException {
        Snapshot snapshot = new Snapshots(warehouse).find(first.snapshotId()).orElseThrow();
        List<InputRecord> records = InputLedger.read(snapshot.dir());
        Map<String, List<Row>> tables = tables(snapshot);
        Map<String, Long> facts = new HashMap<>();
        for (Source s : Source.values()) {
            tables.get(s.table()).forEach(r -> facts.merge(r.getAs("source_file"), 1L, Long::sum));
        }
        Map<String, Long> quarantine = tables.get(WarehouseTable.QUARANTINE.folder()).stream()
                .collect(Collectors.groupingBy(r -> r.<String>getAs("source_file"), Collectors.counting()));
        checks = new RunChecks(written, incoming, records, IngestCorpusTest::label, facts, quarantine);
        VIOLATIONS.put("every file accounted for", checks.accounted());
        VIOLATIONS.put("refusals with code, file and line", checks.refusals());
        VIOLATIONS.put("each mutation's expected fate", checks.expectations());
        VIOLATIONS.put("rows in = loaded + quarantined = counted here", checks.rows());
        VIOLATIONS.put("rows in the snapshot", checks.snapshotRows());
        List<String> leaks = new ArrayList<>(checks.leaks("console", console));
        for (InputRecord r : records) {
            leaks.addAll(checks.leaks("message of a " + r.status() + " file", String.valueOf(r.message())));
        }
        for (String file : List.of(InputLedger.FILE, "manifest.properties")) {
            leaks.addAll(checks.leaks(file, Files.readString(snapshot.dir().resolve(file), UTF_8)));
        }
        tables.forEach((table, rows) -> leaks.addAll(checks.leaks("table " + table,
                rows.stream().map(r -> r.mkString("|")).collect(Collectors.joining("\n")))));
        VIOLATIONS.put("no stack trace and no value from a file printed, recorded or stored", leaks);
        VIOLATIONS.put("snapshot committed whole, rerun exact", committedWholeAndRerunExact(snapshot, records, tables));
    }

    /** Every table of the snapshot, decoded (Parquet compresses: its bytes prove nothing). */
    private static Map<String, List<Row>> tables(Snapshot snapshot) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(Stream.of(Source.values()).map(Source::table).toList());
        names.addAll(List.of(WarehouseTable.QUARANTINE.folder(), WarehouseTable.INGEST_FILE.folder()));
        for (String t : names) {
            tables.put(t, TestProject.spark().read().parquet(snapshot.dir().resolve(t).toString()).collectAsList());
        }
        return tables;
    }

    private static List<String> committedWholeAndRerunExact(Snapshot snapshot, List<InputRecord> records, Map<String, List<Row>> tables)
            throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> all = Files.walk(warehouse)) {
            all.map(p -> warehouse.relativize(p).toString()).filter(p -> p.contains(".staging-") || p.contains("normalised"))
                    .forEach(p -> wrong.add("left behind: " + p));
        }
        try (Stream<Path> runs = Files.list(warehouse.resolve(IngestJob.RUNS))) {
            runs.forEach(p -> wrong.add("a run folder left behind"));
        }
        if (!Files.isRegularFile(snapshot.dir().resolve("manifest.properties"))) {
            wrong.add("the snapshot has no manifest");
        }
        if (rerun.filesProcessed() != 0) {
            wrong.add("the rerun processed " + rerun.filesProcessed() + " files again");
        }
        Snapshot second = new Snapshots(warehouse).find(rerun.snapshotId()).orElseThrow();
        if (!ledger(records).equals(ledger(InputLedger.read(second.dir())))) {
            wrong.add("the rerun's ledger differs from the first run's");
        }
        Map<String, List<Row>> again = tables(second);
        tables.forEach((table, rows) -> {
            if (!sorted(rows, table).equals(sorted(again.get(table), table))) {
                wrong.add("the rerun's " + table + " differs from the first run's");
            }
        });
        if (!rerun.rowsByTable().equals(first.rowsByTable()) || !rerun.quarantinedByRule().equals(first.quarantinedByRule())) {
            wrong.add("the rerun's counts differ from the first run's");
        }
        return wrong;
    }

    /** A ledger without the slices' fates (new the first time, carried the second). */
    private static Set<String> ledger(List<InputRecord> records) {
        return records.stream().map(r -> r.withFate(null).toString()).collect(Collectors.toSet());
    }

    /** A table's rows as text, sorted; without the slices' fates, which a rerun changes from new to carried. */
    private static List<String> sorted(List<Row> rows, String table) {
        return rows.stream().map(r -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                if (!r.schema().fieldNames()[i].equals("slice_fate")) {
                    s.append(r.get(i)).append('|');
                }
            }
            return s.toString();
        }).sorted().toList();
    }

    @Test
    void everyMutationIsTriedAndFilesEndLoadedAsNilReturnsAndRefused() throws IOException {
        try (Stream<Path> files = Files.list(incoming)) {
            assertThat(files.count()).isEqualTo(FILES);
        }
        if (FILES >= Mutation.values().length) {
            assertThat(written.files().stream().map(MutatedFile::mutation).distinct()).containsExactlyInAnyOrder(Mutation.values());
        }
        assertThat(written.files().stream().map(f -> checks.record(f)).filter(r -> r != null).map(InputRecord::status).distinct())
                .contains(InputRecord.LOADED, InputRecord.NIL_RETURN, InputRecord.REJECTED);
        assertThat(written.files().stream().map(MutatedFile::name).distinct().count()).isEqualTo(FILES);
    }

    @Test
    void everyFileInTheFolderIsAccountedForOnceAsLoadedNilReturnOrRefused() {
        assertThat(VIOLATIONS.get("every file accounted for")).isEmpty();
    }

    @Test
    void everyRefusalHasAReasonCodeAndAMessageNamingTheFileAndTheLineOfItsRow() {
        assertThat(VIOLATIONS.get("refusals with code, file and line")).isEmpty();
    }

    @Test
    void eachMutationEndsAsItsKindRequires() {
        assertThat(VIOLATIONS.get("each mutation's expected fate")).isEmpty();
    }

    @Test
    void rowsInEqualLoadedPlusQuarantinedAndTheRecordsCountedHere() {
        assertThat(VIOLATIONS.get("rows in = loaded + quarantined = counted here")).isEmpty();
        assertThat(checks.rowsLost()).isZero();
        // Not a vacuous check: most files are read and counted here too.
        assertThat(checks.countedFiles()).isGreaterThan(FILES / 3);
    }

    @Test
    void aRefusedFileHasNoRowInTheFactsAndAHeldFileExactlyItsLoadedRows() {
        assertThat(VIOLATIONS.get("rows in the snapshot")).isEmpty();
        assertThat(first.rejectedFiles()).isNotEmpty();
        assertThat(first.rowsLoaded()).isPositive();
    }

    @Test
    void noStackTraceAndNoValueFromAFileIsPrintedRecordedOrStored() {
        assertThat(VIOLATIONS.get("no stack trace and no value from a file printed, recorded or stored")).isEmpty();
        assertThat(written.planted()).hasSizeGreaterThan(FILES / 20);
    }

    @Test
    void theSnapshotIsCommittedWholeAndARerunOverTheSameFolderIsExact() {
        assertThat(VIOLATIONS.get("snapshot committed whole, rerun exact")).isEmpty();
    }
}
