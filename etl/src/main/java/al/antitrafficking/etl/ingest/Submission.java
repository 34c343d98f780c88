package al.antitrafficking.etl.ingest;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.etl.contract.Source;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/** A regional file accepted for reading: one source × county × month, with the header it starts with. */
public record Submission(Path path, Source source, String countyCode, YearMonth month, List<String> header) {
    public Submission {
        requireNonNull(path, "path is null");
        requireNonNull(source, "source is null");
        requireNonNull(countyCode, "countyCode is null");
        requireNonNull(month, "month is null");
        header = List.copyOf(header);
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
