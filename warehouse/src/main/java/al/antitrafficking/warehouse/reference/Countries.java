package al.antitrafficking.warehouse.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The countries a COUNTRY field may name: ISO 3166-1 alpha-2 codes plus XK (Kosovo), with their English and
 * Albanian names, read from {@code countries.csv} in the reference folder. A code not listed is {@code BAD_COUNTRY}.
 */
public record Countries(Set<String> codes, List<String> names) {
    public static final String FILE = "countries.csv";

    public Countries {
        codes = Set.copyOf(codes);
        names = List.copyOf(names);
    }

    public static Countries load(Path referenceDir) {
        Path file = referenceDir.resolve(FILE);
        Set<String> codes = new LinkedHashSet<>();
        List<String> names = new java.util.ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                    .parse(reader)) {
                String code = r.get("code").strip();
                if (!code.matches("[A-Z]{2}")) {
                    throw new IllegalStateException("Cannot load countries: " + FILE + " line " + r.getRecordNumber()
                            + " has no two-letter code");
                }
                codes.add(code);
                names.add(r.get("name"));
                if (!r.get("name_sq").isBlank()) {
                    names.add(r.get("name_sq"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load countries " + file, e);
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("Cannot load countries: " + file + " lists none");
        }
        return new Countries(codes, names);
    }

    public boolean known(String code) {
        return codes.contains(code.strip().toUpperCase(Locale.ROOT));
    }
}
