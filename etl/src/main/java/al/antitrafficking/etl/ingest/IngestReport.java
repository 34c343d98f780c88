package al.antitrafficking.etl.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a snapshot holds after a run: files loaded (nil returns among them), refused (with messages),
 * carried over unchanged and processed anew, rows in, loaded and quarantined (by rule), rows per table.
 */
public record IngestReport(
        String snapshotId,
        int filesLoaded,
        int nilReturns,
        List<InputRecord> rejectedFiles,
        int filesCarried,
        int filesProcessed,
        long rowsIn,
        long rowsLoaded,
        long rowsQuarantined,
        Map<String, Long> quarantinedByRule,
        Map<String, Long> rowsByTable,
        double seconds) {

    public IngestReport {
        requireNonNull(snapshotId, "snapshotId is null");
        rejectedFiles = List.copyOf(rejectedFiles);
        quarantinedByRule = Map.copyOf(quarantinedByRule);
        rowsByTable = Map.copyOf(rowsByTable);
    }

    static IngestReport of(String id, List<InputRecord> records, int carried, int processed, Map<String, Long> byRule,
                           Map<String, Long> rowsByTable, double seconds) {
        List<InputRecord> accepted = records.stream().filter(r -> !r.rejected()).toList();
        long in = accepted.stream().mapToLong(r -> r.rowsIn() == null ? 0 : r.rowsIn()).sum();
        long loaded = accepted.stream().mapToLong(r -> r.rowsLoaded() == null ? 0 : r.rowsLoaded()).sum();
        long quarantined = records.stream().mapToLong(r -> r.rowsQuarantined() == null ? 0 : r.rowsQuarantined()).sum();
        int nil = (int) accepted.stream().filter(r -> r.status().equals(InputRecord.NIL_RETURN)).count();
        return new IngestReport(id, accepted.size(), nil, records.stream().filter(InputRecord::rejected).toList(), carried, processed,
                in, loaded, quarantined, byRule, rowsByTable, seconds);
    }

    /** The console summary a data clerk reads after a run. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Snapshot %s: %,d files loaded (%,d nil returns), %,d files rejected; %,d carried over unchanged, %,d processed%n",
                snapshotId, filesLoaded, nilReturns, rejectedFiles.size(), filesCarried, filesProcessed));
        s.append(String.format("Rows of loaded files: %,d in = %,d loaded + %,d quarantined%n", rowsIn, rowsLoaded,
                rowsIn - rowsLoaded));
        new TreeMap<>(rowsByTable).forEach((t, n) -> s.append(String.format("  %-26s %,12d rows%n", t, n)));
        new TreeMap<>(quarantinedByRule).forEach((r, n) -> s.append(String.format("  quarantined %-22s %,8d%n", r, n)));
        rejectedFiles.forEach(f -> s.append("  REJECTED ").append(f.message()).append('\n'));
        s.append(String.format("Done in %.1f s%n", seconds));
        return s.toString();
    }
}
