package al.antitrafficking.etl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.ingest.IngestService;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.release.Ledger;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running ingestion service: it runs when the incoming folder changed and settled, and not otherwise. */
class IngestServiceTest {
    @TempDir
    Path work;

    @Test
    void aCorrectedFileIsPublishedOnceItSettledWorkedOutFromThePreviousSnapshot() throws Exception {
        Path incoming = work.resolve("incoming");
        new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, 5, YearMonth.of(2025, 1), YearMonth.of(2025, 2))
                .generate(incoming, 1200);
        AppConfig config = TestProject.CONFIG.withWarehouseDir(work.resolve("warehouse")).withIncomingDir(incoming);
        MutableClock clock = new MutableClock();
        IngestService service = new IngestService(TestProject.spark(), config, Duration.ofSeconds(5), clock);
        Snapshots snapshots = new Snapshots(config.warehouseDir());

        Optional<IngestService.Round> first = service.poll();
        assertThat(first).as("the first look runs").isPresent();
        assertThat(first.get().build().correctedFiles()).as("no snapshot before the first").isEqualTo(-1);
        // As the service does while it waits: the correction below starts from what was read ahead.
        assertThat(service.prefetch(first.get())).as("the release and its computed cells read ahead").isTrue();
        assertThat(snapshots.current().orElseThrow().id()).isEqualTo(first.get().ingest().snapshotId());
        assertThat(service.poll()).as("nothing changed").isEmpty();
        assertThat(new IngestService(TestProject.spark(), config, Duration.ofSeconds(5), clock).poll())
                .as("a service started again over a folder that has not changed publishes nothing").isEmpty();

        Path border = incoming.resolve("cpu_AL-03_2025-02.csv");
        List<String> lines = Files.readAllLines(border, UTF_8);
        Files.write(border, lines.subList(0, lines.size() - 1), UTF_8);
        assertThat(service.poll()).as("a file that just changed may still be being copied").isEmpty();
        clock.advance(Duration.ofSeconds(4));
        assertThat(service.poll()).as("unchanged for less than the quiet period").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        Optional<IngestService.Round> corrected = service.poll();
        assertThat(corrected).as("the settled change runs").isPresent();
        assertThat(corrected.get().build().correctedFiles()).as("the old and the new file of the corrected slice").isEqualTo(2);
        assertThat(corrected.get().build().release().computed().changedFiles()).isEqualTo(2);
        assertThat(corrected.get().ingest().rowsLoaded()).isEqualTo(first.get().ingest().rowsLoaded() - 1);
        assertThat(snapshots.current().orElseThrow().id()).isEqualTo(corrected.get().ingest().snapshotId());
        assertThat(new Ledger(config.warehouseDir()).publishedIds())
                .containsExactly(first.get().ingest().snapshotId(), corrected.get().ingest().snapshotId());
        clock.advance(Duration.ofSeconds(10));
        assertThat(service.poll()).isEmpty();
    }

    /** A clock the test moves on by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
