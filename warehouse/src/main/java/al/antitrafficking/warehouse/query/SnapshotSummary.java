package al.antitrafficking.warehouse.query;

import static java.util.Objects.requireNonNull;

/** What a snapshot holds: its id, the months it spans, and how many regional files it took or refused. */
public record SnapshotSummary(String id, String firstMonth, String lastMonth, long filesLoaded, long filesRejected) {
    public SnapshotSummary {
        requireNonNull(id, "id is null");
    }
}
