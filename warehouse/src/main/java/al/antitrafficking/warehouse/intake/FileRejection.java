package al.antitrafficking.warehouse.intake;

import static java.util.Objects.requireNonNull;

/** A file refused whole, with the problem and a message naming the file; nothing of it is loaded. */
public record FileRejection(String fileName, String source, String countyCode, String month, FileProblem problem, String message) {
    public FileRejection {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(message, "message is null");
    }

    public static FileRejection of(Landed file, FileProblem problem, String message) {
        return new FileRejection(file.fileName(), file.source().code(), file.countyCode(), file.month().toString(), problem, message);
    }
}
