package al.antitrafficking.warehouse.indicator;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Denominators of rates. Residents by county come from the 2011 and 2023 censuses (conf/reference/counties.csv):
 * a census year gives the census figure; any other year a linear estimate between the two censuses (held at
 * the nearest census outside them), flagged as an estimate. Children (0-17) by county come from
 * conf/reference/child_population.csv, empty until a source is supplied: then there is no denominator.
 * "" stands for Albania as a whole.
 */
public final class Population {
    private static final int FIRST_CENSUS = 2011;
    private static final int SECOND_CENSUS = 2023;

    /** A denominator and whether it is an estimate rather than a census figure. */
    public record Figure(double value, boolean estimate) {}

    private final Map<String, long[]> census = new HashMap<>();
    private final Map<String, Map<Integer, Long>> children = new HashMap<>();

    private Population() {}

    public static Population load(Territory territory, Path referenceDir) {
        Population p = new Population();
        long[] national = new long[2];
        for (County c : territory.counties()) {
            p.census.put(c.code(), new long[] {c.population2011(), c.population2023()});
            national[0] += c.population2011();
            national[1] += c.population2023();
        }
        p.census.put("", national);
        Path file = referenceDir.resolve("child_population.csv");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(reader)) {
                    if (r.get("source").isBlank()) {
                        throw new IllegalStateException("Cannot load child population: line " + r.getRecordNumber() + " names no source");
                    }
                    p.children.computeIfAbsent(r.get("county_code"), k -> new HashMap<>())
                            .put(Integer.parseInt(r.get("year")), Long.parseLong(r.get("population")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load child population " + file, e);
            }
        }
        return p;
    }

    /** Residents of a county ("" for Albania) in a year. */
    public Optional<Figure> residents(String county, int year) {
        long[] c = census.get(county);
        if (c == null) {
            return Optional.empty();
        }
        if (year == FIRST_CENSUS || year == SECOND_CENSUS) {
            return Optional.of(new Figure(year == FIRST_CENSUS ? c[0] : c[1], false));
        }
        int clamped = Math.max(FIRST_CENSUS, Math.min(SECOND_CENSUS, year));
        double share = (clamped - FIRST_CENSUS) / (double) (SECOND_CENSUS - FIRST_CENSUS);
        return Optional.of(new Figure(c[0] + (c[1] - c[0]) * share, true));
    }

    /** Children aged 0-17 of a county in a year, when a source has supplied them. */
    public Optional<Figure> children(String county, int year) {
        return Optional.ofNullable(children.getOrDefault(county, Map.of()).get(year)).map(v -> new Figure(v, false));
    }
}
