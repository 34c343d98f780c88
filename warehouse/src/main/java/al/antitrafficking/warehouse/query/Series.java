package al.antitrafficking.warehouse.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A named series of points in period order. */
public record Series(String key, List<Point> points) {
    public Series {
        requireNonNull(key, "key is null");
        points = List.copyOf(points);
    }
}
