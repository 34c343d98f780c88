package al.antitrafficking.warehouse.disclosure;

import static java.util.Objects.requireNonNull;

/** One figure as it may leave the warehouse: the value is null unless the status is PUBLISHED. */
public record Cell(Long value, CellStatus status) {
    public Cell {
        requireNonNull(status, "status is null");
        if ((value != null) != (status == CellStatus.PUBLISHED)) {
            throw new IllegalArgumentException("Cannot make cell: value " + value + " with status " + status);
        }
    }

    public static Cell published(long value) {
        return new Cell(value, CellStatus.PUBLISHED);
    }

    public static Cell withheld(CellStatus status) {
        return new Cell(null, status);
    }

    public boolean suppressed() {
        return status == CellStatus.SUPPRESSED_SMALL_COUNT || status == CellStatus.SUPPRESSED_COMPLEMENTARY;
    }
}
