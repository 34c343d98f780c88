package al.antitrafficking.portal.statistics;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.warehouse.disclosure.Marks;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.reference.ValueLabels;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.release.StandardTables;
import al.antitrafficking.warehouse.release.StatisticsAnswers;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ministry's standard tables for a year ({@code year=2025}) or a quarter ({@code quarter=2025-Q2}): as JSON for the
 * page, and each table or all of them as CSV, XLSX or PDF. Every figure is a cell of one release (the published one, or
 * {@code release=ID}), so a file never mixes two, and the same release gives the same bytes.
 */
public final class StatisticsController {
    private final PublishedReleases releases;
    private final Territory territory;
    private final ValueLabels labels;
    private final Clock clock;

    public StatisticsController(PublishedReleases releases, Territory territory, ValueLabels labels, Clock clock) {
        this.releases = releases;
        this.territory = territory;
        this.labels = labels;
        this.clock = clock;
    }

    /** The tables, the periods the release covers (a period it covers only in part says so), and the marks' legend. */
    public record Listing(List<Entry> tables, String defaultPeriod, List<String> years, List<String> quarters, List<String> partial,
                          String firstMonth, String lastMonth, Map<String, String> legend) {}

    public record Entry(String id, Map<String, String> title, String indicator, String rows, String columns) {}

    public record TableView(String id, Map<String, String> title, String indicator, String unit, String period, String snapshot,
                            String rows, String columns, List<String> rowLabels, List<String> columnLabels, List<List<String>> cells,
                            List<List<String>> statuses, int suppressionThreshold, Map<String, String> legend) {}

    public void list(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        List<String> years = new ArrayList<>(release.periods(PeriodType.YEAR));
        List<String> quarters = new ArrayList<>(release.periods(PeriodType.QUARTER));
        java.util.Collections.reverse(years);
        java.util.Collections.reverse(quarters);
        List<String> partial = new ArrayList<>();
        for (String p : concat(years, quarters)) {
            YearMonth[] months = StatisticsAnswers.months(p);
            if (months[0].isBefore(release.firstMonth()) || months[1].isAfter(release.lastMonth())) {
                partial.add(p);
            }
        }
        ctx.json(new Listing(StandardTables.STANDARD.stream().map(d -> new Entry(d.id(), d.title(), d.indicator(), d.rows(), d.columns()))
                .toList(), defaultPeriod(release), years, quarters, partial, release.firstMonth().toString(), release.lastMonth().toString(),
                Marks.legend(release.minCount())));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public void show(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        StandardTables.Definition d = definition(ctx.pathParam("id"));
        StatisticsAnswers.Table t = release.statistics(d, period(ctx, release), clock.instant());
        Indicator indicator = release.catalogue().find(d.indicator()).orElseThrow();
        // The page words values itself from their codes; counties and crossings come by name (a crossing's in the page's language).
        String lang = "sq".equals(ctx.queryParam("lang")) ? "sq" : "en";
        Function<String, String> rowLabel = named(d.rows()) ? label(d.rows(), lang) : code -> code;
        Function<String, String> columnLabel = named(d.columns()) ? label(d.columns(), lang) : code -> code;
        List<List<String>> cells = new ArrayList<>();
        List<List<String>> statuses = new ArrayList<>();
        for (List<StatisticsAnswers.Figure> row : t.cells()) {
            cells.add(row.stream().map(f -> StatisticsExport.text(f, t.unit())).toList());
            statuses.add(row.stream().map(f -> f.status().name()).toList());
        }
        ctx.json(new TableView(d.id(), d.title(), indicator.id(), t.unit().name().toLowerCase(java.util.Locale.ROOT), t.period(), t.snapshot(),
                d.rows(), d.columns(), t.rowKeys().stream().map(rowLabel).toList(), t.columnKeys().stream().map(columnLabel).toList(), cells,
                statuses, t.suppressionThreshold(), Marks.legend(t.suppressionThreshold())));
    }

    public void export(Context ctx) {
        PublishedRelease release = Requests.release(ctx, releases);
        String id = ctx.pathParam("id");
        String format = ctx.pathParam("format");
        if (!List.of("csv", "xlsx", "pdf").contains(format)) {
            throw new NotFoundResponse("No export as " + format + "; csv, xlsx or pdf");
        }
        String period = period(ctx, release);
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("en");
        if (!lang.equals("sq") && !lang.equals("en")) {
            throw new BadRequestResponse("Cannot make the file: lang must be sq or en");
        }
        List<StatisticsExport.Stamped> tables = new ArrayList<>();
        List<StatisticsExport.Omitted> omitted = new ArrayList<>();
        if (id.equals("all")) {
            allTables(release, period, lang, tables, omitted);
        } else {
            tables.add(stamped(release, definition(id), period, lang));
        }
        String file = "statistics_" + id + "_" + period + "_" + release.id() + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(StatisticsExport.csv(tables, omitted, lang));
            case "xlsx" -> ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .result(StatisticsExport.xlsx(tables, omitted, lang));
            default -> ctx.contentType("application/pdf").result(StatisticsExport.pdf(tables, omitted, lang));
        }
    }

