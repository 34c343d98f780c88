package al.antitrafficking.warehouse.indicator;

import static al.antitrafficking.warehouse.disclosure.CellStatus.NOT_REPORTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsuppressed figures from the facts (the internal audience) on a hand-made snapshot. Every expected value is worked
 * out by hand in the comments from the rows below, not by the engine's SQL. The public release of the same snapshot is
 * tested in ReleaseAnswersTest.
 */
class InternalIndicatorsTest {
    static final YearMonth JAN = YearMonth.of(2025, 1);
    static final YearMonth MAR = YearMonth.of(2025, 3);

    @TempDir
    static Path warehouse;
    static InternalIndicators engine;

    // Border Police, distinct children b1..b30 (one row each):
    //   AL-07 Jan b1..b8 (b1-b3 unaccompanied, b4 separated; b1-b5 referred to a CPU); Feb b9, b10; Mar b24..b30.
    //   AL-05 Jan b11..b16 (b11 referred to a CPU); Feb b17..b23 (b17, b18 unaccompanied); Mar none (a nil return).
    private static final String BORDER = """
            SELECT 'b' || i AS child_pseudonym,
                   CASE WHEN i <= 8 THEN DATE '2025-01-10' WHEN i <= 10 THEN DATE '2025-02-10' WHEN i <= 16 THEN DATE '2025-01-20'
                        WHEN i <= 23 THEN DATE '2025-02-20' ELSE DATE '2025-03-10' END AS encounter_date,
                   CASE WHEN i BETWEEN 11 AND 23 THEN 'AL-05' ELSE 'AL-07' END AS county_code,
                   NULL::VARCHAR AS municipality_code, 'MOR' AS crossing_code, 14 AS age_years, '12-14' AS age_band,
                   CASE WHEN i IN (1, 2, 3, 17, 18) THEN 'unaccompanied' WHEN i = 4 THEN 'separated' ELSE 'accompanied' END AS accompaniment,
                   CASE WHEN i <= 5 OR i = 11 THEN 'cpu' ELSE 'none' END AS referred_to,
                   'F' AS sex, 'AL' AS citizenship, 'entry' AS direction, 'n' AS trafficking_indicators
            FROM range(1, 31) r(i)""";

    // CPU, Kukës (AL-07): c1..c5 opened 10 January, assessed after 2, 4, 6, 8 and 10 days; c6 not assessed.
    // Children n1..n5 of the NRM also have CPU cases here (trafficking risk, n1..n4 referred to the NRM on 20 January).
    // Tiranë (AL-11): border children b1 (opened 12 January, 2 days after the border) and b2 (25 January, 15 days after).
    private static final String CPU = """
            SELECT 'c' || i AS child_pseudonym, DATE '2025-01-10' AS opened_date,
                   CASE WHEN i <= 5 THEN DATE '2025-01-10' + CAST(2 * i AS INTEGER) ELSE NULL END AS assessment_date,
                   'AL-07' AS county_code, 'AL132' AS municipality_code, 10 AS age_years, '6-11' AS age_band, 'neglect' AS risk_category,
                   'school' AS referral_source, NULL::DATE AS nrm_referral_date, NULL::DATE AS closed_date, 'F' AS sex
            FROM range(1, 7) r(i)
            UNION ALL
            SELECT 'n' || i, DATE '2025-01-05', NULL, 'AL-07', 'AL132', 13, '12-14', 'trafficking_risk', 'school',
                   CASE WHEN i <= 4 THEN DATE '2025-01-20' END, NULL, 'F'
            FROM range(1, 6) r(i)
            UNION ALL
            SELECT * FROM (VALUES ('b1', DATE '2025-01-12', NULL::DATE, 'AL-11', 'AL224', 14, '12-14', 'child_on_the_move', 'border_police',
                                   NULL::DATE, NULL::DATE, 'F'),
                                  ('b2', DATE '2025-01-25', NULL::DATE, 'AL-11', 'AL224', 14, '12-14', 'child_on_the_move', 'border_police',
                                   NULL::DATE, NULL::DATE, 'F'))""";

