package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.LinearAuditor;
import al.antitrafficking.warehouse.disclosure.LinkedSystem;
import al.antitrafficking.warehouse.disclosure.Relation;
import al.antitrafficking.warehouse.indicator.ResultRow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker of the tests. It reads public answers as an outsider would (figures, and the one withheld mark), writes
 * down what it knows links them from what the answers mean (a quarter is its months, Albania its counties, a total its
 * groups, a percentage's denominator its numerator and the rest), never from the release's own model, and then bounds
 * every withheld figure with exact linear programs under both of the auditor's assumptions. The true counts it is judged
 * against come from the facts, by the internal route.
 */
final class PublicAttacker {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Long> truth = new ArrayList<>();
    private final BitSet withheld = new BitSet();
    private final BitSet hidden = new BitSet();
    private final List<Relation> relations = new ArrayList<>();

    /**
     * A figure an answer prints, named by what it counts. Read twice (from two answers), it must be printed the same way:
     * the same value, or withheld both times.
     */
    void read(String name, ResultRow row, Long trueCount) {
        boolean published = row.status() == CellStatus.PUBLISHED;
        Integer at = index.get(name);
        if (at != null) {
            assertThat(withheld.get(at)).as("%s withheld in one answer and printed in another", name).isEqualTo(row.status() == CellStatus.WITHHELD);
            if (published) {
                assertThat(row.numerator()).as("%s printed as two values", name).isEqualTo(truth.get(at));
            }
            return;
        }
        int id = add(name, trueCount == null ? 0 : trueCount);
        if (row.status() == CellStatus.WITHHELD) {
            withheld.set(id);
        } else if (published) {
            assertThat(row.numerator()).as("%s published as its true count", name).isEqualTo(trueCount);
        }
    }

    /** A count no answer prints but a reader can relate to printed ones: what a denominator counts beyond its numerator. */
    void unprinted(String name, long trueCount) {
        if (!index.containsKey(name)) {
            hidden.set(add(name, trueCount));
        }
    }

    private int add(String name, long value) {
        int id = truth.size();
        index.put(name, id);
        truth.add(value);
        return id;
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    /** {@code total} is the sum of {@code parts} ({@code exact}), or, for distinct children, within their bounds. */
    void sum(String total, List<String> parts, boolean exact) {
        if (!index.containsKey(total) || parts.isEmpty() || !parts.stream().allMatch(index::containsKey)) {
            return;
        }
        relations.add(new Relation(index.get(total), parts.stream().mapToInt(index::get).toArray(),
                exact ? Relation.Kind.EXACT : Relation.Kind.DISTINCT));
    }

    int withheld() {
        return withheld.cardinality();
    }

    int figures() {
        return index.size();
    }

    /** Every withheld figure the attacker can narrow down, by name, under either assumption. */
    List<String> exposed() {
        long[] values = truth.stream().mapToLong(Long::longValue).toArray();
        LinkedSystem system = new LinkedSystem(values, new boolean[values.length], hidden);
        relations.forEach(system::add);
        LinearAuditor auditor = new LinearAuditor(5, 3);
        Map<Integer, String> names = new HashMap<>();
        index.forEach((n, i) -> names.put(i, n));
        List<String> exposed = new ArrayList<>();
        for (LinearAuditor.Assumption a : LinearAuditor.Assumption.values()) {
            for (LinearAuditor.Exposure e : auditor.audit(system, withheld, a).exposures()) {
                exposed.add(a + " " + names.get(e.cell()) + " (true " + values[e.cell()] + ") in [" + e.min() + ", " + e.max() + "]");
            }
        }
        return exposed;
    }
}
