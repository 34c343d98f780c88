package al.antitrafficking.warehouse.build;

import al.antitrafficking.warehouse.progress.FailureText;
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
            Outcome outcome = buildAndPublish(config, snapshotId);
            Progress.stop();
            System.out.print(outcome.summary());
        } catch (RuntimeException e) {
            Progress.stop();
            System.err.println("Warehouse build failed: " + FailureText.of(e));
            System.exit(1);
        }
    }

    /**
     * What a build made: the snapshot, its tables' rows, the release, the snapshots pruned, and when (by
     * {@link System#nanoTime()}) the release was published: readers see it from then on, before the old snapshots are
     * removed.
     */
    public record Outcome(Snapshot snapshot, Map<WarehouseTable, Long> rows, Map<String, Long> derivedRows, int correctedFiles,
                          ReleaseBuilder.Built release, List<String> pruned, long publishedAt) {
        /** The build's report, as the command prints it. */
        public String summary() {
            StringBuilder s = new StringBuilder("Warehouse snapshot " + snapshot.id() + " built and published: " + snapshot.dir() + "\n");
            rows.forEach((table, count) -> s.append(String.format("  %-26s %,12d rows%n", table.folder(), count)));
            derivedRows.forEach((table, count) -> s.append(String.format("  %-26s %,12d rows%n", table, count)));
            if (correctedFiles >= 0) {
                s.append(String.format("  the database is the previous snapshot's with the pathways of the children of %d changed fact "
                        + "files replaced%n", correctedFiles));
            }
            s.append(Releases.describe(release)).append('\n');
            if (!pruned.isEmpty()) {
                s.append("  removed old snapshots (their releases stay in the ledger): ").append(String.join(", ", pruned)).append('\n');
            }
            return s.toString();
        }
    }

    /**
     * Builds the DuckDB database of the newest committed snapshot (or of {@code snapshotId}), from the previous release's
     * snapshot when it differs in a few fact files (a correction), then its release; publishes it and prunes.
     */
    public static Outcome buildAndPublish(AppConfig config, String snapshotId) {
        Snapshots snapshots = new Snapshots(config.warehouseDir());
        WarehouseBuilder builder = new WarehouseBuilder(config.warehouseDuckdbMemoryLimit());
        // One ETL run or build at a time: two builds of one snapshot would write the same database.
        try (var lock = snapshots.lockWarehouse(Duration.ofMinutes(30))) {
            Snapshot snapshot = resolve(snapshots, snapshotId);
            Progress.stage("DuckDB: tables, views and the child pathway of snapshot " + snapshot.id(), 0, "");
            Map<WarehouseTable, Long> rows = builder.build(snapshot, Releases.base(config, snapshot));
            ReleaseBuilder.Built release = Releases.build(config, snapshot, Catalogue.load(config.catalogueFile()),
                    Territory.load(config.referenceDir()), baseDir -> builder.changesFrom(baseDir, snapshot.dir()));
            Progress.stage("publishing", 0, "");
            Releases.publish(snapshots, new Ledger(config.warehouseDir()), snapshot);
            long publishedAt = System.nanoTime();
            Progress.stage("removing old snapshots", 0, "");
            List<String> pruned = snapshots.prune(config.snapshotsKept());
            return new Outcome(snapshot, rows, builder.derivedRows(), builder.correctedFiles(), release, pruned, publishedAt);
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
