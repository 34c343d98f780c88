package al.antitrafficking.etl.ingest.fuzz;

import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Names that break the naming rule {@code <source>_<county>_<yyyy-MM>.csv|.xlsx}, each with the problem it must be
 * refused for. A name of the wrong shape (or an unknown source) may hold a person's name and is never repeated: those
 * carry a marker, looked for in every output. A name of the right shape with an unknown county or an impossible or
 * future month is repeated by design.
 */
final class BrokenNames {
    record Broken(String name, String problem) {}

    private final Random random;
    private final Mutator mutator;
    private final YearMonth runMonth;

    BrokenNames(Random random, Mutator mutator, YearMonth runMonth) {
        this.random = random;
        this.mutator = mutator;
        this.runMonth = runMonth;
    }

    /** A broken name not in {@code taken} (which it joins), derived from the base file's slice. */
    Broken next(BaseFile base, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            Broken b = draw(base);
            if (taken.add(b.name())) {
                return b;
            }
            if (attempt > 1000) {
                throw new IllegalStateException("Cannot find a broken name not taken yet");
            }
        }
    }

    private Broken draw(BaseFile base) {
        String source = base.source().code();
        String county = base.county();
        String month = base.month().toString();
        List<Supplier<Broken>> shapes = List.of(
                () -> unnamed(capitalised(source) + "_" + county + "_" + month + "_" + mutator.marker() + ".csv"),
                () -> new Broken("ferry" + letters() + "_" + county + "_" + month + ".csv", "UNKNOWN_SOURCE"),
                () -> new Broken(source + "_" + unknownCounty() + "_" + month + ".csv", "UNKNOWN_COUNTY"),
                () -> new Broken(source + "_" + county + "_" + base.month().getYear() + (random.nextBoolean() ? "-13" : "-00") + ".csv",
                        "BAD_FILE_NAME"),
                () -> new Broken(source + "_" + county + "_" + runMonth.plusMonths(1 + random.nextInt(120)) + ".csv", "FUTURE_MONTH"),
                () -> unnamed(source + "_" + county + "_" + month + "_" + mutator.marker()
                        + List.of(".txt", ".CSV", ".csv.bak", ".xls", "", ".csv~").get(random.nextInt(6))),
                () -> unnamed("Arta_Hoxha_" + month + "_" + mutator.marker() + ".csv"),
                () -> unnamed(source + " " + county + " " + month + " " + mutator.marker() + ".csv"),
                () -> unnamed(source + "_" + county + "\n" + month + "\t" + mutator.marker() + ".csv"),
                () -> unnamed(source + "_" + county.replace("-0", "-") + "_" + month.replace("-", "") + mutator.marker() + ".csv"),
                () -> unnamed("kufiri_Kukës_" + month + " (" + mutator.marker() + ").csv"),
                () -> unnamed(source + "_" + county + "_" + month + "_" + mutator.marker() + "_" + "x".repeat(180) + ".csv"));
        return shapes.get(random.nextInt(shapes.size())).get();
    }

    private static Broken unnamed(String name) {
        return new Broken(name, "BAD_FILE_NAME");
    }

    private String unknownCounty() {
        int n = random.nextBoolean() ? 0 : 13 + random.nextInt(87);
        return (random.nextInt(4) == 0 ? "XK" : "AL") + String.format("-%02d", n);
    }

    private String letters() {
        return random.ints(3, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
