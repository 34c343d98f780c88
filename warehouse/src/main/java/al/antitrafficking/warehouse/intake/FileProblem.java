package al.antitrafficking.warehouse.intake;

/** Why a whole regional file was refused. Nothing of a refused file is loaded. */
public enum FileProblem {
    /** The name is not {@code <source>_<county>_<yyyy-MM>.csv} (or .xlsx). */
    BAD_FILE_NAME,
    UNKNOWN_SOURCE,
    UNKNOWN_COUNTY,
    /** Two files (a .csv and an .xlsx, or a file and a withdrawal) for the same source, county and month. */
    DUPLICATE_SUBMISSION,
    /** A zero-byte file: not even a header, so not a nil return either. */
    EMPTY_FILE,
    /** Neither UTF-8 nor Windows-1250 text, or an Excel file that cannot be opened. */
    UNREADABLE_ENCODING,
    /** A quoted field that never ends, or similar damage that makes the rows unreadable. */
    MALFORMED_CSV,
    /** The header lacks columns of the contract. */
    MISSING_COLUMNS,
    /** The header has columns outside the contract, which could carry identifiers. */
    UNKNOWN_COLUMNS,
    DUPLICATE_COLUMNS,
    /** A value looks like a direct identifier (personal number, phone, e-mail, a person's name). */
    PERSONAL_DATA,
    /** More rows broke the contract than {@code etl.max-bad-row-share} allows. */
    TOO_MANY_BAD_ROWS,
    /** Larger than {@code etl.max-file-bytes}: refused before it is read. */
    TOO_BIG,
    /** A row with more fields than {@code etl.max-row-fields}. */
    ROW_TOO_WIDE,
    /** UTF-8 text (it holds valid multi-byte UTF-8) with bytes that are not UTF-8: damaged, not another encoding. */
    INVALID_UTF8,
    /** The file's month is after the month the run is made in. */
    FUTURE_MONTH,
    /** The file could not be read from the incoming folder (permissions, an input/output error). */
    UNREADABLE_FILE,
    /** The engine (Spark) failed on this file alone; the rest of the run went on. */
    ENGINE_FAILURE,
    /** A workbook of more than one sheet (only the first is read: the others would go unchecked) or of too many parts. */
    WORKBOOK_SHEETS,
    /** Sent through the portal by a data clerk for a county other than the clerk's own. */
    OUTSIDE_CLERK_COUNTY
}
