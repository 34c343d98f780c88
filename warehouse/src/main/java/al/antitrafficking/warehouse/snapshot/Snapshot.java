package al.antitrafficking.warehouse.snapshot;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A committed, immutable warehouse snapshot: its id (UTC time of the run) and its folder. */
public record Snapshot(String id, Path dir) {
    public Snapshot {
        requireNonNull(id, "id is null");
        requireNonNull(dir, "dir is null");
    }

    public Path table(WarehouseTable table) {
        return dir.resolve(table.folder());
    }
}
