package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** A snapshot's {@code inputs.csv}: every regional file it holds or refused, read back by the next run to decide what changed. */
final class InputLedger {
    static final String FILE = "inputs.csv";
    private static final String[] HEADER = {"file_name", "source", "county_code", "month", "checksum", "size_bytes",
            "modified_at", "status", "problem", "message", "rows_in", "rows_loaded", "rows_quarantined", "processed_in", "fate"};

    private InputLedger() {}

    /** The records of a snapshot's ledger (a file name may occur twice: a kept slice and its refused correction). */
    static List<InputRecord> read(Path snapshotDir) {
        List<InputRecord> records = new java.util.ArrayList<>();
        Path file = snapshotDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return records;
        }
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String fate = r.isMapped("fate") ? r.get("fate") : "";
                records.add(new InputRecord(r.get("file_name"), blank(r.get("source")),
                        blank(r.get("county_code")), blank(r.get("month")), r.get("checksum"), Long.parseLong(r.get("size_bytes")),
                        r.get("modified_at"), r.get("status"), blank(r.get("problem")), blank(r.get("message")),
                        number(r.get("rows_in")), number(r.get("rows_loaded")), number(r.get("rows_quarantined")), r.get("processed_in"),
                        fate.isEmpty() ? null : SliceFate.valueOf(fate)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return records;
    }

    static void write(Path snapshotDir, List<InputRecord> records) {
        try (Writer writer = Files.newBufferedWriter(snapshotDir.resolve(FILE), UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get())) {
            for (InputRecord r : records) {
                printer.printRecord(r.fileName(), r.source(), r.countyCode(), r.month(), r.checksum(), r.sizeBytes(), r.modifiedAt(),
                        r.status(), r.problem(), r.message(), r.rowsIn(), r.rowsLoaded(), r.rowsQuarantined(), r.processedIn(),
                        r.fate());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + FILE + " in " + snapshotDir, e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Long number(String s) {
        return s == null || s.isEmpty() ? null : Long.valueOf(s);
    }
}
