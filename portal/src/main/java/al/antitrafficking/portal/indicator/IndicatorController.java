package al.antitrafficking.portal.indicator;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.query.OverviewQueries;
import io.javalin.http.BadRequestResponse;
import al.antitrafficking.portal.Requests;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue and the query layer over HTTP. Every answer is for the public audience: the unsuppressed
 * internal view waits for sign-in, which will tell the portal who asks.
 */
public final class IndicatorController {
    private static final List<String> RESERVED = List.of("from", "to", "period", "group_by");

    private final Indicators indicators;
    private final OverviewQueries overview;

    public IndicatorController(Indicators indicators, OverviewQueries overview) {
        this.indicators = requireNonNull(indicators, "indicators is null");
        this.overview = requireNonNull(overview, "overview is null");
    }

    /** What the catalogue offers, as a client needs it to build a query. */
    public record Entry(String id, Map<String, String> name, Map<String, String> description, String unit, List<String> dimensions,
                        Boolean higherIsBetter, String source) {
        static Entry of(Indicator i) {
            return new Entry(i.id(), i.name(), i.description(), i.unit().name().toLowerCase(Locale.ROOT), i.dimensions(),
                    i.higherIsBetter().orElse(null), i.source());
        }
    }

    public void list(Context ctx) {
        ctx.json(indicators.catalogue().indicators().stream().map(Entry::of).toList());
    }

    /**
     * {@code from}, {@code to} (yyyy-MM; by default the snapshot's last twelve months), {@code period}
     * (month, quarter, year), {@code group_by} (comma-separated dimensions) and any dimension as a filter
     * ({@code county=AL-05,AL-07}).
     */
    public void query(Context ctx) {
        Requests.Months months = Requests.months(ctx, overview.snapshot().lastMonth());
        PeriodType period;
        try {
            period = PeriodType.valueOf(ctx.queryParamAsClass("period", String.class).getOrDefault("month").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Cannot read period: period must be month, quarter, year or range");
        }
        List<String> groupBy = split(ctx.queryParam("group_by"));
        Map<String, List<String>> filters = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((key, values) -> {
            if (!RESERVED.contains(key)) {
                filters.put(key, values.stream().flatMap(v -> split(v).stream()).toList());
            }
        });
        ctx.json(indicators.run(new IndicatorQuery(ctx.pathParam("id"), months.from(), months.to(), period, filters, groupBy,
                        Audience.PUBLIC))
                .requirePublishable());
    }

    /** Data completeness for {@code from}..{@code to} (by default the snapshot's last twelve months). */
    public void completeness(Context ctx) {
        Requests.Months months = Requests.months(ctx, overview.snapshot().lastMonth());
        ctx.json(indicators.completeness(months.from(), months.to()));
    }

    /** The path of children first met by {@code start} (border, cpu, nrm) in from..to, in one {@code county} or all. */
    public void convergence(Context ctx) {
        Requests.Months months = Requests.months(ctx, overview.snapshot().lastMonth());
        String start = ctx.queryParamAsClass("start", String.class).getOrDefault("border");
        java.util.Optional<String> county = java.util.Optional.ofNullable(ctx.queryParam("county")).filter(v -> !v.isBlank());
        ctx.json(indicators.convergence(start, months.from(), months.to(), county));
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
