package al.antitrafficking.portal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Figures counted by hand from the regional files the fixture generated, the route a clerk with a spreadsheet would
 * take: no Spark, no DuckDB, no release. Only files the ETL could load count (a file of the wrong columns is refused
 * whole). Children are distinct pseudonyms; a row's county is the one its file is named for.
 */
public final class RegionalFiles {
    /** One row of a regional file: its county, the date that places it in a period, the pseudonym of its person, and its columns. */
    public record Row(String county, String date, String pseudonym, CSVRecord fields) {
        public String get(String column) {
            return fields.get(column);
        }

        /** The age band the data contract gives an age in whole years, or the band the file gave. */
        public String ageBand() {
            String age = fields.get("age");
            if (!age.matches("[0-9]+")) {
                return age;
            }
            int years = Integer.parseInt(age);
            return years <= 5 ? "0-5" : years <= 11 ? "6-11" : years <= 14 ? "12-14" : years <= 17 ? "15-17" : "18+";
        }

        /** Whether the row is of a child (under 18). */
        public boolean minor() {
            return !ageBand().equals("18+");
        }
    }

    private final Path incoming;

    public RegionalFiles(Path incoming) {
        this.incoming = incoming;
    }

    /** The rows of every loadable file of a source, placed by {@code dateColumn}. */
    public List<Row> rows(String source, String dateColumn) {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(incoming)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(source + "_")).sorted().toList()) {
                String county = f.getFileName().toString().split("_")[1];
                try (Reader in = Files.newBufferedReader(f, UTF_8)) {
                    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
                    if (!records.isEmpty() && !records.get(0).isMapped(dateColumn)) {
                        continue; // refused whole by the ETL: not the contract's columns
                    }
                    records.forEach(r -> rows.add(new Row(county, r.get(dateColumn), r.get("child_pseudonym"), r)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Distinct children among the rows that pass, per key (a period, or a period and a group). */
    public static Map<String, Long> children(List<Row> rows, Predicate<Row> which, Function<Row, String> key) {
        Map<String, Set<String>> sets = new HashMap<>();
        rows.stream().filter(which).forEach(r -> sets.computeIfAbsent(key.apply(r), k -> new HashSet<>()).add(r.pseudonym()));
        Map<String, Long> counts = new HashMap<>();
        sets.forEach((k, v) -> counts.put(k, (long) v.size()));
        return counts;
    }

    /** The quarter label (2025-Q2) of a date. */
    public static String quarter(String date) {
        return date.substring(0, 4) + "-Q" + ((Integer.parseInt(date.substring(5, 7)) - 1) / 3 + 1);
    }
}
