package al.antitrafficking.portal.upload;

import al.antitrafficking.warehouse.release.InternalAccess;
import al.antitrafficking.warehouse.release.InternalAccess.FileOutcome;
import al.antitrafficking.warehouse.release.PublishedReleases;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing of a refused file is kept: a file a clerk sent that passed the portal's checks but that the ingestion run
 * refused (too many rows breaking the contract, say) is taken out of the incoming folder once the release of that run
 * is published; the slice keeps its earlier data, and the receipt says why. Run when the published release changes.
 */
public final class RefusedUploads {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedUploads.class);

    private final Uploads uploads;
    private final PublishedReleases releases;
    private final InternalAccess internal;
    private String sweptRelease;

    public RefusedUploads(Uploads uploads, PublishedReleases releases, InternalAccess internal) {
        this.uploads = uploads;
        this.releases = releases;
        this.internal = internal;
    }

    /** Removes the refused uploads of the published release, once per release; returns how many files were removed. */
    public synchronized int sweep() {
        String release = releases.current().id();
        if (release.equals(sweptRelease)) {
            return 0;
        }
        int removed = 0;
        for (FileOutcome o : UploadController.outcomes(internal, release, null)) {
            if (!"REJECTED".equals(o.status()) || !uploads.receipts().accepted(o.fileName(), o.checksum())) {
                continue;
            }
            try {
                if (uploads.check().forgetRefused(o.fileName(), o.checksum())) {
                    removed++;
                }
            } catch (IOException e) {
                LOG.error("Cannot remove a refused upload from the incoming folder: {}", e.getClass().getSimpleName());
                return removed;
            }
        }
        sweptRelease = release;
        return removed;
    }
}