    // NRM, Tiranë (AL-11): children n1..n6 identified in February, all 12-14; n1..n4 presumed, n5 and n6 officially identified.
    private static final String NRM = """
            SELECT 'n' || i AS child_pseudonym, DATE '2025-02-14' AS identification_date,
                   CASE WHEN i <= 4 THEN 'presumed' ELSE 'identified' END AS status, 13 AS age_years,
                   '12-14' AS age_band, 'AL-11' AS county_code, 'AL224' AS municipality_code, 'begging' AS exploitation_form,
                   'internal' AS scope, 'F' AS sex, 'AL' AS citizenship, 'ngo' AS identifying_agency, 'n' AS shelter_referral
            FROM range(1, 7) r(i)""";

    // Services, Tiranë (AL-11): n1 on 20 February (6 days after identification), n2 on 20 March (34 days), n3 on
    // 14 February (the same day), b1 on 15 January (a child first seen at the border).
    private static final String SERVICES = """
            SELECT * FROM (VALUES ('n1', DATE '2025-02-20', 'psychosocial', 'ngo'), ('n2', DATE '2025-03-20', 'shelter', 'state'),
                                  ('n3', DATE '2025-02-14', 'legal', 'ngo'), ('b1', DATE '2025-01-15', 'psychosocial', 'state'))
                   AS t(child_pseudonym, start_date, service_type, provider), (SELECT 'AL-11' AS county_code, NULL::DATE AS end_date)""";

    // Every source sent a file (or a nil return) for AL-05, AL-07 and AL-11 in January to March.
    private static final String FILES = """
            SELECT s.source || '_' || c.county || '_' || m.month || '.csv' AS file_name, s.source, c.county AS county_code,
                   m.month, 'LOADED' AS status, NULL::VARCHAR AS problem, m.month || '-28T08:00:00Z' AS received_at,
                   md5(s.source || c.county || m.month) AS checksum
            FROM (VALUES ('border'), ('cpu'), ('nrm'), ('services')) s(source),
                 (VALUES ('AL-05'), ('AL-07'), ('AL-11')) c(county),
                 (VALUES ('2025-01'), ('2025-02'), ('2025-03')) m(month)""";

    /** The hand-made snapshot's tables, for this test and ReleaseAnswersTest. */
    static java.util.Map<WarehouseTable, String> tables() {
        return java.util.Map.of(WarehouseTable.FACT_BORDER_ENCOUNTER, BORDER, WarehouseTable.FACT_CPU_CASE, CPU,
                WarehouseTable.FACT_NRM_IDENTIFICATION, NRM, WarehouseTable.FACT_SERVICE, SERVICES, WarehouseTable.INGEST_FILE, FILES,
                WarehouseTable.DIM_COUNTY, TinySnapshotAccess.ALL_COUNTIES);
    }

    @BeforeAll
    static void build() throws Exception {
        Snapshot snapshot = TinySnapshotAccess.snapshot(warehouse, tables());
        Catalogue catalogue = Catalogue.load(Path.of(System.getProperty("project.root", "..")).resolve("conf/indicators/catalogue.yaml"));
        new WarehouseBuilder().build(snapshot);
        Path db = snapshot.dir().resolve(Snapshots.DATABASE_FILE);
        Path reference = Path.of(System.getProperty("project.root", "..")).resolve("conf/reference");
        Population population = Population.load(al.antitrafficking.warehouse.reference.Territory.load(reference), reference);
        engine = new InternalIndicators(catalogue, population, () -> open(db), snapshot.id());
    }

    private static IndicatorResult run(IndicatorQuery q) {
        return engine.run(q.forAudience(Audience.INTERNAL));
    }

