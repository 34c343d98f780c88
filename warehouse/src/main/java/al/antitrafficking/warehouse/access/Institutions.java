package al.antitrafficking.warehouse.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The institutions an action can be the responsibility of ({@code conf/reference/institutions.csv}). */
public record Institutions(List<Institution> all) {

    /**
     * One institution; {@code county} is empty for national ones and organisations. {@code name} is how actions and accounts
     * write it (English); {@code nameSq} how the Albanian interface shows it (the name when the file gives none).
     */
    public record Institution(String id, String name, String kind, String county, String nameSq) {}

    public static final String FILE = "institutions.csv";

    public static Institutions load(Path referenceDir) {
        Path file = referenceDir.resolve(FILE);
        List<Institution> all = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                    .parse(reader)) {
                String nameSq = r.isMapped("name_sq") && !r.get("name_sq").isBlank() ? r.get("name_sq") : r.get("name");
                all.add(new Institution(r.get("id"), r.get("name"), r.get("kind"), r.get("county"), nameSq));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Institutions(List.copyOf(all));
    }

    /** The institution of a name as written in an action. */
    public Optional<Institution> byName(String name) {
        return all.stream().filter(i -> i.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    public Optional<Institution> byId(String id) {
        return all.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
