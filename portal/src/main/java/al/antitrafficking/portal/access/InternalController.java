package al.antitrafficking.portal.access;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.release.InternalAccess;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/**
 * Internal figures over HTTP, for the roles that may see them only (the route table checks the capability): unsuppressed
 * indicators for the national coordinator, with a stated reason, and the ingestion report for the data manager. Every
 * answer says it is internal and carries the banner the page shows; every use is in the audit trail. The only file of
 * internal figures is an international return for submission (ReturnsController), marked internal on its first line.
 */
public final class InternalController {
    static final String BANNER = "INTERNAL: unsuppressed figures, not for publication";

    private final PublishedReleases releases;
    private final InternalAccess internal;
    private final AuditLog audit;

    public InternalController(PublishedReleases releases, InternalAccess internal, AuditLog audit) {
        this.releases = releases;
        this.internal = internal;
        this.audit = audit;
    }

    /** An internal answer: its banner, why it was asked, and the figures. */
    public record Internal<T>(String audience, String banner, String reason, String snapshot, T answer) {}

    public void indicator(Context ctx) {
        String reason = reason(ctx);
        PublishedRelease release = releases.current();
        IndicatorResult result = internal.indicator(release.id(), Requests.indicatorQuery(ctx, release.lastMonth(), Audience.INTERNAL));
        audit.record(ctx, AuditEvent.INTERNAL_FIGURES, "indicator " + ctx.pathParam("id"), ctx.queryString(), release.id());
        ctx.header("X-Audience", "internal");
        ctx.json(new Internal<>("INTERNAL", BANNER, reason, release.id(), result));
    }

    public void ingestion(Context ctx) {
        PublishedRelease release = releases.current();
        InternalAccess.IngestionReport report = internal.ingestion(release.id());
        audit.record(ctx, AuditEvent.INTERNAL_FIGURES, "ingestion report", null, release.id());
        ctx.header("X-Audience", "internal");
        ctx.json(new Internal<>("INTERNAL", BANNER, "data management", release.id(), report));
    }

    /** The reason an internal answer was asked for, required: a 400 without one. */
    public static String reason(Context ctx) {
        String reason = ctx.queryParam("reason");
        if (reason == null || reason.isBlank() || reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestResponse("Cannot answer internal figures without a reason: say why they are needed (reason=, at most 200 "
                    + "characters)");
        }
        return reason.strip();
    }
}
