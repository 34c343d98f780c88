package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.config.DuckDbLimits;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.InternalIndicators;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.snapshot.FileLease;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Internal figures for the portal's signed-in roles that may see them: unsuppressed indicators from a published
 * snapshot's facts (the national coordinator), and the ingestion report of every regional file with its quarantined rows
 * counted by rule (the data manager). Never for an anonymous caller, never in a file marked for publication: the portal
 * checks the role, records every use in the audit trail, and marks every answer internal.
 *
 * <p>Each call leases the snapshot (pruning leaves it alone meanwhile) and opens its database read-only, with DuckDB's
 * memory and threads bounded.
 */
public final class InternalAccess {
    private final Snapshots snapshots;
    private final Catalogue catalogue;
    private final Population population;
    private final DuckDbLimits limits;

    public InternalAccess(Path warehouseDir, Catalogue catalogue, Population population, String memoryLimit, int threads) {
        this.snapshots = new Snapshots(warehouseDir);
        this.catalogue = catalogue;
        this.population = population;
        this.limits = new DuckDbLimits(memoryLimit, threads);
    }

    /** What each DuckDB database opened for internal figures may take. */
    public DuckDbLimits limits() {
        return limits;
    }

    /** One file's fate in the snapshot's ingestion, as the ETL reported it (no value of any row). */
    public record FileReport(String fileName, String source, String county, String month, String status, String problem, String message,
                             long rowsIn, long rowsLoaded) {}

    /** Rows of one file quarantined by one rule on one field. */
    public record Quarantined(String file, String field, String rule, long rows) {}

    /** The ingestion report of a snapshot. */
    public record IngestionReport(String snapshot, List<FileReport> files, List<Quarantined> quarantined) {}

    /**
     * One file of a county as the snapshot's ingestion recorded it (its ledger, {@code inputs.csv}: refused files too), with
     * its checksum and its quarantined rows by rule. The quarantine names rows by file name only, and a refused correction
     * shares its name with the file that still holds the slice: the rules are given only where their rows add up to the
     * file's own count of quarantined rows, else left out (the count stays).
     */
    public record FileOutcome(String fileName, String checksum, String status, String problem, String message, long rowsIn, long rowsLoaded,
                              long rowsQuarantined, java.util.Map<String, Long> quarantinedByRule) {}

    /**
     * The fate of each file of one county (of every county when {@code countyCode} is null) in a snapshot, for the receipts
     * of files sent through the portal; no value of any row.
     */
    public List<FileOutcome> fileOutcomes(String snapshotId, String countyCode) {
        Snapshot snapshot = snapshots.find(snapshotId).orElseThrow(() -> new IllegalStateException(
                "Cannot read the ingestion of snapshot " + snapshotId + ": it is no longer kept"));
        List<String[]> ledger = new ArrayList<>();
        try (FileLease lease = snapshots.lease(snapshot);
             java.io.Reader in = java.nio.file.Files.newBufferedReader(snapshot.dir().resolve("inputs.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            for (org.apache.commons.csv.CSVRecord r : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .get().parse(in)) {
                if (countyCode == null || countyCode.equals(r.get("county_code"))) {
                    ledger.add(new String[] {r.get("file_name"), r.get("checksum"), r.get("status"), r.get("problem"), r.get("message"),
                            r.get("rows_in"), r.get("rows_loaded"), r.get("rows_quarantined")});
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the ingestion of snapshot " + snapshotId + ": " + e.getClass().getSimpleName(), e);
        }
        List<String> names = ledger.stream().map(r -> r[0]).distinct().toList();
        java.util.Map<String, java.util.Map<String, Long>> byFile = names.isEmpty() ? java.util.Map.of() : with(snapshotId, c -> {
            java.util.Map<String, java.util.Map<String, Long>> rules = new java.util.HashMap<>();
            try (java.sql.PreparedStatement p = c.prepareStatement("SELECT source_file, rule, count(*) FROM quarantine WHERE source_file IN ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ") GROUP BY ALL ORDER BY 1, 2")) {
                for (int i = 0; i < names.size(); i++) {
                    p.setString(i + 1, names.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rules.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return rules;
        });
        List<FileOutcome> out = new ArrayList<>();
        for (String[] r : ledger) {
            long quarantined = number(r[7]);
            java.util.Map<String, Long> rules = byFile.getOrDefault(r[0], java.util.Map.of());
            boolean adds = quarantined > 0 && rules.values().stream().mapToLong(Long::longValue).sum() == quarantined;
            out.add(new FileOutcome(r[0], r[1], r[2], blank(r[3]), blank(r[4]), number(r[5]), number(r[6]), quarantined,
                    adds ? rules : java.util.Map.of()));
        }
        return out;
    }

    private static long number(String s) {
        return s == null || s.isBlank() ? 0 : Long.parseLong(s.strip());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * An international return for a year counted from the facts of the release's snapshot, unsuppressed: for submission
     * to UNODC or Eurostat by the ministry statistician, never for publication.
     */
    public ReturnAnswers.Return internationalReturn(PublishedRelease release, String snapshotId, String returnId, int year) {
        var returns = catalogue.returns().orElseThrow(() -> new al.antitrafficking.warehouse.indicator.QueryRefusedException(
                "Cannot make the return: the catalogue names no international returns"));
        var r = returns.find(returnId).orElseThrow(() -> new al.antitrafficking.warehouse.indicator.QueryRefusedException(
                "Cannot make the return: no return " + returnId));
        if (!release.returnYears().contains(year)) {
            throw new al.antitrafficking.warehouse.indicator.QueryRefusedException("Cannot make the return: the snapshot covers "
                    + release.firstMonth() + " to " + release.lastMonth() + ", not " + year);
        }
        return with(snapshotId, c -> ReturnAnswers.internal(c, snapshotId, release, returns, r, year, population));
    }

    /** An indicator from the facts of the snapshot, unsuppressed. */
    public IndicatorResult indicator(String snapshotId, IndicatorQuery q) {
        if (q.audience() != Audience.INTERNAL) {
            throw new IllegalArgumentException("Cannot answer a public query from the facts: public figures come from the release");
        }
        return with(snapshotId, c -> new InternalIndicators(catalogue, population, () -> duplicate(c), snapshotId).run(q));
    }

    public IngestionReport ingestion(String snapshotId) {
        return with(snapshotId, c -> {
            List<FileReport> files = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file_name, source, county_code, month, status, "
                    + "problem, message, rows_in, rows_loaded FROM ingest_file ORDER BY source, county_code, month, file_name")) {
                while (rs.next()) {
                    files.add(new FileReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9)));
                }
            }
            List<Quarantined> quarantined = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT source_file, field, rule, count(*) FROM quarantine "
                    + "GROUP BY ALL ORDER BY 1, 2, 3")) {
                while (rs.next()) {
                    quarantined.add(new Quarantined(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return new IngestionReport(snapshotId, files, quarantined);
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T with(String snapshotId, Work<T> work) {
        Snapshot snapshot = snapshots.find(snapshotId).orElseThrow(() -> new IllegalStateException(
                "Cannot open internal figures: the facts of snapshot " + snapshotId + " are no longer kept"));
        try (FileLease lease = snapshots.lease(snapshot)) {
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + snapshot.dir().resolve(Snapshots.DATABASE_FILE), readOnly)) {
                limits.apply(c);
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read internal figures of snapshot " + snapshotId + ": " + e.getMessage(), e);
        }
    }

    private static Connection duplicate(Connection c) {
        try {
            return c.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot query the facts: " + e.getMessage(), e);
        }
    }
}
