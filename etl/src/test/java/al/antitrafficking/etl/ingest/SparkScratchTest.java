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
        RunFolder scratch = SparkScratch.create(warehouse);
        Files.writeString(Files.createDirectories(scratch.dir().resolve("blockmgr-1/0c")).resolve("shuffle_0_0_0.data"), "spilled rows");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch.dir()))).isEqualTo("rwx------");
        scratch.close();

        assertThat(scratch.dir()).doesNotExist();
    }

    @Test
    void whatADeadRunLeftBehindIsDeletedByTheNextRunButALiveRunsFolderIsNot() throws Exception {
        // A dead run: its folder and lock file remain, but no process holds the lock.
        Path dead = Files.createDirectories(warehouse.resolve(SparkScratch.FOLDER).resolve("dead-run"));
        Files.writeString(dead.resolve(RunFolder.LOCK), "");
        Files.writeString(dead.resolve("spill"), "rows of a refused file");
        RunFolder live = SparkScratch.create(warehouse);

        RunFolder next = SparkScratch.create(warehouse);

        assertThat(dead).doesNotExist();
        assertThat(live.dir()).isDirectory();
        assertThat(next.dir()).isDirectory();
        live.close();
        next.close();
    }
}
