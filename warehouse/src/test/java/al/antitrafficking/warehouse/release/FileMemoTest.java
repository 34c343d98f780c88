package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last file read whole is kept only while it is the same file. */
class FileMemoTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsReadAgainOnlyWhenItIsReplacedOrAnotherIsAsked() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        FileMemo<String> memo = new FileMemo<>();
        java.util.function.Function<Path, String> read = f -> memo.read(f, () -> {
            reads.incrementAndGet();
            try {
                return Files.readString(f, UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path cells = Files.writeString(dir.resolve("cells.csv"), "first", UTF_8);
        Path other = Files.writeString(dir.resolve("other.csv"), "other", UTF_8);

        assertThat(read.apply(cells)).isEqualTo("first");
        assertThat(read.apply(cells)).isEqualTo("first");
        assertThat(reads).hasValue(1);

        // Written anew and renamed into place, as the ledger and the kept cells are: another file, read again, even with
        // the same size and time (only its inode differs).
        Path partial = Files.writeString(dir.resolve("cells.csv.partial"), "fresh", UTF_8);
        Files.setLastModifiedTime(partial, Files.getLastModifiedTime(cells));
        Files.move(partial, cells, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        assertThat(read.apply(cells)).isEqualTo("fresh");
        assertThat(reads).hasValue(2);

        assertThat(read.apply(other)).isEqualTo("other");
        assertThat(read.apply(cells)).isEqualTo("fresh");
        assertThat(reads).hasValue(4);
    }
}
