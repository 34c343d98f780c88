package al.antitrafficking.etl.ingest;

import static java.util.Objects.requireNonNull;

/**
 * One regional file as a snapshot recorded it: which file (with its checksum), which slice, what became
 * of it, its row counts, and which snapshot processed it (a later snapshot that carried it over keeps
 * that id). Rows of a rejected file are null where they were never counted.
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
        String processedIn) {

    public static final String LOADED = "LOADED";
    public static final String NIL_RETURN = "NIL_RETURN";
    public static final String REJECTED = "REJECTED";

    public InputRecord {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(status, "status is null");
    }

    public boolean rejected() {
        return status.equals(REJECTED);
    }
}
