package al.antitrafficking.warehouse.notebook;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.disclosure.Marks;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Results of the query layer as HTML tables for a notebook's output: groups down, periods across, each cell
 * a value or the sign of why it is not shown. Every text is escaped. Each table carries its disclosure note.
 */
public final class Html {
    /** Shown for every withheld figure, whatever the reason (one mark, as in every page and export). */
    public static final String WITHHELD = Marks.WITHHELD;
    /** Shown where the source sent nothing for the period. */
    public static final String NOT_REPORTED = Marks.NOT_REPORTED;

    private Html() {}

    /** The result pivoted: one row per group (labelled by {@code label}), one column per period. */
    public static String table(IndicatorResult result, Function<Map<String, String>, String> label) {
        Set<String> periods = new LinkedHashSet<>();
        Map<Map<String, String>, Map<String, ResultRow>> byGroup = new LinkedHashMap<>();
        for (ResultRow row : result.rows()) {
            periods.add(row.period());
            byGroup.computeIfAbsent(row.group(), g -> new LinkedHashMap<>()).put(row.period(), row);
        }
        StringBuilder html = new StringBuilder("<table><thead><tr><th>")
                .append(escape(result.groupBy().isEmpty() ? "Albania" : String.join(" × ", result.groupBy()))).append("</th>");
        for (String p : periods) {
            html.append("<th>").append(escape(p)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Map.Entry<Map<String, String>, Map<String, ResultRow>> g : byGroup.entrySet()) {
            html.append("<tr><th>").append(escape(g.getKey().isEmpty() ? "Albania" : label.apply(g.getKey()))).append("</th>");
            for (String p : periods) {
                html.append("<td style=\"text-align:right\">").append(escape(cell(g.getValue().get(p)))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").append(note(result)).toString();
    }

    /** The result pivoted, groups labelled by their dimension values. */
    public static String table(IndicatorResult result) {
        return table(result, g -> String.join(", ", g.values()));
    }

    /** A plain table of rows of text, the first row as its header. */
    public static String rows(List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<table>");
        for (int r = 0; r < rows.size(); r++) {
            html.append("<tr>");
            for (String v : rows.get(r)) {
                String tag = r == 0 ? "th" : "td";
                html.append('<').append(tag).append('>').append(escape(v)).append("</").append(tag).append('>');
            }
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    /** What a cell shows: its value (one decimal for shares, rates and medians), or the sign of why not. */
    public static String cell(ResultRow row) {
        if (row == null) {
            return "";
        }
        if (row.status() != CellStatus.PUBLISHED) {
            return Marks.of(row.status());
        }
        return row.value() == null ? "n/a" : row.value() == Math.rint(row.value()) && row.value() < 1e15
                ? String.format(Locale.ROOT, "%,d", row.value().longValue()) : String.format(Locale.ROOT, "%,.1f", row.value());
    }

    /** The disclosure note every table carries: snapshot, audience, threshold and the signs. */
    public static String note(IndicatorResult result) {
        List<String> parts = new ArrayList<>();
        parts.add("Indicator " + result.indicator() + ", release " + result.snapshot() + ".");
        if (result.audience() == Audience.INTERNAL) {
            parts.add("INTERNAL: figures not passed through disclosure control; not for publication.");
        } else {
            parts.add(Marks.legend(result.suppressionThreshold()).get("en"));
        }
        parts.add("n/a : no value (e.g. no population).");
        return "<p style=\"font-size:smaller\">" + escape(String.join(" ", parts)) + "</p>";
    }

    /** Text made safe for HTML. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean shown(ResultRow row) {
        return row.status() == CellStatus.PUBLISHED && row.value() != null;
    }
}
