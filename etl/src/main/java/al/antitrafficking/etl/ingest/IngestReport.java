package al.antitrafficking.etl.ingest;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a snapshot holds after a run: files loaded (nil returns among them, kept slices too), refused (with
 * messages), carried over and processed anew, every slice with its fate (new, carried, replaced, kept after a
 * refusal, kept without its file, withdrawn), rows in, loaded and quarantined (by rule), rows per table. Messages
 * and lines name files and rules, never a value from a file, and never a file name that broke the naming rule.
 */
public record IngestReport(
        String snapshotId,
        int filesLoaded,
        int nilReturns,
        List<InputRecord> rejectedFiles,
        List<InputRecord> slices,
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
        slices = List.copyOf(slices);
        quarantinedByRule = Map.copyOf(quarantinedByRule);
        rowsByTable = Map.copyOf(rowsByTable);
    }

    static IngestReport of(String id, List<InputRecord> records, int processed, Map<String, Long> byRule,
                           Map<String, Long> rowsByTable, double seconds) {
        List<InputRecord> held = records.stream().filter(InputRecord::holdsSlice).toList();
        long in = held.stream().mapToLong(r -> r.rowsIn() == null ? 0 : r.rowsIn()).sum();
        long loaded = held.stream().mapToLong(r -> r.rowsLoaded() == null ? 0 : r.rowsLoaded()).sum();
        long quarantined = records.stream().mapToLong(r -> r.rowsQuarantined() == null ? 0 : r.rowsQuarantined()).sum();
        int nil = (int) held.stream().filter(r -> r.status().equals(InputRecord.NIL_RETURN)).count();
        int carried = (int) held.stream().filter(r -> r.fate() != SliceFate.NEW && r.fate() != SliceFate.REPLACED).count();
        List<InputRecord> slices = records.stream().filter(r -> r.fate() != null && r.fate() != SliceFate.REFUSED).toList();
        return new IngestReport(id, held.size(), nil, records.stream().filter(InputRecord::rejected).toList(), slices, carried, processed,
                in, loaded, quarantined, byRule, rowsByTable, seconds);
    }

    /** How many slices had each fate. */
    public Map<SliceFate, Long> slicesByFate() {
        Map<SliceFate, Long> counts = new EnumMap<>(SliceFate.class);
        slices.forEach(s -> counts.merge(s.fate(), 1L, Long::sum));
        return counts;
    }

    /** The slice of a file name in this run, if it holds or withdrew one. */
    public java.util.Optional<InputRecord> slice(String fileName) {
        return slices.stream().filter(s -> s.fileName().equals(fileName)).findFirst();
    }

    /** The console summary a data clerk reads after a run. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Snapshot %s: %,d slices held (%,d nil returns), %,d files refused; %,d carried over, %,d files processed%n",
                snapshotId, filesLoaded, nilReturns, rejectedFiles.size(), filesCarried, filesProcessed));
        s.append(String.format("Rows of held slices: %,d in = %,d loaded + %,d quarantined%n", rowsIn, rowsLoaded, rowsIn - rowsLoaded));
        new TreeMap<>(rowsByTable).forEach((t, n) -> s.append(String.format("  %-26s %,12d rows%n", t, n)));
        new TreeMap<>(quarantinedByRule).forEach((r, n) -> s.append(String.format("  quarantined %-22s %,8d%n", r, n)));
        s.append("Slices:");
        slicesByFate().forEach((fate, n) -> s.append(' ').append(fate.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(n));
        s.append('\n');
        for (InputRecord r : slices) {
            s.append(String.format("  %-20s %-26s %s%s%n", r.fate(), r.slice(), r.fileName(),
                    r.fate() == SliceFate.CARRIED || r.fate() == SliceFate.NEW ? "" : " (processed in " + r.processedIn() + ")"));
        }
        rejectedFiles.forEach(f -> s.append("  REFUSED ").append(f.problem()).append(": ").append(f.message()).append('\n'));
        s.append(String.format("Done in %.1f s%n", seconds));
        return s.toString();
    }
}
