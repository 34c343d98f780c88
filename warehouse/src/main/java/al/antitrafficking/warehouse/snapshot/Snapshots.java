package al.antitrafficking.warehouse.snapshot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The warehouse folder: immutable snapshots and the CURRENT pointer to the one readers use.
 *
 * <p>A run writes into a staging folder ({@code snapshots/.staging-<id>}), {@link #commit commits} it by
 * renaming it to {@code snapshots/<id>}, then, once the DuckDB database is built inside it,
 * {@link #publish publishes} it by atomically replacing the CURRENT file. A reader therefore sees the old
 * snapshot or the new one, never a half-written one, and a run that dies leaves the previous one serving.
 */
public final class Snapshots {
    public static final String DATABASE_FILE = "warehouse.duckdb";
    private static final String CURRENT = "CURRENT";
    private static final String STAGING_PREFIX = ".staging-";
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}\\d{3}Z");
    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;

    public Snapshots(Path warehouseDir) {
        this(warehouseDir, Clock.systemUTC());
    }

    Snapshots(Path warehouseDir, Clock clock) {
        this.root = warehouseDir;
        this.clock = clock;
    }

    /** A new snapshot id, ordered by time, and its empty staging folder. */
    public Path newStagingDir() {
        try {
            Files.createDirectories(root.resolve("snapshots"));
            java.time.Instant at = clock.instant();
            String id = ID_FORMAT.format(at);
            while (Files.exists(snapshotDir(id)) || Files.exists(stagingDir(id))) {
                at = at.plusMillis(1);
                id = ID_FORMAT.format(at);
            }
            return Files.createDirectory(stagingDir(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create staging folder in " + root, e);
        }
    }

    /** The snapshot id a staging folder will be committed under. */
    public static String idOf(Path stagingDir) {
        String name = stagingDir.getFileName().toString();
        if (!name.startsWith(STAGING_PREFIX)) {
            throw new IllegalArgumentException("Cannot read snapshot id: not a staging folder: " + stagingDir);
        }
        return name.substring(STAGING_PREFIX.length());
    }

    /** Renames a finished staging folder to its snapshot folder and returns the snapshot. */
    public Snapshot commit(Path stagingDir) {
        if (!stagingDir.getParent().equals(root.resolve("snapshots"))) {
            throw new IllegalArgumentException("Cannot commit snapshot: not a staging folder of " + root + ": " + stagingDir);
        }
        String id = idOf(stagingDir);
        try {
            Files.move(stagingDir, snapshotDir(id), ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit snapshot " + id, e);
        }
        return new Snapshot(id, snapshotDir(id));
    }

    /** Makes a committed snapshot, with its database built, the one readers see. */
    public void publish(Snapshot snapshot) {
        if (!Files.isRegularFile(snapshot.dir().resolve(DATABASE_FILE))) {
            throw new IllegalStateException("Cannot publish snapshot " + snapshot.id() + ": it has no " + DATABASE_FILE);
        }
        try {
            Path temp = root.resolve(CURRENT + ".tmp");
            Files.writeString(temp, snapshot.id() + "\n", UTF_8);
            Files.move(temp, root.resolve(CURRENT), ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish snapshot " + snapshot.id(), e);
        }
    }

    /** The published snapshot, if any. */
    public Optional<Snapshot> current() {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(pointer, UTF_8).trim();
            return Optional.of(find(id).orElseThrow(() -> new IllegalStateException(
                    "Cannot read warehouse: CURRENT names snapshot " + id + ", which is not in " + root)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer, e);
        }
    }

    public Optional<Snapshot> find(String id) {
        if (!ID.matcher(id).matches() || !Files.isDirectory(snapshotDir(id))) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(id, snapshotDir(id)));
    }

    /** Committed snapshots, oldest first. */
    public List<Snapshot> list() {
        Path dir = root.resolve("snapshots");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(name -> ID.matcher(name).matches())
                    .sorted()
                    .map(id -> new Snapshot(id, snapshotDir(id)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list snapshots in " + root, e);
        }
    }

    /**
     * Deletes staging folders left by runs that died, and the oldest snapshots beyond {@code keep};
     * the published snapshot is never deleted.
     */
    public List<String> prune(int keep) {
        Optional<String> current = current().map(Snapshot::id);
        List<Snapshot> all = list();
        List<String> deleted = new java.util.ArrayList<>();
        for (int i = 0; i < all.size() - keep; i++) {
            Snapshot old = all.get(i);
            if (!current.equals(Optional.of(old.id()))) {
                deleteTree(old.dir());
                deleted.add(old.id());
            }
        }
        try (Stream<Path> children = Files.list(root.resolve("snapshots"))) {
            children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).forEach(Snapshots::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune snapshots in " + root, e);
        }
        return deleted;
    }

    private Path snapshotDir(String id) {
        return root.resolve("snapshots").resolve(id);
    }

    private Path stagingDir(String id) {
        return root.resolve("snapshots").resolve(STAGING_PREFIX + id);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
