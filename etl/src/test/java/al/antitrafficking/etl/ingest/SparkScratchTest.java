package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkScratchTest {
    @TempDir
    Path warehouse;

    @Test
    void aRunGetsAnOwnerOnlyFolderThatIsGoneAfterwards() throws Exception {
        Path scratch = SparkScratch.create(warehouse);
        Files.writeString(Files.createDirectories(scratch.resolve("blockmgr-1/0c")).resolve("shuffle_0_0_0.data"), "spilled rows");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch))).isEqualTo("rwx------");
        SparkScratch.delete(scratch);

        assertThat(scratch).doesNotExist();
    }

    @Test
    void whatACrashedRunLeftBehindIsDeletedByTheNextRun() throws Exception {
        Path crashed = SparkScratch.create(warehouse);
        Files.writeString(crashed.resolve("spill"), "rows of a refused file");

        Path next = SparkScratch.create(warehouse);

        assertThat(crashed).doesNotExist();
        assertThat(next).isDirectory();
        try (var left = Files.list(warehouse.resolve(SparkScratch.FOLDER))) {
            assertThat(left).containsExactly(next);
        }
    }
}
