package al.antitrafficking.warehouse.query;

import static al.antitrafficking.warehouse.disclosure.CellStatus.NOT_REPORTED;
import static al.antitrafficking.warehouse.disclosure.CellStatus.PUBLISHED;
import static al.antitrafficking.warehouse.disclosure.CellStatus.SUPPRESSED_COMPLEMENTARY;
import static al.antitrafficking.warehouse.disclosure.CellStatus.SUPPRESSED_SMALL_COUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview queries on a hand-built snapshot. Expected values are worked out by hand from the rows
 * below (comments give the working), not from the SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbOverviewQueriesTest {

    @TempDir
    static Path warehouse;
    private DuckDbOverviewQueries queries;

    // Border: 2025-01 a,b,c,a at AL-07 and d,e,f at AL-05 (6 children); 2025-02 g,h (2); 2025-03 nil return (0);
    // 2025-04 no Border Police file; 2025-05 i..o at AL-07 (7) and p..t at AL-10 (5); 2025-06 only a rejected file.
    private static final String BORDER = """
            SELECT * FROM (VALUES
              ('a', DATE '2025-01-03', 'AL-07'), ('b', DATE '2025-01-04', 'AL-07'), ('c', DATE '2025-01-05', 'AL-07'),
              ('a', DATE '2025-01-20', 'AL-07'), ('d', DATE '2025-01-06', 'AL-05'), ('e', DATE '2025-01-07', 'AL-05'),
              ('f', DATE '2025-01-08', 'AL-05'), ('g', DATE '2025-02-01', 'AL-07'), ('h', DATE '2025-02-02', 'AL-07'),
              ('i', DATE '2025-05-01', 'AL-07'), ('j', DATE '2025-05-01', 'AL-07'), ('k', DATE '2025-05-02', 'AL-07'),
              ('l', DATE '2025-05-03', 'AL-07'), ('m', DATE '2025-05-04', 'AL-07'), ('n', DATE '2025-05-05', 'AL-07'),
              ('o', DATE '2025-05-06', 'AL-07'), ('p', DATE '2025-05-07', 'AL-10'), ('q', DATE '2025-05-08', 'AL-10'),
              ('r', DATE '2025-05-09', 'AL-10'), ('s', DATE '2025-05-10', 'AL-10'), ('t', DATE '2025-05-11', 'AL-10')
            ) AS t(child_pseudonym, encounter_date, county_code)""";

    // NRM 2025-01: potential v1,v2,v3(band 15-17),v5,v6 = 5 (v4 is 25, an adult); presumed v7 and v1 = 2;
    // v8 band 18+ is an adult. All in Tiranë (AL-11). 2025-04: potential w1..w7 = 7, presumed x1..x8 = 8, identified y1..y6 = 6.
    private static final String NRM = """
            SELECT *, 'AL-11' AS county_code FROM (
            SELECT * FROM (VALUES
              ('v1', DATE '2025-01-02', 'potential', 15, '15-17'), ('v2', DATE '2025-01-03', 'potential', 12, '12-14'),
              ('v3', DATE '2025-01-04', 'potential', NULL, '15-17'), ('v4', DATE '2025-01-05', 'potential', 25, '18+'),
              ('v5', DATE '2025-01-06', 'potential', 16, '15-17'), ('v6', DATE '2025-01-07', 'potential', 9, '6-11'),
              ('v7', DATE '2025-01-08', 'presumed', 14, '12-14'), ('v1', DATE '2025-01-28', 'presumed', 15, '15-17'),
              ('v8', DATE '2025-01-09', 'identified', NULL, '18+')
            ) AS t(child_pseudonym, identification_date, status, age_years, age_band)
            UNION ALL SELECT 'w' || i, DATE '2025-04-10', 'potential', 10, '6-11' FROM range(1, 8) r(i)
            UNION ALL SELECT 'x' || i, DATE '2025-04-11', 'presumed', 13, '12-14' FROM range(1, 9) r(i)
            UNION ALL SELECT 'y' || i, DATE '2025-04-12', 'identified', 17, '15-17' FROM range(1, 7) r(i))""";

    private static final String FILES = """
            SELECT * FROM (VALUES
              ('border_AL-07_2025-01.csv', 'border', 'AL-07', '2025-01', 'LOADED'),
              ('border_AL-05_2025-01.csv', 'border', 'AL-05', '2025-01', 'LOADED'),
              ('border_AL-07_2025-02.csv', 'border', 'AL-07', '2025-02', 'LOADED'),
              ('border_AL-07_2025-03.csv', 'border', 'AL-07', '2025-03', 'NIL_RETURN'),
              ('border_AL-07_2025-05.csv', 'border', 'AL-07', '2025-05', 'LOADED'),
              ('border_AL-10_2025-05.csv', 'border', 'AL-10', '2025-05', 'LOADED'),
              ('border_AL-11_2025-06.csv', 'border', 'AL-11', '2025-06', 'REJECTED'),
              ('nrm_AL-11_2025-01.csv', 'nrm', 'AL-11', '2025-01', 'LOADED'),
              ('nrm_AL-11_2025-04.csv', 'nrm', 'AL-11', '2025-04', 'LOADED')
            ) AS t(file_name, source, county_code, month, status)""";

    @BeforeAll
    void buildSnapshot() throws Exception {
        Snapshot snapshot = new TinySnapshot()
                .table(WarehouseTable.FACT_BORDER_ENCOUNTER, TinySnapshot.border(BORDER))
                .table(WarehouseTable.FACT_NRM_IDENTIFICATION, TinySnapshot.nrm(NRM))
                .table(WarehouseTable.INGEST_FILE, FILES)
                .write(warehouse);
        new WarehouseBuilder().build(snapshot);
        new Snapshots(warehouse).publish(snapshot);
        queries = DuckDbOverviewQueries.open(new Snapshots(warehouse).current().orElseThrow(), new DisclosureControl(5), TestConf.CATALOGUE, TestConf.POPULATION);
    }

    @AfterAll
    void close() {
        queries.close();
    }

    @Test
    void snapshotSummarySpansEveryMonthAnyFileCovers() {
        SnapshotSummary summary = queries.snapshot();

        assertThat(summary.firstMonth()).isEqualTo("2025-01");
        assertThat(summary.lastMonth()).isEqualTo("2025-06");
        assertThat(summary.filesLoaded()).isEqualTo(8);
        assertThat(summary.filesRejected()).isEqualTo(1);
    }

    @Test
    void monthlyEncountersKeepZeroApartFromNotReportedAndProtectTheSmallMonth() {
        // Line [6, 2, 0, -, 12, -]: the 2 is suppressed; its complement is the smallest non-zero month, 6.
        List<Point> points = queries.childrenEncounteredMonthly().series().get(0).points();

        assertThat(points).extracting(Point::period)
                .containsExactly("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06");
        assertThat(points).extracting(Point::status).containsExactly(SUPPRESSED_COMPLEMENTARY, SUPPRESSED_SMALL_COUNT,
                PUBLISHED, NOT_REPORTED, PUBLISHED, NOT_REPORTED);
        assertThat(points).extracting(Point::value).containsExactly(null, null, 0L, null, 12L, null);
    }

    @Test
    void monthlyChildVictimsCountChildrenOnlyPerStatusAndHideTheSmallCellsRectangle() {
        // Table by status x month (01, 04): potential [5, 7], presumed [2, 8], identified [0, 6].
        // The 2 is hidden with 8 (its row), 5 (its column) and 7 (closing the rectangle).
        MonthlyTrend trend = queries.childVictimsMonthly();

        assertThat(trend.series()).extracting(Series::key).containsExactly("potential", "presumed", "identified");
        assertThat(statuses(trend.series().get(0), "2025-01", "2025-04")).containsExactly(SUPPRESSED_COMPLEMENTARY, SUPPRESSED_COMPLEMENTARY);
        assertThat(statuses(trend.series().get(1), "2025-01", "2025-04")).containsExactly(SUPPRESSED_SMALL_COUNT, SUPPRESSED_COMPLEMENTARY);
        assertThat(values(trend.series().get(2), "2025-01", "2025-04")).containsExactly(0L, 6L);
        assertThat(statuses(trend.series().get(2), "2025-02", "2025-03")).containsExactly(NOT_REPORTED, NOT_REPORTED);
    }

    @Test
    void countiesOverAPeriodCountDistinctChildrenAndProtectTheSmallCounty() {
        // 2025-01..05: AL-05 d,e,f = 3 (suppressed); AL-07 a,b,c,g,h,i..o = 12; AL-10 p..t = 5 (complement);
        // AL-11 sent no Border Police file in the period: not reported.
        CountyBreakdown breakdown = queries.childrenEncounteredByCounty(YearMonth.of(2025, 1), YearMonth.of(2025, 5));

        assertThat(breakdown.counties()).extracting(CountyFigure::countyCode).containsExactly("AL-05", "AL-07", "AL-10", "AL-11");
        assertThat(breakdown.counties()).extracting(CountyFigure::status)
                .containsExactly(SUPPRESSED_SMALL_COUNT, PUBLISHED, SUPPRESSED_COMPLEMENTARY, NOT_REPORTED);
        assertThat(breakdown.counties().get(1).value()).isEqualTo(12L);
        assertThat(breakdown.counties().get(1).countyName()).isEqualTo("Kukës");
    }

    @Test
    void countyPeriodBoundsAreInclusive() {
        CountyBreakdown may = queries.childrenEncounteredByCounty(YearMonth.of(2025, 5), YearMonth.of(2025, 5));

        assertThat(may.counties()).extracting(CountyFigure::value).containsExactly(null, 7L, 5L, null);
        assertThat(may.counties().get(0).status()).isEqualTo(NOT_REPORTED);
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> queries.childrenEncounteredByCounty(YearMonth.of(2025, 5), YearMonth.of(2025, 1)))
                .hasMessageContaining("from 2025-05 is after to 2025-01");
    }

    private static List<Object> statuses(Series series, String... months) {
        List<String> wanted = List.of(months);
        return series.points().stream().filter(p -> wanted.contains(p.period())).map(p -> (Object) p.status()).toList();
    }

    private static List<Long> values(Series series, String... months) {
        List<String> wanted = List.of(months);
        return series.points().stream().filter(p -> wanted.contains(p.period())).map(Point::value).toList();
    }
}
