package al.antitrafficking.portal.overview;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.warehouse.query.OverviewQueries;
import io.javalin.http.BadRequestResponse;
import al.antitrafficking.portal.Requests;
import io.javalin.http.Context;

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
        Requests.Months months = Requests.months(ctx, queries.snapshot().lastMonth());
        if (months.from().isAfter(months.to())) {
            throw new BadRequestResponse("Cannot read period: from " + months.from() + " is after to " + months.to());
        }
        ctx.json(queries.childrenEncounteredByCounty(months.from(), months.to()));
    }
}
