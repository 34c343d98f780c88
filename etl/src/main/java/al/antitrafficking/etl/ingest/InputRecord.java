package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.intake.Landed;
import al.antitrafficking.warehouse.intake.FileRejection;

import static java.util.Objects.requireNonNull;

/**
 * One regional file as a snapshot recorded it: which file (with its checksum), which slice, what became of it and
 * of its slice, its row counts, and which snapshot processed it (a later snapshot that carried it over keeps that
 * id). Rows of a rejected file are null where they were never counted. A file name that broke the naming rule is
 * recorded under a keyed label, never as itself.
 */
public record InputRecord(
        String fileName,
        String source,
        String countyCode,
        String month,
        String checksum,
        long sizeBytes,
        String modifiedAt,
        String status,
        String problem,
        String message,
        Long rowsIn,
        Long rowsLoaded,
        Long rowsQuarantined,
        String processedIn,
        SliceFate fate) {

    public static final String LOADED = "LOADED";
    public static final String NIL_RETURN = "NIL_RETURN";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    public InputRecord {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(status, "status is null");
    }

    public boolean rejected() {
        return status.equals(REJECTED);
    }

    /** Loaded or a nil return: its rows (or its zero) are the slice's content. */
    public boolean holdsSlice() {
        return status.equals(LOADED) || status.equals(NIL_RETURN);
    }

    public String slice() {
        return source == null || countyCode == null || month == null ? null : Landed.slice(source, countyCode, month);
    }

    /** The prefix of this file's quarantine Parquet files in its slice's partition. */
    String quarantinePrefix() {
        return "q-" + checksum.substring(0, Math.min(16, checksum.length())) + "-";
    }

    InputRecord withFate(SliceFate f) {
        return new InputRecord(fileName, source, countyCode, month, checksum, sizeBytes, modifiedAt, status, problem, message, rowsIn,
                rowsLoaded, rowsQuarantined, processedIn, f);
    }

    static InputRecord refused(FileRejection r, String checksum, long size, String modified, String snapshotId) {
        return new InputRecord(r.fileName(), r.source(), r.countyCode(), r.month(), checksum, size, modified, REJECTED, r.problem().name(),
                r.message(), null, 0L, null, snapshotId, SliceFate.REFUSED);
    }
}
