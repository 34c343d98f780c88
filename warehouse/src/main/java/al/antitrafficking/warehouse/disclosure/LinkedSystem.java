package al.antitrafficking.warehouse.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one release and the relations a reader knows between them: the model an attacker builds. Each cell
 * has its true count; a cell not reported (no file for its county and month) usually counts nothing, but a pathway cell
 * can count children met there: then a reader does not know it ({@link LinearAuditor#unknown}). Which cells are withheld is decided by
 * {@link Protection} and checked by {@link LinearAuditor}.
 */
public final class LinkedSystem {
    private final long[] truth;
    private final boolean[] notReported;
    private final java.util.BitSet hidden;
    private final List<Relation> relations = new ArrayList<>();
    private final List<List<Integer>> relationsOfCell = new ArrayList<>();
    private final List<String> names;

    public LinkedSystem(long[] truth, boolean[] notReported) {
        this(truth, notReported, new java.util.BitSet());
    }

    /**
     * {@code hidden}: cells never printed (what one figure counts and another does not): a reader knows them only
     * through their relations, so they are always unknowns to the auditor, and a small one must not follow from them.
     */
    public LinkedSystem(long[] truth, boolean[] notReported, java.util.BitSet hidden) {
        this(truth, notReported, hidden, null);
    }

    /**
     * As {@link #LinkedSystem(long[], boolean[], java.util.BitSet)}, with a stable name for each cell (its release key):
     * an auditor that has seen a linked component under these names before, in an earlier layout of the same release,
     * knows its answer without solving it again. Without names, a cell is known by its index.
     */
    public LinkedSystem(long[] truth, boolean[] notReported, java.util.BitSet hidden, List<String> names) {
        if (names != null && names.size() != truth.length) {
            throw new IllegalArgumentException("Cannot make linked system: " + truth.length + " values, " + names.size() + " names");
        }
        this.names = names == null ? null : List.copyOf(names);
        if (truth.length != notReported.length) {
            throw new IllegalArgumentException("Cannot make linked system: " + truth.length + " values, " + notReported.length + " marks");
        }
        this.truth = truth.clone();
        this.notReported = notReported.clone();
        this.hidden = (java.util.BitSet) hidden.clone();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0) {
                throw new IllegalArgumentException("Cannot make linked system: cell " + i + " is negative");
            }
            relationsOfCell.add(new ArrayList<>(2));
        }
    }

    public void add(Relation r) {
        ranks = null;
        int index = relations.size();
        relations.add(r);
        for (int cell : r.cells()) {
            relationsOfCell.get(cell).add(index);
        }
    }

    public int size() {
        return truth.length;
    }

    public long truth(int cell) {
        return truth[cell];
    }

    public boolean notReported(int cell) {
        return notReported[cell];
    }

    /** The cell's stable name (see the constructor), or its index. */
    public String name(int cell) {
        return names == null ? Integer.toString(cell) : names.get(cell);
    }

    /** Whether the cell is never printed. */
    public boolean hidden(int cell) {
        return hidden.get(cell);
    }

    public List<Relation> relations() {
        return relations;
    }

    public Relation relation(int index) {
        return relations.get(index);
    }

    /** The indices of the relations a cell takes part in. */
    public List<Integer> relationsOf(int cell) {
        return relationsOfCell.get(cell);
    }

    /** Cell and relation ranks, worked out at first use after the last relation was added. */
    private record Ranks(int[] cells, int[] relations) {}
    private volatile Ranks ranks;

    /**
     * The cell's place in the order of the cells' names (ties by index). Two layouts of the same release name the same
     * cells alike, so cells ordered by rank come in the same order in both, whatever their indices: an audit that takes
     * cells and relations in this order makes the same programs in both.
     */
    public int cellRank(int cell) {
        return ranks().cells()[cell];
    }

    /** The relation's place in an order that depends only on the names in it: kind, total, then parts in rank order. */
    public int relationRank(int relation) {
        return ranks().relations()[relation];
    }

    private Ranks ranks() {
        Ranks known = ranks;
        return known != null ? known : rank();
    }

    private synchronized Ranks rank() {
        Ranks made = ranks;
        if (made == null) {
            int[] rank = ranksIn(truth.length, java.util.Comparator.comparing(this::name));
            int[][] keys = new int[relations.size()][];
            for (int r = 0; r < keys.length; r++) {
                Relation relation = relations.get(r);
                int[] parts = new int[relation.parts().length];
                for (int p = 0; p < parts.length; p++) {
                    parts[p] = rank[relation.parts()[p]];
                }
                java.util.Arrays.sort(parts);
                int[] key = new int[parts.length + 2];
                key[0] = relation.kind().ordinal();
                key[1] = rank[relation.total()];
                System.arraycopy(parts, 0, key, 2, parts.length);
                keys[r] = key;
            }
            made = new Ranks(rank, ranksIn(keys.length, (a, b) -> java.util.Arrays.compare(keys[a], keys[b])));
            ranks = made;
        }
        return made;
    }

    /** Each of the indices 0..n-1 mapped to its place when the indices are sorted by {@code order}, ties by index. */
    private static int[] ranksIn(int n, java.util.Comparator<Integer> order) {
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        java.util.Arrays.sort(sorted, order.thenComparing(java.util.Comparator.naturalOrder()));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[sorted[i]] = i;
        }
        return rank;
    }
}
