package al.antitrafficking.etl.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.sample.SampleRegionGenerator;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A valid regional file written by the project's own sample generator, as the mutations start from it: its slice,
 * header and rows (every value text). The generator writes one file per source × county × month of its span.
 */
public record BaseFile(Source source, String county, YearMonth month, List<String> header, List<List<String>> rows) {
    public BaseFile {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Generates the files of {@code months} months ending {@code last} into the empty folder {@code dir} and reads them back. */
    public static List<BaseFile> generate(Territory territory, DataContract contract, Path dir, YearMonth last, int months, long rows,
                                          long seed) {
        new SampleRegionGenerator(territory, contract, seed, last.minusMonths(months - 1L), last).generate(dir, rows);
        try (Stream<Path> files = Files.list(dir)) {
            List<BaseFile> bases = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                bases.add(read(f));
            }
            return bases;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the generated files in " + dir, e);
        }
    }

    private static BaseFile read(Path file) throws IOException {
        String[] parts = file.getFileName().toString().replace(".csv", "").split("_");
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(reader).getRecords();
            List<List<String>> rows = records.subList(1, records.size()).stream().map(CSVRecord::toList).toList();
            return new BaseFile(Source.fromCode(parts[0]).orElseThrow(), parts[1], YearMonth.parse(parts[2]), records.get(0).toList(), rows);
        }
    }

    /** {@code <source>_<county>_<yyyy-MM>}: the slice, and the file name without its extension. */
    public String slice() {
        return source.code() + "_" + county + "_" + month;
    }

    /** Whether a value holds a letter outside ASCII (ë, ç): its UTF-8 form has multi-byte sequences. */
    public boolean hasNonAscii() {
        return rows.stream().flatMap(List::stream).anyMatch(v -> v.chars().anyMatch(c -> c > 0x7F));
    }

    /** The values a region sent that identify a record or a child: record ids and pseudonyms (first two columns). */
    public List<String> identifiers() {
        return rows.stream().flatMap(r -> r.subList(0, 2).stream()).toList();
    }
}
