package al.antitrafficking.warehouse.intake;

import static java.util.Objects.requireNonNull;

/**
 * What the portal answered a data clerk for one file, kept in the operational store. {@code fileName} is the name as
 * sent only when it passed the naming rule (otherwise a label: a name can hold a person's name); {@code checksum},
 * {@code rowsIn} and {@code encoding} only for an accepted file. {@code problem} is a {@link FileProblem} name for a
 * refused one and {@code detail} the check's own sentence (English; it names the file and a reason, never a value).
 * Nothing of a refused file is kept beyond this line.
 */
public record UploadReceipt(long id, String receivedAt, String username, String countyCode, String fileName, String source,
                            String month, long sizeBytes, String checksum, long rowsIn, String encoding, Outcome outcome,
                            String problem, String detail, boolean replacedEarlier) {

    public enum Outcome { ACCEPTED, REFUSED }

    public UploadReceipt {
        requireNonNull(username, "username is null");
        requireNonNull(countyCode, "countyCode is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(outcome, "outcome is null");
        if (outcome == Outcome.REFUSED) {
            requireNonNull(problem, "a refused file's problem is null");
        }
    }

    /** The slice ({@code source_county_month}) the file is for, when its name said one. */
    public String slice() {
        return source == null || month == null ? null : Landed.slice(source, countyCode, month);
    }

    public UploadReceipt withId(long newId, String at) {
        return new UploadReceipt(newId, at, username, countyCode, fileName, source, month, sizeBytes, checksum, rowsIn, encoding, outcome,
                problem, detail, replacedEarlier);
    }
}
