package al.antitrafficking.warehouse.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * A lock held on a file while a process uses what it guards: the operating system releases it when the process ends,
 * killed or not, so a crashed process never leaves it held. Used for the warehouse lock (one build or ingest at a time)
 * and for leases on snapshots (pruning leaves a leased snapshot alone).
 */
public final class FileLease implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean deleteOnClose;

    private FileLease(Path file, FileChannel channel, FileLock lock, boolean deleteOnClose) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
    }

    /** Takes the lock, waiting up to {@code patience} for another process to let it go; empty when it did not. */
    public static Optional<FileLease> take(Path file, Duration patience, boolean deleteOnClose) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long until = System.nanoTime() + patience.toNanos();
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return Optional.of(new FileLease(file, channel, lock, deleteOnClose));
                }
                if (System.nanoTime() >= until) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether some living process holds the lock on {@code file}. */
    public static boolean held(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // A lock that cannot even be checked is treated as held: never delete what may be in use.
            return true;
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
            if (deleteOnClose) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release " + file, e);
        }
    }
}
