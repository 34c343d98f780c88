package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.disclosure.LinearAuditor;
import al.antitrafficking.warehouse.disclosure.LinkedSystem;
import al.antitrafficking.warehouse.disclosure.Protection;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.FactTable;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Municipality;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.FactChanges;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the one protected public release of a snapshot, at warehouse build: computes every cell of the table set the
 * catalogue decides ({@link ReleasePlan}), lays them out at the finest safe grain ({@link Tabulation}), links them
 * ({@link Relations}), decides what is withheld ({@link Protection}) keeping the previous release's pattern where the
 * data did not change, and audits the result as a whole under both of the auditor's assumptions.
 */
public final class ReleaseBuilder {
    /** Knobs of the protection, from configuration. */
    public record Settings(int minCount, double maxSmallShare, boolean minimise) {}

    /** What the build made: the cells with their statuses, the tables' layouts, and the figures of the build. */
    public record Built(String id, List<ReleaseCell> cells, List<TableLayout> tables, Tabulation.Coverage coverage,
                        List<Submission> submissions, Stats stats, Computed computed, List<String> dropped) {}

    /**
     * The tables' computed cells, kept beside the snapshot's database for the next correction; {@code changedFiles}: when
     * they were worked out from the previous snapshot's, how many fact files differed (else -1: computed from all facts).
     */
    public record Computed(String fingerprint, Map<String, List<CellComputer.Raw>> cells, int changedFiles, String audit) {
        /** Every computed cell as one line (table, key, count, rows, median), sorted: for comparing two computations. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            cells.forEach((table, raws) -> raws.forEach(r -> lines.add(table + "|" + r.key().replace('\u0001', ',') + " = " + r.count()
                    + " in " + r.rows() + " rows" + (r.median() == null ? "" : ", median " + r.median()))));
            java.util.Collections.sort(lines);
            return lines;
        }
    }

    /**
     * The snapshot a correction is worked out from: its folder, the corrected snapshot's folder, and the fact files that
     * differ between them when the database build already listed them; {@code memoryLimit}: how much memory the
     * correction's own DuckDB database (which attaches both snapshots) may take, as DuckDB's memory_limit reads it (the
     * warehouse's limit: without one DuckDB would take up to 80 % of the machine's memory).
     */
    public record Base(java.nio.file.Path before, java.nio.file.Path after, Optional<FactChanges> changes, String memoryLimit) {
        public Base {
            java.util.Objects.requireNonNull(memoryLimit, "memoryLimit is null");
        }
    }

    /** One regional file as the completeness view shows it: no counts, only whether and when it came, and a refusal's reason code. */
    public record Submission(String source, String county, String month, String status, String receivedAt, String problem) {}

    /** A table's published layout: its levels' finest grains and its split dimensions' values. */
    public record TableLayout(ReleaseTable table, Map<Level, PeriodType> grains, List<List<String>> domains) {}

    /** Figures of one build, for the build's output, the ledger and docs. */
    public record Stats(int cells, int printed, int notReported, int withheld, int small, int complementary, int carried,
                        int unprotected, int relations, long linearPrograms, int rounds, int auditExposures, int inconsistentComponents,
                        long millisComputing, long millisProtecting, long millisAuditing, int rechecked) {}

    /** Rounds of audit and partners before a table that cannot be protected is published coarser. */
    private static final int MAX_ROUNDS = 2;
    private static final int MAX_ATTEMPTS = 30;
    /** The share of a table's non-zero cells that may be withheld before it is published coarser. */
    private static final double CROWDED = 0.2;

    private final ReleasePlan plan;
    private final Territory territory;
    private final Settings settings;

    public ReleaseBuilder(Catalogue catalogue, Territory territory, Settings settings) {
        this.plan = ReleasePlan.of(catalogue);
        this.territory = territory;
        this.settings = settings;
    }

    public ReleasePlan plan() {
        return plan;
    }

    /** Builds the release of the snapshot whose database {@code c} reads; {@code previous}: the release before it, if any. */
    public Built build(String id, Connection c, Optional<Ledger.Loaded> previous) throws SQLException {
        return build(id, c, previous, Optional.empty());
    }

