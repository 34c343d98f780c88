package al.antitrafficking.warehouse.config;

/** A configuration that cannot be used; the message says which key and why. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
