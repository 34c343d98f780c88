package al.antitrafficking.warehouse.notebook;

import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Small SVG charts for a notebook's output, drawn from the query layer's results: lines over periods and ranked
 * horizontal bars. Withheld or unreported values are gaps, never zeros. Colours are the Okabe-Ito palette, which
 * stays distinct for colour-blind readers.
 */
public final class Svg {
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;

    private Svg() {}

    /** One line per group over the result's periods. */
    public static String lines(String title, IndicatorResult result, Function<Map<String, String>, String> label) {
        List<String> periods = new ArrayList<>(new LinkedHashSet<>(result.rows().stream().map(ResultRow::period).toList()));
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (ResultRow row : result.rows()) {
            String key = row.group().isEmpty() ? "Albania" : label.apply(row.group());
            List<Double> values = series.computeIfAbsent(key, k -> new ArrayList<>(java.util.Collections.nCopies(periods.size(), null)));
            values.set(periods.indexOf(row.period()), Html.shown(row) ? row.value() : null);
        }
        return lines(title, periods, series);
    }

    /** Lines over the x labels; a null value leaves a gap. */
    public static String lines(String title, List<String> x, Map<String, List<Double>> series) {
        double max = series.values().stream().flatMap(List::stream).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        double top = niceCeiling(max);
        StringBuilder svg = frame(title, top);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int step = Math.max(1, x.size() / 12);
        for (int i = 0; i < x.size(); i += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    xAt(i, x.size(), plotWidth), HEIGHT - BOTTOM + 16, Html.escape(x.get(i))));
        }
        int s = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            String colour = PALETTE[s % PALETTE.length];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < e.getValue().size(); i++) {
                Double v = e.getValue().get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", xAt(i, x.size(), plotWidth), yAt(v, top)));
                pen = true;
            }
            svg.append("<path fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" d=\"").append(path.toString().trim())
                    .append("\"/>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", WIDTH - RIGHT + 12, TOP + 18 * s, colour,
                    WIDTH - RIGHT + 30, TOP + 18 * s + 10, Html.escape(e.getKey())));
            s++;
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, largest first; {@code highlight} (a label) is drawn in the second colour. */
    public static String bars(String title, Map<String, Double> values, String highlight) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort((a, b) -> Double.compare(b.getValue() == null ? -1 : b.getValue(), a.getValue() == null ? -1 : a.getValue()));
        return barsInOrder(title, sorted, highlight);
    }

    /** Horizontal bars in the order given (the steps of a path, say). */
    public static String barsInOrder(String title, Map<String, Double> values) {
        return barsInOrder(title, new ArrayList<>(values.entrySet()), null);
    }

    private static String barsInOrder(String title, List<Map.Entry<String, Double>> sorted, String highlight) {
        double max = sorted.stream().map(Map.Entry::getValue).filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(1);
        int rowHeight = 22;
        int height = TOP + rowHeight * sorted.size() + 20;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">"
                        + "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>", WIDTH, height, 10, Html.escape(title)));
        int labelWidth = Math.min(380, 16 + 7 * sorted.stream().mapToInt(e -> e.getKey().length()).max().orElse(10));
        int barWidth = WIDTH - labelWidth - 90;
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, Double> e = sorted.get(i);
            int y = TOP + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                    labelWidth - 6, y + 14, Html.escape(e.getKey())));
            if (e.getValue() == null) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">withheld or not reported</text>",
                        labelWidth + 4, y + 14));
                continue;
            }
            double w = max <= 0 ? 0 : barWidth * e.getValue() / max;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", labelWidth, y + 2, w,
                    e.getKey().equals(highlight) ? PALETTE[1] : PALETTE[0], labelWidth + w + 4, y + 14,
                    String.format(Locale.ROOT, "%,.1f", e.getValue())));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder frame(String title, double top) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">"
                        + "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>", WIDTH, HEIGHT, 10, Html.escape(title)));
        int ticks = ticks(top);
        for (int i = 0; i <= ticks; i++) {
            double v = top * i / ticks;
            double y = yAt(v, top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 3,
                    String.format(Locale.ROOT, top >= 10 ? "%,.0f" : "%,.1f", v)));
        }
        return svg;
    }

    private static double xAt(int i, int n, int plotWidth) {
        return LEFT + (n <= 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1));
    }

    private static double yAt(double v, double top) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / top);
    }

    /** How many intervals the axis up to {@code top} (1, 2 or 5 times a power of ten) has, so that each tick is round. */
    static int ticks(double top) {
        double leading = top / Math.pow(10, Math.floor(Math.log10(top)));
        return Math.abs(leading - 2) < 1e-9 ? 4 : 5;
    }

    /** A round number at or above {@code max}: 1, 2 or 5 times a power of ten. */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= max) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
