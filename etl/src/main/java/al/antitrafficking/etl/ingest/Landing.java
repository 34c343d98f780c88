package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.intake.FileName;
import al.antitrafficking.warehouse.intake.Landed;
import al.antitrafficking.warehouse.intake.FileRejection;
import al.antitrafficking.warehouse.intake.FileProblem;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The incoming folder as a run finds it: every regular file, named {@code <source>_<county>_<yyyy-MM>.csv} or
 * {@code .xlsx} (a submission) or {@code .withdraw} (a withdrawal of that slice), with its SHA-256 checksum. A file
 * whose size and modification time match the previous snapshot's record keeps that checksum instead of being read
 * again. Names that say no known source, county or month, months after the run's month, and files that cannot be
 * read are refused here. A name that breaks the naming rule is never repeated (it could hold a person's name): the
 * file is listed under a label keyed with the warehouse key, with its size and time.
 */
final class Landing {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");

    record Scan(List<Landed> files, List<Refused> rejected) {}

    /** A file refused at landing, with what is known of it. */
    record Refused(FileRejection rejection, String checksum, long sizeBytes, String modifiedAt) {}

    private final Territory territory;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    Landing(Territory territory, Pseudonyms pseudonyms, Clock clock) {
        this.territory = territory;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Scans the folder; {@code previous} gives the last snapshot's records by file name (for unchanged files). */
    Scan scan(Path incomingDir, Map<String, List<InputRecord>> previous) {
        List<Landed> landed = new ArrayList<>();
        List<Refused> rejected = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(incomingDir)) {
            files = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read incoming folder " + incomingDir, e);
        }
        YearMonth now = YearMonth.now(clock.withZone(TIRANA));
        for (Path file : files) {
            String name = file.getFileName().toString();
            FileName read = FileName.read(name, territory, now);
            if (read.source() == null) {
                rejected.add(unnamed(file, name, read.problem() == FileProblem.UNKNOWN_SOURCE));
                continue;
            }
            if (!read.accepted()) {
                rejected.add(refused(file, new FileRejection(name, read.source().code(), read.countyCode(), read.month(), read.problem(),
                        read.message())));
                continue;
            }
            Source source = read.source();
            String county = read.countyCode();
            YearMonth month = read.yearMonth();
            try {
                landed.add(landed(file, source, county, month, previous.getOrDefault(name, List.of())));
            } catch (IOException | UncheckedIOException e) {
                rejected.add(new Refused(new FileRejection(name, source.code(), county, month.toString(), FileProblem.UNREADABLE_FILE,
                        "Cannot load submission: " + name + " cannot be read from the incoming folder"), "", 0, ""));
            }
        }
        return new Scan(landed, rejected);
    }

    private Refused unnamed(Path file, String name, boolean knownShape) {
        String label = "unnamed-file-" + pseudonyms.of("incoming-file-name:" + name).substring(0, 12);
        Refused r = refused(file, new FileRejection(label, null, null, null, knownShape ? FileProblem.UNKNOWN_SOURCE : FileProblem.BAD_FILE_NAME,
                "Cannot load submission: a file whose name is not <source>_<county code>_<yyyy-MM>.csv or .xlsx"
                        + (knownShape ? " with a known source (border, cpu, nrm, services)" : "")
                        + " was refused; it is listed as " + label + " and its name is not repeated, since a name can hold a person's name"));
        return new Refused(new FileRejection(label, null, null, null, r.rejection().problem(), r.rejection().message()
                + " (" + r.sizeBytes() + " bytes, modified " + r.modifiedAt() + ")"), r.checksum(), r.sizeBytes(), r.modifiedAt());
    }

    private static Refused refused(Path file, FileRejection rejection) {
        try {
            return new Refused(rejection, Landed.sha256(file), Files.size(file), Files.getLastModifiedTime(file).toInstant().toString());
        } catch (IOException | UncheckedIOException e) {
            return new Refused(rejection, "", 0, "");
        }
    }

    private static Landed landed(Path file, Source source, String county, YearMonth month, List<InputRecord> previous) throws IOException {
        long size = Files.size(file);
        String modified = Files.getLastModifiedTime(file).toInstant().toString();
        String checksum = previous.stream().filter(p -> p.sizeBytes() == size && modified.equals(p.modifiedAt()))
                .map(InputRecord::checksum).findFirst().orElseGet(() -> Landed.sha256(file));
        return new Landed(file, source, county, month, checksum, size, modified);
    }

}