    /**
     * As {@link #build(String, Connection, Optional)}; with a {@code base} (the snapshot of the previous release, still
     * on disk with its computed cells), a correction: the cells are worked out from the base's for the fact files that
     * changed ({@link CorrectedCells}), and protection and audit look again only at the linked components the changed
     * cells touch; the rest keep the pattern the previous release was audited with. Where any of that does not hold
     * (no base cells, other windows, a table laid out anew), everything is computed and audited.
     */
    public Built build(String id, Connection c, Optional<Ledger.Loaded> previous, Optional<Base> base) throws SQLException {
        long start = System.nanoTime();
        debug("release build starts");
        List<Submission> submissions = submissions(c);
        Tabulation.Coverage coverage = coverage(submissions);
        Map<String, PeriodType> keptGrains = previous.map(Ledger.Loaded::grains).orElse(Map.of());
        CellComputer computer = new CellComputer(plan);
        String fingerprint = CorrectedCells.fingerprint(plan, coverage.windows());
        Map<String, List<CellComputer.Raw>> computedCells = null;
        int changedFiles = -1;
        String baseAudit = null;
        if (base.isPresent() && previous.isPresent()) {
            al.antitrafficking.warehouse.progress.Progress.stage("release: working out the corrected cells", 0, "");
            Optional<CorrectedCells.Kept> before = CorrectedCells.read(base.get().before(), fingerprint);
            debug("base cells read");
            Optional<FactChanges> changes = before.isPresent()
                    ? base.get().changes().or(() -> FactChanges.between(base.get().before(), base.get().after())) : Optional.empty();
            if (changes.isPresent()) {
                baseAudit = before.get().audit();
                Optional<Map<String, List<CellComputer.Raw>>> corrected = CorrectedCells.compute(plan, computer, base.get().before(),
                        base.get().after(), changes.get(), before.get().cells(), coverage.windows(), base.get().memoryLimit());
                if (corrected.isPresent()) {
                    computedCells = corrected.get();
                    changedFiles = changes.get().count();
                }
            }
        }
        if (computedCells == null) {
            computedCells = new LinkedHashMap<>();
            al.antitrafficking.warehouse.progress.Progress.stage("release: computing the tables", plan.tables().size(), "tables");
            Map<FactTable, String> copies = copyFacts(c);
            for (ReleaseTable t : plan.tables()) {
                long tableStart = System.nanoTime();
                FactTable fact = t.family().fact();
                computedCells.put(t.id(), computer.compute(c, t, coverage.windows(), copies.getOrDefault(fact, fact.table())));
                if (Boolean.getBoolean("release.debug")) {
                    System.err.printf("computed %s (%s, rolling %s) in %d ms%n", t.id(), t.levels(), t.rolling(), (System.nanoTime() - tableStart) / 1_000_000);
                }
                al.antitrafficking.warehouse.progress.Progress.step(1);
            }
            dropCopies(c, copies);
        }
        List<Map.Entry<ReleaseTable, List<CellComputer.Raw>>> raws = new ArrayList<>();
        for (ReleaseTable t : plan.tables()) {
            raws.add(Map.entry(t, computedCells.get(t.id())));
        }
        boolean local = changedFiles >= 0 && !settings.minimise();
        long computed = System.nanoTime();

        // Protect; where the cells of a table cannot be protected within a few rounds, publish that table coarser at
        // that level (months to quarters to years, then not at all) and start again.
        Protection protection = new Protection(settings.minCount(), settings.minimise(), !local);
        Map<String, Optional<PeriodType>> coarsened = new HashMap<>();
        Tabulation tabulation;
        LinkedSystem system;
        Protection.Result result;
        java.util.BitSet scope;
        String auditFingerprint;
        int attempts = 0;
        while (true) {
            attempts++;
            tabulation = new Tabulation(places(), coverage, settings.minCount(), settings.maxSmallShare(), keptGrains,
                    previous.map(Ledger.Loaded::dropped).orElse(java.util.Set.of()));
            for (Map.Entry<ReleaseTable, List<CellComputer.Raw>> raw : raws) {
                tabulation.add(raw.getKey(), raw.getValue());
            }
            tabulation.layOut(coarsened);
            debug("laid out");
            system = new Relations(tabulation).system();
            debug("linked");
            auditFingerprint = auditFingerprint(system, tabulation.cells, settings);
            debug("audit fingerprint");
            Protection.Carried carried = carried(tabulation.cells, previous);
            // A table whose cells would be mostly withheld even before any audit is published coarser at once: the audits of
            // a table of marks cost the most and tell a reader the least.
            Map<String, Optional<PeriodType>> crowded = crowded(tabulation, protection.lowerBound(system, carried));
            debug("crowded tables checked");
            if (!crowded.isEmpty() && attempts < MAX_ATTEMPTS) {
                coarsened.putAll(crowded);
                continue;
            }
            al.antitrafficking.warehouse.progress.Progress.stage(String.format(java.util.Locale.ROOT,
                    "release: protecting, attempt %d (%,d cells)", attempts, system.size()), 0, "linear programs");
            // A correction looks again only around what changed, and only while the previous release was audited under the
            // same rules: the same settings, auditor and relations in cell keys, so the same layout (a stricter minimum
            // count, a relation added or a table published coarser must see every component again).
            scope = local && auditFingerprint.equals(baseAudit)
                    ? changedScope(tabulation.cells, system, previous.get()) : null;
            debug("scope: " + (scope == null ? "all" : scope.cardinality() + " cells") + " (correction " + local + ", same audit "
                    + auditFingerprint.equals(baseAudit) + ")");
            result = protection.protect(system, carried, MAX_ROUNDS, scope);
            debug("protected");
            if (result.complete() || attempts > MAX_ATTEMPTS) {
                break;
            }
            // The small counts are the cause; complementary cells left exposed follow from them.
            Protection.Reason[] reasons = result.reasons();
            boolean small = result.unprotected().stream().anyMatch(cell -> reasons[cell] == Protection.Reason.SMALL_COUNT);
            for (int cell : result.unprotected()) {
                if (!small || reasons[cell] == Protection.Reason.SMALL_COUNT) {
                    coarsen(tabulation, cell, coarsened);
                }
            }
            if (Boolean.getBoolean("release.debug")) {
                Tabulation tb = tabulation;
                System.err.println("attempt " + attempts + ": " + result.unprotected().size() + " unprotected; e.g. "
                        + result.unprotected().stream().limit(8).map(i -> tb.cells.keys.get(i) + "=" + reasons[i]).toList()
                        + "; coarsened " + coarsened);
            }
        }
        long protectedAt = System.nanoTime();

        int exposures = 0;
        int inconsistent = 0;
        long programs = result.linearPrograms();
        al.antitrafficking.warehouse.progress.Progress.stage("release: auditing as an attacker would", 0, "linear programs");
        java.util.BitSet audited = scope == null ? result.withheld() : finalScope(scope, tabulation.cells, result.withheld(), previous.get());
        if (scope != null && result.settledAt() != null && covers(result.settledAt(), audited)) {
            // A correction whose carried pattern passed at once: the protection's one audit, under both assumptions, was of
            // the final pattern over every component the audit here would look at: the same programs, the same answer.
            inconsistent = result.settledInconsistent();
        } else {
            // An auditor of its own, that remembers nothing of the protection's audits: every component is solved again.
            LinearAuditor auditor = Protection.freshAuditor(settings.minCount());
            LinearAuditor.Report report = auditor.auditBoth(system, result.withheld(), audited);
            exposures += report.exposures().size();
            inconsistent += report.inconsistentComponents();
            programs += report.linearPrograms();
        }
        long auditedAt = System.nanoTime();

        List<ReleaseCell> cells = new ArrayList<>();
        Tabulation.CellSet set = tabulation.cells;
        int printed = 0;
        int notReported = 0;
        int withheldPrinted = 0;
        for (int i = 0; i < set.size(); i++) {
            ReleaseCell cell = new ReleaseCell(set.keys.get(i), set.truth.get(i), set.medians.get(i),
                    set.notReported.get(i) ? ReleaseCell.Status.NOT_REPORTED
                            : result.withheld().get(i) ? ReleaseCell.Status.WITHHELD : ReleaseCell.Status.PUBLISHED,
                    result.reasons()[i]);
            cells.add(cell);
            if (!cell.key().difference()) {
                printed++;
                notReported += cell.status() == ReleaseCell.Status.NOT_REPORTED ? 1 : 0;
                withheldPrinted += cell.status() == ReleaseCell.Status.WITHHELD ? 1 : 0;
            }
        }
        List<TableLayout> tables = new ArrayList<>();
        tabulation.layouts.values().forEach(l -> tables.add(new TableLayout(l.table, Map.copyOf(l.grains), l.domains)));
        Stats stats = new Stats(set.size(), printed, notReported, withheldPrinted, result.count(Protection.Reason.SMALL_COUNT),
                result.count(Protection.Reason.COMPLEMENTARY), result.count(Protection.Reason.CARRIED), result.unprotected().size(),
                system.relations().size(), programs, result.rounds(), exposures, inconsistent, (computed - start) / 1_000_000,
                (protectedAt - computed) / 1_000_000, (auditedAt - protectedAt) / 1_000_000, scope == null ? -1 : scope.cardinality());
        List<String> dropped = new ArrayList<>();
        for (ReleaseTable t : plan.tables()) {
            for (Level level : t.levels()) {
                if (tabulation.grain(Tabulation.grainKey(t, level)).isEmpty()) {
                    dropped.add(Tabulation.grainKey(t, level));
                }
            }
        }
        return new Built(id, cells, tables, coverage, submissions, stats, new Computed(fingerprint, computedCells, changedFiles, auditFingerprint),
                dropped);
    }

