package al.antitrafficking.warehouse.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {
    @TempDir
    Path warehouse;

    private Snapshots at(String instant) {
        return new Snapshots(warehouse, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private Snapshot committedWithDatabase(Snapshots snapshots) throws IOException {
        Snapshot s = snapshots.commit(snapshots.newStagingDir());
        Files.writeString(s.dir().resolve(Snapshots.DATABASE_FILE), "db");
        return s;
    }

    @Test
    void nothingIsCurrentUntilASnapshotIsPublished() throws IOException {
        Snapshots snapshots = at("2026-05-01T10:00:00Z");
        assertThat(snapshots.current()).isEmpty();

        Snapshot s = committedWithDatabase(snapshots);
        assertThat(snapshots.current()).isEmpty();

        snapshots.publish(s);
        assertThat(snapshots.current()).contains(s);
        assertThat(s.id()).isEqualTo("20260501T100000000Z");
    }

    @Test
    void stagingFoldersAreInvisibleToReaders() {
        Snapshots snapshots = at("2026-05-01T10:00:00Z");
        Path staging = snapshots.newStagingDir();

        assertThat(staging.getFileName().toString()).startsWith(".staging-");
        assertThat(snapshots.list()).isEmpty();
    }

    @Test
    void twoRunsInTheSameMillisecondGetDistinctIds() {
        Snapshots snapshots = at("2026-05-01T10:00:00Z");

        Path first = snapshots.newStagingDir();
        Path second = snapshots.newStagingDir();

        assertThat(first.getFileName().toString()).isEqualTo(".staging-20260501T100000000Z");
        assertThat(second.getFileName().toString()).isEqualTo(".staging-20260501T100000001Z");
    }

    @Test
    void refusesToPublishASnapshotWithoutDatabase() {
        Snapshots snapshots = at("2026-05-01T10:00:00Z");
        Snapshot s = snapshots.commit(snapshots.newStagingDir());

        assertThatThrownBy(() -> snapshots.publish(s)).hasMessageContaining("has no warehouse.duckdb");
        assertThat(snapshots.current()).isEmpty();
    }

    @Test
    void pruneKeepsTheNewestAndNeverTheCurrentAndClearsDeadStaging() throws IOException {
        Snapshot oldest = committedWithDatabase(at("2026-01-01T00:00:00Z"));
        Snapshot middle = committedWithDatabase(at("2026-02-01T00:00:00Z"));
        Snapshot newest = committedWithDatabase(at("2026-03-01T00:00:00Z"));
        Snapshots snapshots = at("2026-04-01T00:00:00Z");
        snapshots.publish(oldest);
        Path dead = snapshots.newStagingDir();

        assertThat(snapshots.prune(1)).containsExactly(middle.id());

        assertThat(snapshots.list()).containsExactly(oldest, newest);
        assertThat(snapshots.current()).contains(oldest);
        assertThat(dead).doesNotExist();
    }

    @Test
    void aLeasedSnapshotAndOneTakenWithinTheGracePeriodAreNotPruned() throws IOException {
        Snapshot leased = committedWithDatabase(at("2026-01-01T00:00:00Z"));
        Snapshot old = committedWithDatabase(at("2026-02-01T00:00:00Z"));
        Snapshot recent = committedWithDatabase(at("2026-04-01T09:55:00Z"));
        Snapshot newest = committedWithDatabase(at("2026-04-01T09:58:00Z"));
        Snapshots snapshots = at("2026-04-01T10:00:00Z");
        snapshots.publish(newest);

        try (FileLease lease = snapshots.lease(leased)) {
            // Keep one: old is pruned; leased is being read; recent is younger than the grace period.
            assertThat(snapshots.prune(1)).containsExactly(old.id());
            assertThat(snapshots.list()).containsExactly(leased, recent, newest);
        }
        assertThat(at("2026-04-01T10:30:00Z").prune(1)).containsExactly(leased.id(), recent.id());
    }

    @Test
    void theStagingFolderOfARunStillHoldingItsLockIsNotPruned() throws IOException {
        Snapshots snapshots = at("2026-04-01T10:00:00Z");
        Path live = snapshots.newStagingDir();
        Path dead = snapshots.newStagingDir();

        try (FileLease run = FileLease.take(warehouse.resolve(Snapshots.RUNS).resolve(Snapshots.idOf(live)).resolve(".lock"),
                java.time.Duration.ZERO, false).orElseThrow()) {
            snapshots.prune(5);
            assertThat(live).isDirectory();
            assertThat(dead).doesNotExist();
        }
        snapshots.prune(5);
        assertThat(live).doesNotExist();
    }

    @Test
    void oneEtlRunOrBuildAtATimeAndTheLockGoesWithItsHolder() {
        Snapshots snapshots = at("2026-04-01T10:00:00Z");

        try (FileLease first = snapshots.lockWarehouse(java.time.Duration.ZERO)) {
            assertThatThrownBy(() -> snapshots.lockWarehouse(java.time.Duration.ofMillis(300)))
                    .hasMessageContaining("another ETL run or warehouse build is working on");
        }
        try (FileLease again = snapshots.lockWarehouse(java.time.Duration.ZERO)) {
            assertThat(FileLease.held(warehouse.resolve(Snapshots.WAREHOUSE_LOCK))).isTrue();
        }
        assertThat(FileLease.held(warehouse.resolve(Snapshots.WAREHOUSE_LOCK))).isFalse();
    }
}
