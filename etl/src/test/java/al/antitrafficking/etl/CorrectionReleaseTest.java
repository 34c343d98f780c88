package al.antitrafficking.etl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.release.Ledger;
import al.antitrafficking.warehouse.release.ReleaseBuilder;
import al.antitrafficking.warehouse.release.ReleaseCell;
import al.antitrafficking.warehouse.release.Releases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrected regional file through the real path (Spark job, DuckDB build, release): the corrected release's cells
 * are worked out from the previous snapshot's for the changed files only, and must be exactly what computing
 * everything from the facts gives, cell by cell and status by status.
 */
class CorrectionReleaseTest {
    @TempDir
    Path work;

    @Test
    void aCorrectedFileIsWorkedOutFromThePreviousCellsAndEqualsComputingEverything() throws Exception {
        Path incoming = work.resolve("incoming");
        Path warehouse = work.resolve("warehouse");
        new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, 33, YearMonth.of(2025, 1), YearMonth.of(2025, 4))
                .generate(incoming, 3000);
        AppConfig config = TestProject.CONFIG.withWarehouseDir(warehouse);
        Catalogue catalogue = Catalogue.load(config.catalogueFile());
        Snapshots snapshots = new Snapshots(warehouse);
        Ledger ledger = new Ledger(warehouse);

        Snapshot first = ingestAndBuild(config, snapshots, incoming);
        ReleaseBuilder.Built original = Releases.build(config, first, catalogue, TestProject.TERRITORY);
        assertThat(original.computed().changedFiles()).as("the first release has no base").isEqualTo(-1);
        Releases.publish(snapshots, ledger, first);

        // The border file of Tirana for March is sent again without its first three children's rows and with one other
        // child's sex corrected, and the CPU file of Durrës for February with one row less: two sources, two counties,
        // with children also in other files, and most children of the two files left as they were.
        Path border = incoming.resolve("border_AL-11_2025-03.csv");
        Path cpu = incoming.resolve("cpu_AL-05_2025-02.csv");
        List<String> borderLines = Files.readAllLines(border, UTF_8);
        int pseudonym = TestProject.CONTRACT.columns(Source.BORDER).indexOf("child_pseudonym");
        int sex = TestProject.CONTRACT.columns(Source.BORDER).indexOf("sex");
        Set<String> dropped = new HashSet<>();
        for (String line : borderLines.subList(1, borderLines.size())) {
            if (dropped.size() < 3) {
                dropped.add(line.split(",", -1)[pseudonym]);
            }
        }
        List<String> sent = new java.util.ArrayList<>(borderLines.stream().filter(l -> !dropped.contains(l.split(",", -1)[pseudonym])).toList());
        String[] resexed = sent.get(1).split(",", -1);
        resexed[sex] = resexed[sex].equals("M") ? "F" : "M";
        sent.set(1, String.join(",", resexed));
        Files.write(border, sent, UTF_8);
        List<String> cpuLines = Files.readAllLines(cpu, UTF_8);
        Files.write(cpu, cpuLines.subList(0, cpuLines.size() - 1), UTF_8);
        Set<String> changedChildren = new HashSet<>(dropped);
        changedChildren.add(resexed[pseudonym]);
        int cpuPseudonym = TestProject.CONTRACT.columns(Source.CPU).indexOf("child_pseudonym");
        changedChildren.add(cpuLines.get(cpuLines.size() - 1).split(",", -1)[cpuPseudonym]);
        Set<String> childrenOfTheFiles = new HashSet<>();
        borderLines.subList(1, borderLines.size()).forEach(l -> childrenOfTheFiles.add(l.split(",", -1)[pseudonym]));
        cpuLines.subList(1, cpuLines.size()).forEach(l -> childrenOfTheFiles.add(l.split(",", -1)[cpuPseudonym]));