    private StatisticsExport.Stamped stamped(PublishedRelease release, StandardTables.Definition d, String period, String lang) {
        StatisticsAnswers.Table t = release.statistics(d, period, clock.instant());
        return new StatisticsExport.Stamped(t, release.catalogue().find(d.indicator()).orElseThrow(), lang, label(d.rows(), lang),
                label(d.columns(), lang), labels.dimension(lang, d.rows()));
    }

    /**
     * Every standard table the release makes for the period; a table it cannot make there (published only by year, or
     * not at all) is left out of a file of all tables and listed in it with the release's reason, so that one table
     * does not keep the ministry from the others. A period for which it makes none is refused.
     */
    private void allTables(PublishedRelease release, String period, String lang, List<StatisticsExport.Stamped> tables,
                           List<StatisticsExport.Omitted> omitted) {
        QueryRefusedException first = null;
        for (StandardTables.Definition d : StandardTables.STANDARD) {
            try {
                tables.add(stamped(release, d, period, lang));
            } catch (QueryRefusedException refused) {
                // A refusal is the release's answer for this table, kept in the file; any other failure still fails the request.
                omitted.add(new StatisticsExport.Omitted(d, refused.getMessage()));
                first = first == null ? refused : first;
            }
        }
        if (tables.isEmpty()) {
            throw first;
        }
    }

    private static StandardTables.Definition definition(String id) {
        return StandardTables.find(id).orElseThrow(() -> new NotFoundResponse("No standard table " + id));
    }

    /** Whether a dimension's groups are places with names (counties, crossings); {@code null}: a table without columns. */
    private static boolean named(String dimension) {
        return "county".equals(dimension) || "crossing".equals(dimension);
    }

    /** A group's label in the language: counties and crossings by their reference names, other values by value_labels.csv. */
    private Function<String, String> label(String dimension, String lang) {
        if ("county".equals(dimension)) {
            return code -> territory.findCounty(code).map(County::name).orElse(code);
        }
        if ("crossing".equals(dimension)) {
            return code -> territory.findCrossing(code).map(c -> lang.equals("sq") ? c.nameSq() : c.name())
                    .orElse(labels.value(lang, dimension, code));
        }
        return code -> labels.value(lang, dimension, code);
    }

    /** {@code year} or {@code quarter}, by default the release's last whole year, else its last quarter. */
    private static String period(Context ctx, PublishedRelease release) {
        String year = ctx.queryParam("year");
        String quarter = ctx.queryParam("quarter");
        if (year != null && quarter != null) {
            throw new BadRequestResponse("Cannot read period: give a year or a quarter, not both");
        }
        String label = quarter != null ? quarter : year != null ? year : defaultPeriod(release);
        if (year != null && !year.matches("[0-9]{4}") || quarter != null && !quarter.matches("[0-9]{4}-Q[1-4]")) {
            throw new BadRequestResponse("Cannot read period: a year is yyyy and a quarter yyyy-Qn");
        }
        return label;
    }

    /** The last whole year of the release, else its last quarter. */
    private static String defaultPeriod(PublishedRelease release) {
        YearMonth first = release.firstMonth();
        YearMonth last = release.lastMonth();
        int year = last.getMonthValue() == 12 ? last.getYear() : last.getYear() - 1;
        if (year > first.getYear() || year == first.getYear() && first.getMonthValue() == 1) {
            return String.valueOf(year);
        }
        return last.getYear() + "-Q" + ((last.getMonthValue() - 1) / 3 + 1);
    }
}
