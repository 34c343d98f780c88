package al.antitrafficking.portal;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** Reads request bodies and parameters; anything malformed is a 400 with a plain message. */
public final class Requests {
    private Requests() {}

    public static <T> T read(Context ctx, Class<T> type) {
        // Bytes that are not UTF-8 are refused, not read as U+FFFD: a password or a text would otherwise be saved as
        // something nobody typed.
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(ctx.bodyAsBytes())).toString();
            T body = ctx.jsonMapper().fromJsonString(text, type);
            if (body == null) {
                throw new BadRequestResponse("Cannot read request: the body is empty");
            }
            return body;
        } catch (io.javalin.http.HttpResponseException e) {
            throw e;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadRequestResponse("Cannot read request: the body is not UTF-8 text");
        } catch (Exception e) {
            // Javalin's Kotlin code throws Jackson's checked exceptions undeclared: catch them all here.
            throw new BadRequestResponse("Cannot read request: the body is not the expected JSON");
        }
    }

    /** The id in the path, written the one way ids are written: digits 0-9, no sign, no leading zero. */
    public static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new BadRequestResponse("Cannot read request: the id in the path must be a number such as 12");
        }
        return Long.parseLong(id);
    }

    /** A username in the path. */
    public static String name(Context ctx) {
        String name = ctx.pathParam("username");
        if (!name.matches("[a-z][a-z0-9._-]{2,39}")) {
            throw new BadRequestResponse("Cannot read request: not a username");
        }
        return name;
    }

    /** The first and last month any answer may ask about: outside them a month is refused, not looked up. */
    public static final java.time.YearMonth EARLIEST = java.time.YearMonth.of(2000, 1);
    public static final java.time.YearMonth LATEST = java.time.YearMonth.of(2099, 12);

    /** A month parameter (yyyy-MM), or the fallback when it is absent. */
    public static java.time.YearMonth month(Context ctx, String parameter, java.time.YearMonth fallback) {
        return month(ctx.queryParamMap(), parameter, fallback);
    }

    private static String first(java.util.Map<String, java.util.List<String>> parameters, String name) {
        java.util.List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static java.time.YearMonth month(java.util.Map<String, java.util.List<String>> parameters, String parameter,
                                             java.time.YearMonth fallback) {
        String value = first(parameters, parameter);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        java.time.YearMonth month;
        try {
            month = value.matches("[0-9]{4}-[0-9]{2}") ? java.time.YearMonth.parse(value) : null;
        } catch (java.time.format.DateTimeParseException e) {
            month = null;
        }
        if (month == null) {
            throw new BadRequestResponse("Cannot read period: " + parameter + " must be a month as yyyy-MM");
        }
        if (month.isBefore(EARLIEST) || month.isAfter(LATEST)) {
            throw new BadRequestResponse("Cannot read period: " + parameter + " must be from " + EARLIEST + " to " + LATEST);
        }
        return month;
    }

    /** The parameters every indicator query takes; any other parameter is a dimension filtered to its values. */
    public static final java.util.Set<String> QUERY_PARAMETERS = java.util.Set.of("from", "to", "period", "group_by", "release", "reason");

    /**
     * An indicator query as the URL gives it: {@code from}, {@code to} (by default the twelve months up to {@code lastMonth}),
     * {@code period} (month, quarter, year or range), {@code group_by} (comma-separated), and a dimension as a filter.
     */
    public static al.antitrafficking.warehouse.indicator.IndicatorQuery indicatorQuery(Context ctx, java.time.YearMonth lastMonth,
                                                                                      al.antitrafficking.warehouse.indicator.Audience audience) {
        return indicatorQuery(ctx.pathParam("id"), ctx.queryParamMap(), lastMonth, audience);
    }

    /** The same, for indicator {@code id} with the parameters given apart from a request (one question of several). */
    public static al.antitrafficking.warehouse.indicator.IndicatorQuery indicatorQuery(String id, java.util.Map<String, java.util.List<String>> parameters,
                                                                                      java.time.YearMonth lastMonth,
                                                                                      al.antitrafficking.warehouse.indicator.Audience audience) {
        Months months = months(parameters, lastMonth);
        al.antitrafficking.warehouse.indicator.PeriodType period;
        String periodName = first(parameters, "period");
        try {
            period = al.antitrafficking.warehouse.indicator.PeriodType.valueOf(
                    (periodName == null ? "month" : periodName).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Cannot read period: period must be month, quarter, year or range");
        }
        java.util.Map<String, java.util.List<String>> filters = new java.util.LinkedHashMap<>();
        parameters.forEach((key, values) -> {
            if (!QUERY_PARAMETERS.contains(key)) {
                filters.put(key, values.stream().flatMap(v -> list(v).stream()).toList());
            }
        });
        return new al.antitrafficking.warehouse.indicator.IndicatorQuery(id, months.from(), months.to(), period, filters,
                list(first(parameters, "group_by")), audience);
    }

    /** A comma-separated list, blanks dropped. */
    public static java.util.List<String> list(String value) {
        return value == null || value.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A range of months. */
    public record Months(java.time.YearMonth from, java.time.YearMonth to) {}

    /** {@code from} and {@code to} (yyyy-MM), by default the twelve months up to the snapshot's last month. */
    public static Months months(Context ctx, String lastMonth) {
        return months(ctx.queryParamMap(), lastMonth == null ? java.time.YearMonth.now() : java.time.YearMonth.parse(lastMonth));
    }

    private static Months months(java.util.Map<String, java.util.List<String>> parameters, java.time.YearMonth lastMonth) {
        java.time.YearMonth to = month(parameters, "to", lastMonth);
        return new Months(month(parameters, "from", to.minusMonths(11)), to);
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
