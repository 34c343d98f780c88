package al.antitrafficking.portal.statistics;

import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.Indicators;
import al.antitrafficking.warehouse.indicator.StatisticsTables;
import al.antitrafficking.warehouse.query.OverviewQueries;
import al.antitrafficking.warehouse.query.SnapshotSummary;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Crossing;
import al.antitrafficking.warehouse.reference.Territory;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ministry's standard tables for a year ({@code year=2025}) or a quarter ({@code quarter=2025-Q2}): as JSON
 * for the page, and each table or all of them as CSV, XLSX or PDF, reproducible from the same snapshot.
 */
public final class StatisticsController {
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final Indicators indicators;
    private final OverviewQueries overview;
    private final Territory territory;

    public StatisticsController(Indicators indicators, OverviewQueries overview, Territory territory) {
        this.indicators = indicators;
        this.overview = overview;
        this.territory = territory;
    }

    record Period(YearMonth from, YearMonth to, String label) {}

    public record Listing(List<Entry> tables, String defaultPeriod, List<String> years, List<String> quarters) {}

    public record Entry(String id, Map<String, String> title, String indicator, String rows, String columns) {}

    public record TableView(String id, Map<String, String> title, String indicator, String unit, String period, String snapshot,
                            String rows, String columns, List<String> rowLabels, List<String> columnLabels, List<List<String>> cells,
                            List<List<String>> statuses, int suppressionThreshold) {}

    public void list(Context ctx) {
        SnapshotSummary s = overview.snapshot();
        List<String> years = new ArrayList<>();
        List<String> quarters = new ArrayList<>();
        if (s.firstMonth() != null) {
            YearMonth first = YearMonth.parse(s.firstMonth());
            YearMonth last = YearMonth.parse(s.lastMonth());
            for (int y = last.getYear(); y >= first.getYear(); y--) {
                years.add(String.valueOf(y));
                for (int q = 4; q >= 1; q--) {
                    YearMonth start = YearMonth.of(y, 3 * q - 2);
                    if (!start.isAfter(last) && !start.plusMonths(2).isBefore(first)) {
                        quarters.add(y + "-Q" + q);
                    }
                }
            }
        }
        ctx.json(new Listing(StatisticsTables.STANDARD.stream().map(d -> new Entry(d.id(), d.title(), d.indicator(), d.rows(), d.columns()))
                .toList(), defaultPeriod(s), years, quarters));
    }

    public void show(Context ctx) {
        StatisticsTables.Table t = table(ctx.pathParam("id"), period(ctx));
        Indicator indicator = indicator(t);
        Function<String, String> rowLabel = label(t.definition().rows());
        Function<String, String> columnLabel = label(t.definition().columns());
        List<List<String>> cells = new ArrayList<>();
        List<List<String>> statuses = new ArrayList<>();
        for (int r = 0; r < t.cells().size(); r++) {
            List<String> line = new ArrayList<>();
            List<String> status = new ArrayList<>();
            for (int c = 0; c < t.cells().get(r).size(); c++) {
                line.add(StatisticsExport.text(t.cells().get(r).get(c), t.values().get(r).get(c), t.unit()));
                status.add(t.cells().get(r).get(c).status().name());
            }
            cells.add(line);
            statuses.add(status);
        }
        ctx.json(new TableView(t.definition().id(), t.definition().title(), indicator.id(), t.unit().name().toLowerCase(java.util.Locale.ROOT),
                t.period(), t.snapshot(), t.definition().rows(), t.definition().columns(), t.rowKeys().stream().map(rowLabel).toList(),
                t.columnKeys().stream().map(columnLabel).toList(), cells, statuses, t.suppressionThreshold()));
    }

    public void export(Context ctx) {
        String id = ctx.pathParam("id");
        String format = ctx.pathParam("format");
        Period period = period(ctx);
        List<StatisticsTables.Definition> definitions = id.equals("all") ? StatisticsTables.STANDARD
                : List.of(StatisticsTables.find(id).orElseThrow(() -> new NotFoundResponse("No standard table " + id)));
        List<StatisticsExport.Stamped> tables = new ArrayList<>();
        for (StatisticsTables.Definition d : definitions) {
            StatisticsTables.Table t = table(d, period);
            tables.add(new StatisticsExport.Stamped(t, indicator(t), label(d.rows()), label(d.columns())));
        }
        String file = "statistics_" + id + "_" + period.label() + "_" + tables.get(0).table().snapshot() + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(StatisticsExport.csv(tables));
            case "xlsx" -> ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(StatisticsExport.xlsx(tables));
            case "pdf" -> ctx.contentType("application/pdf").result(StatisticsExport.pdf(tables));
            default -> throw new NotFoundResponse("No export as " + format + "; csv, xlsx or pdf");
        }
    }

    private StatisticsTables.Table table(String id, Period period) {
        return table(StatisticsTables.find(id).orElseThrow(() -> new NotFoundResponse("No standard table " + id)), period);
    }

    private StatisticsTables.Table table(StatisticsTables.Definition d, Period period) {
        return new StatisticsTables(indicators).table(d, period.from(), period.to(), period.label());
    }

    private Indicator indicator(StatisticsTables.Table t) {
        return indicators.catalogue().find(t.definition().indicator()).orElseThrow();
    }

    private Function<String, String> label(String dimension) {
        if ("county".equals(dimension)) {
            return code -> territory.findCounty(code).map(County::name).orElse(code);
        }
        if ("crossing".equals(dimension)) {
            return code -> territory.findCrossing(code).map(Crossing::name).orElse(code);
        }
        return code -> code;
    }

    private Period period(Context ctx) {
        String year = ctx.queryParam("year");
        String quarter = ctx.queryParam("quarter");
        if (year != null && quarter != null) {
            throw new BadRequestResponse("Cannot read period: give a year or a quarter, not both");
        }
        String label = quarter != null ? quarter : year != null ? year : defaultPeriod(overview.snapshot());
        if (label == null) {
            throw new BadRequestResponse("Cannot make tables: the warehouse holds no months yet");
        }
        Matcher q = QUARTER.matcher(label);
        if (q.matches()) {
            YearMonth from = YearMonth.of(Integer.parseInt(q.group(1)), 3 * Integer.parseInt(q.group(2)) - 2);
            return new Period(from, from.plusMonths(2), label);
        }
        if (YEAR.matcher(label).matches() && quarter == null) {
            int y = Integer.parseInt(label);
            return new Period(YearMonth.of(y, 1), YearMonth.of(y, 12), label);
        }
        throw new BadRequestResponse("Cannot read period: a year is yyyy and a quarter yyyy-Qn");
    }

    /** The last whole year of the snapshot, else its last quarter. */
    private static String defaultPeriod(SnapshotSummary s) {
        if (s.firstMonth() == null) {
            return null;
        }
        YearMonth first = YearMonth.parse(s.firstMonth());
        YearMonth last = YearMonth.parse(s.lastMonth());
        int year = last.getMonthValue() == 12 ? last.getYear() : last.getYear() - 1;
        if (year >= first.getYear() && (year > first.getYear() || first.getMonthValue() == 1)) {
            return String.valueOf(year);
        }
        return last.getYear() + "-Q" + ((last.getMonthValue() - 1) / 3 + 1);
    }
}
