package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.indicator.ResultRow;
import al.antitrafficking.warehouse.indicator.Unit;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ministry's standard tables from the release: every cell, row total, column total and grand total is a printed
 * cell of the release, protected together with every other answer, so a table, its margins, its quarters and its year
 * tell no more than each alone.
 */
public final class StatisticsAnswers {
    private static final Pattern QUARTER = Pattern.compile("([0-9]{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    /** One figure of a table: its value (a count, or a percentage), the count it rests on, and what readers are told. */
    public record Figure(Double value, Long count, CellStatus status) {}

    /** A table as published: labels (codes), and cells with a last column of row totals and a last row of column totals. */
    public record Table(StandardTables.Definition definition, Unit unit, String period, List<String> rowKeys, List<String> columnKeys,
                        List<List<Figure>> cells, String snapshot, int suppressionThreshold) {}

    /** Labels in reading order: age bands by their first year (0-5 before 12-14), anything else alphabetically. */
    static final Comparator<String> NATURAL = (a, b) -> {
        Matcher ma = Pattern.compile("^([0-9]+)[-+]").matcher(a);
        Matcher mb = Pattern.compile("^([0-9]+)[-+]").matcher(b);
        if (ma.find() && mb.find()) {
            return Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
        }
        return a.compareTo(b);
    };

    private final PublishedRelease release;
    private final IndicatorAnswers indicators;

    StatisticsAnswers(PublishedRelease release, IndicatorAnswers indicators) {
        this.release = release;
        this.indicators = indicators;
    }

    /** The months of a year ({@code 2025}) or a quarter ({@code 2025-Q2}). */
    public static YearMonth[] months(String period) {
        Matcher q = QUARTER.matcher(period);
        if (q.matches()) {
            YearMonth from = YearMonth.of(Integer.parseInt(q.group(1)), 3 * Integer.parseInt(q.group(2)) - 2);
            return new YearMonth[] {from, from.plusMonths(2)};
        }
        if (YEAR.matcher(period).matches()) {
            int y = Integer.parseInt(period);
            return new YearMonth[] {YearMonth.of(y, 1), YearMonth.of(y, 12)};
        }
        throw new QueryRefusedException("Cannot read period: a year is yyyy and a quarter yyyy-Qn");
    }

    Table table(StandardTables.Definition d, String period) {
        YearMonth[] months = months(period);
        if (!release.periods(PeriodType.ofLabel(period)).contains(period)) {
            throw new QueryRefusedException("Cannot make table " + d.id() + ": the release covers " + release.firstMonth() + " to "
                    + release.lastMonth() + ", not " + period);
        }
        Indicator indicator = release.catalogue().find(d.indicator()).orElseThrow();
        if (d.columns() == null) {
            return shareByRow(d, indicator, months, period);
        }
        List<String> rowKeys;
        List<String> columnKeys;
        List<List<Figure>> cells = new ArrayList<>();
        IndicatorResult grand = ask(d.indicator(), months, List.of());
        IndicatorResult columns = ask(d.indicator(), months, List.of(d.columns()));
        IndicatorResult rows = ask(d.indicator(), months, List.of(d.rows()));
        IndicatorResult body = d.rows().equals("county") ? ask(d.indicator(), months, List.of("county", d.columns()))
                : ask(d.indicator(), months, List.of(d.rows(), d.columns()));
        rowKeys = rows.rows().stream().map(r -> r.group().get(d.rows())).sorted(NATURAL).toList();
        columnKeys = columns.rows().stream().map(r -> r.group().get(d.columns())).sorted(NATURAL).toList();
        for (String row : rowKeys) {
            List<Figure> line = new ArrayList<>();
            for (String column : columnKeys) {
                line.add(find(body, d.rows(), row, d.columns(), column));
            }
            line.add(find(rows, d.rows(), row, null, null));
            cells.add(line);
        }
        List<Figure> last = new ArrayList<>();
        for (String column : columnKeys) {
            last.add(find(columns, d.columns(), column, null, null));
        }
        last.add(figure(grand.rows().get(0)));
        cells.add(last);
        return new Table(d, indicator.unit(), period, rowKeys, columnKeys, cells, release.id(), release.minCount());
    }

    /** A percentage by the rows' dimension, with Albania as the last row. */
    private Table shareByRow(StandardTables.Definition d, Indicator indicator, YearMonth[] months, String period) {
        IndicatorResult byRow = ask(d.indicator(), months, List.of(d.rows()));
        IndicatorResult national = ask(d.indicator(), months, List.of());
        List<String> rowKeys = new ArrayList<>();
        List<List<Figure>> cells = new ArrayList<>();
        for (ResultRow r : byRow.rows()) {
            rowKeys.add(r.group().get(d.rows()));
            cells.add(List.of(figure(r)));
        }
        cells.add(List.of(figure(national.rows().get(0))));
        return new Table(d, indicator.unit(), period, rowKeys, List.of(), cells, release.id(), release.minCount());
    }

    /** Whether the same question over the whole year is answered (so that suggesting it is honest). */
    private boolean yearAnswers(String indicator, int year, List<String> groupBy) {
        try {
            indicators.answer(IndicatorQuery.of(indicator, YearMonth.of(year, 1), YearMonth.of(year, 12), PeriodType.RANGE)
                    .groupedBy(groupBy.toArray(String[]::new)));
            return true;
        } catch (QueryRefusedException e) {
            return false;
        }
    }

    private IndicatorResult ask(String indicator, YearMonth[] months, List<String> groupBy) {
        try {
            return indicators.answer(IndicatorQuery.of(indicator, months[0], months[1], PeriodType.RANGE).groupedBy(groupBy.toArray(String[]::new)));
        } catch (QueryRefusedException e) {
            boolean wholeYear = months[0].getMonthValue() == 1 && months[1].getMonthValue() == 12;
            throw new QueryRefusedException("Cannot make this table for " + months[0] + " to " + months[1] + ": " + e.getMessage()
                    .replaceFirst("^Cannot answer: ", "") + (wholeYear || !yearAnswers(indicator, months[0].getYear(), groupBy) ? ""
                    : "; ask for the year"));
        }
    }

    private static Figure find(IndicatorResult result, String d1, String v1, String d2, String v2) {
        Optional<ResultRow> row = result.rows().stream().filter(r -> v1.equals(r.group().get(d1)) && (d2 == null || v2.equals(r.group().get(d2))))
                .findFirst();
        return row.map(StatisticsAnswers::figure).orElse(new Figure(0.0, 0L, CellStatus.PUBLISHED));
    }

    private static Figure figure(ResultRow r) {
        return new Figure(r.value(), r.numerator(), r.status());
    }
}
