package al.antitrafficking.warehouse.query;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.disclosure.Cell;
import al.antitrafficking.warehouse.disclosure.CellStatus;

/** One period of a series: the value is null unless the status is PUBLISHED. */
public record Point(String period, Long value, CellStatus status) {
    public Point {
        requireNonNull(period, "period is null");
        requireNonNull(status, "status is null");
    }

    static Point of(String period, Cell cell) {
        return new Point(period, cell.value(), cell.status());
    }
}