    /** Bump when the protection, the auditor or the relations would decide otherwise for the same cells. */
    static final int AUDIT_VERSION = 11;

    /**
     * What a release's audit depended on besides its cells' counts and statuses: the settings, the version of the
     * protection and audit, and every relation in cell keys (in no particular order). Two releases with the same
     * fingerprint audit a component of the same cells the same way.
     */
    static String auditFingerprint(LinkedSystem system, Tabulation.CellSet set, Settings settings) {
        // A cell is in many relations: its key in words is made once, in words no other key shares, each of which reads
        // one way only, so a relation's words run together name its total and parts and nothing else. Sums and
        // exclusive ors do not depend on the order, so the relations are digested on every core.
        String[] names = new String[set.size()];
        java.util.stream.IntStream.range(0, names.length).parallel().forEach(i -> names[i] = set.keys.get(i).unambiguous());
        ThreadLocal<java.security.MessageDigest> digests = ThreadLocal.withInitial(ReleaseBuilder::sha256);
        long[] hashes = system.relations().parallelStream().map(r -> {
            List<String> parts = new ArrayList<>();
            for (int p : r.parts()) {
                parts.add(names[p]);
            }
            java.util.Collections.sort(parts);
            byte[] d = digests.get().digest((r.kind() + ":" + names[r.total()] + "=" + String.join("", parts))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new long[] {java.nio.ByteBuffer.wrap(d).getLong(), java.nio.ByteBuffer.wrap(d, 8, 8).getLong()};
        }).reduce(new long[] {0, 0}, (a, b) -> new long[] {a[0] + b[0], a[1] ^ b[1]});
        long sum = hashes[0];
        long xor = hashes[1];
        return String.format(java.util.Locale.ROOT, "v%d|min-count %d|max-small-share %s|minimise %s|exact %d|%d relations|%016x%016x",
                AUDIT_VERSION, settings.minCount(), settings.maxSmallShare(), settings.minimise(), Protection.EXACT_LIMIT,
                system.relations().size(), sum, xor);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each regional fact the tables count, read once from its Parquet slices into a temporary table of this connection:
     * every table then scans memory rather than opening every slice file again (a fact is one view over hundreds or
     * thousands of small files, and the plan computes a hundred tables and their windows). DuckDB keeps a temporary
     * table within its memory limit and spills the rest to its temporary folder. The pathway is a table already.
     */
    private Map<FactTable, String> copyFacts(Connection c) throws SQLException {
        Map<FactTable, String> copies = new java.util.EnumMap<>(FactTable.class);
        try (java.sql.Statement s = c.createStatement()) {
            for (ReleaseTable t : plan.tables()) {
                FactTable fact = t.family().fact();
                if (fact.oneRowPerChild() || copies.containsKey(fact)) {
                    continue;
                }
                String copy = "release_" + fact.table();
                s.execute("CREATE OR REPLACE TEMP TABLE " + copy + " AS SELECT * FROM " + fact.table());
                copies.put(fact, copy);
            }
        }
        debug("facts copied " + copies.keySet());
        return copies;
    }

    private static void dropCopies(Connection c, Map<FactTable, String> copies) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            for (String copy : copies.values()) {
                s.execute("DROP TABLE IF EXISTS " + copy);
            }
        }
    }

