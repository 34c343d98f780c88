package al.antitrafficking.warehouse.release;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.indicator.FactTable;

/**
 * The rows of one fact placed in periods by one date and counted one way (distinct children or rows). The cells of a
 * family are linked: a county's and Albania's, a month's and its quarter's, a total and its parts. Rows add up
 * exactly; distinct children only where the fact holds one row per child (the pathway), else a child counted in two
 * parts counts once in their total (each part ≤ total ≤ sum of the parts).
 */
public record Family(String id, FactTable fact, String date, boolean children) {
    public Family {
        requireNonNull(id, "id is null");
        requireNonNull(fact, "fact is null");
        requireNonNull(date, "date is null");
    }

    static Family of(FactTable fact, String date, boolean children) {
        boolean distinct = children && !fact.oneRowPerChild();
        return new Family(fact.code() + "." + date + (distinct ? ".children" : ".rows"), fact, date, distinct);
    }

    /** Whether totals are the sums of their parts. */
    public boolean additive() {
        return !children;
    }

    String measureSql() {
        return children ? "count(DISTINCT child_pseudonym)" : "count(*)";
    }
}
