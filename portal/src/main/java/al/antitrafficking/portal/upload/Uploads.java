package al.antitrafficking.portal.upload;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.intake.ClerkUpload;
import al.antitrafficking.warehouse.intake.UploadReceipts;
import java.time.LocalTime;

/**
 * What the portal needs for data clerks' files: the check by the incoming folder's rules ({@link ClerkUpload}), the
 * receipts kept in the operational store, and the time of day the scheduled ingestion run publishes their figures.
 */
public record Uploads(ClerkUpload check, UploadReceipts receipts, LocalTime dailyRunAt) {
    public Uploads {
        requireNonNull(check, "check is null");
        requireNonNull(receipts, "receipts is null");
        requireNonNull(dailyRunAt, "dailyRunAt is null");
    }
}