    private static void debug(String what) {
        al.antitrafficking.warehouse.progress.Progress.debug("release: " + what);
    }

    /**
     * The cells whose linked components a correction must protect and audit again: every cell that is new, whose count
     * changed or that became reported or not, with every cell of its relations (a component none of them touches holds
     * the same unknowns under the same known values as in the previous release, which passed the audit). Null, meaning
     * everything, when a cell of the previous release is no longer laid out: its relations changed without a changed cell.
     */
    private static java.util.BitSet changedScope(Tabulation.CellSet set, LinkedSystem system, Ledger.Loaded previous) {
        Map<CellKey, ReleaseCell> before = previous.cells();
        if (before.size() > set.size()) {
            return null;
        }
        java.util.BitSet scope = new java.util.BitSet(set.size());
        int kept = 0;
        for (int i = 0; i < set.size(); i++) {
            ReleaseCell old = before.get(set.keys.get(i));
            kept += old == null ? 0 : 1;
            boolean changed = old == null || old.truth() != set.truth.get(i)
                    || (old.status() == ReleaseCell.Status.NOT_REPORTED) != set.notReported.get(i);
            if (changed) {
                scope.set(i);
                for (int r : system.relationsOf(i)) {
                    for (int other : system.relation(r).cells()) {
                        scope.set(other);
                    }
                }
            }
        }
        return kept == before.size() ? scope : null;
    }

