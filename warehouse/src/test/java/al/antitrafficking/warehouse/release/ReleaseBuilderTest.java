package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.ResultRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release of a generated warehouse (12 counties × 18 months): what it publishes equals the true counts from the
 * facts, what it withholds includes every small count, and it is kept in the ledger with its internal part owner-only.
 */
class ReleaseBuilderTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final YearMonth FIRST = YearMonth.of(2025, 1);
    static final YearMonth LAST = YearMonth.of(2026, 6);

    static TestWarehouse warehouse;

    @BeforeAll
    static void build() throws Exception {
        warehouse = SharedWarehouse.get();
    }

    /** Every answer the release gives of an indicator: each breakdown it publishes, at each level, by its finest period. */
    static List<IndicatorQuery> everyAnswer(PublishedRelease release, Indicator indicator) {
        List<IndicatorQuery> all = new ArrayList<>();
        release.publication(indicator.id()).forEach((level, breakdowns) -> breakdowns.forEach((breakdown, grain) -> {
            if (level.equals("municipality")) {
                return;
            }
            List<String> groupBy = new ArrayList<>();
            if (level.equals("county")) {
                groupBy.add("county");
            }
            if (!breakdown.equals("total")) {
                groupBy.add(breakdown);
            }
            for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
                if (type.ordinal() >= PeriodType.valueOf(grain.toUpperCase(java.util.Locale.ROOT)).ordinal()) {
                    all.add(IndicatorQuery.of(indicator.id(), FIRST, LAST, type).groupedBy(groupBy.toArray(String[]::new)));
                }
            }
        }));
        return all;
    }

    @Test
    void theBuildItselfFindsNoCellAnAttackerCanNarrowDown() {
        ReleaseBuilder.Stats stats = warehouse.built.stats();

        assertThat(stats.auditExposures()).isZero();
        assertThat(stats.unprotected()).isZero();
        assertThat(stats.withheld()).isPositive();
        assertThat(stats.small()).isPositive();
    }

    @Test
    void everyPublishedFigureIsTheTrueCountAndEverySmallCountIsWithheld() {
        PublishedRelease release = warehouse.release();
        int published = 0;
        int withheld = 0;
        for (Indicator indicator : release.catalogue().indicators()) {
            for (IndicatorQuery q : everyAnswer(release, indicator)) {
                IndicatorResult pub = release.indicator(q, NOW);
                IndicatorResult truth = warehouse.internal().run(q.forAudience(Audience.INTERNAL));
                Map<List<Object>, ResultRow> byKey = new java.util.HashMap<>();
                truth.rows().forEach(t -> byKey.put(List.of(t.period(), t.group()), t));
                assertThat(pub.rows().size()).as(q.toString()).isGreaterThanOrEqualTo(truth.rows().size());
                for (ResultRow p : pub.rows()) {
                    // A group no row reached (children aged 0-5 where none came) is a true zero in the release.
                    ResultRow t = byKey.get(List.of(p.period(), p.group()));
                    if (t == null) {
                        assertThat(p.numerator()).as("%s %s %s", q, p.period(), p.group()).isIn(0L, null);
                        continue;
                    }
                    if (p.status() == CellStatus.PUBLISHED) {
                        published++;
                        assertThat(p.numerator()).as("%s %s %s", q, p.period(), p.group()).isEqualTo(t.numerator());
                        assertThat(p.value()).as("%s %s %s", q, p.period(), p.group()).isEqualTo(t.value());
                        assertThat(p.numerator() == null || p.numerator() == 0 || p.numerator() >= 5).as("%s %s", q, p).isTrue();
                    } else {
                        withheld++;
                        assertThat(p.value()).isNull();
                        // A withheld percentage may show one of its counts, where that count is published.
                        if (p.numerator() != null) {
                            assertThat(p.numerator()).as("%s %s", q, p).isEqualTo(t.numerator());
                            assertThat(p.numerator() == 0 || p.numerator() >= 5).as("%s %s", q, p).isTrue();
                        }
                    }
                    if (t.numerator() != null && t.numerator() >= 1 && t.numerator() < 5) {
                        assertThat(p.status()).as("small count %s %s %s", q, p.period(), p.group()).isEqualTo(CellStatus.WITHHELD);
                    }
                    if (t.denominator() != null && t.numerator() != null && t.denominator() - t.numerator() >= 1
                            && t.denominator() - t.numerator() < 5) {
                        assertThat(p.status()).as("small complement %s %s %s", q, p.period(), p.group()).isEqualTo(CellStatus.WITHHELD);
                    }
                }
            }
        }
        assertThat(published).isGreaterThan(1000);
        assertThat(withheld).isPositive();
    }

    @Test
    void theLedgerKeepsTheReleaseWithItsInternalPartOwnerOnly() throws Exception {
        Path release = warehouse.dir.resolve("releases").resolve(warehouse.snapshot.id());

        assertThat(release.resolve("cells.csv.gz")).isRegularFile();
        assertThat(release.resolve("notes.md")).content().contains("The first release of this warehouse");
        assertThat(Files.getPosixFilePermissions(release.resolve("internal")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getPosixFilePermissions(release.resolve("internal/cells.csv.gz")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void thePublicCellsNameOnlyTheOneWithheldMark() throws Exception {
        List<String> statuses = new ArrayList<>();
        try (var in = Ledger.gzipReader(warehouse.dir.resolve("releases").resolve(warehouse.snapshot.id()).resolve("cells.csv.gz"))) {
            for (var r : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                statuses.add(r.get("status"));
                if (!r.get("status").equals("PUBLISHED")) {
                    assertThat(r.get("value")).isEmpty();
                }
            }
        }
        assertThat(Set.copyOf(statuses)).isSubsetOf(Set.of("PUBLISHED", "WITHHELD", "NOT_REPORTED"));
    }
}
