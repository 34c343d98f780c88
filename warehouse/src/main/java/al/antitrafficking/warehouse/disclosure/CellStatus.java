package al.antitrafficking.warehouse.disclosure;

/** Why a published cell holds the value it does. */
public enum CellStatus {
    /** The count, as it is. Zero means the region reported none (a nil return). */
    PUBLISHED,
    /** Primary suppression: a count from 1 to the threshold minus one. */
    SUPPRESSED_SMALL_COUNT,
    /** Secondary suppression: hidden so that a suppressed cell cannot be recovered from totals. */
    SUPPRESSED_COMPLEMENTARY,
    /** Nothing was reported for this cell: unknown, which is not zero. */
    NOT_REPORTED
}
