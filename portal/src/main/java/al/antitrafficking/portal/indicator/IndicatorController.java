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

    /** The most questions one call of {@link #answers} may ask: the overview asks fourteen. */
    public static final int MAX_ASKS = 24;

    private final PublishedReleases releases;
    private final Clock clock;
    private final AnswerCache cache;

    public IndicatorController(PublishedReleases releases, Clock clock, AnswerCache cache) {
        this.releases = requireNonNull(releases, "releases is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cache = requireNonNull(cache, "cache is null");
    }

    /**
     * What the catalogue offers, as a client needs it to build a query: and how the release publishes each indicator
     * (for Albania, by county, by municipality: for each breakdown, the finest period).
     */
    public record Entry(String id, Map<String, String> name, Map<String, String> description, String unit, List<String> dimensions,
                        Boolean higherIsBetter, String source, Map<String, String> sourceName, boolean drawable,
                        Map<String, Map<String, String>> published) {
        static Entry of(Indicator i, PublishedRelease release) {
            return new Entry(i.id(), i.name(), i.description(), i.unit().name().toLowerCase(Locale.ROOT), i.dimensions(),
                    i.higherIsBetter().orElse(null), i.source(), Map.of("en", i.source("en"), "sq", i.source("sq")),
                    release.denominatorKnown(i), release.publication(i.id()));
        }
    }

    public void list(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        cache.json(ctx, release.id(), () -> release.catalogue().indicators().stream().map(i -> Entry.of(i, release)).toList());
    }

    /**
     * {@code from}, {@code to} (yyyy-MM; by default the release's last twelve months), {@code period} (month, quarter,
     * year, or range for one published span), {@code group_by} (comma-separated dimensions) and a dimension as a filter
     * of one value ({@code county=AL-07}).
     */
    public void query(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        cache.json(ctx, release.id(), () -> release.indicator(Requests.indicatorQuery(ctx, release.lastMonth(), Audience.PUBLIC),
                clock.instant()).requirePublishable());
    }

    /** What one question of {@link #answers} got, in the order asked: the answer, or the refusal's status and message. */
    public record Answer(int status, Object answer, String error) {}

    /** The answers to several indicator questions, all from one release. */
    public record Answers(String release, List<Answer> answers) {}

    /**
     * Several indicator questions in one call, as a page needs them at once: {@code ask=ID?PARAMETERS}, each URL-encoded as
     * a whole and answered exactly as {@code GET /api/v1/indicators/ID?PARAMETERS} would be, all from one release (the
     * published one, or {@code release=ID} for all). A question the release does not answer gets its refusal in its place;
     * the call fails only when it is malformed.
     */
    public void answers(Context ctx) {
        List<String> asks = ctx.queryParams("ask");
        if (asks.isEmpty() || asks.size() > MAX_ASKS) {
            throw new BadRequestResponse("Cannot answer: ask 1 to " + MAX_ASKS + " questions, each as ask=INDICATOR?PARAMETERS "
                    + "(for example ask=child_victims%3Fperiod%3Dyear)");
        }
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("ask") && !name.equals("release")) {
                throw new BadRequestResponse("Cannot answer: this call takes only ask and release");
            }
        }
        PublishedRelease release = Requests.release(ctx, releases);
        cache.json(ctx, release.id(), () -> {
            List<Answer> answers = new java.util.ArrayList<>();
            for (String ask : asks) {
                answers.add(answer(release, ask));
            }
            return new Answers(release.id(), answers);
        });
    }

    private Answer answer(PublishedRelease release, String ask) {
        int mark = ask.indexOf('?');
        String id = mark < 0 ? ask : ask.substring(0, mark);
        try {
            Map<String, List<String>> parameters = parameters(mark < 0 ? "" : ask.substring(mark + 1));
            if (parameters.containsKey("release")) {
                throw new BadRequestResponse("Cannot answer: give release once for the whole call, not in a question");
            }
            if (!id.matches("[a-z0-9_]{1,64}")) {
                throw new BadRequestResponse("Cannot answer: a question starts with an indicator id, as child_victims?period=year");
            }
            Object answer = release.indicator(Requests.indicatorQuery(id, parameters, release.lastMonth(), Audience.PUBLIC), clock.instant())
                    .requirePublishable();
            return new Answer(200, answer, null);
        } catch (io.javalin.http.HttpResponseException e) {
            return new Answer(e.getStatus(), null, e.getMessage());
        } catch (al.antitrafficking.warehouse.indicator.QueryRefusedException e) {
            return new Answer(400, null, e.getMessage());
        }
    }

    /** The parameters of one question (name=value pairs joined by &, each URL-encoded). */
    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("Cannot answer: a question's parameters are not URL-encoded right");
            }
        }
        return parameters;
    }

    /** Data completeness for {@code from}..{@code to} (by default the release's last twelve months): statuses and shares only. */
    public void completeness(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        Requests.Months months = Requests.months(ctx, release.lastMonth().toString());
        cache.json(ctx, release.id(), () -> release.completeness(months.from(), months.to(), clock.instant()));
    }

    /** The path of children first met by {@code start} (border, cpu, nrm) over a published span, in one {@code county} or all. */
    public void convergence(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        Requests.Months months = Requests.months(ctx, release.lastMonth().toString());
        String start = ctx.queryParamAsClass("start", String.class).getOrDefault("border");
        java.util.Optional<String> county = java.util.Optional.ofNullable(ctx.queryParam("county")).filter(v -> !v.isBlank());
        cache.json(ctx, release.id(), () -> release.convergence(start, months.from(), months.to(), county));
    }
}