    /** Whether every cell of {@code cells} is in {@code scope}. */
    private static boolean covers(java.util.BitSet scope, java.util.BitSet cells) {
        java.util.BitSet outside = (java.util.BitSet) cells.clone();
        outside.andNot(scope);
        return outside.isEmpty();
    }

    /** The scope of the final audit: the protection's, and every cell whose status is not the previous release's. */
    private static java.util.BitSet finalScope(java.util.BitSet scope, Tabulation.CellSet set, java.util.BitSet withheld,
                                               Ledger.Loaded previous) {
        java.util.BitSet all = (java.util.BitSet) scope.clone();
        Map<CellKey, ReleaseCell> before = previous.cells();
        for (int i = 0; i < set.size(); i++) {
            ReleaseCell old = before.get(set.keys.get(i));
            if (old == null || old.withheld() != withheld.get(i)) {
                all.set(i);
            }
        }
        return all;
    }

    /**
     * Publishes the table a cell the protection could not protect belongs to one grain coarser at the cell's level:
     * the table with the finest grain there, since it is the one whose cells are smallest.
     */
    private static void coarsen(Tabulation tabulation, int cell, Map<String, Optional<PeriodType>> coarsened) {
        String finest = null;
        PeriodType finestGrain = null;
        for (String owner : tabulation.ownersOf(cell)) {
            PeriodType grain = tabulation.grain(owner).orElse(null);
            boolean finer = finestGrain == null || grain != null && (grain.ordinal() < finestGrain.ordinal()
                    || grain == finestGrain && splits(owner) > splits(finest));
            if (grain != null && finer) {
                finest = owner;
                finestGrain = grain;
            }
        }
        if (finest == null) {
            return;
        }
        Optional<PeriodType> next = switch (finestGrain) {
            case MONTH -> Optional.of(PeriodType.QUARTER);
            case QUARTER -> Optional.of(PeriodType.YEAR);
            default -> Optional.empty();
        };
        coarsened.put(finest, next);
    }

