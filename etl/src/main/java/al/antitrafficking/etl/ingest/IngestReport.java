package al.antitrafficking.etl.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What one ETL run did: the snapshot it committed, the files loaded (nil returns among them), the files
 * refused with their messages, the rows in, loaded and quarantined (by rule), and rows per fact table.
 */
public record IngestReport(
        String snapshotId,
        int filesLoaded,
        int nilReturns,
        List<FileRejection> rejectedFiles,
        long rowsIn,
        long rowsLoaded,
        long rowsQuarantined,
        Map<String, Long> quarantinedByRule,
        Map<String, Long> rowsByTable) {

    public IngestReport {
        requireNonNull(snapshotId, "snapshotId is null");
        rejectedFiles = List.copyOf(rejectedFiles);
        quarantinedByRule = Map.copyOf(quarantinedByRule);
        rowsByTable = Map.copyOf(rowsByTable);
    }

    /** The console summary a data clerk reads after a run. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Snapshot %s: %,d files loaded (%,d nil returns), %,d files rejected%n",
                snapshotId, filesLoaded, nilReturns, rejectedFiles.size()));
        s.append(String.format("Rows: %,d in = %,d loaded + %,d quarantined%n", rowsIn, rowsLoaded, rowsQuarantined));
        new java.util.TreeMap<>(rowsByTable).forEach((t, n) -> s.append(String.format("  %-26s %,12d rows%n", t, n)));
        new java.util.TreeMap<>(quarantinedByRule).forEach((r, n) -> s.append(String.format("  quarantined %-22s %,8d%n", r, n)));
        rejectedFiles.forEach(f -> s.append("  REJECTED ").append(f.message()).append('\n'));
        return s.toString();
    }
}
