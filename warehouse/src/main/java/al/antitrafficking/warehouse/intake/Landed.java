package al.antitrafficking.warehouse.intake;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.contract.Source;
import java.nio.file.Path;
import java.time.YearMonth;

/**
 * A file in the incoming folder whose name says source, county and month, with its checksum: a submission
 * (.csv or .xlsx) or a withdrawal of the slice (.withdraw).
 */
public record Landed(Path path, Source source, String countyCode, YearMonth month, String checksum, long sizeBytes,
                     String modifiedAt) {
    /** The name a regional file must have: {@code <source>_<county code>_<yyyy-MM>.csv}, {@code .xlsx} or {@code .withdraw}. */
    public static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("([a-z]+)_([A-Z]{2}-\\d{2})_(\\d{4}-\\d{2})\\.(csv|xlsx|withdraw)");
    public static final String WITHDRAWAL = ".withdraw";
    /** The first month a file may be for: the warehouse's periods, and the portal's, start here. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    public Landed {
        requireNonNull(path, "path is null");
        requireNonNull(source, "source is null");
        requireNonNull(countyCode, "countyCode is null");
        requireNonNull(month, "month is null");
        requireNonNull(checksum, "checksum is null");
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** The slice this file replaces whole: source × county × month. */
    public String slice() {
        return slice(source.code(), countyCode, month.toString());
    }

    public static String slice(String source, String county, String month) {
        return source + "_" + county + "_" + month;
    }

    public boolean excel() {
        return fileName().endsWith(".xlsx");
    }

    /** A withdrawal: the region asks for the slice to be taken out of the warehouse. */
    public boolean withdrawal() {
        return fileName().endsWith(WITHDRAWAL);
    }

    /** The SHA-256 checksum of a file, in hex. */
    public static String sha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read a regional file", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute checksums: no SHA-256", e);
        }
    }
}