    /**
     * The tables (id|level) more than {@link #CROWDED} of whose printed non-zero cells are withheld (by year, more than
     * {@link Tabulation#YEARLY_SMALL_SHARE}), each one grain coarser.
     */
    private static Map<String, Optional<PeriodType>> crowded(Tabulation tabulation, java.util.BitSet withheld) {
        Map<String, long[]> counts = new HashMap<>();
        for (int i = 0; i < tabulation.cells.size(); i++) {
            if (tabulation.cells.keys.get(i).difference() || tabulation.cells.notReported.get(i) || tabulation.cells.truth.get(i) == 0) {
                continue;
            }
            for (String owner : tabulation.ownersOf(i)) {
                long[] c = counts.computeIfAbsent(owner, k -> new long[2]);
                c[0]++;
                c[1] += withheld.get(i) ? 1 : 0;
            }
        }
        Map<String, Optional<PeriodType>> crowded = new HashMap<>();
        counts.forEach((owner, c) -> tabulation.grain(owner).ifPresent(g -> {
            // By year, a table's last grain, it goes only when most of it would be withheld: a rare value (three children
            // of a form of exploitation in a year) is withheld with its complement, not the whole breakdown with it.
            double share = g == PeriodType.YEAR ? Tabulation.YEARLY_SMALL_SHARE : CROWDED;
            if (c[1] > share * c[0]) {
                crowded.put(owner, switch (g) {
                    case MONTH -> Optional.of(PeriodType.QUARTER);
                    case QUARTER -> Optional.of(PeriodType.YEAR);
                    default -> Optional.empty();
                });
            }
        }));
        // Albania's totals are published by year whatever it takes.
        crowded.entrySet().removeIf(e -> e.getValue().isEmpty() && e.getKey().endsWith("||ALBANIA"));
        return crowded;
    }

    /** How many dimensions a table (id|level) splits by: of two tables, the more detailed one is coarsened first. */
    private static int splits(String tableAndLevel) {
        String table = tableAndLevel.substring(0, tableAndLevel.lastIndexOf('|'));
        String splits = table.substring(table.lastIndexOf('|') + 1);
        return splits.isEmpty() ? 0 : splits.split(",").length;
    }

    /** The previous release's pattern where the data did not change: withheld stays withheld, published stays published. */
    private static Protection.Carried carried(Tabulation.CellSet set, Optional<Ledger.Loaded> previous) {
        Protection.Carried carried = Protection.Carried.none();
        if (previous.isEmpty()) {
            return carried;
        }
        Map<CellKey, ReleaseCell> before = previous.get().cells();
        for (int i = 0; i < set.size(); i++) {
            ReleaseCell old = before.get(set.keys.get(i));
            if (old != null && old.truth() == set.truth.get(i)) {
                if (old.withheld()) {
                    carried.withheld().set(i);
                } else if (old.status() == ReleaseCell.Status.PUBLISHED) {
                    carried.published().set(i);
                }
            }
        }
        return carried;
    }

    private Tabulation.Places places() {
        List<String> counties = territory.counties().stream().map(County::code).toList();
        Map<String, List<String>> municipalities = new LinkedHashMap<>();
        for (String county : counties) {
            municipalities.put(county, territory.municipalitiesOf(county).stream().map(Municipality::code).sorted().toList());
        }
        return new Tabulation.Places(counties, municipalities);
    }

    /** Every regional file the snapshot's run saw, without its counts. */
    private static List<Submission> submissions(Connection c) throws SQLException {
        List<Submission> all = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT source, county_code, month, status, received_at, problem FROM ingest_file "
                + "WHERE month IS NOT NULL AND county_code IS NOT NULL ORDER BY source, county_code, month");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                all.add(new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return all;
    }

    static Tabulation.Coverage coverage(List<Submission> submissions) {
        Set<String> reported = new HashSet<>();
        YearMonth first = null;
        YearMonth last = null;
        for (Submission s : submissions) {
            YearMonth month = YearMonth.parse(s.month());
            first = first == null || month.isBefore(first) ? month : first;
            last = last == null || month.isAfter(last) ? month : last;
            if (s.status().equals("LOADED") || s.status().equals("NIL_RETURN")) {
                reported.add(Tabulation.Coverage.key(s.source(), s.county(), month));
                reported.add(Tabulation.Coverage.key("*", s.county(), month));
            }
        }
        if (first == null) {
            YearMonth now = YearMonth.now();
            return new Tabulation.Coverage(now, now, reported);
        }
        return new Tabulation.Coverage(first, last, reported);
    }
}
