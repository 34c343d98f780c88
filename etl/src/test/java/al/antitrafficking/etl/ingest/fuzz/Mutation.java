package al.antitrafficking.etl.ingest.fuzz;

/**
 * The ways the generator changes a valid regional file, with how often each is drawn (weights). {@link Family#VALID}
 * mutations keep the file valid (it must load whole); {@link Family#ROWS} ones damage rows or bytes (any fate, but
 * every record accounted for; a damaged workbook loads whole or is refused); {@link Family#REFUSED} ones must be
 * refused; {@link Family#NAME} ones break the name.
 */
public enum Mutation {
    UNCHANGED(Family.VALID, 3),
    UTF8_WITH_BOM(Family.VALID, 2),
    WINDOWS_1250(Family.VALID, 2),
    ISO_8859_1(Family.VALID, 2),
    CRLF_LINE_ENDS(Family.VALID, 2),
    CR_LINE_ENDS(Family.VALID, 2),
    BLANK_LINES(Family.VALID, 2),
    COLUMNS_AND_ROWS_SHUFFLED(Family.VALID, 3),
    SEMICOLONS(Family.VALID, 2),
    EVERY_FIELD_QUOTED(Family.VALID, 2),
    NO_FINAL_NEWLINE(Family.VALID, 2),
    XLSX(Family.VALID, 2),
    SEVERAL_VALID_CHANGES(Family.VALID, 4),

    BYTE_FLIPS(Family.ROWS, 8),
    BYTE_DELETIONS(Family.ROWS, 5),
    BYTE_INSERTIONS(Family.ROWS, 5),
    TRUNCATED_MID_ROW(Family.ROWS, 3),
    TRUNCATED_MID_UTF8(Family.ROWS, 2),
    NUL_BYTES(Family.ROWS, 3),
    HUGE_FIELD(Family.ROWS, 1),
    FORMULA_VALUES(Family.ROWS, 3),
    DUPLICATED_HEADER_ROW(Family.ROWS, 2),
    HEADER_SHUFFLED_ALONE(Family.ROWS, 3),
    LINE_BREAKS_IN_QUOTED_VALUES(Family.ROWS, 2),
    UNUSUAL_CHARACTERS(Family.ROWS, 3),
    XLSX_GARBAGE_IN_ZIP(Family.ROWS, 2),
    XLSX_TRUNCATED(Family.ROWS, 2),

    TRUNCATED_MID_QUOTED_FIELD(Family.REFUSED, 3),
    UTF16LE_WITH_BOM(Family.REFUSED, 1),
    UTF16BE_WITH_BOM(Family.REFUSED, 1),
    UTF16LE(Family.REFUSED, 1),
    UTF16BE(Family.REFUSED, 1),
    MISSING_COLUMN(Family.REFUSED, 2),
    EXTRA_COLUMN(Family.REFUSED, 2),
    DUPLICATE_COLUMN(Family.REFUSED, 2),
    TOO_BIG(Family.REFUSED, 1),
    ROW_TOO_WIDE(Family.REFUSED, 1),
    PERSONAL_DATA(Family.REFUSED, 2),
    STRAY_BYTE_IN_UTF8(Family.REFUSED, 2),
    UNDEFINED_WINDOWS_1250_BYTE(Family.REFUSED, 2),
    BINARY_GARBAGE(Family.REFUSED, 3),
    ZERO_BYTES(Family.REFUSED, 1),
    XLSX_NOT_A_WORKBOOK(Family.REFUSED, 1),

    BROKEN_NAME(Family.NAME, 6);

    public enum Family { VALID, ROWS, REFUSED, NAME }

    private final Family family;
    private final int weight;

    Mutation(Family family, int weight) {
        this.family = family;
        this.weight = weight;
    }

    public Family family() {
        return family;
    }

    int weight() {
        return weight;
    }
}
