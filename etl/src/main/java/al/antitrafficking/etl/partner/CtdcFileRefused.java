package al.antitrafficking.etl.partner;

/** A partner file refused before its records were read; the message says what and where, and that nothing was loaded. */
public final class CtdcFileRefused extends RuntimeException {
    public CtdcFileRefused(String message) {
        super(message);
    }
}
