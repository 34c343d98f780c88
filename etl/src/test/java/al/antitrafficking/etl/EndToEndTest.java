package al.antitrafficking.etl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.etl.ingest.IngestJob;
import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.query.CountyFigure;
import al.antitrafficking.warehouse.query.DuckDbOverviewQueries;
import al.antitrafficking.warehouse.query.Point;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The whole path the demo takes: generated regional files, the Spark job, the DuckDB build, publication
 * and the overview queries. Expected figures are distinct pseudonyms counted by this test in the CSV files.
 */
class EndToEndTest {

    @TempDir
    Path work;

    @Test
    void overviewFiguresEqualDistinctChildrenCountedInTheRegionalFiles() throws IOException {
        Path incoming = work.resolve("incoming");
        Path warehouse = work.resolve("warehouse");
        new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, 21, YearMonth.of(2025, 1), YearMonth.of(2025, 4))
                .generate(incoming, 3000);

        IngestReport report = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(warehouse)).run(incoming);
        Snapshots snapshots = new Snapshots(warehouse);
        Snapshot snapshot = snapshots.find(report.snapshotId()).orElseThrow();
        new WarehouseBuilder().build(snapshot);
        snapshots.publish(snapshot);

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

        try (DuckDbOverviewQueries queries = DuckDbOverviewQueries.open(snapshots.current().orElseThrow(), new DisclosureControl(5),
                al.antitrafficking.warehouse.indicator.Catalogue.load(TestProject.CONFIG.catalogueFile()),
                al.antitrafficking.warehouse.indicator.Population.load(TestProject.TERRITORY, TestProject.CONFIG.referenceDir()))) {
            List<Point> points = queries.childrenEncounteredMonthly().series().get(0).points();
            assertThat(points).extracting(Point::period).containsExactly("2025-01", "2025-02", "2025-03", "2025-04");
            for (Point p : points) {
                assertThat(p.status()).isEqualTo(CellStatus.PUBLISHED);
                assertThat(p.value()).as(p.period()).isEqualTo((long) byMonth.get(p.period()).size());
            }
            for (CountyFigure c : queries.childrenEncounteredByCounty(YearMonth.of(2025, 1), YearMonth.of(2025, 4)).counties()) {
                long expected = byCounty.getOrDefault(c.countyCode(), Set.of()).size();
                if (c.status() == CellStatus.PUBLISHED) {
                    assertThat(c.value()).as(c.countyCode()).isEqualTo(expected);
                } else {
                    // Withheld only if small itself or needed as the complement of a small county.
                    assertThat(c.status()).as(c.countyCode()).isIn(CellStatus.SUPPRESSED_SMALL_COUNT, CellStatus.SUPPRESSED_COMPLEMENTARY);
                    if (c.status() == CellStatus.SUPPRESSED_SMALL_COUNT) {
                        assertThat(expected).as(c.countyCode()).isBetween(1L, 4L);
                    }
                }
            }
            assertThat(queries.snapshot().filesLoaded()).isEqualTo(4 * 12 * 4);
        }
    }
}
