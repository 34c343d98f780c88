package al.antitrafficking.etl.ingest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.util.AccumulatorV2;

/**
 * The rows that break a rule, noted by the tasks of the pass that writes the facts, so that the quarantine needs no
 * second pass over the files. A set: a task run again notes the same rows again, and they count once. A task keeps at
 * most {@code taskLimit} rows and the whole at most {@code limit} (a file of nothing but bad rows must fill neither a
 * task's result nor the driver's memory); past either the notes say so ({@link #overflowed()}), and the caller reads
 * the files with bad rows again. Each file's number of noted rows ({@link #badRows()}) is kept even then, so that the
 * caller knows which files those are. Never sent with the executors' heartbeats, and safe to read from another thread.
 */
final class QuarantineNotes extends AccumulatorV2<QuarantineNotes.BadRow, Set<QuarantineNotes.BadRow>> {
    /** One quarantined row: its file, its record number, the field and the rule it broke. */
    record BadRow(String file, long record, String field, String rule) implements Serializable {}

    private final int taskLimit;
    private final int limit;
    private final HashSet<BadRow> rows = new HashSet<>();
    private final HashMap<String, Long> badRows = new HashMap<>();
    private boolean overflowed;

    QuarantineNotes(int taskLimit, int limit) {
        this.taskLimit = taskLimit;
        this.limit = limit;
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Each file's number of rows noted, past the limits too (a row noted by a task run twice counts twice). */
    synchronized Map<String, Long> badRows() {
        return Map.copyOf(badRows);
    }

    @Override
    public synchronized boolean isZero() {
        return rows.isEmpty() && badRows.isEmpty() && !overflowed;
    }

    @Override
    public synchronized QuarantineNotes copy() {
        QuarantineNotes c = new QuarantineNotes(taskLimit, limit);
        c.rows.addAll(rows);
        c.badRows.putAll(badRows);
        c.overflowed = overflowed;
        return c;
    }

    @Override
    public synchronized void reset() {
        rows.clear();
        badRows.clear();
        overflowed = false;
    }

    /** In a task. */
    @Override
    public synchronized void add(BadRow row) {
        badRows.merge(row.file(), 1L, Long::sum);
        if (!overflowed) {
            rows.add(row);
            if (rows.size() > taskLimit) {
                overflow();
            }
        }
    }

    /** On the driver, a task's notes. */
    @Override
    public synchronized void merge(AccumulatorV2<BadRow, Set<BadRow>> other) {
        QuarantineNotes o = (QuarantineNotes) other;
        Set<BadRow> theirs;
        synchronized (o) {
            o.badRows.forEach((file, n) -> badRows.merge(file, n, Long::sum));
            if (o.overflowed) {
                overflow();
            }
            theirs = Set.copyOf(o.rows);
        }
        if (!overflowed) {
            rows.addAll(theirs);
            if (rows.size() > limit) {
                overflow();
            }
        }
    }

    private void overflow() {
        overflowed = true;
        rows.clear();
    }

    /** The rows noted; empty once the notes overflowed. */
    @Override
    public synchronized Set<BadRow> value() {
        return Set.copyOf(rows);
    }

    /** The notes may hold thousands of rows: none of them goes with a heartbeat. */
    @Override
    public boolean excludeFromHeartbeat() {
        return true;
    }
}
