package al.antitrafficking.warehouse.indicator;

/** A catalogue that cannot be used: the message names the indicator and what is wrong. Start-up stops. */
public class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
        super(message);
    }
}
