package al.antitrafficking.warehouse.intake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A landed file that passed every file-level check, including the personal-data guard: {@code readable} is its
 * normalised copy (UTF-8 CSV in the contract's column order, led by the record number and any rule the scan found
 * the row breaking) in the run's owner-only work folder, {@code rowsIn} its records (not lines), and
 * {@code encoding} what it arrived in; {@code repeatedIdRecords} the numbers of the records whose record id another
 * record of the file also holds (the rule {@code DUPLICATE_ID}, applied to those that break no other rule).
 */
public record Submission(Landed file, Path readable, long rowsIn, String encoding, List<Long> repeatedIdRecords) {
    public Submission {
        requireNonNull(file, "file is null");
        requireNonNull(readable, "readable is null");
        repeatedIdRecords = List.copyOf(repeatedIdRecords);
    }

    public String fileName() {
        return file.fileName();
    }
}
