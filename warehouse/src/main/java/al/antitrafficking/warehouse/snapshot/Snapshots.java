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
    /** The lock one ETL run or warehouse build of a warehouse holds at a time. */
    public static final String WAREHOUSE_LOCK = ".warehouse.lock";
    /** The folder of an ETL run's own lock, by run id (the snapshot id it stages). */
    public static final String RUNS = ".ingest-runs";
    private static final String LEASES = ".leases";
    /** How long a snapshot stays after it stops being the newest: a reader that has just looked it up can still open it. */
    public static final java.time.Duration GRACE = java.time.Duration.ofMinutes(10);
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
     * Deletes the oldest snapshots beyond {@code keep}, but never the published one, one leased by a reader (see
     * {@link #lease}), or one taken less than {@link #GRACE} ago; and the staging folders of runs that died, never that
     * of a run still holding its lock. The release ledger is never touched. Call it holding the warehouse lock
     * ({@link #lockWarehouse}), so that no ETL run starts staging meanwhile.
     */
    public List<String> prune(int keep) {
        Optional<String> current = current().map(Snapshot::id);
        List<Snapshot> all = list();
        List<String> deleted = new java.util.ArrayList<>();
        java.time.Instant cutoff = clock.instant().minus(GRACE);
        for (int i = 0; i < all.size() - keep; i++) {
            Snapshot old = all.get(i);
            if (current.equals(Optional.of(old.id())) || leased(old) || takenAt(old.id()).isAfter(cutoff)) {
                continue;
            }
            deleteTree(old.dir());
            deleted.add(old.id());
        }
        try (Stream<Path> children = Files.list(root.resolve("snapshots"))) {
            for (Path staging : children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                String id = idOf(staging);
                Path runLock = root.resolve(RUNS).resolve(id).resolve(".lock");
                if (!FileLease.held(runLock)) {
                    deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune snapshots in " + root, e);
        }
        return deleted;
    }

    /**
     * Leases a snapshot for as long as the lease is open (a notebook reading its facts): pruning leaves it alone. Closing
     * the lease (or the process ending) releases it.
     */
    public FileLease lease(Snapshot snapshot) {
        Path file = snapshot.dir().resolve(LEASES).resolve(java.util.UUID.randomUUID() + ".lock");
        return FileLease.take(file, java.time.Duration.ZERO, true).orElseThrow(() -> new IllegalStateException(
                "Cannot lease snapshot " + snapshot.id()));
    }

    /**
     * Takes the warehouse lock, which one ETL run or build holds at a time, waiting up to {@code patience} for the one
     * running; a process that dies releases it.
     */
    public FileLease lockWarehouse(java.time.Duration patience) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
        return FileLease.take(root.resolve(WAREHOUSE_LOCK), patience, false).orElseThrow(() -> new IllegalStateException(
                "Cannot start: another ETL run or warehouse build is working on " + root + "; try again when it has finished"));
    }

    private static boolean leased(Snapshot snapshot) {
        Path leases = snapshot.dir().resolve(LEASES);
        if (!Files.isDirectory(leases)) {
            return false;
        }
        try (Stream<Path> files = Files.list(leases)) {
            return files.anyMatch(FileLease::held);
        } catch (IOException e) {
            return true;
        }
    }

    private static java.time.Instant takenAt(String id) {
        return java.time.Instant.from(ID_FORMAT.parse(id));
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
