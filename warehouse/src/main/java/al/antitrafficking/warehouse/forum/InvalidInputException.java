package al.antitrafficking.warehouse.forum;

import java.util.Map;
import java.util.TreeMap;

/** Input that breaks the rules: every field's error, so a form can show each beside its field. Nothing was saved. */
public class InvalidInputException extends RuntimeException {
    private final Map<String, String> fieldErrors;

    public InvalidInputException(String what, Map<String, String> fieldErrors) {
        super("Cannot save " + what + ": " + fieldErrors.size() + " field(s) need attention: " + new TreeMap<>(fieldErrors).keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
