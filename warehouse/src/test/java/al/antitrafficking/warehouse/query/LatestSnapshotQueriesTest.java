package al.antitrafficking.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestSnapshotQueriesTest {

    @TempDir
    Path warehouse;

    private Snapshot publish(String month) throws Exception {
        Snapshot s = new TinySnapshot().table(WarehouseTable.INGEST_FILE, "SELECT 'border_AL-07_" + month + ".csv' AS file_name, "
                + "'border' AS source, 'AL-07' AS county_code, '" + month + "' AS month, 'NIL_RETURN' AS status").write(warehouse);
        new WarehouseBuilder().build(s);
        new Snapshots(warehouse).publish(s);
        return s;
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void switchesToANewlyPublishedSnapshotOnceTheCheckIsDue() throws Exception {
        Snapshot first = publish("2025-01");
        ManualClock clock = new ManualClock();
        try (LatestSnapshotQueries queries = new LatestSnapshotQueries(new Snapshots(warehouse), new DisclosureControl(5),
                TestConf.CATALOGUE, TestConf.POPULATION, 15, clock,
                Duration.ofSeconds(10))) {
            assertThat(queries.snapshot().id()).isEqualTo(first.id());
            Snapshot second = publish("2025-02");

            clock.now.set(clock.now.get().plusSeconds(5));
            assertThat(queries.snapshot().id()).as("not yet checked").isEqualTo(first.id());

            clock.now.set(clock.now.get().plusSeconds(5));
            assertThat(queries.snapshot().id()).isEqualTo(second.id());
            assertThat(queries.snapshot().lastMonth()).isEqualTo("2025-02");
        }
    }
}
