package al.antitrafficking.portal;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** Reads request bodies and parameters; anything malformed is a 400 with a plain message. */
public final class Requests {
    private Requests() {}

    public static <T> T read(Context ctx, Class<T> type) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw new BadRequestResponse("Cannot read request: the body is empty");
            }
            return body;
        } catch (BadRequestResponse e) {
            throw e;
        } catch (Exception e) {
            // Javalin's Kotlin code throws Jackson's checked exceptions undeclared: catch them all here.
            throw new BadRequestResponse("Cannot read request: the body is not the expected JSON");
        }
    }

    public static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Cannot read request: the id in the path is not a number");
        }
    }

    /** A month parameter (yyyy-MM), or the fallback when it is absent. */
    public static java.time.YearMonth month(Context ctx, String parameter, java.time.YearMonth fallback) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return java.time.YearMonth.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestResponse("Cannot read period: " + parameter + " must be a month as yyyy-MM");
        }
    }

    /** A range of months. */
    public record Months(java.time.YearMonth from, java.time.YearMonth to) {}

    /** {@code from} and {@code to} (yyyy-MM), by default the twelve months up to the snapshot's last month. */
    public static Months months(Context ctx, String lastMonth) {
        java.time.YearMonth to = month(ctx, "to", lastMonth == null ? java.time.YearMonth.now() : java.time.YearMonth.parse(lastMonth));
        return new Months(month(ctx, "from", to.minusMonths(11)), to);
    }

    /** The release an answer reads: the published one, or an earlier one of the ledger ({@code release=ID}), pinned for the answer. */
    public static al.antitrafficking.warehouse.release.PublishedRelease release(Context ctx,
                                                                             al.antitrafficking.warehouse.release.PublishedReleases releases) {
        String id = ctx.queryParam("release");
        if (id == null || id.isBlank()) {
            return releases.current();
        }
        if (!id.matches("[0-9]{8}T[0-9]{9}Z")) {
            throw new BadRequestResponse("Cannot read release: an id looks like 20261130T102504034Z");
        }
        return releases.find(id).orElseThrow(() -> new io.javalin.http.NotFoundResponse("No release " + id + " in the ledger"));
    }
}
