package al.antitrafficking.etl.sample;

import al.antitrafficking.warehouse.contract.Source;
import java.util.Map;

/** What the generator wrote: files, children simulated, and rows per source. */
public record SampleSummary(int files, long children, Map<Source, Long> rowsBySource) {
    public SampleSummary {
        rowsBySource = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(rowsBySource));
    }

    public long rows() {
        return rowsBySource.values().stream().mapToLong(Long::longValue).sum();
    }
}
