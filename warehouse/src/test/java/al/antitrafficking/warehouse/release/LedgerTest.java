package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build killed at the wrong moment leaves in the release ledger, and how readers and the next build deal with it:
 * a release written but never published, a rebuild killed between its two renames, a line of the published list cut
 * short.
 */
class LedgerTest {
    @TempDir
    Path dir;

    private AppConfig config() {
        return AppConfig.load(TestWarehouse.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of("warehouse.dir", dir.toString()));
    }

    /** Writes a snapshot of the generated facts and builds its database and release, without publishing it. */
    private Snapshot built(int change) throws Exception {
        Snapshot snapshot = TinySnapshotAccess.snapshot(dir, GeneratedFacts.tables(1, change));
        new WarehouseBuilder().build(snapshot);
        Releases.build(config(), snapshot, TestWarehouse.CATALOGUE, TestWarehouse.TERRITORY);
        return snapshot;
    }

    private PublishedReleases readers() {
        return new PublishedReleases(dir, TestWarehouse.CATALOGUE, TestWarehouse.TERRITORY, TestWarehouse.POPULATION, Clock.systemUTC(),
                Duration.ZERO);
    }

    @Test
    void aReleaseWrittenButNeverPublishedIsNotOfferedNorRevisedAndTheNextBuildRemovesIt() throws Exception {
        Ledger ledger = new Ledger(dir);
        Snapshot first = TestWarehouse.build(dir, GeneratedFacts.tables(1, 0), Map.of()).snapshot;
        // A build killed after writing its release and before publishing it.
        Snapshot orphan = built(3);

        assertThat(ledger.ids()).containsExactly(first.id(), orphan.id());
        assertThat(ledger.publishedIds()).containsExactly(first.id());
        PublishedReleases readers = readers();
        assertThat(readers.current().id()).isEqualTo(first.id());
        assertThat(readers.history()).extracting(PublishedReleases.Listing::id).containsExactly(first.id());
        assertThat(readers.find(orphan.id())).isEmpty();

        // The next build revises what the public saw (the first release), not the orphan, and removes the orphan.
        Snapshot next = built(5);
        assertThat(ledger.properties(next.id()).getProperty("previous")).isEqualTo(first.id());
        assertThat(ledger.ids()).containsExactly(first.id(), next.id());
        assertThat(Files.exists(dir.resolve("releases").resolve(orphan.id()))).isFalse();
    }

    @Test
    void aRebuildKilledBetweenItsTwoRenamesLeavesThePublishedReleaseReadableAndTheNextBuildPutsItBack() throws Exception {
        TestWarehouse published = TestWarehouse.build(dir, GeneratedFacts.tables(1, 0), Map.of());
        String id = published.snapshot.id();
        long[] counts = readers().current().counts();
        Path releases = dir.resolve("releases");
        // The rebuild moved the published release aside and died before renaming its new copy into place.
        Files.move(releases.resolve(id), releases.resolve(".replaced-" + id));
        Files.createDirectories(releases.resolve(".staging-" + id));

        assertThat(readers().current().id()).isEqualTo(id);
        assertThat(readers().current().counts()).containsExactly(counts);

        new Ledger(dir).recover("none");
        assertThat(releases.resolve(id).resolve("release.properties")).isRegularFile();
        assertThat(releases.resolve(".replaced-" + id)).doesNotExist();
        assertThat(releases.resolve(".staging-" + id)).doesNotExist();
        assertThat(readers().current().counts()).containsExactly(counts);
    }

    @Test
    void aLineOfThePublishedListCutShortByACrashIsSkippedAndTheNextLineStartsAfresh() throws Exception {
        Ledger ledger = new Ledger(dir);
        Snapshot first = TestWarehouse.build(dir, GeneratedFacts.tables(1, 0), Map.of()).snapshot;
        Snapshot second = built(3);
        Path list = dir.resolve("releases").resolve("published.csv");
        // Killed while appending the second id: half of it reached the file.
        Files.writeString(list, second.id().substring(0, 9), UTF_8, StandardOpenOption.APPEND);
        assertThat(ledger.publishedIds()).containsExactly(first.id());

        ledger.markPublished(second.id(), Instant.now());
        assertThat(ledger.publishedIds()).containsExactly(first.id(), second.id());
        assertThat(Files.readAllLines(list, UTF_8)).hasSize(3);
    }
}
