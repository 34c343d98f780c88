package al.antitrafficking.warehouse.release;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.disclosure.Protection;

/**
 * One cell of a release as the internal ledger keeps it: its true count (and median, for observations of a day
 * column), what readers are told, and why a withheld cell is withheld. Only the public part ever leaves the warehouse.
 */
public record ReleaseCell(CellKey key, long truth, Double median, Status status, Protection.Reason reason) {
    public enum Status { PUBLISHED, WITHHELD, NOT_REPORTED }

    public ReleaseCell {
        requireNonNull(key, "key is null");
        requireNonNull(status, "status is null");
    }

    /**
     * Whether the protection withheld it: printed as withheld, or a small count printed "not reported" (a pathway cell of
     * a county and month no file came for) that the protection withheld all the same.
     */
    public boolean withheld() {
        return status == Status.WITHHELD || status == Status.NOT_REPORTED && reason != null;
    }
}
