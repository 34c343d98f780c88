package al.antitrafficking.etl.ingest;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.util.AccumulatorV2;

/**
 * The rows that break a rule, noted by the tasks of the pass that writes the facts, so that the quarantine needs no
 * second pass over the files. A set: a task run again notes the same rows again, and they count once. At most
 * {@code limit} rows are kept (a file of nothing but bad rows must not fill the driver's memory); past it the notes
 * say so ({@link #overflowed()}) and the caller reads the files again.
 */
final class QuarantineNotes extends AccumulatorV2<QuarantineNotes.BadRow, Set<QuarantineNotes.BadRow>> {
    /** One quarantined row: its file, its record number, the field and the rule it broke. */
    record BadRow(String file, long record, String field, String rule) implements Serializable {}

    private final int limit;
    private final HashSet<BadRow> rows = new HashSet<>();
    private boolean overflowed;

    QuarantineNotes(int limit) {
        this.limit = limit;
    }

    boolean overflowed() {
        return overflowed;
    }

    @Override
    public boolean isZero() {
        return rows.isEmpty() && !overflowed;
    }

    @Override
    public QuarantineNotes copy() {
        QuarantineNotes c = new QuarantineNotes(limit);
        c.rows.addAll(rows);
        c.overflowed = overflowed;
        return c;
    }

    @Override
    public void reset() {
        rows.clear();
        overflowed = false;
    }

    @Override
    public void add(BadRow row) {
        if (overflowed) {
            return;
        }
        rows.add(row);
        if (rows.size() > limit) {
            overflow();
        }
    }

    @Override
    public void merge(AccumulatorV2<BadRow, Set<BadRow>> other) {
        QuarantineNotes o = (QuarantineNotes) other;
        if (o.overflowed) {
            overflow();
        }
        o.rows.forEach(this::add);
    }

    private void overflow() {
        overflowed = true;
        rows.clear();
    }

    @Override
    public Set<BadRow> value() {
        return Set.copyOf(rows);
    }
}
