package al.antitrafficking.warehouse.snapshot;

import al.antitrafficking.warehouse.indicator.FactTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fact files that differ between two snapshots. The ETL carries every slice a run did not touch into the new
 * snapshot as the same file (a hard link), so a file of the new snapshot with the path and identity (device, inode,
 * size, time) of one of the old holds the same rows; the others are what a correction changed.
 *
 * @param before for each fact, its files only in the old snapshot
 * @param after for each fact, its files only in the new snapshot
 * @param shared for each fact, the new snapshot's files that are the old snapshot's (the same rows)
 */
public record FactChanges(Map<FactTable, List<Path>> before, Map<FactTable, List<Path>> after, Map<FactTable, List<Path>> shared) {
    /** Above this share of a fact's files changed, working from the old snapshot gains nothing over starting again. */
    private static final double MAX_CHANGED_SHARE = 0.1;

    public boolean none() {
        return before.isEmpty() && after.isEmpty();
    }

    /** Whether the correction changed rows of this fact (the pathway: of any fact). */
    public boolean touches(FactTable fact) {
        return fact == FactTable.PATHWAY ? !none() : before.containsKey(fact) || after.containsKey(fact);
    }

    /**
     * A query of the distinct children (their 64-bit keys) in some of the changed files: every child whose rows may differ
     * between the two snapshots.
     */
    public static String childrenIn(List<Path> files) {
        if (files.isEmpty()) {
            return "SELECT NULL::BIGINT AS child_pseudonym WHERE FALSE";
        }
        return "SELECT DISTINCT child_pseudonym FROM " + readParquet(files) + " WHERE child_pseudonym IS NOT NULL";
    }

    /**
     * A query of the children whose rows of {@code fact} differ between the two snapshots: those with a row in the old
     * changed files that the new ones lack, or in the new ones that the old lack (every column compared, a row counted as
     * often as it is repeated). A file re-sent with a few rows corrected leaves most of its children's rows as they were;
     * such a child counts the same in every figure, and has the same pathway, before and after, so nothing needs working
     * out again for it. Where only one side has files, or the old and new files do not hold the same columns of the same
     * types, every child of the changed files ({@link #childrenIn}). Reads the two sides' columns through {@code s}.
     */
    public String childrenChanged(Statement s, FactTable fact) throws SQLException {
        List<Path> old = before.getOrDefault(fact, List.of());
        List<Path> now = after.getOrDefault(fact, List.of());
        if (old.isEmpty() || now.isEmpty()) {
            return childrenIn(files(fact));
        }
        // The same columns of the same types on both sides (DuckDB would compare 1 and '1', or a date and midnight, alike).
        List<Column> columns = columns(s, old);
        if (columns.stream().noneMatch(c -> c.name().equals("child_pseudonym")) || !columns.equals(columns(s, now))) {
            return childrenIn(files(fact));
        }
        // In the same order on both sides, whatever order each side's files hold them in.
        String select = "SELECT " + String.join(", ", columns.stream().map(c -> '"' + c.name().replace("\"", "\"\"") + '"').toList()) + " FROM ";
        String was = select + readParquet(old);
        String is = select + readParquet(now);
        return "SELECT DISTINCT child_pseudonym FROM (SELECT * FROM (" + was + " EXCEPT ALL " + is + ") UNION ALL SELECT * FROM ("
                + is + " EXCEPT ALL " + was + ")) AS differing WHERE child_pseudonym IS NOT NULL";
    }

    /** As {@link #childrenChanged(Statement, FactTable)}, for every fact the correction touched: a child once. */
    public String childrenChanged(Statement s) throws SQLException {
        List<String> changed = new java.util.ArrayList<>();
        for (FactTable fact : FactTable.values()) {
            if (fact.source().isPresent() && touches(fact)) {
                changed.add(childrenChanged(s, fact));
            }
        }
        return changed.isEmpty() ? childrenIn(List.of()) : String.join(" UNION ", changed);
    }

    /** A column of some fact files, as DuckDB reads them. */
    private record Column(String name, String type) {}

    /** The columns some fact files hold, sorted by name. */
    private static List<Column> columns(Statement s, List<Path> files) throws SQLException {
        List<Column> columns = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + readParquet(files))) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("column_name"), rs.getString("column_type")));
            }
        }
        columns.sort(java.util.Comparator.comparing(Column::name));
        return columns;
    }

    /** Some of a snapshot's fact files as a relation, read as the snapshot's views read their folders. */
    public static String readParquet(List<Path> files) {
        return "read_parquet([" + String.join(", ", files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .toList()) + "], hive_partitioning = true, union_by_name = true)";
    }

    /** How many files changed, old and new. */
    public int count() {
        return all().size();
    }

    /** Every changed file, old and new, of every fact. */
    public List<Path> all() {
        List<Path> all = new java.util.ArrayList<>();
        for (FactTable fact : FactTable.values()) {
            all.addAll(files(fact));
        }
        return all;
    }

    /** The changed files of one fact, old and new. */
    public List<Path> files(FactTable fact) {
        List<Path> all = new java.util.ArrayList<>(before.getOrDefault(fact, List.of()));
        all.addAll(after.getOrDefault(fact, List.of()));
        return all;
    }

    /**
     * The fact files that differ between the snapshots in {@code beforeDir} and {@code afterDir}; empty when a folder or
     * a file's identity cannot be read, or when more than a tenth of a fact's files changed (a run that re-wrote
     * everything, as after a change of rules or of key).
     */
    public static Optional<FactChanges> between(Path beforeDir, Path afterDir) {
        Map<FactTable, List<Path>> before = new EnumMap<>(FactTable.class);
        Map<FactTable, List<Path>> after = new EnumMap<>(FactTable.class);
        Map<FactTable, List<Path>> shared = new EnumMap<>(FactTable.class);
        for (FactTable fact : FactTable.values()) {
            if (fact.source().isEmpty()) {
                continue;
            }
            Map<String, String> old = files(beforeDir.resolve(fact.table()));
            Map<String, String> now = files(afterDir.resolve(fact.table()));
            if (old == null || now == null) {
                return Optional.empty();
            }
            List<Path> gone = old.entrySet().stream().filter(e -> !e.getValue().equals(now.get(e.getKey())))
                    .map(e -> beforeDir.resolve(fact.table()).resolve(e.getKey())).toList();
            List<Path> came = now.entrySet().stream().filter(e -> !e.getValue().equals(old.get(e.getKey())))
                    .map(e -> afterDir.resolve(fact.table()).resolve(e.getKey())).toList();
            if (gone.size() + came.size() > MAX_CHANGED_SHARE * Math.max(old.size(), now.size())) {
                return Optional.empty();
            }
            if (!gone.isEmpty()) {
                before.put(fact, gone);
            }
            if (!came.isEmpty()) {
                after.put(fact, came);
            }
            shared.put(fact, now.entrySet().stream().filter(e -> e.getValue().equals(old.get(e.getKey())))
                    .map(e -> afterDir.resolve(fact.table()).resolve(e.getKey())).toList());
        }
        return Optional.of(new FactChanges(before, after, shared));
    }

    /** Each Parquet file of a table folder by its relative path, with its identity, size and time; null if unreadable. */
    private static Map<String, String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.fileKey() == null) {
                    return null;
                }
                files.put(folder.relativize(p).toString(), a.fileKey() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            return null;
        }
        return files;
    }
}
