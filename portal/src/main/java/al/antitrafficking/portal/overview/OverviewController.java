package al.antitrafficking.portal.overview;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.query.OverviewQueries;
import al.antitrafficking.warehouse.query.SnapshotSummary;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The national coordinator's overview: the JSON behind each chart of the overview page. */
public final class OverviewController {
    private final OverviewQueries queries;

    public OverviewController(OverviewQueries queries) {
        this.queries = requireNonNull(queries, "queries is null");
    }

    public void snapshot(Context ctx) {
        ctx.json(queries.snapshot());
    }

    public void childrenEncounteredMonthly(Context ctx) {
        ctx.json(queries.childrenEncounteredMonthly());
    }

    public void childVictimsMonthly(Context ctx) {
        ctx.json(queries.childVictimsMonthly());
    }

    /** {@code from} and {@code to} (yyyy-MM) default to the last twelve months of the snapshot. */
    public void childrenEncounteredByCounty(Context ctx) {
        SnapshotSummary snapshot = queries.snapshot();
        YearMonth to = month(ctx, "to", snapshot.lastMonth() == null ? YearMonth.now() : YearMonth.parse(snapshot.lastMonth()));
        YearMonth from = month(ctx, "from", to.minusMonths(11));
        if (from.isAfter(to)) {
            throw new BadRequestResponse("Cannot read period: from " + from + " is after to " + to);
        }
        ctx.json(queries.childrenEncounteredByCounty(from, to));
    }

    private static YearMonth month(Context ctx, String parameter, YearMonth fallback) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("Cannot read period: " + parameter + " must be a month as yyyy-MM");
        }
    }
}
