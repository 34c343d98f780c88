package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.disclosure.LinearAuditor;
import al.antitrafficking.warehouse.disclosure.LinkedSystem;
import al.antitrafficking.warehouse.disclosure.Relation;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Municipality;
import al.antitrafficking.warehouse.reference.Territory;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command: audits a published release from its ledger alone (after its facts may be pruned), as an attacker holding it
 * whole: its cells and their relations laid out again, every withheld cell bounded by linear programs under both of the
 * auditor's assumptions, with exact ranges for components up to {@code --exact-limit} cells (default 4,000). With
 * {@code --with-previous}, the release is audited together with the one before it, as an attacker holding both: a cell
 * whose count did not change is one unknown in both. Prints the figures and exits 1 when any cell is exposed.
 *
 * <p>{@code java -cp ... AuditReleaseCommand --warehouse.dir=DIR [--release=ID] [--with-previous] [--exact-limit=N]}
 */
public final class AuditReleaseCommand {
    private AuditReleaseCommand() {}

    /** What an audit found. */
    public record Audit(String release, int cells, int printed, int withheld, int relations, int exposed, int inconsistent,
                        long linearPrograms, long millis) {}

    public static void main(String[] args) {
        try {
            String id = null;
            boolean withPrevious = false;
            int exactLimit = 4000;
            List<String> configArgs = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--release=")) {
                    id = arg.substring("--release=".length());
                } else if (arg.equals("--with-previous")) {
                    withPrevious = true;
                } else if (arg.startsWith("--exact-limit=")) {
                    exactLimit = Integer.parseInt(arg.substring("--exact-limit=".length()));
                } else {
                    configArgs.add(arg);
                }
            }
            AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
            Ledger ledger = new Ledger(config.warehouseDir());
            List<String> ids = ledger.publishedIds();
            if (ids.isEmpty()) {
                throw new IllegalStateException("Cannot audit: no release in " + config.warehouseDir());
            }
            String release = id != null ? id : ids.get(ids.size() - 1);
            Audit audit = audit(config, ledger, release, withPrevious, exactLimit);
            System.out.printf("Release %s%s: %,d cells (%,d printed), %,d withheld, %,d relations; %,d exposed, %d components inconsistent with "
                            + "adding up; %,d linear programs in %.1f s%n", audit.release(), withPrevious ? " with the release before it" : "",
                    audit.cells(), audit.printed(), audit.withheld(), audit.relations(), audit.exposed(), audit.inconsistent(),
                    audit.linearPrograms(), audit.millis() / 1000.0);
            if (audit.exposed() > 0) {
                System.exit(1);
            }
        } catch (RuntimeException e) {
            System.err.println("Audit failed: " + FailureText.of(e));
            System.exit(2);
        }
    }

    /** Audits a release of the ledger, alone or with the one before it. */
    public static Audit audit(AppConfig config, Ledger ledger, String id, boolean withPrevious, int exactLimit) {
        long started = System.nanoTime();
        Catalogue catalogue = Catalogue.load(config.catalogueFile());
        Territory territory = Territory.load(config.referenceDir());
        ReleasePlan plan = ReleasePlan.of(catalogue);
        Laid now = layOut(ledger, id, plan, territory, config.disclosureMinCount());
        LinkedSystem system = now.system();
        BitSet withheld = now.withheld();
        if (withPrevious) {
            String previous = ledger.properties(id).getProperty("previous", "");
            if (previous.isEmpty()) {
                throw new IllegalStateException("Cannot audit release " + id + " with the one before it: it is the first");
            }
            Laid before = layOut(ledger, previous, plan, territory, config.disclosureMinCount());
            Joined joined = join(now, before);
            system = joined.system();
            withheld = joined.withheld();
        }
        LinearAuditor auditor = new LinearAuditor(config.disclosureMinCount(), 3, exactLimit);
        LinearAuditor.Report report = auditor.auditBoth(system, withheld, withheld);
        int exposed = report.exposures().size();
        int inconsistent = report.inconsistentComponents();
        long programs = report.linearPrograms();
        int printed = (int) now.tabulation().cells.keys.stream().filter(k -> !k.difference()).count();
        return new Audit(id, system.size(), printed, withheld.cardinality(), system.relations().size(), exposed, inconsistent, programs,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A release laid out again from the ledger, its system, and which of its cells are withheld. */
    private record Laid(Tabulation tabulation, LinkedSystem system, BitSet withheld) {}

    private static Laid layOut(Ledger ledger, String id, ReleasePlan plan, Territory territory, int minCount) {
        Ledger.Loaded internal = ledger.loadInternal(id);
        List<ReleaseBuilder.Submission> submissions = readSubmissions(ledger, id);
        List<String> counties = territory.counties().stream().map(County::code).toList();
        Map<String, List<String>> municipalities = new LinkedHashMap<>();
        counties.forEach(c -> municipalities.put(c, territory.municipalitiesOf(c).stream().map(Municipality::code).sorted().toList()));
        Tabulation tabulation = Tabulation.fromLedger(new Tabulation.Places(counties, municipalities), ReleaseBuilder.coverage(submissions),
                minCount, plan, internal, ledger.tables(id));
        LinkedSystem system = new Relations(tabulation).system();
        BitSet withheld = new BitSet();
        for (int i = 0; i < tabulation.cells.size(); i++) {
            ReleaseCell cell = internal.cells().get(tabulation.cells.keys.get(i));
            if (cell != null && cell.withheld()) {
                withheld.set(i);
            }
        }
        return new Laid(tabulation, system, withheld);
    }

    private static List<ReleaseBuilder.Submission> readSubmissions(Ledger ledger, String id) {
        List<ReleaseBuilder.Submission> all = new ArrayList<>();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(ledger.dir(id).resolve(Ledger.SUBMISSIONS))) {
            for (var r : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                all.add(new ReleaseBuilder.Submission(r.get("source"), r.get("county"), r.get("month"), r.get("status"), r.get("received_at"),
                        r.get("problem")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read release " + id, e);
        }
        return all;
    }

    /** Two releases as one system: a cell whose count did not change is one cell of both; the old release's others apart. */
    private record Joined(LinkedSystem system, BitSet withheld) {}

    private static Joined join(Laid now, Laid before) {
        Tabulation.CellSet a = now.tabulation().cells;
        Tabulation.CellSet b = before.tabulation().cells;
        int[] map = new int[b.size()];
        List<Long> truth = new ArrayList<>(a.truth);
        List<Boolean> notReported = new ArrayList<>();
        BitSet hidden = new BitSet();
        BitSet withheld = (BitSet) now.withheld().clone();
        for (int i = 0; i < a.size(); i++) {
            notReported.add(a.notReported.get(i));
            if (a.keys.get(i).difference()) {
                hidden.set(i);
            }
        }
        Map<CellKey, Integer> index = new HashMap<>(a.index);
        for (int j = 0; j < b.size(); j++) {
            Integer same = index.get(b.keys.get(j));
            if (same != null && a.truth.get(same).equals(b.truth.get(j))) {
                map[j] = same;
                continue;
            }
            map[j] = truth.size();
            truth.add(b.truth.get(j));
            notReported.add(b.notReported.get(j));
            if (b.keys.get(j).difference()) {
                hidden.set(map[j]);
            }
            if (before.withheld().get(j)) {
                withheld.set(map[j]);
            }
        }
        long[] values = truth.stream().mapToLong(Long::longValue).toArray();
        boolean[] unreported = new boolean[values.length];
        for (int i = 0; i < unreported.length; i++) {
            unreported[i] = notReported.get(i);
        }
        LinkedSystem joined = new LinkedSystem(values, unreported, hidden);
        now.system().relations().forEach(joined::add);
        for (Relation r : before.system().relations()) {
            int[] parts = new int[r.parts().length];
            for (int k = 0; k < parts.length; k++) {
                parts[k] = map[r.parts()[k]];
            }
            joined.add(new Relation(map[r.total()], parts, r.kind()));
        }
        return new Joined(joined, withheld);
    }
}
