package al.antitrafficking.warehouse.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How periods are cut: months (2025-03), quarters (2025-Q1), years (2025), or the whole range asked for as one
 * period (2024-07/2025-06), for figures over any span such as a map or a ranking.
 */
public enum PeriodType {
    MONTH, QUARTER, YEAR, RANGE;

    /** The calendar period types, which the warehouse build pre-aggregates. */
    public static final List<PeriodType> CALENDAR = List.of(MONTH, QUARTER, YEAR);

    /**
     * The SQL expression of a date column's period label; the column comes from the allow-list. A range's label
     * is one bound value ({@code ?}), which the caller adds to the parameters.
     */
    String sql(String dateColumn) {
        return switch (this) {
            case MONTH -> "strftime(" + dateColumn + ", '%Y-%m')";
            case QUARTER -> "strftime(" + dateColumn + ", '%Y') || '-Q' || quarter(" + dateColumn + ")";
            case YEAR -> "strftime(" + dateColumn + ", '%Y')";
            case RANGE -> "CAST(? AS VARCHAR)";
        };
    }

    /**
     * The first day of a date column's period, to group by before labelling with {@link #sql}; for a range, the
     * range's own label (bound, like {@link #sql}'s).
     */
    String truncated(String dateColumn) {
        return switch (this) {
            case MONTH -> "date_trunc('month', " + dateColumn + ")";
            case QUARTER -> "date_trunc('quarter', " + dateColumn + ")";
            case YEAR -> "date_trunc('year', " + dateColumn + ")";
            case RANGE -> "CAST(? AS VARCHAR)";
        };
    }

    /** The label of the period a month of the range from..to falls in. */
    public String label(YearMonth month, YearMonth from, YearMonth to) {
        return switch (this) {
            case MONTH -> month.toString();
            case QUARTER -> month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(month.getYear());
            case RANGE -> from + "/" + to;
        };
    }

    /** The period labels from..to inclusive, in order. */
    public List<String> labels(YearMonth from, YearMonth to) {
        List<String> labels = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            String label = label(m, from, to);
            if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
                labels.add(label);
            }
        }
        return labels;
    }

    /** The period type of a label: 2025-03, 2025-Q1, 2025 or 2025-11/2026-10. */
    public static PeriodType ofLabel(String label) {
        if (label.contains("/")) {
            return RANGE;
        }
        if (label.contains("-Q")) {
            return QUARTER;
        }
        return label.length() == 4 ? YEAR : MONTH;
    }

    /** The months a period label covers, in order. */
    public static List<YearMonth> months(String label) {
        return switch (ofLabel(label)) {
            case MONTH -> List.of(YearMonth.parse(label));
            case QUARTER -> {
                YearMonth first = YearMonth.of(Integer.parseInt(label.substring(0, 4)), 3 * Integer.parseInt(label.substring(6)) - 2);
                yield List.of(first, first.plusMonths(1), first.plusMonths(2));
            }
            case YEAR -> {
                List<YearMonth> all = new ArrayList<>();
                for (int m = 1; m <= 12; m++) {
                    all.add(YearMonth.of(Integer.parseInt(label), m));
                }
                yield all;
            }
            case RANGE -> {
                List<YearMonth> all = new ArrayList<>();
                YearMonth to = YearMonth.parse(label.substring(label.indexOf('/') + 1));
                for (YearMonth m = YearMonth.parse(label.substring(0, label.indexOf('/'))); !m.isAfter(to); m = m.plusMonths(1)) {
                    all.add(m);
                }
                yield all;
            }
        };
    }
}
