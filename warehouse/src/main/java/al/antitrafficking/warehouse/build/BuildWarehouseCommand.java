package al.antitrafficking.warehouse.build;

import al.antitrafficking.warehouse.progress.Progress;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.Ledger;
import al.antitrafficking.warehouse.release.ReleaseBuilder;
import al.antitrafficking.warehouse.release.Releases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Command: builds the DuckDB database of the newest committed snapshot (or of {@code --snapshot=ID}), then its
 * protected public release, and only then publishes it; finally prunes old snapshots (never the release ledger).
 * Arguments are configuration overrides ({@link AppConfig}).
 */
public final class BuildWarehouseCommand {
    private BuildWarehouseCommand() {}

    public static void main(String[] args) {
        try {
            String snapshotId = null;
            List<String> configArgs = new java.util.ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--snapshot=")) {
                    snapshotId = arg.substring("--snapshot=".length());
                } else {
                    configArgs.add(arg);
                }
            }
            AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
            Progress.start("build", System.out, Duration.ofSeconds(5));
            Snapshots snapshots = new Snapshots(config.warehouseDir());
            WarehouseBuilder builder = new WarehouseBuilder();
            Snapshot snapshot;
            Map<WarehouseTable, Long> rows;
            ReleaseBuilder.Built release;
            List<String> pruned;
            // One ETL run or build at a time: two builds of one snapshot would write the same database.
            try (var lock = snapshots.lockWarehouse(Duration.ofMinutes(30))) {
                snapshot = resolve(snapshots, snapshotId);
                Progress.stage("DuckDB: tables, views and the child pathway of snapshot " + snapshot.id(), 0, "");
                rows = builder.build(snapshot);
                release = Releases.build(config, snapshot, Catalogue.load(config.catalogueFile()), Territory.load(config.referenceDir()));
                Progress.stage("publishing and pruning", 0, "");
                Releases.publish(snapshots, new Ledger(config.warehouseDir()), snapshot);
                pruned = snapshots.prune(config.snapshotsKept());
            }
            Progress.stop();
            System.out.println("Warehouse snapshot " + snapshot.id() + " built and published: " + snapshot.dir());
            rows.forEach((table, count) -> System.out.printf("  %-26s %,12d rows%n", table.folder(), count));
            builder.derivedRows().forEach((table, count) -> System.out.printf("  %-26s %,12d rows%n", table, count));
            System.out.println(Releases.describe(release));
            if (!pruned.isEmpty()) {
                System.out.println("  removed old snapshots (their releases stay in the ledger): " + String.join(", ", pruned));
            }
        } catch (RuntimeException e) {
            Progress.stop();
            System.err.println("Warehouse build failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Snapshot resolve(Snapshots snapshots, String id) {
        if (id != null) {
            return snapshots.find(id).orElseThrow(() -> new IllegalArgumentException("Cannot build warehouse: no snapshot " + id));
        }
        List<Snapshot> all = snapshots.list();
        if (all.isEmpty()) {
            throw new IllegalStateException("Cannot build warehouse: no snapshot yet; run the ETL first");
        }
        return all.get(all.size() - 1);
    }
}
