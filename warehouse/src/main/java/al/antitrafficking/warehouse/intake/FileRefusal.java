package al.antitrafficking.warehouse.intake;

import static java.util.Objects.requireNonNull;

/**
 * Thrown where a file is found unfit to load; one place ({@link IngestJob}) turns it into the file's record. The
 * message names the file (a name that passed the naming rule) and a reason, never a value from the file.
 */
public final class FileRefusal extends Exception {
    private final transient FileRejection rejection;

    FileRefusal(FileRejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = requireNonNull(rejection, "rejection is null");
    }

    public static FileRefusal of(Landed file, FileProblem problem, String reason) {
        return new FileRefusal(FileRejection.of(file, problem, "Cannot load submission: " + file.fileName() + " " + reason));
    }

    public FileRejection rejection() {
        return rejection;
    }
}
