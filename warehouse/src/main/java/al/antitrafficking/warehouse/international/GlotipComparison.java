package al.antitrafficking.warehouse.international;

import al.antitrafficking.warehouse.international.GlotipFile.Figure;
import al.antitrafficking.warehouse.release.ReturnAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Albania's published UNODC series set beside the warehouse, and beside its neighbours. The warehouse side is the
 * public GLOTIP return of the release: a figure the release withholds is never compared (a flag would tell what it
 * holds), so a discrepancy is flagged only between two printed figures, or between UNODC's {@code <5} and a printed
 * figure that cannot be below five; beside a withheld figure UNODC's is not shown.
 */
public final class GlotipComparison {
    public static final String DETECTED = ReturnFiles.DETECTED;
    /** The neighbours the coordinator compares Albania with (ISO alpha-3 as UNODC's export has them; Kosovo is not in it). */
    public static final List<String> NEIGHBOURS = List.of("GRC", "MKD", "MNE", "XKX");
    /** The Western Balkans: Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia. */
    public static final List<String> WESTERN_BALKANS = List.of("ALB", "BIH", "XKX", "MNE", "MKD", "SRB");

    /** How a published figure and the warehouse's compare. */
    public enum Flag { SAME, DIFFERS, WITHHELD_HERE, ONLY_PUBLISHED, ONLY_WAREHOUSE, AMBIGUOUS_PUBLISHED }

    /** One breakdown of a year: UNODC's text (a number or {@code <5}), the warehouse's (a number or the release's mark). */
    public record Line(String dimension, String category, String sex, String age, String published, String warehouse, Flag flag) {}

    /** A country's totals by year as UNODC published them (text: a number, {@code <5}, or several values when ambiguous). */
    public record Series(String iso3, String name, Map<Integer, String> totals) {}

    /**
     * A sum over several countries by year, as a range: {@code <5} counts 0 to 4; a year with a member missing is not
     * summed. {@code missing}: members the export does not have at all.
     */
    public record Aggregate(String name, List<String> members, List<String> missing, Map<Integer, long[]> range) {}

    private GlotipComparison() {}

    /** Every breakdown UNODC's series and the public return share for the return's year, flagged. */
    public static List<Line> reconcile(GlotipSeries series, ReturnAnswers.Return publicGlotip) {
        Map<String, List<Figure>> published = new LinkedHashMap<>();
        for (Figure f : series.figures(List.of("ALB"), DETECTED)) {
            if (f.year() == publicGlotip.year()) {
                published.computeIfAbsent(key(f.dimension(), f.category(), f.sex(), f.age()), k -> new ArrayList<>()).add(f);
            }
        }
        Map<String, String> ours = new LinkedHashMap<>();
        List<List<String>> data = ReturnFiles.data(publicGlotip);
        for (List<String> line : data.subList(1, data.size())) {
            ours.put(key(line.get(5), line.get(6), line.get(7), line.get(8)), line.get(11));
        }
        List<String> keys = new ArrayList<>(ours.keySet());
        published.keySet().stream().filter(k -> !ours.containsKey(k)).forEach(keys::add);
        List<Line> lines = new ArrayList<>();
        for (String k : keys) {
            String[] p = k.split("\\|", -1);
            List<Figure> theirs = published.getOrDefault(k, List.of());
            String mine = ours.get(k);
            String theirText = theirs.isEmpty() ? null : String.join(" / ", theirs.stream().map(Figure::text).distinct().toList());
            Flag flag = flag(theirs, mine);
            // Beside a figure the release withholds, UNODC's is not shown: the page would set the two side by side for a reader.
            lines.add(new Line(p[0], p[1], p[2], p[3], flag == Flag.WITHHELD_HERE ? null : theirText, mine, flag));
        }
        return lines;
    }

    private static Flag flag(List<Figure> theirs, String mine) {
        if (theirs.isEmpty()) {
            return Flag.ONLY_WAREHOUSE;
        }
        if (mine == null) {
            return Flag.ONLY_PUBLISHED;
        }
        if (theirs.stream().map(Figure::text).distinct().count() > 1) {
            return Flag.AMBIGUOUS_PUBLISHED;
        }
        if (!mine.matches("[0-9]+")) {
            return Flag.WITHHELD_HERE;
        }
        long value = Long.parseLong(mine);
        Figure f = theirs.get(0);
        if (f.suppressed()) {
            // UNODC's <5 is a figure from 1 to 4; the release prints 0 or five and more.
            return Flag.DIFFERS;
        }
        return f.value().orElseThrow() == value ? Flag.SAME : Flag.DIFFERS;
    }

    /** Total detected victims by year for Albania and its neighbours, as published. */
    public static List<Series> neighbours(GlotipSeries series) {
        List<String> countries = new ArrayList<>(List.of("ALB"));
        countries.addAll(NEIGHBOURS);
        Map<String, Series> out = new LinkedHashMap<>();
        for (String iso3 : countries) {
            out.put(iso3, new Series(iso3, iso3, new TreeMap<>()));
        }
        Map<String, Map<Integer, List<String>>> texts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Figure f : totals(series, countries)) {
            names.put(f.iso3(), f.country());
            texts.computeIfAbsent(f.iso3(), k -> new TreeMap<>()).computeIfAbsent(f.year(), k -> new ArrayList<>()).add(f.text());
        }
        List<Series> result = new ArrayList<>();
        for (String iso3 : countries) {
            Map<Integer, String> byYear = new TreeMap<>();
            texts.getOrDefault(iso3, Map.of()).forEach((y, t) -> byYear.put(y, String.join(" / ", t.stream().distinct().toList())));
            result.add(new Series(iso3, names.getOrDefault(iso3, iso3), byYear));
        }
        return result;
    }

    /** The Western Balkans' total by year, as a range (see {@link Aggregate}). */
    public static Aggregate westernBalkans(GlotipSeries series) {
        Map<String, Map<Integer, List<Figure>>> byCountry = new LinkedHashMap<>();
        for (Figure f : totals(series, WESTERN_BALKANS)) {
            byCountry.computeIfAbsent(f.iso3(), k -> new TreeMap<>()).computeIfAbsent(f.year(), k -> new ArrayList<>()).add(f);
        }
        List<String> present = WESTERN_BALKANS.stream().filter(byCountry::containsKey).toList();
        List<String> missing = WESTERN_BALKANS.stream().filter(c -> !byCountry.containsKey(c)).toList();
        Map<Integer, long[]> range = new TreeMap<>();
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        byCountry.values().forEach(m -> years.addAll(m.keySet()));
        for (int year : years) {
            long low = 0;
            long high = 0;
            boolean complete = true;
            for (String c : present) {
                List<Figure> fs = byCountry.get(c).get(year);
                if (fs == null) {
                    complete = false;
                    break;
                }
                long lo = Long.MAX_VALUE;
                long hi = Long.MIN_VALUE;
                for (Figure f : fs) {
                    lo = Math.min(lo, f.value().orElse(0L));
                    hi = Math.max(hi, f.value().orElse(4L));
                }
                low += lo;
                high += hi;
            }
            if (complete) {
                range.put(year, new long[] {low, high});
            }
        }
        return new Aggregate("Western Balkans", present, missing, range);
    }

    private static List<Figure> totals(GlotipSeries series, List<String> countries) {
        return series.figures(countries, DETECTED).stream().filter(f -> f.dimension().equals("Total") && f.category().equals("Total")
                && f.sex().equals("Total") && f.age().equals("Total")).toList();
    }

    private static String key(String dimension, String category, String sex, String age) {
        return String.join("|", dimension, category, sex, age);
    }
}
