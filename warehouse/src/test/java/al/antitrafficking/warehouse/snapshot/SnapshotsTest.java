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
}
