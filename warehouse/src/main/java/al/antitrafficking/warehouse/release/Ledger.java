package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.disclosure.Protection;
import al.antitrafficking.warehouse.indicator.PeriodType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The release ledger: every release published, kept in {@code <warehouse>/releases/<id>/} after its snapshot's facts
 * are pruned. Public files: {@code release.properties} (what it is, its figures), {@code notes.md} (what changed and
 * why), {@code tables.csv} (each table's grains and values), {@code cells.csv.gz} (every printed cell: value, or the
 * one withheld mark, or not reported) and {@code submissions.csv} (which files came, when). Internal, owner-only:
 * {@code internal/cells.csv.gz}, each cell's true count and why it is withheld, which the next release reads to keep
 * its pattern stable. A release is written to a staging folder and renamed into place whole.
 */
public final class Ledger {
    static final String PUBLIC_CELLS = "cells.csv.gz";
    static final String INTERNAL_CELLS = "internal/cells.csv.gz";
    static final String TABLES = "tables.csv";
    static final String SUBMISSIONS = "submissions.csv";
    static final String PROPERTIES = "release.properties";
    static final String NOTES = "notes.md";
    static final String CHECKSUMS = "internal/files.csv";
    static final String DROPPED = "internal/dropped.csv";
    private static final String PUBLISHED = "published.csv";
    private static final String STAGING = ".staging-";
    private static final String REPLACED = ".replaced-";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    /**
     * A release as the next build reads it: its cells, each table's grain at each level, and the tables and levels
     * (table id|level) it did not publish at all, which the next release keeps unpublished as it keeps grains.
     */
    public record Loaded(String id, Map<CellKey, ReleaseCell> cells, Map<String, PeriodType> grains, java.util.Set<String> dropped) {}

    private final Path root;

    public Ledger(Path warehouseDir) {
        this.root = warehouseDir.resolve("releases");
    }

    /**
     * A release's folder. While a rebuild of a release replaces it (between two renames, or after a build killed between
     * them) the older copy is read from where it was moved aside.
     */
    public Path dir(String id) {
        Path dir = root.resolve(id);
        if (!Files.isRegularFile(dir.resolve(PROPERTIES))) {
            Path aside = root.resolve(REPLACED + id);
            if (Files.isRegularFile(aside.resolve(PROPERTIES))) {
                return aside;
            }
        }
        return dir;
    }

