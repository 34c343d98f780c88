package al.antitrafficking.etl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.indicator.ResultRow;
import al.antitrafficking.warehouse.release.Ledger;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.release.ReleaseBuilder;
import al.antitrafficking.warehouse.release.Releases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path the demo takes: generated regional files, the Spark job, the DuckDB build, the protected release and
 * publication. Expected figures are distinct pseudonyms counted by this test in the CSV files.
 */
class EndToEndTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path work;

    /** Generates, ingests, builds, protects and publishes; returns the published release. */
    private PublishedRelease publish(Path incoming, long rows, YearMonth first, YearMonth last) {
        Path warehouse = work.resolve("warehouse");
        new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, 21, first, last).generate(incoming, rows);
        AppConfig config = TestProject.CONFIG.withWarehouseDir(warehouse);
        IngestReport report = IngestJob.fromConfig(TestProject.spark(), config).run(incoming);
        Snapshots snapshots = new Snapshots(warehouse);
        Snapshot snapshot = snapshots.find(report.snapshotId()).orElseThrow();
        new WarehouseBuilder().build(snapshot);
        Catalogue catalogue = Catalogue.load(config.catalogueFile());
        ReleaseBuilder.Built built = Releases.build(config, snapshot, catalogue, TestProject.TERRITORY);
        assertThat(built.stats().auditExposures()).isZero();
        Releases.publish(snapshots, new Ledger(warehouse), snapshot);
        return new PublishedReleases(warehouse, catalogue, TestProject.TERRITORY, Population.load(TestProject.TERRITORY, config.referenceDir()),
                Clock.systemUTC(), Duration.ZERO).current();
    }

    @Test
    void publishedFiguresEqualDistinctChildrenCountedInTheRegionalFiles() throws IOException {
        Path incoming = work.resolve("incoming");
        PublishedRelease release = publish(incoming, 3000, YearMonth.of(2025, 1), YearMonth.of(2025, 4));

        Map<String, Set<String>> byMonth = new HashMap<>();
        Map<String, Set<String>> byCounty = new HashMap<>();
        int pseudonym = TestProject.CONTRACT.columns(Source.BORDER).indexOf("child_pseudonym");
        int date = TestProject.CONTRACT.columns(Source.BORDER).indexOf("encounter_date");
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("border_")).toList()) {
                String county = f.getFileName().toString().split("_")[1];
                List<String> lines = Files.readAllLines(f, UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.split(",", -1);
                    byMonth.computeIfAbsent(fields[date].substring(0, 7), m -> new HashSet<>()).add(fields[pseudonym]);
                    byCounty.computeIfAbsent(county, c -> new HashSet<>()).add(fields[pseudonym]);
                }
            }
        }

        List<ResultRow> months = release.indicator(IndicatorQuery.of("children_encountered", YearMonth.of(2025, 1), YearMonth.of(2025, 4),
                PeriodType.MONTH), NOW).rows();
        assertThat(months).extracting(ResultRow::period).containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
        for (ResultRow m : months) {
            assertThat(m.status()).isEqualTo(CellStatus.PUBLISHED);
            assertThat(m.numerator()).as(m.period()).isEqualTo((long) byMonth.get(m.period()).size());
        }
        String grain = release.publication("children_encountered").get("county").get("total");
        List<ResultRow> counties = release.indicator(IndicatorQuery.of("children_encountered", YearMonth.of(2025, 1), YearMonth.of(2025, 4),
                PeriodType.valueOf(grain.toUpperCase(java.util.Locale.ROOT)).ordinal() <= PeriodType.QUARTER.ordinal() ? PeriodType.QUARTER
                        : PeriodType.YEAR).groupedBy("county"), NOW).rows();
        for (ResultRow c : counties.stream().filter(r -> r.period().equals("2025")).toList()) {
            long expected = byCounty.getOrDefault(c.group().get("county"), Set.of()).size();
            if (c.status() == CellStatus.PUBLISHED) {
                assertThat(c.numerator()).as(c.group().get("county")).isEqualTo(expected);
            } else {
                assertThat(c.status()).isEqualTo(CellStatus.WITHHELD);
            }
            if (expected >= 1 && expected <= 4) {
                assertThat(c.status()).as(c.group().get("county")).isEqualTo(CellStatus.WITHHELD);
            }
        }
        assertThat(release.summary().filesLoaded()).isEqualTo(4 * 12 * 4);
    }

    @Test
    void atAlbaniasRealScaleTheReleasePublishesCoarserAndSaysSo() throws IOException {
        // The real-scale profile: about 100 rows a month, some 130 NRM identifications a year (UNODC GLOTIP: 84 to 159).
        AppConfig realScale = AppConfig.load(TestProject.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE),
                Map.of("sample.profile", "real-scale", "sample.months", "12"));
        PublishedRelease release = publish(work.resolve("incoming"), realScale.sampleRowsToWrite(), YearMonth.of(2025, 1), YearMonth.of(2025, 12));

        Map<String, Map<String, String>> victims = release.publication("child_victims");
        // Albania's total is always published; by county, months would be mostly withheld: quarters, years, or not at all.
        assertThat(victims.get("albania")).containsKey("total");
        assertThat(victims.getOrDefault("county", Map.of()).get("total")).isNotEqualTo("month");
        long[] counts = release.counts();
        assertThat(counts[1]).as("withheld of %d printed", counts[0]).isLessThan(counts[0] / 4);
    }
}
