package al.antitrafficking.warehouse.indicator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** How periods are cut: months (2025-03), quarters (2025-Q1) or years (2025). */
public enum PeriodType {
    MONTH, QUARTER, YEAR;

    /** The SQL expression of a date column's period label; the column comes from the allow-list. */
    String sql(String dateColumn) {
        return switch (this) {
            case MONTH -> "strftime(" + dateColumn + ", '%Y-%m')";
            case QUARTER -> "strftime(" + dateColumn + ", '%Y') || '-Q' || quarter(" + dateColumn + ")";
            case YEAR -> "strftime(" + dateColumn + ", '%Y')";
        };
    }

    String label(YearMonth month) {
        return switch (this) {
            case MONTH -> month.toString();
            case QUARTER -> month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(month.getYear());
        };
    }

    /** The period labels from..to inclusive, in order. */
    List<String> labels(YearMonth from, YearMonth to) {
        List<String> labels = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            String label = label(m);
            if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
                labels.add(label);
            }
        }
        return labels;
    }
}
