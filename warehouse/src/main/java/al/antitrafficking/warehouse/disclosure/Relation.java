package al.antitrafficking.warehouse.disclosure;

/**
 * What a reader knows links cells: a total and its parts. Cells are indices into a {@link LinkedSystem}.
 */
public record Relation(int total, int[] parts, Kind kind) {
    public enum Kind {
        /** The total is the sum of the parts (rows, or children counted once each). */
        EXACT,
        /** Distinct children, who may be counted in several parts: each part at most the total, the total at most their sum. */
        DISTINCT,
        /**
         * A sum that follows from other relations only if children are counted once (what one figure counts and another
         * does not, over a quarter and its months): used by the attacker who assumes counts add up, not otherwise.
         */
        IF_ADDITIVE
    }

    public Relation {
        if (parts.length == 0) {
            throw new IllegalArgumentException("Cannot make relation: no parts");
        }
        parts = parts.clone();
    }

    public boolean exact() {
        return kind == Kind.EXACT;
    }

    /** The cells of the relation, the total first. */
    public int[] cells() {
        int[] all = new int[parts.length + 1];
        all[0] = total;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return all;
    }
}
