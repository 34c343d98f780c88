package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.disclosure.LinkedSystem;
import al.antitrafficking.warehouse.disclosure.Relation;
import al.antitrafficking.warehouse.indicator.FactTable;
import al.antitrafficking.warehouse.indicator.PeriodType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The computed cells a correction starts from: kept, found again only for the same plan, and corrected by difference. */
class CorrectedCellsTest {
    @TempDir
    Path dir;

    private static final Family BORDER = Family.of(FactTable.BORDER, "encounter_date", true);
    private static final List<YearMonth[]> WINDOWS = List.<YearMonth[]>of(new YearMonth[] {YearMonth.of(2025, 1), YearMonth.of(2025, 12)});

    @Test
    void thePlansFingerprintIsItsTablesInWordsThatDoNotDependOnTheOrderOfASet() throws Exception {
        ReleaseTable table = new ReleaseTable("t1", BORDER, Criteria.ALL, List.of("sex"),
                EnumSet.of(Level.MUNICIPALITY, Level.ALBANIA, Level.COUNTY), true, PeriodType.MONTH, Optional.empty());
        // Worked out by hand: each word after its length, the levels in their natural order whatever order the table's set
        // iterates in.
        String text = "2:t1" + BORDER.id().length() + ":" + BORDER.id() + "1:*5:[sex]31:[ALBANIA, COUNTY, MUNICIPALITY]4:true5:MONTH0:"
                + "\n2025-01/2025-12\n" + CellComputer.TABLE + CellComputer.WINDOW;
        assertThat(Criteria.ALL.key()).isEqualTo("*");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));

        assertThat(CorrectedCells.fingerprint(List.of(table), WINDOWS)).isEqualTo(expected);
        assertThat(CorrectedCells.fingerprint(List.of(table), List.of())).isNotEqualTo(expected);
    }

    @Test
    void theCorrectionsOwnDatabaseAndItsWorkersConnectionsTakeAtMostTheGivenMemoryAndSpillBesideTheSnapshot() throws Exception {
        Path spill = dir.resolve("snapshot").resolve(CorrectedCells.SPILL);
        // A killed correction's spilled rows.
        java.nio.file.Files.createDirectories(spill);
        java.nio.file.Files.writeString(spill.resolve("left-over.tmp"), "rows");
        // 64 MB are 64,000,000 bytes, 61.04 MiB, which DuckDB names to a tenth of a MiB; unbounded it would name 80 % of
        // this machine's memory, gigabytes.
        try (Connection m = CorrectedCells.open("64MB", spill);
             Connection worker = m.unwrap(DuckDBConnection.class).duplicate()) {
            assertThat(setting(m, "memory_limit")).isEqualTo("61.0 MiB");
            assertThat(setting(worker, "memory_limit")).isEqualTo("61.0 MiB");
            // Not .tmp in the folder the process runs in.
            assertThat(setting(worker, "temp_directory")).isEqualTo(spill.toAbsolutePath().toString());
            assertThat(spill.resolve("left-over.tmp")).doesNotExist();
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void keptCellsAreFoundAgainOnlyForTheSamePlan() {
        List<CellComputer.Raw> cells = List.of(raw(Level.ALBANIA, "AL", "2025-03", List.of("F"), 12, 15),
                new CellComputer.Raw(Level.COUNTY, "AL-07", "2025", List.of(), 5, DayCounts.parse("-2:1 18:3 19:3"), 7));
        CorrectedCells.write(dir, "plan-a", "audit-1", Map.of("t1", cells));

        assertThat(CorrectedCells.read(dir, "plan-a")).contains(new CorrectedCells.Kept(Map.of("t1", cells), "audit-1"));
        assertThat(CorrectedCells.read(dir, "plan-b")).isEmpty();
        assertThat(CorrectedCells.read(dir.resolve("elsewhere"), "plan-a")).isEmpty();
    }

    @Test
    void aCorrectionTakesOffTheOldRowsOfTheChangedChildrenAndAddsTheirNewRows() {
        List<CellComputer.Raw> old = List.of(raw(Level.ALBANIA, "AL", "2025-03", List.of(), 100, 130),
                raw(Level.COUNTY, "AL-07", "2025-03", List.of(), 3, 3),
                raw(Level.COUNTY, "AL-08", "2025-03", List.of(), 40, 52));
        // The changed children: before, 5 of them in Albania (3 in AL-07, 2 in AL-08); after, 4 (none in AL-07, 3 in AL-08,
        // and 1 in AL-09, where nobody was).
        List<CellComputer.Raw> minus = List.of(raw(Level.ALBANIA, "AL", "2025-03", List.of(), 5, 6),
                raw(Level.COUNTY, "AL-07", "2025-03", List.of(), 3, 3), raw(Level.COUNTY, "AL-08", "2025-03", List.of(), 2, 3));
        List<CellComputer.Raw> plus = List.of(raw(Level.ALBANIA, "AL", "2025-03", List.of(), 4, 4),
                raw(Level.COUNTY, "AL-08", "2025-03", List.of(), 3, 3), raw(Level.COUNTY, "AL-09", "2025-03", List.of(), 1, 1));

        assertThat(CorrectedCells.apply(old, minus, plus)).hasValueSatisfying(cells -> assertThat(cells).containsExactlyInAnyOrder(
                raw(Level.ALBANIA, "AL", "2025-03", List.of(), 99, 128),
                raw(Level.COUNTY, "AL-08", "2025-03", List.of(), 41, 52),
                raw(Level.COUNTY, "AL-09", "2025-03", List.of(), 1, 1)));
        // Taking off more than a cell held means the kept cells are not the base's: nothing is guessed.
        assertThat(CorrectedCells.apply(old, List.of(raw(Level.COUNTY, "AL-07", "2025-03", List.of(), 4, 4)), List.of())).isEmpty();
        assertThat(CorrectedCells.apply(old, List.of(raw(Level.COUNTY, "AL-10", "2025-03", List.of(), 1, 1)), List.of())).isEmpty();
    }

    @Test
    void aCorrectionOfATableOfMediansTakesOffAndAddsDayCountsAndReadsTheMedianFromThem() {
        // Before: 4 rows of 3 children in AL-07, days 2 2 6 30 (median 4). The changed child had the row of 30 days; after,
        // its rows are of 5 and 8 days: 2 2 5 6 8, median 5.
        List<CellComputer.Raw> old = List.of(days(3, "2:2 6:1 30:1", 4));
        List<CellComputer.Raw> minus = List.of(days(1, "30:1", 1));
        List<CellComputer.Raw> plus = List.of(days(1, "5:1 8:1", 2));

        assertThat(old.get(0).median()).isEqualTo(4.0);
        assertThat(CorrectedCells.apply(old, minus, plus)).hasValueSatisfying(cells -> {
            assertThat(cells).containsExactly(days(3, "2:2 5:1 6:1 8:1", 5));
            assertThat(cells.get(0).median()).isEqualTo(5.0);
        });
        // A day the base never counted cannot be taken off: the kept cells are not the base's.
        assertThat(CorrectedCells.apply(old, List.of(days(1, "31:1", 1)), List.of())).isEmpty();
    }

    private static CellComputer.Raw days(long count, String days, long rows) {
        return new CellComputer.Raw(Level.COUNTY, "AL-07", "2025-03", List.of(), count, DayCounts.parse(days), rows);
    }

    @Test
    void theAuditFingerprintChangesWithTheMinimumCountAndWithARelationButNotWithTheOrderOfRelations() {
        Tabulation.CellSet set = new Tabulation.CellSet();
        int total = set.add(CellKey.of("f", "*", "AL", "2025"), 10, null, false);
        int a = set.add(CellKey.of("f", "*", "AL-01", "2025"), 6, null, false);
        int b = set.add(CellKey.of("f", "*", "AL-02", "2025"), 4, null, false);
        int c = set.add(CellKey.of("f", "*", "AL", "2025-Q1"), 3, null, false);
        ReleaseBuilder.Settings settings = new ReleaseBuilder.Settings(3, 0.5, false);
        LinkedSystem one = system(set, new Relation(total, new int[] {a, b}, Relation.Kind.DISTINCT),
                new Relation(total, new int[] {c}, Relation.Kind.DISTINCT));
        LinkedSystem reordered = system(set, new Relation(total, new int[] {c}, Relation.Kind.DISTINCT),
                new Relation(total, new int[] {b, a}, Relation.Kind.DISTINCT));
        LinkedSystem more = system(set, new Relation(total, new int[] {a, b}, Relation.Kind.DISTINCT),
                new Relation(total, new int[] {c}, Relation.Kind.DISTINCT), new Relation(a, new int[] {c}, Relation.Kind.DISTINCT));

        String fingerprint = ReleaseBuilder.auditFingerprint(one, set, settings);
        assertThat(ReleaseBuilder.auditFingerprint(reordered, set, settings)).isEqualTo(fingerprint);
        assertThat(ReleaseBuilder.auditFingerprint(more, set, settings)).isNotEqualTo(fingerprint);
        assertThat(ReleaseBuilder.auditFingerprint(one, set, new ReleaseBuilder.Settings(5, 0.5, false))).isNotEqualTo(fingerprint);
        assertThat(ReleaseBuilder.auditFingerprint(system(set, new Relation(total, new int[] {a, b}, Relation.Kind.EXACT),
                new Relation(total, new int[] {c}, Relation.Kind.DISTINCT)), set, settings)).isNotEqualTo(fingerprint);
    }

    @Test
    void theAuditFingerprintTellsApartRelationsWhoseKeysReadAlikeInWords() {
        Tabulation.CellSet set = new Tabulation.CellSet();
        int total = set.add(CellKey.of("f", "*", "AL", "2025"), 10, null, false);
        CellKey written = CellKey.of("f", "a minus b", "AL", "2025");
        CellKey difference = new CellKey("f", "a", "b", "AL", "2025");
        CellKey a = CellKey.of("f", "a", "AL", "2025");
        CellKey b = CellKey.of("f", "b", "AL", "2025");
        CellKey joined = CellKey.of("f", "a|AL|2025;f|b", "AL", "2025");
        // The readable words of these keys meet: one criteria text reads as a difference, another as two keys joined.
        assertThat(written).hasToString("f|a minus b|AL|2025");
        assertThat(difference).hasToString("f|a minus b|AL|2025");
        assertThat(joined).hasToString("f|a|AL|2025;f|b|AL|2025");
        assertThat(a + ";" + b).isEqualTo(joined.toString());
        int w = set.add(written, 4, null, false);
        int d = set.add(difference, 4, null, false);
        int ia = set.add(a, 2, null, false);
        int ib = set.add(b, 2, null, false);
        int j = set.add(joined, 4, null, false);
        ReleaseBuilder.Settings settings = new ReleaseBuilder.Settings(3, 0.5, false);

        assertThat(ReleaseBuilder.auditFingerprint(system(set, new Relation(total, new int[] {w}, Relation.Kind.DISTINCT)), set, settings))
                .isNotEqualTo(ReleaseBuilder.auditFingerprint(system(set, new Relation(total, new int[] {d}, Relation.Kind.DISTINCT)), set, settings));
        assertThat(ReleaseBuilder.auditFingerprint(system(set, new Relation(total, new int[] {ia, ib}, Relation.Kind.DISTINCT)), set, settings))
                .isNotEqualTo(ReleaseBuilder.auditFingerprint(system(set, new Relation(total, new int[] {j}, Relation.Kind.DISTINCT)), set, settings));
    }

    @Test
    void aKeysUnambiguousWordsAreEachFieldAfterItsLength() {
        assertThat(new CellKey("fam", "d=x;e=y", null, "AL-07", "2025-03").unambiguous()).isEqualTo("3:fam7:d=x;e=y-5:AL-077:2025-03");
        assertThat(new CellKey("fam", "*", "@f", "AL", "2025").unambiguous()).isEqualTo("3:fam1:*2:@f2:AL4:2025");
        assertThat(new CellKey("fam", "*", "", "AL", "2025").unambiguous()).isEqualTo("3:fam1:*0:2:AL4:2025");
    }

    private static LinkedSystem system(Tabulation.CellSet set, Relation... relations) {
        long[] truth = new long[set.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = set.truth.get(i);
        }
        LinkedSystem s = new LinkedSystem(truth, new boolean[truth.length]);
        for (Relation r : relations) {
            s.add(r);
        }
        return s;
    }

    private static CellComputer.Raw raw(Level level, String territory, String period, List<String> splits, long count, long rows) {
        return new CellComputer.Raw(level, territory, period, splits, count, null, rows);
    }
}
