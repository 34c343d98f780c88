package al.antitrafficking.portal.indicator;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue and the indicators over HTTP, for the public: every figure is a cell of the published release, one
 * release per answer (or an earlier one, {@code release=ID}). Internal, unsuppressed figures are never served here.
 */
public final class IndicatorController {

    private final PublishedReleases releases;
    private final Clock clock;

    public IndicatorController(PublishedReleases releases, Clock clock) {
        this.releases = requireNonNull(releases, "releases is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * What the catalogue offers, as a client needs it to build a query: and how the release publishes each indicator
     * (for Albania, by county, by municipality: for each breakdown, the finest period).
     */
    public record Entry(String id, Map<String, String> name, Map<String, String> description, String unit, List<String> dimensions,
                        Boolean higherIsBetter, String source, Map<String, Map<String, String>> published) {
        static Entry of(Indicator i, PublishedRelease release) {
            return new Entry(i.id(), i.name(), i.description(), i.unit().name().toLowerCase(Locale.ROOT), i.dimensions(),
                    i.higherIsBetter().orElse(null), i.source(), release.publication(i.id()));
        }
    }

    public void list(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        ctx.json(release.catalogue().indicators().stream().map(i -> Entry.of(i, release)).toList());
    }

    /**
     * {@code from}, {@code to} (yyyy-MM; by default the release's last twelve months), {@code period} (month, quarter,
     * year, or range for one published span), {@code group_by} (comma-separated dimensions) and a dimension as a filter
     * of one value ({@code county=AL-07}).
     */
    public void query(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        ctx.json(release.indicator(Requests.indicatorQuery(ctx, release.lastMonth(), Audience.PUBLIC), clock.instant()).requirePublishable());
    }

    /** Data completeness for {@code from}..{@code to} (by default the release's last twelve months): statuses and shares only. */
    public void completeness(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        Requests.Months months = Requests.months(ctx, release.lastMonth().toString());
        ctx.json(release.completeness(months.from(), months.to(), clock.instant()));
    }

    /** The path of children first met by {@code start} (border, cpu, nrm) over a published span, in one {@code county} or all. */
    public void convergence(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        Requests.Months months = Requests.months(ctx, release.lastMonth().toString());
        String start = ctx.queryParamAsClass("start", String.class).getOrDefault("border");
        java.util.Optional<String> county = java.util.Optional.ofNullable(ctx.queryParam("county")).filter(v -> !v.isBlank());
        ctx.json(release.convergence(start, months.from(), months.to(), county));
    }
}