    /** Release ids written whole, oldest first; published or not (see {@link #publishedIds}). */
    public List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isRegularFile(p.resolve(PROPERTIES))).map(p -> p.getFileName().toString())
                    .map(n -> n.startsWith(REPLACED) ? n.substring(REPLACED.length()) : n)
                    .filter(n -> !n.startsWith(".")).distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list releases in " + root, e);
        }
    }

    /**
     * Releases the public has been given, in the order they were published. A build writes a release before it publishes
     * it; one killed in between leaves a release no one has seen, which is not listed here, never offered to readers and
     * never taken as the release a later one revises. A ledger from before this list was kept counts every release.
     */
    public List<String> publishedIds() {
        Path file = root.resolve(PUBLISHED);
        if (!Files.isRegularFile(file)) {
            return ids();
        }
        Set<String> written = new HashSet<>(ids());
        LinkedHashSet<String> order = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(file, UTF_8)) {
                // A line cut short by a crash while appending names no release: it is skipped.
                String id = line.split(",", -1)[0];
                if (written.contains(id)) {
                    order.remove(id);
                    order.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return List.copyOf(order);
    }

    /**
     * Records that a release is given to the public; called before CURRENT names it, so that whatever readers may have
     * seen is listed and is what the next release revises.
     */
    public void markPublished(String id, Instant at) {
        if (!ids().contains(id)) {
            throw new IllegalStateException("Cannot publish release " + id + ": it is not in the ledger");
        }
        Path file = root.resolve(PUBLISHED);
        try {
            StringBuilder lines = new StringBuilder();
            if (!Files.isRegularFile(file)) {
                // The first time: every release already in the ledger was published before the list was kept.
                for (String old : ids()) {
                    if (!old.equals(id)) {
                        lines.append(old).append(",\n");
                    }
                }
            }
            lines.append(id).append(',').append(at).append('\n');
            // A line cut short by an earlier crash is ended first, so that this one starts a line of its own.
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    in.read(last, in.size() - 1);
                    if (last.get(0) != '\n') {
                        lines.insert(0, '\n');
                    }
                }
            }
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(lines.toString().getBytes(UTF_8)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record release " + id + " as published", e);
        }
    }

    /** The release the public saw last before {@code id} (the one {@code id} revises), as the next build needs it. */
    public Optional<Loaded> previous(String id) {
        return previousId(id).map(this::loadInternal);
    }

    /** The id of the release the public saw last before {@code id}, without reading it. */
    public Optional<String> previousId(String id) {
        return publishedIds().stream().filter(r -> !r.equals(id)).reduce((a, b) -> b);
    }

    /**
     * Puts the ledger right after a build that died: staging folders are removed, a release moved aside for a rebuild that
     * never came is put back, and releases written but never published are removed ({@code keep} excepted: the one being
     * built). Call it holding the warehouse lock.
     */
    public List<String> recover(String keep) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path p : children.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(STAGING)) {
                    deleteTree(p);
                } else if (name.startsWith(REPLACED)) {
                    Path original = root.resolve(name.substring(REPLACED.length()));
                    if (Files.isRegularFile(original.resolve(PROPERTIES))) {
                        deleteTree(p);
                    } else {
                        deleteTree(original);
                        Files.move(p, original, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
            List<String> published = publishedIds();
            String current = currentId().orElse("");
            for (String id : ids()) {
                if (!published.contains(id) && !id.equals(keep) && !id.equals(current)) {
                    deleteTree(root.resolve(id));
                    removed.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot recover the release ledger in " + root, e);
        }
        return removed;
    }

    private Optional<String> currentId() {
        Path pointer = root.getParent().resolve("CURRENT");
        try {
            return Files.isRegularFile(pointer) ? Optional.of(Files.readString(pointer, UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pointer, e);
        }
    }

    /**
     * A release with its true counts, as the next build protects against (read-only); the last one read is kept in
     * memory while its files are unchanged ({@link FileMemo}).
     */
    public Loaded loadInternal(String id) {
        Path dir = dir(id);
        return LOADED.read(dir.resolve(INTERNAL_CELLS), () -> load(dir, id));
    }

    private static final FileMemo<Loaded> LOADED = new FileMemo<>();

    /** Reads release {@code id} from its folder in the ledger. */
    private static Loaded load(Path dir, String id) {
        Map<CellKey, ReleaseCell> cells = new HashMap<>();
        try (Reader in = gzipReader(dir.resolve(INTERNAL_CELLS))) {
            for (CSVRecord r : READ.parse(in)) {
                CellKey key = new CellKey(r.get("family"), r.get("criteria"), blankToNull(r.get("inner")), r.get("territory"), r.get("period"));
                cells.put(key, new ReleaseCell(key, Long.parseLong(r.get("truth")), number(r.get("median")),
                        ReleaseCell.Status.valueOf(r.get("status")), r.get("reason").isEmpty() ? null : Protection.Reason.valueOf(r.get("reason"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release " + id, e);
        }
        Map<String, PeriodType> grains = new HashMap<>();
        for (TableRow t : tables(dir, id)) {
            grains.put(t.table() + "|" + t.level(), t.grain());
        }
        java.util.Set<String> dropped = new java.util.HashSet<>();
        Path droppedFile = dir.resolve(DROPPED);
        if (Files.isRegularFile(droppedFile)) {
            try (Reader in = Files.newBufferedReader(droppedFile, UTF_8)) {
                for (CSVRecord r : READ.parse(in)) {
                    dropped.add(r.get("table_level"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read release " + id, e);
            }
        }
        return new Loaded(id, java.util.Collections.unmodifiableMap(cells), java.util.Collections.unmodifiableMap(grains),
                java.util.Collections.unmodifiableSet(dropped));
    }

    /** One row of tables.csv: a table's grain at a level and its split dimensions' values. */
    public record TableRow(String table, Level level, PeriodType grain, List<List<String>> domains) {}

    public List<TableRow> tables(String id) {
        return tables(dir(id), id);
    }

    private static List<TableRow> tables(Path dir, String id) {
        List<TableRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(TABLES), UTF_8)) {
            for (CSVRecord r : READ.parse(in)) {
                // One part per split of the table (its id ends with them); a split no row reached has no values.
                String table = r.get("table");
                String splits = table.substring(table.lastIndexOf('|') + 1);
                List<List<String>> domains = new ArrayList<>();
                if (!splits.isEmpty()) {
                    for (String d : r.get("domains").split(";", -1)) {
                        domains.add(d.isEmpty() ? List.of() : List.of(d.split("\\|", -1)));
                    }
                }
                rows.add(new TableRow(table, Level.valueOf(r.get("level")), PeriodType.valueOf(r.get("grain")), domains));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release " + id, e);
        }
        return rows;
    }

    /** Writes a built release, staging first and renaming into place; an older copy of the same id is replaced whole. */
    public Path write(ReleaseBuilder.Built built, Properties properties, String notes, Map<String, String> checksums) {
        try {
            Files.createDirectories(root);
            Path staging = root.resolve(STAGING + built.id());
            deleteTree(staging);
            Files.createDirectories(staging);
            Path internal = Files.createDirectories(staging.resolve("internal"));
            Files.setPosixFilePermissions(internal, PosixFilePermissions.fromString("rwx------"));
            // The internal cells are written on another core while this one writes the public cells and the rest.
            Path internalCells = staging.resolve(INTERNAL_CELLS);
            java.util.concurrent.CompletableFuture<Void> internalWritten = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    writeInternalCells(internalCells, built);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                writePublicCells(staging, built);
            } catch (IOException | RuntimeException e) {
                // The other file is waited for before the staging folder is given up; this failure is the one told.
                internalWritten.exceptionally(ignored -> null).join();
                throw e;
            }
            try {
                internalWritten.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            Files.setPosixFilePermissions(internalCells, PosixFilePermissions.fromString("rw-------"));
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(staging.resolve(TABLES), UTF_8), CSV)) {
                out.printRecord("table", "level", "grain", "domains");
                for (ReleaseBuilder.TableLayout t : built.tables()) {
                    for (Map.Entry<Level, PeriodType> g : t.grains().entrySet()) {
                        out.printRecord(t.table().id(), g.getKey(), g.getValue(),
                                String.join(";", t.domains().stream().map(d -> String.join("|", d)).toList()));
                    }
                }
            }
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(staging.resolve(SUBMISSIONS), UTF_8), CSV)) {
                out.printRecord("source", "county", "month", "status", "received_at", "problem");
                for (ReleaseBuilder.Submission s : built.submissions()) {
                    out.printRecord(s.source(), s.county(), s.month(), s.status(), s.receivedAt(), s.problem());
                }
            }
            Files.writeString(staging.resolve(NOTES), notes, UTF_8);
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(staging.resolve(DROPPED), UTF_8), CSV)) {
                out.printRecord("table_level");
                for (String d : built.dropped()) {
                    out.printRecord(d);
                }
            }
            Path files = staging.resolve(CHECKSUMS);
            try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(files, UTF_8), CSV)) {
                out.printRecord("slice", "checksum");
                for (Map.Entry<String, String> f : checksums.entrySet()) {
                    out.printRecord(f.getKey(), f.getValue());
                }
            }
            Files.setPosixFilePermissions(files, PosixFilePermissions.fromString("rw-------"));
            try (Writer w = Files.newBufferedWriter(staging.resolve(PROPERTIES), UTF_8)) {
                properties.store(w, "Release " + built.id());
            }
            Path target = root.resolve(built.id());
            if (Files.exists(target)) {
                Path old = root.resolve(REPLACED + built.id());
                deleteTree(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write release " + built.id(), e);
        }
    }

    private static void writePublicCells(Path staging, ReleaseBuilder.Built built) throws IOException {
        try (CSVPrinter out = new CSVPrinter(gzipWriter(staging.resolve(PUBLIC_CELLS)), CSV)) {
            out.printRecord("family", "criteria", "territory", "period", "status", "value", "median");
            for (ReleaseCell c : built.cells()) {
                if (c.key().difference()) {
                    continue;
                }
                boolean published = c.status() == ReleaseCell.Status.PUBLISHED;
                out.printRecord(c.key().family(), c.key().criteria(), c.key().territory(), c.key().period(), c.status(),
                        published ? c.truth() : "", published && c.median() != null ? c.median() : "");
            }
        }
    }

    private static void writeInternalCells(Path file, ReleaseBuilder.Built built) throws IOException {
        try (CSVPrinter out = new CSVPrinter(gzipWriter(file), CSV)) {
            out.printRecord("family", "criteria", "inner", "territory", "period", "truth", "median", "status", "reason");
            for (ReleaseCell c : built.cells()) {
                out.printRecord(c.key().family(), c.key().criteria(), c.key().inner() == null ? "" : c.key().inner(), c.key().territory(),
                        c.key().period(), c.truth(), c.median() == null ? "" : c.median(), c.status(), c.reason() == null ? "" : c.reason());
            }
        }
    }

    public Properties properties(String id) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir(id).resolve(PROPERTIES), UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read release " + id, e);
        }
        return p;
    }

    static Reader gzipReader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), UTF_8));
    }

    /**
     * A gzip writer at the fastest level: a correction waits for its files (the cells of a 10M-row release, 24 MB of
     * text: about 0.4 s at level 1 against 0.75 s at the default level, for a file 25 % larger).
     */
    static Writer gzipWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }, UTF_8), 1 << 16);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    static Double number(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
