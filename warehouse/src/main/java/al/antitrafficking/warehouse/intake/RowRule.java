package al.antitrafficking.warehouse.intake;

/** Why a row was quarantined instead of loaded; the quarantine records the rule and the field, never the value. */
public enum RowRule {
    /** The row has more or fewer fields than the header. */
    MALFORMED_ROW,
    MISSING_VALUE,
    BAD_ID,
    /** The record id occurs more than once in the file: every row with it is quarantined. */
    DUPLICATE_ID,
    BAD_PSEUDONYM,
    BAD_DATE,
    BAD_AGE,
    NOT_ALLOWED_VALUE,
    BAD_COUNTRY,
    UNKNOWN_MUNICIPALITY,
    UNKNOWN_CROSSING,
    UNKNOWN_COUNTY,
    /** Border Police row with neither a crossing nor a municipality. */
    MISSING_LOCATION,
    /** A crossing whose county no source states (Borje). */
    CROSSING_WITHOUT_COUNTY,
    /** The place (municipality, crossing or county) lies in another county than the file's. */
    OUTSIDE_COUNTY,
    /** The row's event date is not in the month the file is named for. */
    DATE_OUTSIDE_MONTH,
    /** A follow-up date (assessment, closure, end) before the date it follows. */
    DATE_ORDER,
    /** An Excel formula cell saved without its computed value: read as nothing, never as 0. */
    FORMULA_WITHOUT_VALUE
}
