package al.antitrafficking.warehouse.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.international.GlotipFile;
import al.antitrafficking.warehouse.international.ReturnFiles;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The international returns over a real generated warehouse: public figures are the true counts where printed and the
 * release's mark where withheld; the internal version is the true counts throughout; the internal GLOTIP workbook reads
 * back through the GLOTIP importer with the same figures. True counts come from the test's own SQL over the facts,
 * with the categories of conf/international/returns.yaml written out here by hand.
 */
class InternationalReturnsTest {
    static final List<String> CHILD = List.of("0-5", "6-11", "12-14", "15-17");
    static final Map<String, List<String>> AGE = Map.of("0 to 17 years", CHILD, "18 years or over", List.of("18+"));
    static final Map<String, List<String>> SEX = Map.of("Female", List.of("F"), "Male", List.of("M"), "Unknown", List.of("U"));
    static final Map<String, List<String>> FORM = Map.of("Sexual exploitation", List.of("sexual"), "Forced labour", List.of("labour"),
            "Other forms of exploitation", List.of("begging", "criminality", "forced_marriage", "other"));

    /** Distinct persons identified in the year as presumed or identified, with the given columns in the given values (null: any). */
    static long truth(TestWarehouse w, int year, Map<String, List<String>> where) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT count(DISTINCT child_pseudonym) FROM fact_nrm_identification WHERE status IN ('presumed', "
                + "'identified') AND year(identification_date) = ?");
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            if (e.getValue() != null) {
                sql.append(" AND ").append(e.getKey()).append(" IN (").append(String.join(",", e.getValue().stream().map(v -> "?").toList())).append(")");
                params.addAll(e.getValue());
            }
        }
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + w.snapshot.dir().resolve(Snapshots.DATABASE_FILE), ro);
             PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setInt(1, year);
            for (int i = 0; i < params.size(); i++) {
                s.setString(i + 2, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static InternalAccess internalAccess(TestWarehouse w) {
        return new InternalAccess(w.dir, TestWarehouse.CATALOGUE, TestWarehouse.POPULATION, "256MB", 1);
    }

    static Map<String, List<String>> where(String sexLabel, String ageLabel, String formLabel) {
        Map<String, List<String>> w = new HashMap<>();
        w.put("sex", sexLabel == null ? null : SEX.get(sexLabel));
        w.put("age_band", ageLabel == null ? null : AGE.get(ageLabel));
        w.put("exploitation_form", formLabel == null ? null : FORM.get(formLabel));
        return w;
    }

    /** GLOTIP data rows by (dimension, category, sex, age), read from a workbook through the importer. */
    static Map<String, GlotipFile.Figure> readBack(byte[] xlsx, Path dir) throws Exception {
        Path file = Files.write(dir.resolve("return.xlsx"), xlsx);
        Map<String, GlotipFile.Figure> out = new HashMap<>();
        for (GlotipFile.Figure f : GlotipFile.read(file).figures()) {
            out.put(String.join("|", f.dimension(), f.category(), f.sex(), f.age()), f);
        }
        return out;
    }

    @Test
    void theInternalGlotipReturnIsTheTrueCountsAndReadsBackThroughTheImporter(@TempDir Path dir) throws Exception {
        TestWarehouse w = SharedWarehouse.get();
        PublishedRelease release = w.release();
        int year = release.returnYears().get(0);
        ReturnAnswers.Return internal = internalAccess(w).internationalReturn(release, w.snapshot.id(), "glotip", year);
        assertTrue(internal.internal());
        Map<String, GlotipFile.Figure> back = readBack(ReturnFiles.xlsx(internal, "en", Instant.now()), dir);
        int checked = 0;
        for (String sex : List.of("Female", "Male", "Unknown", "Total")) {
            for (String age : List.of("0 to 17 years", "18 years or over", "Total")) {
                GlotipFile.Figure f = back.get("Total|Total|" + sex + "|" + age);
                long expected = truth(w, year, where(sex.equals("Total") ? null : sex, age.equals("Total") ? null : age, null));
                assertEquals(expected, f.value().orElseThrow(), sex + " " + age);
                checked++;
            }
        }
        for (String form : FORM.keySet()) {
            for (String age : List.of("0 to 17 years", "18 years or over", "Total")) {
                GlotipFile.Figure f = back.get("by form of exploitation|" + form + "|Total|" + age);
                assertEquals(truth(w, year, where(null, age.equals("Total") ? null : age, form)), f.value().orElseThrow(), form + " " + age);
                checked++;
            }
            for (String sex : List.of("Female", "Male")) {
                GlotipFile.Figure f = back.get("by form of exploitation|" + form + "|" + sex + "|Total");
                assertEquals(truth(w, year, where(sex, null, form)), f.value().orElseThrow(), form + " " + sex);
                checked++;
            }
        }
        GlotipFile.Figure nationals = back.get("by citizenship|Nationals|Total|0 to 17 years");
        Map<String, List<String>> w1 = where(null, "0 to 17 years", null);
        w1.put("citizenship", List.of("AL"));
        assertEquals(truth(w, year, w1), nationals.value().orElseThrow());
        assertTrue(back.values().stream().allMatch(f -> f.year() == year && f.iso3().equals("ALB") && f.source().contains(w.snapshot.id())));
        assertTrue(checked > 20 && back.values().stream().anyMatch(f -> f.value().orElseThrow() > 0), "figures that mean something were compared");
    }

    @Test
    void everyPublicFigureIsTheTrueCountOrWithheldAndTheFilesNeverPrintAWithheldOne() throws Exception {
        TestWarehouse w = SharedWarehouse.get();
        PublishedRelease release = w.release();
        int withheld = 0;
        int printed = 0;
        for (int year : release.returnYears()) {
            ReturnAnswers.Return pub = release.internationalReturn("glotip", year);
            ReturnAnswers.Return internal = internalAccess(w).internationalReturn(release, w.snapshot.id(), "glotip", year);
            assertFalse(pub.internal());
            for (int t = 0; t < pub.tables().size(); t++) {
                List<List<ReturnAnswers.Cell>> p = pub.tables().get(t).cells();
                List<List<ReturnAnswers.Cell>> truth = internal.tables().get(t).cells();
                for (int i = 0; i < p.size(); i++) {
                    for (int j = 0; j < p.get(i).size(); j++) {
                        ReturnAnswers.Cell cell = p.get(i).get(j);
                        if (cell.status() == CellStatus.PUBLISHED) {
                            assertEquals(truth.get(i).get(j).value(), cell.value());
                            printed++;
                        } else {
                            assertEquals(CellStatus.WITHHELD, cell.status());
                            assertNull(cell.value());
                            withheld++;
                        }
                    }
                }
            }
            String csv = new String(ReturnFiles.csv(pub, "en"), java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(csv.contains("<5"), "UNODC's own mark would tell small cells from complementary ones");
            assertFalse(csv.contains("INTERNAL"));
        }
        assertTrue(printed > 0 && withheld > 0, "printed " + printed + ", withheld " + withheld);
    }

    @Test
    void eurostatAndSdgReturnsCountPresumedAndIdentifiedApartAndTheRateUsesTheCensus() throws Exception {
        TestWarehouse w = SharedWarehouse.get();
        PublishedRelease release = w.release();
        int year = release.returnYears().get(0);
        ReturnAnswers.Return eurostat = internalAccess(w).internationalReturn(release, w.snapshot.id(), "eurostat", year);
        List<List<String>> data = ReturnFiles.data(eurostat);
        assertEquals(List.of("freq", "unit", "leg_stat", "sex", "age", "citizen", "explt", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"), data.get(0));
        Map<String, String> byStatusAndSex = new HashMap<>();
        data.subList(1, data.size()).forEach(l -> byStatusAndSex.put(l.get(2) + "|" + l.get(3) + "|" + l.get(4) + "|" + l.get(5) + "|" + l.get(6), l.get(9)));
        Map<String, List<String>> presumedF = where("Female", null, null);
        assertEquals(String.valueOf(truthWithStatus(w, year, "presumed", presumedF)), byStatusAndSex.get("PRES|F|TOTAL|TOTAL|TOTAL"));
        assertEquals(String.valueOf(truthWithStatus(w, year, "identified", where(null, null, null))), byStatusAndSex.get("IDENT|T|TOTAL|TOTAL|TOTAL"));
        ReturnAnswers.Return sdg = internalAccess(w).internationalReturn(release, w.snapshot.id(), "sdg_16_2_2", year);
        List<String> rate = ReturnFiles.data(sdg).stream().filter(l -> l.get(8).equals("PER_100000_POP")).findFirst().orElseThrow();
        long total = truth(w, year, where(null, null, null));
        double population = TestWarehouse.POPULATION.residents("", year).orElseThrow().value();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", total * 100_000.0 / population), rate.get(7));
        assertEquals(1, ReturnFiles.data(sdg).stream().filter(l -> l.get(8).equals("PER_100000_POP")).count(),
                "a rate only where a population is carried: the total");
    }

    /** A cell's name by what it counts: the year and each dimension's codes, so that the same count read twice is one figure. */
    static String name(int year, java.util.SortedMap<String, java.util.SortedSet<String>> what) {
        StringBuilder n = new StringBuilder(Integer.toString(year));
        what.forEach((d, v) -> n.append('|').append(d).append('=').append(String.join(",", v)));
        return n.toString();
    }

    static java.util.SortedMap<String, java.util.SortedSet<String>> counted(al.antitrafficking.warehouse.international.Returns.Breakdown rows,
            al.antitrafficking.warehouse.international.Returns.Category row, al.antitrafficking.warehouse.international.Returns.Breakdown columns,
            al.antitrafficking.warehouse.international.Returns.Category column) {
        java.util.SortedMap<String, java.util.SortedSet<String>> what = new java.util.TreeMap<>();
        what.put("status", new java.util.TreeSet<>(List.of("identified", "presumed")));
        if (row != null) {
            what.put(rows.dimension(), row.values());
        }
        if (column != null) {
            what.put(columns.dimension(), column.values());
        }
        return what;
    }

    @Test
    void theReturnsOfAYearTogetherWithTheVictimsByStatusGiveNoHiddenCellBack() throws Exception {
        // An attacker holding every public return of every year and the child victims by status of those years: each
        // table's rows and columns add up to their totals (within bounds: a person identified twice may count in two
        // cells), a figure printed in two returns is one figure, and the children among presumed and identified victims
        // are the presumed children and the identified children.
        TestWarehouse w = SharedWarehouse.get();
        PublishedRelease release = w.release();
        PublicAttacker attacker = new PublicAttacker();
        for (int year : release.returnYears()) {
            for (String id : List.of("glotip", "eurostat", "sdg_16_2_2")) {
                ReturnAnswers.Return pub = release.internationalReturn(id, year);
                ReturnAnswers.Return truth = internalAccess(w).internationalReturn(release, w.snapshot.id(), id, year);
                for (int t = 0; t < pub.tables().size(); t++) {
                    ReturnAnswers.Table table = pub.tables().get(t);
                    List<al.antitrafficking.warehouse.international.Returns.Category> rows = new ArrayList<>(table.rows().categories());
                    rows.add(null);
                    List<al.antitrafficking.warehouse.international.Returns.Category> columns = new ArrayList<>(table.columns().categories());
                    columns.add(null);
                    String[][] names = new String[rows.size()][columns.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        for (int j = 0; j < columns.size(); j++) {
                            names[i][j] = name(year, counted(table.rows(), rows.get(i), table.columns(), columns.get(j)));
                            ReturnAnswers.Cell cell = table.cells().get(i).get(j);
                            long trueCount = truth.tables().get(t).cells().get(i).get(j).value();
                            // A figure the release withholds, or any not printed whose true count is small, must stay unknown; a
                            // figure of a table the release does not publish at all is an unknown the attacker may work out.
                            boolean withheldInRelease = release.cell(CellKey.of(ReleasePlan.returnsFamily().id(), ReturnAnswers.criteria(
                                    TestWarehouse.CATALOGUE.returns().orElseThrow(), table.rows(), rows.get(i), table.columns(), columns.get(j)).key(),
                                    CellKey.ALBANIA, Integer.toString(year))).map(f -> f.status() == CellStatus.WITHHELD).orElse(false);
                            if (cell.status() == CellStatus.PUBLISHED || withheldInRelease || trueCount > 0 && trueCount < release.minCount()) {
                                attacker.read(names[i][j], new al.antitrafficking.warehouse.indicator.ResultRow(Integer.toString(year), Map.of(), null,
                                        cell.value(), null, cell.status(), java.util.Set.of()), trueCount);
                            } else {
                                attacker.unprinted(names[i][j], trueCount);
                            }
                        }
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        List<String> parts = new ArrayList<>();
                        for (int j = 0; j < columns.size() - 1; j++) {
                            parts.add(names[i][j]);
                        }
                        attacker.sum(names[i][columns.size() - 1], parts, false);
                    }
                    for (int j = 0; j < columns.size(); j++) {
                        List<String> parts = new ArrayList<>();
                        for (int i = 0; i < rows.size() - 1; i++) {
                            parts.add(names[i][j]);
                        }
                        attacker.sum(names[rows.size() - 1][j], parts, false);
                    }
                }
            }
            al.antitrafficking.warehouse.indicator.IndicatorResult byStatus = release.indicator(al.antitrafficking.warehouse.indicator.IndicatorQuery
                    .of("child_victims", java.time.YearMonth.of(year, 1), java.time.YearMonth.of(year, 12), al.antitrafficking.warehouse.indicator.PeriodType.YEAR)
                    .groupedBy("status"), Instant.now());
            java.util.SortedSet<String> child = new java.util.TreeSet<>(CHILD);
            List<String> parts = new ArrayList<>();
            for (al.antitrafficking.warehouse.indicator.ResultRow row : byStatus.rows()) {
                String status = row.group().get("status");
                if (!status.equals("presumed") && !status.equals("identified")) {
                    continue;
                }
                java.util.SortedMap<String, java.util.SortedSet<String>> what = new java.util.TreeMap<>();
                what.put("age_band", child);
                what.put("status", new java.util.TreeSet<>(List.of(status)));
                parts.add(name(year, what));
                attacker.read(name(year, what), row, truthWithStatus(w, year, status, Map.of("age_band", CHILD)));
            }
            java.util.SortedMap<String, java.util.SortedSet<String>> both = new java.util.TreeMap<>();
            both.put("age_band", child);
            both.put("status", new java.util.TreeSet<>(List.of("identified", "presumed")));
            attacker.sum(name(year, both), parts, false);
        }
        assertTrue(attacker.withheld() > 0, "the returns withhold something to attack");
        assertEquals(List.of(), attacker.exposed());
    }

    static long truthWithStatus(TestWarehouse w, int year, String status, Map<String, List<String>> where) throws Exception {
        Map<String, List<String>> with = new HashMap<>(where);
        with.put("status", List.of(status));
        return truth(w, year, with);
    }
}
