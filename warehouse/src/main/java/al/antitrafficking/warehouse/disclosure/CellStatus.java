package al.antitrafficking.warehouse.disclosure;

/**
 * What a reader is told about a figure. One mark for every withheld figure, whatever the reason (a small count or a
 * complement that protects one): telling them apart would tell a reader which cells hold 1 to 4. The reason stays in
 * the internal ledger of the release.
 */
public enum CellStatus {
    /** The figure, as it is. Zero means the region reported none (a nil return). */
    PUBLISHED,
    /** Withheld to protect children's privacy. */
    WITHHELD,
    /** Nothing was reported for this cell: unknown, which is not zero. */
    NOT_REPORTED,
    /** Nothing reported yet, and the deadline for it has not passed. */
    NOT_YET_DUE
}