        IngestReport report = IngestJob.fromConfig(TestProject.spark(), config).run(incoming);
        Snapshot corrected = snapshots.find(report.snapshotId()).orElseThrow();
        WarehouseBuilder builder = new WarehouseBuilder();
        Map<WarehouseTable, Long> patchedRows = builder.build(corrected, Releases.base(config, corrected));
        assertThat(builder.correctedFiles()).as("the database is the first snapshot's, patched").isEqualTo(4);
        assertThat(rows(first.dir().resolve(Snapshots.DATABASE_FILE), "build_table_rows")).as("the base's build kept each table's rows")
                .isEqualTo(WarehouseTable.values().length);
        // The patched pathway is the pathway built from all the facts, row for row; the tables' rows worked out from the
        // base's and the changed files are those counted over all the files (the correction dropped rows of two of them).
        Path patched = Files.copy(corrected.dir().resolve(Snapshots.DATABASE_FILE), work.resolve("patched.duckdb"));
        Map<WarehouseTable, Long> countedRows = new WarehouseBuilder().build(corrected);
        // The database built in full keeps no replaced pathways: a correction on it finds the changed children itself.
        Path fullyBuilt = Files.createDirectories(work.resolve("fully-built"));
        Files.copy(corrected.dir().resolve(Snapshots.DATABASE_FILE), fullyBuilt.resolve(Snapshots.DATABASE_FILE));
        assertThat(count(fullyBuilt.resolve(Snapshots.DATABASE_FILE),
                "SELECT count(*) FROM duckdb_tables() WHERE table_name = '" + WarehouseBuilder.PATHWAYS_BASE + "'")).as("no replaced pathways kept").isZero();
        assertThat(patchedRows).isEqualTo(countedRows);
        assertThat(differingPathwayRows(patched, corrected.dir().resolve(Snapshots.DATABASE_FILE))).isZero();
        assertThat(pathwayRowsChanged(first.dir().resolve(Snapshots.DATABASE_FILE), patched)).as("the correction changed pathways").isPositive();
        // Only the pathways of the children whose rows changed were computed again, not those of every child of the files.
        assertThat(childrenOfTheFiles.size()).isGreaterThan(changedChildren.size());
        assertThat(rows(patched, WarehouseBuilder.PATHWAYS_REPLACED)).as("pathways replaced").isEqualTo(changedChildren.size());
        // Counts kept for another snapshot (a database an older build patched keeps its base's) are not taken for the base's;
        // a base whose database was built before builds kept their tables' rows, or kept them without naming the snapshot, is
        // patched all the same, its rows counted.
        for (String older : List.of("UPDATE build_table_rows SET snapshot = 'another', row_count = row_count + 1000",
                "ALTER TABLE build_table_rows DROP COLUMN snapshot", "DROP TABLE build_table_rows")) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + first.dir().resolve(Snapshots.DATABASE_FILE)); var s = c.createStatement()) {
                s.execute(older);
            }
            WarehouseBuilder fromOlder = new WarehouseBuilder();
            assertThat(fromOlder.build(corrected, Releases.base(config, corrected))).as(older).isEqualTo(countedRows);
            assertThat(fromOlder.correctedFiles()).as("patched, not built again in full").isEqualTo(4);
        }
        Files.copy(patched, corrected.dir().resolve(Snapshots.DATABASE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // The release's correction takes the changed files the patch was made with, as the build command passes them.
        assertThat(builder.changesFrom(first.dir(), corrected.dir())).as("the files the patch was made with").isPresent();
        assertThat(builder.changesFrom(corrected.dir(), corrected.dir())).as("no patch was made from another base").isEmpty();
        assertThat(builder.changesFrom(first.dir(), first.dir())).as("nor of another snapshot").isEmpty();
        ReleaseBuilder.Built incremental = Releases.build(config, corrected, catalogue, TestProject.TERRITORY,
                baseDir -> builder.changesFrom(baseDir, corrected.dir()));
        assertThat(incremental.computed().changedFiles()).as("one old and one new file for each of the two corrected files").isEqualTo(4);
        assertThat(incremental.stats().auditExposures()).isZero();
        assertThat(incremental.stats().rechecked()).as("protected and audited again only around the change")
                .isPositive().isLessThan(incremental.stats().cells() / 2);

        Optional<Ledger.Loaded> previous = ledger.previous(corrected.id());
        assertThat(previous).map(Ledger.Loaded::id).contains(first.id());
        ReleaseBuilder full = new ReleaseBuilder(catalogue, TestProject.TERRITORY, new ReleaseBuilder.Settings(config.disclosureMinCount(),
                config.disclosureMaxSmallShare(), config.disclosureMinimise()));
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        ReleaseBuilder.Built everything;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + corrected.dir().resolve(Snapshots.DATABASE_FILE), readOnly)) {
            everything = full.build(corrected.id(), c, previous);
        }
        assertThat(everything.computed().changedFiles()).isEqualTo(-1);
        // Computed and audited whole, the same release passes: what the correction did not look at again was safe.
        assertThat(everything.stats().auditExposures()).isZero();
        assertThat(everything.stats().unprotected()).isZero();
        assertThat(incremental.computed().lines()).isEqualTo(everything.computed().lines());
        // Medians are worked out from day counts too: the correction moved the median of some cell.
        Map<String, String> mediansBefore = medians(original.computed().lines());
        assertThat(medians(incremental.computed().lines()).entrySet().stream()
                .filter(m -> mediansBefore.containsKey(m.getKey()) && !mediansBefore.get(m.getKey()).equals(m.getValue())))
                .as("cells whose median the correction changed").isNotEmpty();
        assertThat(lines(incremental.cells())).isEqualTo(lines(everything.cells()));
        ReleaseBuilder.Built onTheFullBuild;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + fullyBuilt.resolve(Snapshots.DATABASE_FILE), readOnly)) {
            onTheFullBuild = full.build(corrected.id(), c, previous, Optional.of(new ReleaseBuilder.Base(first.dir(), fullyBuilt,
                    builder.changesFrom(first.dir(), corrected.dir()), AppConfig.DEFAULTS.get("warehouse.duckdb-memory-limit"))));
        }
        assertThat(onTheFullBuild.computed().changedFiles()).as("worked out from the base, on a database without replaced pathways").isEqualTo(4);
        assertThat(onTheFullBuild.computed().lines()).isEqualTo(everything.computed().lines());
        assertThat(incremental.stats().withheld()).isEqualTo(everything.stats().withheld());

        // The correction is in the figures: children encountered in Albania in March 2025 fell by the children dropped
        // (when they had no other encounter that month), counted here in the files.
        assertThat(truth(incremental.cells(), "2025-03") - truth(original.cells(), "2025-03"))
                .isEqualTo(-(long) droppedAltogether(incoming, dropped, pseudonym));
    }

    /** Each computed cell's median by its table and key, from {@code Computed.lines()} ("table|key = n in r rows, median m"). */
    private static Map<String, String> medians(List<String> lines) {
        Map<String, String> medians = new java.util.HashMap<>();
        for (String line : lines) {
            int median = line.indexOf(", median ");
            if (median >= 0) {
                medians.put(line.substring(0, line.indexOf(" = ")), line.substring(median + ", median ".length()));
            }
        }
        return medians;
    }

    private Snapshot ingestAndBuild(AppConfig config, Snapshots snapshots, Path incoming) {
        IngestReport report = IngestJob.fromConfig(TestProject.spark(), config).run(incoming);
        Snapshot snapshot = snapshots.find(report.snapshotId()).orElseThrow();
        new WarehouseBuilder().build(snapshot);
        return snapshot;
    }

    /** Rows of child_pathway in one database and not the other, either way, counting duplicates. */
    private static long differingPathwayRows(Path a, Path b) throws Exception {
        return pathwayQuery(a, b, "(SELECT * FROM a.child_pathway EXCEPT ALL SELECT * FROM b.child_pathway) UNION ALL "
                + "(SELECT * FROM b.child_pathway EXCEPT ALL SELECT * FROM a.child_pathway)");
    }

    /** How many rows a table of a database has. */
    private static long rows(Path database, String table) throws Exception {
        return count(database, "SELECT count(*) FROM " + table);
    }

    /** The number a counting query gives on a database. */
    private static long count(Path database, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database); var s = c.createStatement();
             var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long pathwayRowsChanged(Path a, Path b) throws Exception {
        return pathwayQuery(a, b, "SELECT * FROM a.child_pathway EXCEPT ALL SELECT * FROM b.child_pathway");
    }

    private static long pathwayQuery(Path a, Path b, String rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("ATTACH '" + a + "' AS a (READ_ONLY)");
            s.execute("ATTACH '" + b + "' AS b (READ_ONLY)");
            try (var rs = s.executeQuery("SELECT count(*) FROM (" + rows + ")")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> lines(List<ReleaseCell> cells) {
        return cells.stream().map(c -> c.key() + " " + c.truth() + " " + c.median() + " " + c.status()).sorted().toList();
    }

    /** Albania's count of distinct children encountered at the border in a month, as the release computed it. */
    private static long truth(List<ReleaseCell> cells, String month) {
        return cells.stream().filter(c -> c.key().family().equals("border.encounter_date.children") && c.key().criteria().equals("*")
                        && c.key().territory().equals("AL") && c.key().period().equals(month))
                .mapToLong(ReleaseCell::truth).findFirst().orElseThrow();
    }

    /** How many of the dropped children have no border row left anywhere in March 2025. */
    private static int droppedAltogether(Path incoming, Set<String> dropped, int pseudonym) throws Exception {
        int date = TestProject.CONTRACT.columns(Source.BORDER).indexOf("encounter_date");
        Set<String> stillThere = new HashSet<>();
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("border_")).toList()) {
                List<String> lines = Files.readAllLines(f, UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.split(",", -1);
                    if (dropped.contains(fields[pseudonym]) && fields[date].startsWith("2025-03")) {
                        stillThere.add(fields[pseudonym]);
                    }
                }
            }
        }
        return dropped.size() - stillThere.size();
    }
}
