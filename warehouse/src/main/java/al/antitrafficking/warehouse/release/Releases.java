package al.antitrafficking.warehouse.release;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.progress.Progress;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.FactChanges;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Building a snapshot's release and writing it into the ledger, with its revision notes: what changed since the
 * previous release (files new, replaced by a correction, withdrawn; cells whose count changed) and why.
 */
public final class Releases {
    private static final String CHECKSUMS = Ledger.CHECKSUMS;

    private Releases() {}

    /** Builds the release of a snapshot whose database is built, and writes it into the ledger (before publishing). */
    public static ReleaseBuilder.Built build(AppConfig config, Snapshot snapshot, Catalogue catalogue, Territory territory) {
        return build(config, snapshot, catalogue, territory, baseDir -> Optional.empty());
    }

    /**
     * As above; {@code knownChanges} gives, for the folder of the base snapshot, the fact files that differ between it and
     * this one when the database build already listed them (else they are listed here).
     */
    public static ReleaseBuilder.Built build(AppConfig config, Snapshot snapshot, Catalogue catalogue, Territory territory,
                                             java.util.function.Function<Path, Optional<FactChanges>> knownChanges) {
        Ledger ledger = new Ledger(config.warehouseDir());
        ledger.recover(snapshot.id());
        Optional<Ledger.Loaded> previous = ledger.previous(snapshot.id());
        ReleaseBuilder builder = new ReleaseBuilder(catalogue, territory, new ReleaseBuilder.Settings(config.disclosureMinCount(),
                config.disclosureMaxSmallShare(), config.disclosureMinimise()));
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + snapshot.dir().resolve(Snapshots.DATABASE_FILE), readOnly)) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET memory_limit = '" + config.warehouseDuckdbMemoryLimit() + "'");
            }
            Optional<ReleaseBuilder.Base> base = base(config, snapshot).map(s -> new ReleaseBuilder.Base(s.dir(), snapshot.dir(),
                    knownChanges.apply(s.dir()), config.warehouseDuckdbMemoryLimit()));
            ReleaseBuilder.Built built = builder.build(snapshot.id(), c, previous, base);
            if (built.stats().unprotected() > 0 || built.stats().auditExposures() > 0) {
                throw new IllegalStateException("Cannot publish release " + snapshot.id() + ": the auditor can narrow down "
                        + built.stats().auditExposures() + " withheld cells; nothing was published");
            }
            // The computed cells kept beside the database and the release written into the ledger are two files of 20 MB of
            // text each, compressed: written at once, on two cores. Neither is public until the snapshot is published; the
            // kept cells (which name the audit the release passed, for the next correction to trust) are put in place
            // only once the ledger holds the release.
            java.util.concurrent.CompletableFuture<Void> kept = java.util.concurrent.CompletableFuture.runAsync(() -> CorrectedCells.writePartial(
                    snapshot.dir(), built.computed().fingerprint(), built.computed().audit(), built.computed().cells()));
            try {
                Map<String, String> files = files(c);
                Map<String, String> before = previous.map(p -> files(ledger.dir(p.id()))).orElse(Map.of());
                int changed = previous.map(p -> changedCells(built, p)).orElse(0);
                ledger.write(built, properties(config, built, previous), notes(built, previous, before, files, changed), files);
                Progress.debug("release: written into the ledger");
            } catch (SQLException | RuntimeException e) {
                // The other file is waited for, not left being written while the caller cleans up; this failure is the one told.
                kept.exceptionally(ignored -> null).join();
                CorrectedCells.discardPartial(snapshot.dir());
                throw e;
            }
            try {
                kept.join();
            } catch (java.util.concurrent.CompletionException e) {
                CorrectedCells.forget(snapshot.dir());
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            CorrectedCells.keep(snapshot.dir());
            Progress.debug("release: computed cells kept");
            return built;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot build release of snapshot " + snapshot.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the published release of {@code snapshot} and the cells kept beside its database into memory, where the next
     * correction finds them unless the files change: the ingestion service calls it while it waits for files. False
     * when the snapshot has no computed cells to read.
     */
    public static boolean prefetch(AppConfig config, Snapshot snapshot) {
        new Ledger(config.warehouseDir()).loadInternal(snapshot.id());
        return CorrectedCells.prefetch(snapshot.dir());
    }

    /**
     * The snapshot a correction is worked out from: that of the release the public saw last before this snapshot's,
     * while it is still on disk with its database.
     */
    public static Optional<Snapshot> base(AppConfig config, Snapshot snapshot) {
        return new Ledger(config.warehouseDir()).previousId(snapshot.id())
                .flatMap(id -> new Snapshots(config.warehouseDir()).find(id))
                .filter(s -> Files.isRegularFile(s.dir().resolve(Snapshots.DATABASE_FILE)));
    }

    /**
     * Publishes a snapshot whose release is in the ledger: the ledger records the release as given to the public, then
     * CURRENT names the snapshot. A build killed between the two leaves the release listed but CURRENT unchanged: readers
     * keep the previous release, and the next build revises the listed one, whose cells a reader may have seen.
     */
    public static void publish(Snapshots snapshots, Ledger ledger, Snapshot snapshot) {
        ledger.markPublished(snapshot.id(), Instant.now());
        snapshots.publish(snapshot);
    }

    /** The build's figures, for the command's output. */
    public static String describe(ReleaseBuilder.Built built) {
        ReleaseBuilder.Stats s = built.stats();
        int reported = s.printed() - s.notReported();
        String computed = built.computed().changedFiles() < 0 ? "computed from all facts"
                : String.format("worked out from the previous snapshot's cells and %d changed fact files", built.computed().changedFiles());
        return String.format("  release %s (" + computed + "): %,d cells printed, %,d not reported, %,d withheld (%.1f %% of the reported): %,d small counts, "
                        + "%,d complementary, %,d carried from the previous release; %,d relations, %,d linear programs; audit: %d exposed, "
                        + "%d components inconsistent with adding up; %.1f s computing, %.1f s protecting, %.1f s auditing",
                built.id(), s.printed(), s.notReported(), s.withheld(), reported == 0 ? 0.0 : 100.0 * s.withheld() / reported, s.small(),
                s.complementary(), s.carried(), s.relations(), s.linearPrograms(), s.auditExposures(), s.inconsistentComponents(),
                s.millisComputing() / 1000.0, s.millisProtecting() / 1000.0, s.millisAuditing() / 1000.0);
    }

    private static Properties properties(AppConfig config, ReleaseBuilder.Built built, Optional<Ledger.Loaded> previous) {
        ReleaseBuilder.Stats s = built.stats();
        Properties p = new Properties();
        p.setProperty("id", built.id());
        p.setProperty("snapshot", built.id());
        p.setProperty("built-at", Instant.now().toString());
        p.setProperty("previous", previous.map(Ledger.Loaded::id).orElse(""));
        p.setProperty("first-month", built.coverage().first().toString());
        p.setProperty("last-month", built.coverage().last().toString());
        p.setProperty("min-count", String.valueOf(config.disclosureMinCount()));
        p.setProperty("deadline-day", String.valueOf(config.deadlineDays()));
        p.setProperty("max-small-share", String.valueOf(config.disclosureMaxSmallShare()));
        p.setProperty("cells-printed", String.valueOf(s.printed()));
        p.setProperty("cells-not-reported", String.valueOf(s.notReported()));
        p.setProperty("cells-withheld", String.valueOf(s.withheld()));
        p.setProperty("files-loaded", String.valueOf(built.submissions().stream().filter(x -> !x.status().equals("REJECTED")).count()));
        p.setProperty("files-rejected", String.valueOf(built.submissions().stream().filter(x -> x.status().equals("REJECTED")).count()));
        return p;
    }

    private static int changedCells(ReleaseBuilder.Built built, Ledger.Loaded previous) {
        // A count, whatever the order: on every core.
        return (int) built.cells().parallelStream().filter(c -> {
            ReleaseCell old = c.key().difference() ? null : previous.cells().get(c.key());
            return old != null && old.truth() != c.truth();
        }).count();
    }

    private static String notes(ReleaseBuilder.Built built, Optional<Ledger.Loaded> previous, Map<String, String> before,
                                Map<String, String> now, int changed) {
        List<String> added = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, String> f : now.entrySet()) {
            if (!before.containsKey(f.getKey())) {
                added.add(f.getKey());
            } else if (!before.get(f.getKey()).equals(f.getValue())) {
                replaced.add(f.getKey());
            }
        }
        new TreeSet<>(before.keySet()).stream().filter(k -> !now.containsKey(k)).forEach(gone::add);
        StringBuilder s = new StringBuilder("# Release ").append(built.id()).append("\n\n");
        s.append("Built from snapshot ").append(built.id()).append(", covering ").append(built.coverage().first()).append(" to ")
                .append(built.coverage().last()).append(".\n");
        if (previous.isEmpty()) {
            s.append("The first release of this warehouse.\n");
        } else {
            s.append("Revises release ").append(previous.get().id()).append(": ").append(changed)
                    .append(" published or withheld figures changed, because of the files below. A figure whose count did not change "
                            + "keeps the status it had, so two releases together tell no more than each alone.\n\n");
            section(s, "Files received since (new months or counties)", added);
            section(s, "Files replaced by a corrected file", replaced);
            section(s, "Slices no longer in the warehouse (withdrawn)", gone);
        }
        ReleaseBuilder.Stats st = built.stats();
        s.append("\n## Disclosure control\n\n").append(String.format("%,d figures printed, %,d withheld (one mark for all), %,d not reported.%n",
                st.printed(), st.withheld(), st.notReported()));
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<String> slices) {
        s.append("## ").append(title).append(" (").append(slices.size()).append(")\n\n");
        slices.forEach(f -> s.append("- ").append(f.replace('|', ' ')).append('\n'));
        s.append('\n');
    }

    /** Each slice the snapshot holds (source|county|month) with the checksum of its file: internal, never published. */
    private static Map<String, String> files(Connection c) throws SQLException {
        Map<String, String> files = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT source, county_code, month, coalesce(checksum, '') FROM ingest_file "
                + "WHERE status IN ('LOADED', 'NIL_RETURN') ORDER BY 1, 2, 3"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                files.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4));
            }
        }
        return files;
    }

    private static Map<String, String> files(Path releaseDir) {
        Map<String, String> files = new LinkedHashMap<>();
        Path file = releaseDir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(file)) {
            return files;
        }
        try (Reader in = Files.newBufferedReader(file, UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                files.put(r.get("slice"), r.get("checksum"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return files;
    }
}
