package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.ResultRow;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correction publishes a new release: Kukës re-sends its border file of March 2025 with three more children. The new
 * release keeps the old one's pattern wherever a count did not change, says what changed and why, and an attacker holding
 * both releases learns nothing more than from each alone. The old release stays retrievable after its facts are pruned.
 */
class ReleaseRevisionTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final YearMonth FIRST = YearMonth.of(2025, 1);
    static final YearMonth LAST = YearMonth.of(2026, 6);

    @TempDir
    static Path dir;
    static TestWarehouse before;
    static TestWarehouse after;

    @BeforeAll
    static void build() throws Exception {
        Map<String, String> settings = Map.of("disclosure.minimise", "false", "disclosure.max-small-share", "0.25");
        before = TestWarehouse.build(dir, GeneratedFacts.tables(2, 0), settings);
        after = TestWarehouse.build(dir, GeneratedFacts.tables(2, 3), settings);
    }

    @Test
    void theRevisionNotesSayWhichFileWasCorrected() {
        String notes = after.release().notes();

        assertThat(notes).contains("Revises release " + before.snapshot.id()).contains("Files replaced by a corrected file (1)")
                .contains("- border AL-07 2025-03").contains("Files received since (new months or counties) (0)");
    }

    @Test
    void aCellWhoseCountDidNotChangeKeepsItsStatus() {
        Ledger ledger = new Ledger(dir);
        Ledger.Loaded old = ledger.loadInternal(before.snapshot.id());
        Ledger.Loaded now = ledger.loadInternal(after.snapshot.id());
        int unchanged = 0;
        int changed = 0;
        for (ReleaseCell cell : now.cells().values()) {
            ReleaseCell was = old.cells().get(cell.key());
            if (was == null) {
                continue;
            }
            if (was.truth() == cell.truth()) {
                unchanged++;
                assertThat(cell.status()).as(cell.key().toString()).isEqualTo(was.status());
            } else {
                changed++;
                String t = cell.key().territory();
                assertThat(t.equals("AL") || t.startsWith("AL-07") || after.release().municipalitiesOf("AL-07").contains(t)).as(t).isTrue();
            }
        }
        assertThat(unchanged).isGreaterThan(1000);
        assertThat(changed).isPositive();
        assertThat(after.built.stats().carried()).isPositive();
    }

    @Test
    void anAttackerHoldingBothReleasesLearnsNothingMore() {
        // Kukës's figures of March 2025 and of every span holding it changed; Albania's too. Everything else is one count in
        // both releases: one unknown to the attacker, who also knows from the notes which slice changed.
        PublicAttacker attacker = new PublicAttacker();
        for (TestWarehouse w : List.of(before, after)) {
            PublishedRelease release = w.releases.find(w.snapshot.id()).orElseThrow();
            for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
                for (List<String> groupBy : List.of(List.of("county"), List.<String>of())) {
                    IndicatorQuery q = IndicatorQuery.of("children_encountered", FIRST, LAST, type).groupedBy(groupBy.toArray(String[]::new));
                    IndicatorResult published = release.indicator(q, NOW);
                    IndicatorResult truth = w.internal().run(q.forAudience(Audience.INTERNAL));
                    Map<List<Object>, ResultRow> trueRows = new HashMap<>();
                    truth.rows().forEach(t -> trueRows.put(List.of(t.period(), t.group()), t));
                    for (ResultRow row : published.rows()) {
                        String territory = row.group().getOrDefault("county", "AL");
                        attacker.read(name(w, territory, row.period()), row, trueRows.get(List.of(row.period(), row.group())).numerator());
                    }
                }
            }
            List<String> territories = new ArrayList<>(List.of("AL"));
            territories.addAll(release.counties());
            for (String t : territories) {
                for (String q : release.periods(PeriodType.QUARTER)) {
                    attacker.sum(name(w, t, q), release.periods(PeriodType.MONTH).stream()
                            .filter(m -> PeriodType.months(q).containsAll(PeriodType.months(m))).map(m -> name(w, t, m)).toList(), false);
                }
                for (String y : release.periods(PeriodType.YEAR)) {
                    attacker.sum(name(w, t, y), release.periods(PeriodType.QUARTER).stream().filter(q -> q.startsWith(y))
                            .map(q -> name(w, t, q)).toList(), false);
                }
            }
            for (PeriodType type : List.of(PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR)) {
                for (String p : release.periods(type)) {
                    attacker.sum(name(w, "AL", p), release.counties().stream().map(c -> name(w, c, p)).toList(), false);
                }
            }
        }

        assertThat(attacker.withheld()).isPositive();
        assertThat(attacker.exposed()).isEmpty();
    }

    @Test
    void theLedgerAloneAuditsBothReleasesTogetherAndFindsNothing() {
        // The release's own model, laid out again from the ledger: every cell of both releases and every relation.
        al.antitrafficking.warehouse.config.AppConfig config = al.antitrafficking.warehouse.config.AppConfig.load(
                TestWarehouse.ROOT.resolve(al.antitrafficking.warehouse.config.AppConfig.DEFAULT_CONFIG_FILE), Map.of("warehouse.dir", dir.toString()));
        AuditReleaseCommand.Audit alone = AuditReleaseCommand.audit(config, new Ledger(dir), after.snapshot.id(), false, 4000);
        AuditReleaseCommand.Audit both = AuditReleaseCommand.audit(config, new Ledger(dir), after.snapshot.id(), true, 4000);

        assertThat(alone.withheld()).isEqualTo(after.built.stats().small() + after.built.stats().complementary()
                + after.built.stats().carried());
        assertThat(alone.exposed()).isZero();
        assertThat(both.cells()).isGreaterThan(alone.cells());
        assertThat(both.exposed()).isZero();
    }

    /** A figure's name: one name in both releases unless the correction touched it (Kukës or Albania, in a span holding March 2025). */
    private static String name(TestWarehouse w, String territory, String period) {
        boolean touched = (territory.equals("AL-07") || territory.equals("AL")) && PeriodType.months(period).contains(YearMonth.of(2025, 3));
        return "children_encountered|" + territory + "|" + period + (touched ? "|" + w.snapshot.id() : "");
    }

    @Test
    void theOldReleaseIsRetrievableAfterItsSnapshotIsPruned() throws Exception {
        Path oldFacts = dir.resolve("snapshots").resolve(before.snapshot.id());
        assertThat(oldFacts).isDirectory();
        // Keeping two snapshots: nothing pruned yet; then a copy of the facts is dropped as pruning would.
        new Snapshots(dir).prune(2);
        try (var files = Files.walk(oldFacts)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        PublishedRelease old = after.releases.find(before.snapshot.id()).orElseThrow();
        assertThat(old.id()).isEqualTo(before.snapshot.id());
        assertThat(old.indicator(IndicatorQuery.of("children_encountered", FIRST, LAST, PeriodType.YEAR), NOW).rows())
                .extracting(ResultRow::status).containsOnly(CellStatus.PUBLISHED);
        assertThat(after.releases.history()).extracting(PublishedReleases.Listing::id)
                .containsExactly(after.snapshot.id(), before.snapshot.id());
        assertThat(after.releases.current().id()).isEqualTo(after.snapshot.id());
    }
}
