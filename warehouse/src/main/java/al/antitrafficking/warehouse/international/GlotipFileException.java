package al.antitrafficking.warehouse.international;

/** A GLOTIP export refused whole; the message says what was wrong, where, and that nothing was imported. */
public final class GlotipFileException extends RuntimeException {
    public GlotipFileException(String message) {
        super(message);
    }
}
