package al.antitrafficking.warehouse.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The words files print for a dimension (code {@code *}) and its values, in English and Albanian
 * ({@code conf/reference/value_labels.csv}). A code the file does not list (an age band such as 0-5) is printed as it is.
 */
public final class ValueLabels {
    public static final String FILE = "value_labels.csv";
    private static final String DIMENSION = "*";

    private final Map<String, String> labels;

    private ValueLabels(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
    }

    public static ValueLabels load(Path referenceDir) {
        Path file = referenceDir.resolve(FILE);
        Map<String, String> labels = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(reader)) {
                for (String lang : new String[] {"en", "sq"}) {
                    if (r.get(lang).isBlank()) {
                        throw new IllegalStateException("line " + r.getRecordNumber() + ": no " + lang + " label for " + r.get("dimension")
                                + " " + r.get("code"));
                    }
                    labels.put(key(lang, r.get("dimension"), r.get("code")), r.get(lang));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ValueLabels(labels);
    }

    /** A value's label in a language (sq or en); the code itself where none is listed. */
    public String value(String lang, String dimension, String code) {
        return labels.getOrDefault(key(lang, dimension, code), code);
    }

    /** A dimension's name in a language; the dimension's id where none is listed. */
    public String dimension(String lang, String dimension) {
        return labels.getOrDefault(key(lang, dimension, DIMENSION), dimension);
    }

    private static String key(String lang, String dimension, String code) {
        return lang + "|" + dimension + "|" + code;
    }
}
