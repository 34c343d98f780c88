package al.antitrafficking.warehouse.forum;

/** Someone saved the record since it was read: nothing was written; {@link #current} is what is stored now. */
public class VersionConflictException extends RuntimeException {
    private final Object current;

    public VersionConflictException(String what, int expected, int actual, Object current) {
        super("Cannot save " + what + ": it was changed by someone else (version " + actual + ", you edited version "
                + expected + "); reload it and apply your change again");
        this.current = current;
    }

    public Object current() {
        return current;
    }
}
