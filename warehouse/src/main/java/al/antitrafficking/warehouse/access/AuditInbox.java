package al.antitrafficking.warehouse.access;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.snapshot.FileLease;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * How uses of internal figures outside the portal (a notebook opened with a reason, a command) reach the audit trail.
 * DuckDB lets one process write the operational store, and the portal holds it; so these append one line each to an inbox
 * file in the warehouse folder they read ({@code <warehouse>/audit-inbox.csv}, which the portal serving that warehouse
 * knows too), under a lock, synced to disk before the figures are opened, and the
 * portal takes the lines into the trail when it starts and every minute, then empties the file. A use that cannot be
 * recorded is refused.
 */
public final class AuditInbox {
    public static final String FILE = "audit-inbox.csv";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path file;

    public AuditInbox(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The inbox of a warehouse folder. */
    public static AuditInbox of(Path warehouseDir) {
        return new AuditInbox(warehouseDir.toAbsolutePath().resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** Appends one event, synced to disk; throws when it cannot (the caller must then not open the figures). */
    public void append(AuditEvent e, Clock clock) {
        try {
            Files.createDirectories(file.getParent());
            try (FileLease lock = lock()) {
                StringWriter line = new StringWriter();
                try (CSVPrinter p = new CSVPrinter(line, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                    p.printRecord(clock.instant().toString(), e.actor(), e.role(), e.event(), e.what(), e.details(), e.snapshot(), e.remote(),
                            e.outcome() == null ? "ok" : e.outcome());
                }
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    out.write(UTF_8.encode(line.toString()));
                    out.force(true);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot record the use of internal figures in " + file, ex);
        }
    }

    /** Moves every line into the trail (each keeps the time it was written) and empties the inbox; returns how many. */
    public int takeInto(AuditTrail trail) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileLease lock = lock()) {
            List<AuditEvent> events = new ArrayList<>();
            try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.parse(reader)) {
                    if (r.size() == 9) {
                        events.add(new AuditEvent(0, r.get(0), r.get(1), blank(r.get(2)), r.get(3), blank(r.get(4)), blank(r.get(5)),
                                blank(r.get(6)), blank(r.get(7)), r.get(8)));
                    } else {
                        events.add(new AuditEvent(0, null, "audit inbox", null, AuditEvent.INTERNAL_FIGURES, FILE,
                                "a line of the inbox could not be read (" + r.size() + " fields)", null, null, "unreadable"));
                    }
                }
            }
            for (AuditEvent e : events) {
                trail.record(e);
            }
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.force(true);
            }
            return events.size();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot take in the audit inbox " + file, ex);
        }
    }

    private FileLease lock() {
        return FileLease.take(file.resolveSibling(FILE + ".lock"), PATIENCE, false).orElseThrow(() -> new IllegalStateException(
                "Cannot lock the audit inbox " + file + " (another process holds it)"));
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
