package al.antitrafficking.etl.ingest;

/** Why a whole regional file was refused. */
public enum FileProblem {
    /** The name is not {@code <source>_<county>_<yyyy-MM>.csv}. */
    BAD_FILE_NAME,
    UNKNOWN_SOURCE,
    UNKNOWN_COUNTY,
    /** A zero-byte file: not even a header, so not a nil return either. */
    EMPTY_FILE,
    /** The header is not valid UTF-8 text. */
    UNREADABLE_ENCODING,
    /** The header lacks columns of the contract. */
    MISSING_COLUMNS,
    /** The header has columns outside the contract, which could carry identifiers. */
    UNKNOWN_COLUMNS,
    DUPLICATE_COLUMNS
}
