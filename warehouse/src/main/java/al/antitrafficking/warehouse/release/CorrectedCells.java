package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.config.DuckDbLimits;
import al.antitrafficking.warehouse.indicator.FactTable;
import al.antitrafficking.warehouse.progress.Progress;
import al.antitrafficking.warehouse.snapshot.FactChanges;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The computed (true, unprotected) cells of a snapshot's release tables, kept beside its database, and worked out for a
 * corrected snapshot from those of the snapshot before it instead of from all the facts.
 *
 * <p>Only children of the fact files that differ between the two snapshots ({@link FactChanges}: old and new) can have
 * rows that differ, and of those only the children with a row the old files hold and the new do not, or the other way
 * round ({@link FactChanges#childrenChanged}); every cell counts the same children as before except these. So each
 * table's cells are the old cells, minus what the old rows of those children contributed, plus what their new rows
 * contribute: the table's own statement run twice over a few rows instead of once over all.
 * That holds for counts of rows and of distinct children alike (a child's rows are all in or all out), for the child
 * pathway (one row per child, rebuilt from all of a child's rows), and for a table of medians, whose cells keep how many
 * rows saw each number of days ({@link DayCounts}) and read the median from those.
 *
 * <p>Nothing is guessed: when the old snapshot, its cells or the same table plan and rolling windows are missing, when
 * too many files changed, or when a count would go below zero, the caller computes everything.
 */
final class CorrectedCells {
    /** The file beside the snapshot's database; internal like the database (true counts), never published. */
    static final String FILE = "release-computed.csv.gz";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    private static final String SEPARATOR = "\u0001";

    private CorrectedCells() {}

    /** What identifies a table plan, the rolling windows and the statements its cells were computed with. */
    static String fingerprint(ReleasePlan plan, List<YearMonth[]> windows) {
        return fingerprint(plan.tables(), windows);
    }

    static String fingerprint(List<ReleaseTable> tables, List<YearMonth[]> windows) {
        StringBuilder s = new StringBuilder();
        // Each table in words that do not depend on the order a set happens to iterate in (which changes between JVMs), each
        // word after its length, so that no two plans read alike whatever their ids and criteria hold.
        java.util.function.BiConsumer<StringBuilder, Object> word = (b, o) -> b.append(String.valueOf(o).length()).append(':').append(o);
        tables.forEach(t -> {
            for (Object o : List.of(t.id(), t.family().id(), t.criteria().key(), t.splits(), new java.util.TreeSet<>(t.levels()), t.rolling(),
                    t.finest(), t.medianDays().orElse(""))) {
                word.accept(s, o);
            }
            s.append('\n');
        });
        windows.forEach(w -> s.append(w[0]).append('/').append(w[1]).append('\n'));
        // The statements the cells were computed with: another definition makes other cells.
        s.append(CellComputer.TABLE).append(CellComputer.WINDOW);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Computed cells kept beside a snapshot's database, with the fingerprint of the audit its release passed. */
    record Kept(Map<String, List<CellComputer.Raw>> cells, String audit) {}

    /**
     * Writes the computed cells of the snapshot in {@code dir} (readable by its owner only), replacing any before, with
     * the fingerprint of what its release's audit depended on ({@code audit}).
     */
    static void write(Path dir, String fingerprint, String audit, Map<String, List<CellComputer.Raw>> cells) {
        writePartial(dir, fingerprint, audit, cells);
        keep(dir);
    }

    /**
     * As {@link #write}, into a partial file beside the snapshot's database that {@link #keep} puts in place: a build
     * writes it while the release is written into the ledger, and keeps it only once the ledger holds that release.
     */
    static void writePartial(Path dir, String fingerprint, String audit, Map<String, List<CellComputer.Raw>> cells) {
        Path partial = dir.resolve(FILE + ".partial");
        try {
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (CSVPrinter out = new CSVPrinter(Ledger.gzipWriter(partial), CSV)) {
                out.printRecord("fingerprint", fingerprint);
                out.printRecord("audit", audit);
                out.printRecord("table", "level", "territory", "period", "splits", "count", "days", "rows");
                for (Map.Entry<String, List<CellComputer.Raw>> t : cells.entrySet()) {
                    for (CellComputer.Raw r : t.getValue()) {
                        out.printRecord(t.getKey(), r.level(), r.territory(), r.period(), String.join(SEPARATOR, r.splitValues()),
                                r.count(), r.days() == null ? "" : r.days().text(), r.rows());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the computed cells of the release in " + dir, e);
        }
    }

    /** Puts the partial file {@link #writePartial} wrote in place, replacing the one before. */
    static void keep(Path dir) {
        try {
            Files.move(dir.resolve(FILE + ".partial"), dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the computed cells of the release in " + dir, e);
        }
    }

    /** Removes a partial file {@link #writePartial} left, when its release was not written. */
    static void discardPartial(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE + ".partial"));
        } catch (IOException e) {
            // A later build deletes it before writing its own.
        }
    }

    /**
     * Removes the kept cells of the snapshot in {@code dir} and any partial file: its release is in the ledger but its
     * cells could not be kept, and cells of an earlier build of it must not pass for them (the next build computes all).
     */
    static void forget(Path dir) {
        discardPartial(dir);
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the computed cells kept in " + dir + " that no longer match its release", e);
        }
    }

    /** The computed cells kept beside a snapshot's database, when they were computed for the same plan and windows. */
    static Optional<Kept> read(Path dir, String fingerprint) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return MEMO.read(file, () -> parse(file)).filter(k -> k.fingerprint().equals(fingerprint)).map(k -> new Kept(k.cells(), k.audit()));
    }

    /**
     * Reads the computed cells kept beside a snapshot's database into memory, for the next correction to find without
     * parsing them: the ingestion service does it while it waits. False when there are none to read.
     */
    static boolean prefetch(Path dir) {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) && MEMO.read(file, () -> parse(file)).isPresent();
    }

    /** A kept file as read: its plan's fingerprint, its audit's and its cells (read-only). */
    private record Parsed(String fingerprint, String audit, Map<String, List<CellComputer.Raw>> cells) {}

    private static final FileMemo<Optional<Parsed>> MEMO = new FileMemo<>();

    private static Optional<Parsed> parse(Path file) {
        Map<String, List<CellComputer.Raw>> cells = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), UTF_8))) {
            int line = 0;
            String fingerprint = null;
            String audit = null;
            for (CSVRecord r : CSV.parse(in)) {
                line++;
                if (line == 1) {
                    if (!r.get(0).equals("fingerprint")) {
                        return Optional.empty();
                    }
                    fingerprint = r.get(1);
                    continue;
                }
                if (line == 2) {
                    if (!r.get(0).equals("audit")) {
                        return Optional.empty();
                    }
                    audit = r.get(1);
                    continue;
                }
                if (line == 3) {
                    continue;
                }
                List<String> splits = r.get(4).isEmpty() ? List.of() : List.of(r.get(4).split(SEPARATOR, -1));
                cells.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new CellComputer.Raw(Level.valueOf(r.get(1)), r.get(2),
                        r.get(3), splits, Long.parseLong(r.get(5)), DayCounts.parse(r.get(6)), Long.parseLong(r.get(7))));
            }
            if (fingerprint == null || audit == null) {
                return Optional.empty();
            }
            cells.replaceAll((table, raws) -> java.util.Collections.unmodifiableList(raws));
            return Optional.of(new Parsed(fingerprint, audit, java.util.Collections.unmodifiableMap(cells)));
        } catch (IOException | RuntimeException e) {
            // A damaged file is no base for a correction; everything is computed again.
            return Optional.empty();
        }
    }

    /**
     * The computed cells of the corrected snapshot (in {@code afterDir}) from those of the snapshot before it (in
     * {@code beforeDir}); empty when a count would go below zero, which only a base that does not match can cause. Its
     * in-memory database takes at most {@code memoryLimit} ({@link #open}).
     */
    static Optional<Map<String, List<CellComputer.Raw>>> compute(ReleasePlan plan, CellComputer computer, Path beforeDir, Path afterDir,
                                                                FactChanges changes, Map<String, List<CellComputer.Raw>> before,
                                                                List<YearMonth[]> windows, String memoryLimit)
            throws SQLException {
        Map<String, List<CellComputer.Raw>> cells = new LinkedHashMap<>();
        try (Connection m = open(memoryLimit, afterDir.resolve(SPILL)); Statement s = m.createStatement()) {
            s.execute("ATTACH " + literal(beforeDir.resolve(Snapshots.DATABASE_FILE)) + " AS before_s (READ_ONLY)");
            s.execute("ATTACH " + literal(afterDir.resolve(Snapshots.DATABASE_FILE)) + " AS after_s (READ_ONLY)");
            // Tables of the in-memory database rather than temporary ones: the workers' connections below see them.
            // The children whose pathways the build computed again are those whose rows changed in any fact (found by the
            // build already): for each fact as many as its own or more, and a child whose rows are the same counts the same
            // before and after. Otherwise each fact's are found here.
            boolean kept = !changes.none() && keptPathways(s, beforeDir);
            if (kept) {
                s.execute("CREATE TABLE k_changed AS SELECT child_pseudonym FROM after_s." + WarehouseBuilder.PATHWAYS_REPLACED
                        + " UNION SELECT child_pseudonym FROM after_s." + WarehouseBuilder.PATHWAYS_REPLACING);
            }
            List<String> keys = new ArrayList<>();
            for (FactTable fact : FactTable.values()) {
                if (fact.source().isEmpty() || !changes.touches(fact)) {
                    continue;
                }
                // Only the children whose rows changed: the others count the same before and after, in every cell.
                String k = kept ? "k_changed" : "k_" + fact.code();
                if (!kept) {
                    s.execute("CREATE TABLE " + k + " AS " + changes.childrenChanged(s, fact));
                    keys.add(k);
                }
                Progress.debug("corrected cells: children whose " + fact.table() + " rows changed found");
                restrict(s, fact, k, changes);
                Progress.debug("corrected cells: their " + fact.table() + " rows set apart");
            }
            if (kept) {
                restrictKept(s, FactTable.PATHWAY.table());
                Progress.debug("corrected cells: the pathways the build replaced taken");
            } else if (!keys.isEmpty()) {
                s.execute("CREATE TABLE k_pathway AS " + String.join(" UNION ", keys.stream().map(k -> "SELECT child_pseudonym FROM " + k).toList()));
                restrict(s, FactTable.PATHWAY.table(), "k_pathway");
            }
            Progress.debug("corrected cells: changed children's rows set apart");
            List<ReleaseTable> touched = plan.tables().stream().filter(t -> changes.touches(t.family().fact())).toList();
            List<List<CellComputer.Raw>> sides = bothSides(m, computer, touched, windows);
            for (ReleaseTable t : plan.tables()) {
                // The kept cells were checked to be of this plan: a table with no line there counted no row (no EU citizen).
                List<CellComputer.Raw> old = before.getOrDefault(t.id(), List.of());
                int i = touched.indexOf(t);
                if (i < 0) {
                    cells.put(t.id(), old);
                    continue;
                }
                Optional<List<CellComputer.Raw>> corrected = apply(old, sides.get(2 * i), sides.get(2 * i + 1));
                if (corrected.isEmpty()) {
                    Progress.debug("corrected cells: " + t.id() + " does not match its base; computing everything");
                    return Optional.empty();
                }
                cells.put(t.id(), corrected.get());
            }
        }
        Progress.debug("corrected cells: tables worked out");
        return Optional.of(cells);
    }

    /** How many statements run at once in a correction: the tables' statements are small, each scans a few thousand rows. */
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * Each table's cells over its fact's rows of the changed children before, then after (two lists per table, in the
     * order of {@code tables}), computed by {@link #WORKERS} connections to the database of {@code m} at once: a statement
     * over a few thousand rows keeps one core busy, and most of its time is DuckDB planning it and Java reading it.
     */
    private static List<List<CellComputer.Raw>> bothSides(Connection m, CellComputer computer, List<ReleaseTable> tables,
                                                         List<YearMonth[]> windows) throws SQLException {
        int n = 2 * tables.size();
        List<List<CellComputer.Raw>> results = new ArrayList<>(java.util.Collections.nCopies(n, null));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(WORKERS, r -> {
            Thread thread = new Thread(r, "corrected-cells");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Future<Void>> workers = new ArrayList<>();
            org.duckdb.DuckDBConnection database = m.unwrap(org.duckdb.DuckDBConnection.class);
            for (int w = 0; w < WORKERS; w++) {
                Connection c = database.duplicate();
                workers.add(pool.submit(() -> {
                    try (c) {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            ReleaseTable t = tables.get(i / 2);
                            String side = i % 2 == 0 ? "before_" : "after_";
                            results.set(i, computer.compute(c, t, windows, side + t.family().fact().table()));
                            if (Boolean.getBoolean("release.debug")) {
                                System.err.printf("corrected %s (%s) in %d ms%n", t.id(), side, (System.nanoTime() - t0) / 1_000_000);
                            }
                        }
                    } catch (SQLException | RuntimeException | Error e) {
                        next.set(n);
                        throw e;
                    }
                    return null;
                }));
            }
            // Every worker is waited for (a failed one stops the others taking more) before the first failure is thrown.
            Throwable failure = null;
            boolean interrupted = false;
            for (java.util.concurrent.Future<Void> w : workers) {
                while (true) {
                    try {
                        w.get();
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        failure = failure == null ? e.getCause() : failure;
                        break;
                    } catch (InterruptedException e) {
                        // The workers take no more tables; the one each is on is waited for.
                        interrupted = true;
                        next.set(n);
                        failure = failure == null ? new IllegalStateException("Interrupted while working out the corrected cells", e) : failure;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /**
     * The rows of one fact of the changed children (and the rows without a child of the changed files), before and
     * after, as two temporary tables: the files both snapshots share are read once, for both.
     */
    private static void restrict(Statement s, FactTable fact, String keys, FactChanges changes) throws SQLException {
        String children = "child_pseudonym IN (SELECT child_pseudonym FROM " + keys + ")";
        String table = fact.table();
        List<Path> shared = changes.shared().getOrDefault(fact, List.of());
        s.execute("CREATE TABLE shared_" + table + " AS SELECT * FROM " + (shared.isEmpty() ? "after_s." + table + " WHERE FALSE"
                : FactChanges.readParquet(shared) + " WHERE " + children));
        Progress.debug("corrected cells: " + table + " rows of the unchanged files read (" + shared.size() + " files)");
        for (String side : List.of("before", "after")) {
            List<Path> changed = (side.equals("before") ? changes.before() : changes.after()).getOrDefault(fact, List.of());
            s.execute("CREATE TABLE " + side + "_" + table + " AS SELECT * FROM shared_" + table + (changed.isEmpty() ? ""
                    : " UNION ALL BY NAME SELECT * FROM " + FactChanges.readParquet(changed) + " WHERE " + children
                    + " OR child_pseudonym IS NULL"));
        }
        s.execute("DROP TABLE shared_" + table);
    }

    /** The rows of a table of both databases (the pathway) of the changed children, before and after, as two temporary tables. */
    private static void restrict(Statement s, String table, String keys) throws SQLException {
        for (String side : List.of("before", "after")) {
            s.execute("CREATE TABLE " + side + "_" + table + " AS SELECT * FROM " + side + "_s." + table
                    + " WHERE child_pseudonym IN (SELECT child_pseudonym FROM " + keys + ") OR child_pseudonym IS NULL");
        }
    }

    /**
     * Whether the corrected snapshot's database keeps the pathways it replaced and their replacements, patched from the
     * snapshot in {@code beforeDir}: those are the pathways, before and after, of every child whose pathway may differ (a
     * database built in full, or patched from another snapshot, keeps none that fit).
     */
    private static boolean keptPathways(Statement s, Path beforeDir) throws SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'after_s' AND table_name IN ('"
                + WarehouseBuilder.PATHWAYS_REPLACED + "', '"
                + WarehouseBuilder.PATHWAYS_REPLACING + "', '"
                + WarehouseBuilder.PATHWAYS_BASE + "')")) {
            rs.next();
            if (rs.getInt(1) != 3) {
                return false;
            }
        }
        try (java.sql.ResultSet rs = s.executeQuery("SELECT base_snapshot FROM after_s."
                + WarehouseBuilder.PATHWAYS_BASE)) {
            return rs.next() && beforeDir.getFileName().toString().equals(rs.getString(1)) && !rs.next();
        }
    }

    /**
     * The pathways the corrected database kept, as the tables of {@link #restrict(Statement, String, String)}: every child
     * whose pathway the build computed again, before and after. Any other child's pathway is the base's, the same on both
     * sides.
     */
    private static void restrictKept(Statement s, String table) throws SQLException {
        s.execute("CREATE TABLE before_" + table + " AS SELECT * FROM after_s." + WarehouseBuilder.PATHWAYS_REPLACED);
        s.execute("CREATE TABLE after_" + table + " AS SELECT * FROM after_s." + WarehouseBuilder.PATHWAYS_REPLACING);
    }

    /** The old cells less what the changed children's old rows gave them, plus what their new rows give. */
    static Optional<List<CellComputer.Raw>> apply(List<CellComputer.Raw> old, List<CellComputer.Raw> minus, List<CellComputer.Raw> plus) {
        Map<String, Sums> totals = new LinkedHashMap<>();
        for (CellComputer.Raw r : old) {
            totals.put(r.key(), new Sums(r).add(r, 1));
        }
        for (CellComputer.Raw r : minus) {
            Sums t = totals.get(r.key());
            if (t == null) {
                return Optional.empty();
            }
            t.add(r, -1);
        }
        for (CellComputer.Raw r : plus) {
            totals.computeIfAbsent(r.key(), k -> new Sums(r)).add(r, 1);
        }
        List<CellComputer.Raw> cells = new ArrayList<>(totals.size());
        for (Sums t : totals.values()) {
            if (t.count < 0 || t.rows < 0 || t.days != null && t.days.values().stream().anyMatch(n -> n < 0)) {
                return Optional.empty();
            }
            if (t.rows > 0) {
                CellComputer.Raw r = t.shape;
                cells.add(new CellComputer.Raw(r.level(), r.territory(), r.period(), r.splitValues(), t.count,
                        t.days == null ? null : DayCounts.of(t.days), t.rows));
            }
        }
        return Optional.of(cells);
    }

    /** One cell's running sums in a correction: its count, rows and day counts, and the cell it is of. */
    private static final class Sums {
        final CellComputer.Raw shape;
        long count;
        long rows;
        Map<Long, Long> days;

        Sums(CellComputer.Raw shape) {
            this.shape = shape;
        }

        Sums add(CellComputer.Raw r, int sign) {
            count += sign * r.count();
            rows += sign * r.rows();
            if (r.days() != null) {
                if (days == null) {
                    days = new java.util.TreeMap<>();
                }
                r.days().addTo(days, sign);
            }
            return this;
        }
    }

    /**
     * The folder in the corrected snapshot's own folder where the correction's database spills beyond its memory limit:
     * the changed children's rows, which an in-memory database would otherwise spill to {@code .tmp} in whatever folder
     * the process runs in. DuckDB makes it and removes it when the database closes.
     */
    static final String SPILL = "correction.tmp";

    /**
     * The correction's in-memory database: two threads, at most {@code memoryLimit}, spilling into {@code spill} (a
     * killed correction's leftovers there removed first); settings of the database that the workers' duplicated
     * connections share ({@link #bothSides}).
     */
    static Connection open(String memoryLimit, Path spill) throws SQLException {
        try {
            if (Files.exists(spill)) {
                org.apache.commons.io.file.PathUtils.deleteDirectory(spill);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove an earlier correction's spilled rows in " + spill, e);
        }
        Connection m = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = m.createStatement()) {
            new DuckDbLimits(memoryLimit, 2).apply(m);
            s.execute("SET temp_directory = " + literal(spill));
            return m;
        } catch (SQLException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private static String literal(Path p) {
        return literal(p.toAbsolutePath().toString());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
