package al.antitrafficking.etl.pseudonym;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.ingest.Pseudonyms;
import al.antitrafficking.warehouse.reference.NameKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Region-side: turns a raw export that still holds a child's identity into a contract file. The pseudonym is
 * HMAC-SHA256, under the regional key, of the normalised given name, family name and birth date (case,
 * diacritics and spaces folded, so "ARTA  HOXHA" and "Arta Hoxha" meet); age is the child's age in whole years
 * at the event; every identity column is dropped. Problems are reported by row and column, never by value.
 */
public final class RegionExport {
    /** Identity columns the export may carry: used for the pseudonym or dropped, never written out. */
    public static final Set<String> IDENTITY = Set.of("given_name", "family_name", "birth_date", "personal_number",
            "father_name", "mother_name", "phone", "email", "address");

    private final DataContract contract;
    private final Pseudonyms regionalKey;

    public RegionExport(DataContract contract, Pseudonyms regionalKey) {
        this.contract = contract;
        this.regionalKey = regionalKey;
    }

    /** The pseudonym of a child's identity. */
    public String pseudonym(String givenName, String familyName, LocalDate birthDate) {
        return regionalKey.of(NameKey.of(givenName) + "|" + NameKey.of(familyName) + "|" + birthDate);
    }

    /** Converts the raw export; returns the number of rows written. */
    public int convert(Source source, Path raw, Path contractFile) {
        List<String> columns = contract.columns(source);
        try (Reader reader = Files.newBufferedReader(raw, UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            List<String> header = records.isEmpty() ? readHeader(raw) : records.get(0).getParser().getHeaderNames();
            checkHeader(source, header, columns);
            List<List<String>> out = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (CSVRecord r : records) {
                long row = r.getRecordNumber();
                LocalDate birth = date(r.get("birth_date"));
                LocalDate event = date(r.get(source.eventDate()));
                if (r.get("given_name").isBlank() || r.get("family_name").isBlank()) {
                    problems.add("row " + row + ": given_name and family_name are required");
                }
                if (birth == null) {
                    problems.add("row " + row + ": birth_date is not a date as yyyy-MM-dd");
                }
                if (event == null) {
                    problems.add("row " + row + ": " + source.eventDate() + " is not a date as yyyy-MM-dd");
                }
                if (birth != null && event != null && birth.isAfter(event)) {
                    problems.add("row " + row + ": birth_date is after " + source.eventDate());
                }
                if (!problems.isEmpty()) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    switch (column) {
                        case "child_pseudonym" -> values.add(pseudonym(r.get("given_name"), r.get("family_name"), birth));
                        case "age" -> values.add(String.valueOf(ChronoUnit.YEARS.between(birth, event)));
                        default -> values.add(r.get(column));
                    }
                }
                out.add(values);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Cannot pseudonymise " + raw.getFileName() + ": " + String.join("; ", problems)
                        + "; nothing was written");
            }
            try (Writer writer = Files.newBufferedWriter(contractFile, UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                printer.printRecord(columns);
                for (List<String> values : out) {
                    printer.printRecord(values);
                }
            }
            return out.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pseudonymise " + raw, e);
        }
    }

    private static void checkHeader(Source source, List<String> header, List<String> columns) {
        List<String> missing = new ArrayList<>();
        for (String needed : List.of("given_name", "family_name", "birth_date")) {
            if (!header.contains(needed)) {
                missing.add(needed);
            }
        }
        for (String column : columns) {
            if (!column.equals("child_pseudonym") && !column.equals("age") && !header.contains(column)) {
                missing.add(column);
            }
        }
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT);
            if (!IDENTITY.contains(h) && !columns.contains(h)) {
                unknown.add(i + 1);
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("Cannot pseudonymise a " + source.code() + " export: "
                    + (missing.isEmpty() ? "" : "missing column(s) " + missing + " ")
                    + (unknown.isEmpty() ? "" : "unknown column(s) at position(s) " + unknown));
        }
    }

    private static List<String> readHeader(Path raw) throws IOException {
        try (Reader reader = Files.newBufferedReader(raw, UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(reader).getHeaderNames();
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