    private static Connection open(Path db) {
        try {
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            return DriverManager.getConnection("jdbc:duckdb:" + db, p);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ResultRow> county(IndicatorResult r, String county) {
        return r.rows().stream().filter(row -> county.equals(row.group().get("county"))).toList();
    }

    /** A first-quarter national value worked out by hand: value, numerator, denominator (null where none) and flags. */
    private record Expected(Double value, long numerator, Double denominator, java.util.Set<String> flags) {
        static Expected of(double value, long numerator, Double denominator) {
            return new Expected(value, numerator, denominator, java.util.Set.of());
        }
    }

    // Q1 2025, Albania, every count as it is (the internal audience, so suppression does not hide the definitions).
    private static final java.util.Map<String, Expected> HAND_WORKED_Q1 = java.util.Map.ofEntries(
            // b1..b30, one row each.
            java.util.Map.entry("children_encountered", Expected.of(30, 30, null)),
            // b1-b4, b17, b18 of 30.
            java.util.Map.entry("share_unaccompanied_or_separated", Expected.of(20.0, 6, 30.0)),
            // 30 per 2,402,113 residents (the 2023 census total of the 12 counties, carried forward to 2025: an estimate).
            java.util.Map.entry("children_encountered_rate", new Expected(30 * 100_000.0 / 2_402_113, 30, 2_402_113.0,
                    java.util.Set.of("POPULATION_ESTIMATE"))),
            // b1..b5 and b11 referred to a CPU: 6 of 30 rows.
            java.util.Map.entry("border_referred_to_child_protection", Expected.of(20.0, 6, 30.0)),
            // Of the 30 border children only b1 had a CPU case within 7 days (2 days; b2's came after 15).
            java.util.Map.entry("border_children_reaching_cpu_within_7_days", Expected.of(100.0 / 30, 1, 30.0)),
            // c1..c6, n1..n5, b1, b2.
            java.util.Map.entry("new_cpu_cases", Expected.of(13, 13, null)),
            java.util.Map.entry("new_cpu_cases_per_10k_children", new Expected(null, 13, null, java.util.Set.of("DENOMINATOR_MISSING"))),
            // 2, 4, 6, 8, 10 days over 5 assessed cases.
            java.util.Map.entry("median_days_to_assessment", Expected.of(6.0, 5, null)),
            // n1..n6, all 12-14.
            java.util.Map.entry("child_victims", Expected.of(6, 6, null)),
            // n5 and n6.
            java.util.Map.entry("child_victims_officially_identified", Expected.of(2, 2, null)),
            java.util.Map.entry("child_victims_per_100k_children", new Expected(null, 6, null, java.util.Set.of("DENOMINATOR_MISSING"))),
            // n1..n5 of n1..n6 have a CPU case.
            java.util.Map.entry("nrm_victims_with_cpu_case", Expected.of(500.0 / 6, 5, 6.0)),
            // Trafficking-risk cases n1..n5; n1..n4 referred to the NRM.
            java.util.Map.entry("cpu_trafficking_risk_referred_to_nrm", Expected.of(80.0, 4, 5.0)),
            // n1..n5: 5 January (CPU) to 14 February = 40 days; n6: NRM first, 0 days. Median of 0, 40, 40, 40, 40, 40.
            java.util.Map.entry("median_days_first_contact_to_nrm", Expected.of(40.0, 6, null)),
            // b3..b30: b1 reached a CPU and a service, b2 a CPU.
            java.util.Map.entry("border_children_never_seen_again", Expected.of(28, 28, null)),
            // n1 after 6 days and n3 the same day, of n1..n6 (n2 after 34 days).
            java.util.Map.entry("victims_assisted_within_30_days", Expected.of(100.0 / 3, 2, 6.0)),
            // n1, n2, n3, b1.
            java.util.Map.entry("services_given", Expected.of(4, 4, null)));

    @Test
    void everyCatalogueIndicatorMatchesItsHandWorkedValue() {
        for (Indicator indicator : engine.catalogue().indicators()) {
            Expected expected = HAND_WORKED_Q1.get(indicator.id());
            assertThat(expected).as("a hand-worked first-quarter value for " + indicator.id()).isNotNull();
            ResultRow q1 = run(IndicatorQuery.of(indicator.id(), JAN, MAR, PeriodType.QUARTER))
                    .rows().get(0);

            assertThat(q1.period()).isEqualTo("2025-Q1");
            if (expected.value() == null) {
                assertThat(q1.value()).as(indicator.id()).isNull();
            } else {
                assertThat(q1.value()).as(indicator.id()).isCloseTo(expected.value(), within(1e-9));
            }
            assertThat(q1.numerator()).as(indicator.id()).isEqualTo(expected.numerator());
            if (expected.denominator() == null) {
                assertThat(q1.denominator()).as(indicator.id()).isNull();
            } else {
                assertThat(q1.denominator()).as(indicator.id()).isCloseTo(expected.denominator(), within(1e-9));
            }
            assertThat(q1.flags()).as(indicator.id()).isEqualTo(expected.flags());
        }
        assertThat(HAND_WORKED_Q1.keySet()).as("no hand-worked value for an indicator the catalogue lost")
                .isEqualTo(engine.catalogue().indicators().stream().map(Indicator::id).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void sharePerQuarterNationally() {
        // 30 distinct children in the first quarter; b1-b4, b17 and b18 unaccompanied or separated: 6 / 30 = 20%.
        ResultRow q1 = run(IndicatorQuery.of("share_unaccompanied_or_separated", JAN, MAR, PeriodType.QUARTER)).rows().get(0);

        assertThat(q1.period()).isEqualTo("2025-Q1");
        assertThat(q1.numerator()).isEqualTo(6);
        assertThat(q1.denominator()).isEqualTo(30.0);
        assertThat(q1.value()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void ratesPer100000ResidentsComeFromTheCensus() {
        // 2025: AL-07 17 children / 61,998 residents; AL-05 13 / 60,013 (INSTAT 2023 census, carried forward: an estimate).
        IndicatorResult r = run(IndicatorQuery.of("children_encountered_rate", JAN, MAR, PeriodType.YEAR).groupedBy("county"));

        assertThat(county(r, "AL-07").get(0).value()).isCloseTo(17 * 100_000.0 / 61_998, within(1e-9));
        assertThat(county(r, "AL-07").get(0).flags()).containsExactly("POPULATION_ESTIMATE");
        assertThat(county(r, "AL-05").get(0).value()).isCloseTo(13 * 100_000.0 / 60_013, within(1e-9));
        assertThat(county(r, "AL-11").get(0).value()).isEqualTo(0.0);
        assertThat(county(r, "AL-12").get(0).value()).isNull();
        assertThat(county(r, "AL-12").get(0).status()).isEqualTo(NOT_REPORTED);
    }

    @Test
    void aRatePerChildrenIsMissingNotZeroWhileNoChildPopulationIsSupplied() {
        // Kukës opened 11 cases in Q1 (c1-c6, n1-n5): the count stands, the rate is missing.
        ResultRow kukes = county(run(IndicatorQuery.of("new_cpu_cases_per_10k_children", JAN, MAR, PeriodType.QUARTER)
                .groupedBy("county")), "AL-07").get(0);

        assertThat(kukes.numerator()).isEqualTo(11);
        assertThat(kukes.value()).isNull();
        assertThat(kukes.flags()).containsExactly("DENOMINATOR_MISSING");
    }

    @Test
    void medianDaysFromOpeningToAssessment() {
        // Assessed after 2, 4, 6, 8, 10 days: median 6 over 5 observations; c6 and n1-n5 were not assessed.
        ResultRow q1 = run(IndicatorQuery.of("median_days_to_assessment", JAN, MAR, PeriodType.QUARTER)).rows().get(0);

        assertThat(q1.value()).isEqualTo(6.0);
        assertThat(q1.numerator()).isEqualTo(5);
    }

    @Test
    void convergenceFromTheChildPathway() {
        // NRM child victims first identified in Q1: n1..n6; n1..n5 also have a CPU case: 5 / 6.
        ResultRow q1 = run(IndicatorQuery.of("nrm_victims_with_cpu_case", JAN, MAR, PeriodType.QUARTER)).rows().get(0);

        assertThat(q1.numerator()).isEqualTo(5);
        assertThat(q1.denominator()).isEqualTo(6.0);
        assertThat(q1.value()).isCloseTo(500.0 / 6, within(1e-9));
    }

    @Test
    void filtersNarrowTheCount() {
        // Kukës alone, Q1: b1..b10 and b24..b30 = 17 children.
        ResultRow q1 = run(IndicatorQuery.of("children_encountered", JAN, MAR, PeriodType.QUARTER).filtered("county", "AL-07"))
                .rows().get(0);

        assertThat(q1.value()).isEqualTo(17.0);
    }

    @Test
    void refusesNamesOutsideTheCatalogueBeforeAnySql() {
        IndicatorQuery base = IndicatorQuery.of("children_encountered", JAN, MAR, PeriodType.MONTH);

        assertThatThrownBy(() -> run(base.groupedBy("county; DROP TABLE fact_cpu_case")))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("cannot be grouped by that dimension");
        assertThatThrownBy(() -> run(base.filtered("1=1 OR county_code", "AL-07")))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("cannot be filtered by that dimension");
        assertThatThrownBy(() -> run(IndicatorQuery.of("x' OR '1'='1", JAN, MAR, PeriodType.MONTH)))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining("unknown indicator");
        assertThatThrownBy(() -> run(IndicatorQuery.of("children_encountered", MAR, JAN, PeriodType.MONTH)))
                .isInstanceOf(QueryRefusedException.class);
    }

    @Test
    void aHostileFilterValueIsOnlyEverAValue() {
        IndicatorResult r = run(IndicatorQuery.of("children_encountered", JAN, MAR, PeriodType.MONTH)
                .filtered("county", "AL-07' OR '1'='1"));

        assertThat(r.rows()).extracting(ResultRow::status).containsOnly(NOT_REPORTED);
    }

    @Test
    void rowsWithoutTheDimensionFormAGroupOfTheirOwn() {
        // Every border encounter here is at a crossing, so none has a municipality: all 30 children in one group.
        IndicatorResult r = run(IndicatorQuery.of("children_encountered", JAN, MAR, PeriodType.QUARTER).groupedBy("municipality"));

        assertThat(r.rows()).extracting(row -> row.group().get("municipality"), ResultRow::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(InternalIndicators.NOT_RECORDED, 30.0));
    }

    @Test
    void aWholeRangeIsOnePeriodOverItsOwnMonthsOnly() {
        // February-March as one period: AL-05 7 + 0, AL-07 2 + 7, AL-11 0 + 0; AL-01 sent no file in those months.
        IndicatorResult r = run(new IndicatorQuery("children_encountered", YearMonth.of(2025, 2), MAR, PeriodType.RANGE,
                java.util.Map.of(), List.of("county"), Audience.INTERNAL));

        assertThat(county(r, "AL-05")).extracting(ResultRow::period, ResultRow::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2025-02/2025-03", 7.0));
        assertThat(county(r, "AL-07").get(0).value()).isEqualTo(9.0);
        assertThat(county(r, "AL-11").get(0).value()).isEqualTo(0.0);
        assertThat(county(r, "AL-01").get(0).status()).isEqualTo(NOT_REPORTED);
    }

    @Test
    void aRangeThatCutsAQuarterIsComputedFromTheFacts() {
        // February-March only: b9, b10, b17..b23 and b24..b30 = 16 children (the whole quarter has 30).
        ResultRow q1 = run(IndicatorQuery.of("children_encountered", YearMonth.of(2025, 2), MAR, PeriodType.QUARTER)).rows().get(0);

        assertThat(q1.value()).isEqualTo(16.0);
    }
}
