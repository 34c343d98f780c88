package al.antitrafficking.etl.ingest;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A landed file that passed the file-level checks: {@code readable} is what Spark reads (the file itself
 * when it is already UTF-8 with commas, else a normalised copy in the staging folder), {@code header} its
 * columns in order, and {@code encoding} what it arrived in.
 */
public record Submission(Landed file, Path readable, List<String> header, String encoding) {
    public Submission {
        requireNonNull(file, "file is null");
        requireNonNull(readable, "readable is null");
        header = List.copyOf(header);
    }

    public String fileName() {
        return file.fileName();
    }
}
