package al.antitrafficking.warehouse.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The data contract: the columns each source's files carry, read from a versioned file in conf/
 * ({@code conf/contract/v1.csv}). Loading checks it: every source has fields, the first field is the
 * record id, the source's event date is a DATE field, and only CHOICE fields list allowed values.
 */
public final class DataContract {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();

    /** A field with the example and description that the clerk's document shows. */
    public record Documented(Field field, String example, String description) {}

    private final String version;
    private final Map<Source, List<Documented>> fields;

    private DataContract(String version, Map<Source, List<Documented>> fields) {
        this.version = version;
        this.fields = fields;
    }

    public static DataContract load(Path file) {
        String name = file.getFileName().toString();
        String version = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Map<Source, List<Documented>> fields = new EnumMap<>(Source.class);
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : FORMAT.parse(reader)) {
                String where = name + " line " + r.getRecordNumber();
                Source source = Source.fromCode(r.get("source")).orElseThrow(() ->
                        new IllegalStateException("Cannot load contract: unknown source " + r.get("source") + " at " + where));
                FieldType type;
                try {
                    type = FieldType.valueOf(r.get("type").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Cannot load contract: unknown type " + r.get("type") + " at " + where, e);
                }
                List<String> allowed = r.get("allowed").isBlank() ? List.of() : Arrays.asList(r.get("allowed").split("\\|"));
                Field field;
                try {
                    field = new Field(r.get("field"), type, r.get("required").equals("yes"), allowed);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("Cannot load contract: " + e.getMessage() + " at " + where, e);
                }
                fields.computeIfAbsent(source, s -> new ArrayList<>()).add(new Documented(field, r.get("example"), r.get("description")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load contract " + file, e);
        }
        for (Source source : Source.values()) {
            List<Documented> list = fields.get(source);
            if (list == null || list.isEmpty()) {
                throw new IllegalStateException("Cannot load contract: no fields for source " + source.code() + " in " + name);
            }
            if (list.get(0).field().type() != FieldType.ID) {
                throw new IllegalStateException("Cannot load contract: the first field of " + source.code() + " must be its ID");
            }
            if (list.stream().noneMatch(d -> d.field().name().equals(source.eventDate()) && d.field().type() == FieldType.DATE)) {
                throw new IllegalStateException("Cannot load contract: " + source.code() + " lacks its DATE field " + source.eventDate());
            }
            fields.put(source, List.copyOf(list));
        }
        return new DataContract(version, fields);
    }

    public String version() {
        return version;
    }

    public List<Field> fields(Source source) {
        return fields.get(source).stream().map(Documented::field).toList();
    }

    public List<Documented> documented(Source source) {
        return fields.get(source);
    }

    public List<String> columns(Source source) {
        return fields(source).stream().map(Field::name).toList();
    }

    /** The most columns any source's files carry. */
    public int widest() {
        return fields.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** The record id column: the first field. */
    public String idColumn(Source source) {
        return fields(source).get(0).name();
    }
}
