package al.antitrafficking.warehouse.progress;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a command may print of a failure. An engine's message (Spark, DuckDB, a parser, the JDK's number reading) can
 * quote a value of a row, so only messages this project wrote are printed, and of the engine's messages they include
 * only the kind: "Cannot build warehouse for snapshot s1: Conversion Error", not what could not be converted.
 */
public final class FailureText {
    private static final String OWN = "al.antitrafficking.";
    /** DuckDB's messages begin with their kind: "Conversion Error: …", "IO Error: …", "Out of Memory Error: …". */
    private static final Pattern DUCKDB_KIND = Pattern.compile("^([A-Z][A-Za-z]*(?: [A-Za-z]+)* Error):");

    private FailureText() {}

    /**
     * The failure's message when this project's code wrote it (its class is the project's, or the project's code threw
     * it), with the message of every engine's cause it quotes replaced by that cause's kind; else only its kind.
     */
    public static String of(Throwable e) {
        if (!writtenHere(e) || e.getMessage() == null) {
            return kind(e);
        }
        String text = e.getMessage();
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            String quoted = cause.getMessage();
            if (!writtenHere(cause) && quoted != null && !quoted.isBlank()) {
                text = text.replace(quoted, kind(cause));
            }
        }
        return text;
    }

    /** The kind of a failure: DuckDB's kind of error, or the exception's simple name. */
    static String kind(Throwable e) {
        if (e instanceof SQLException && e.getMessage() != null) {
            Matcher m = DUCKDB_KIND.matcher(e.getMessage());
            if (m.find()) {
                return m.group(1);
            }
        }
        return e.getClass().getSimpleName();
    }

    private static boolean writtenHere(Throwable e) {
        if (e.getClass().getName().startsWith(OWN)) {
            return true;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(OWN);
    }
}
