package al.antitrafficking.etl.ingest;

import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The incoming folder as a run finds it: every regular file, named {@code <source>_<county>_<yyyy-MM>.csv}
 * or {@code .xlsx}, with its SHA-256 checksum. A file whose size and modification time match the previous
 * snapshot's record keeps that checksum instead of being read again. Names that say no known source,
 * county or month, and two files for one slice, are refused here.
 */
final class Landing {
    private static final Pattern NAME = Pattern.compile("([a-z]+)_([A-Z]{2}-\\d{2})_(\\d{4}-\\d{2})\\.(csv|xlsx)");

    record Scan(List<Landed> files, List<FileRejection> rejected) {}

    private final Territory territory;

    Landing(Territory territory) {
        this.territory = territory;
    }

    /** Scans the folder; {@code previous} is the last snapshot's ledger (file name → record). */
    Scan scan(Path incomingDir, Map<String, InputRecord> previous) {
        List<Landed> landed = new ArrayList<>();
        List<FileRejection> rejected = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(incomingDir)) {
            files = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read incoming folder " + incomingDir, e);
        }
        Map<String, List<Landed>> bySlice = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                rejected.add(new FileRejection(name, null, null, null, FileProblem.BAD_FILE_NAME, "Cannot load submission: file name "
                        + name + " is not <source>_<county code>_<yyyy-MM>.csv or .xlsx (for example border_AL-07_2025-03.csv)"));
                continue;
            }
            Source source = Source.fromCode(m.group(1)).orElse(null);
            if (source == null) {
                rejected.add(new FileRejection(name, m.group(1), m.group(2), m.group(3), FileProblem.UNKNOWN_SOURCE,
                        "Cannot load submission: unknown source " + m.group(1) + " in " + name + " (known: "
                                + Arrays.stream(Source.values()).map(Source::code).toList() + ")"));
                continue;
            }
            if (territory.findCounty(m.group(2)).isEmpty()) {
                rejected.add(new FileRejection(name, m.group(1), m.group(2), m.group(3), FileProblem.UNKNOWN_COUNTY,
                        "Cannot load submission: unknown county code " + m.group(2) + " in " + name));
                continue;
            }
            YearMonth month;
            try {
                month = YearMonth.parse(m.group(3));
            } catch (DateTimeParseException e) {
                rejected.add(new FileRejection(name, m.group(1), m.group(2), m.group(3), FileProblem.BAD_FILE_NAME,
                        "Cannot load submission: month " + m.group(3) + " in " + name + " is not a calendar month"));
                continue;
            }
            Landed l = landed(file, source, m.group(2), month, previous.get(name));
            bySlice.computeIfAbsent(l.slice(), s -> new ArrayList<>()).add(l);
        }
        for (List<Landed> slice : bySlice.values()) {
            if (slice.size() == 1) {
                landed.add(slice.get(0));
            } else {
                for (Landed l : slice) {
                    rejected.add(FileRejection.of(l, FileProblem.DUPLICATE_SUBMISSION, "Cannot load submission: " + l.fileName()
                            + " and another file both claim " + l.slice() + "; send one file per source, county and month"));
                }
            }
        }
        return new Scan(landed, rejected);
    }

    private static Landed landed(Path file, Source source, String county, YearMonth month, InputRecord previous) {
        try {
            long size = Files.size(file);
            String modified = Files.getLastModifiedTime(file).toInstant().toString();
            boolean unchanged = previous != null && previous.sizeBytes() == size && modified.equals(previous.modifiedAt());
            String checksum = unchanged ? previous.checksum() : sha256(file);
            return new Landed(file, source, county, month, checksum, size, modified);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute checksums: no SHA-256", e);
        }
    }
}
