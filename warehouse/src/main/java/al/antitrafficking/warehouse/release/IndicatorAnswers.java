package al.antitrafficking.warehouse.release;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Figures;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.QueryCheck;
import al.antitrafficking.warehouse.indicator.QueryRefusedException;
import al.antitrafficking.warehouse.indicator.ResultRow;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An indicator query answered from the release: every figure is a printed cell looked up, never computed. What the
 * release does not print is refused with a 400 that says what can be asked instead: a list of several values in a
 * filter ("every county but one"), a span that is not a whole month, quarter, year or published rolling window, a
 * breakdown or grain the release does not publish at that level. A percentage, rate or median is shown only when
 * every count it is made of is.
 */
final class IndicatorAnswers {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");

    private final PublishedRelease release;
    private final int deadlineDay;
    private final Instant now;

    IndicatorAnswers(PublishedRelease release, int deadlineDay, Instant now) {
        this.release = release;
        this.deadlineDay = deadlineDay;
        this.now = now;
    }

    IndicatorResult answer(IndicatorQuery q) {
        if (q.audience() != Audience.PUBLIC) {
            throw new IllegalArgumentException("Cannot answer from the release for the internal audience: internal figures come from the facts");
        }
        Indicator indicator = QueryCheck.check(release.catalogue(), q);
        ReleasePlan.IndicatorCells cells = release.plan().indicator(indicator.id()).orElseThrow();
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            if (f.getValue().size() != 1) {
                throw new QueryRefusedException("Cannot answer: a filter takes one value (" + f.getKey() + "=" + f.getValue().get(0)
                        + "); for every value ask group_by=" + f.getKey() + ". Figures of several values together are not published, "
                        + "since they could be subtracted from each other");
            }
        }
        Place place = place(indicator, q);
        List<String> dims = new ArrayList<>();
        q.groupBy().stream().filter(d -> !ReleasePlan.TERRITORY.contains(d)).forEach(dims::add);
        q.filters().keySet().stream().filter(d -> !ReleasePlan.TERRITORY.contains(d) && !dims.contains(d)).sorted().forEach(dims::add);
        List<String> tables = new ArrayList<>();
        String base = table(cells.family(), cells.base(), dims, indicator);
        tables.add(base);
        Optional<String> numeratorTable = cells.numerator().map(n -> table(cells.family(), n, dims, indicator));
        Optional<String> observationsTable = cells.observations().map(o -> table(cells.family(), o, dims, indicator));
        numeratorTable.ifPresent(tables::add);
        observationsTable.ifPresent(tables::add);
        List<String> periods = periods(q, tables, place.level(), indicator, dims);
        List<String> splits = splitsOf(base);
        List<List<String>> values = release.domains(base);
        for (String d : dims) {
            if (q.filters().containsKey(d) && !values.get(splits.indexOf(d)).contains(q.filters().get(d).get(0))) {
                throw new QueryRefusedException("Cannot answer: " + d + " takes no value " + q.filters().get(d).get(0) + " in the release; values: "
                        + values.get(splits.indexOf(d)));
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        for (Map<String, String> group : groups(q, place, splits, values)) {
            String territory = group.containsKey("county") && !q.filters().containsKey("county") ? group.get("county")
                    : group.containsKey("municipality") ? group.get("municipality") : place.territory();
            for (String period : periods) {
                rows.add(row(indicator, cells, group, territory, period, place.level(), observationsTable.orElse(base), numeratorTable));
            }
        }
        return new IndicatorResult(indicator.id(), indicator.unit(), q.periodType() == PeriodType.RANGE ? PeriodType.RANGE : q.periodType(),
                q.groupBy(), rows, release.minCount(), Audience.PUBLIC, release.id());
    }

    /** The territory the query covers: Albania, one county, one municipality, or every county or municipality as groups. */
    private record Place(Level level, String territory, List<String> territories) {}

    private Place place(Indicator indicator, IndicatorQuery q) {
        Optional<String> county = Optional.ofNullable(q.filters().get("county")).map(v -> v.get(0));
        county.ifPresent(c -> {
            if (!tabulationCounties().contains(c)) {
                throw new QueryRefusedException("Cannot answer: no county " + c + " in the release; counties are " + tabulationCounties());
            }
        });
        boolean byMunicipality = q.groupBy().contains("municipality") || q.filters().containsKey("municipality");
        if (byMunicipality && !indicator.publishedByMunicipality()) {
            throw new QueryRefusedException("Cannot answer: " + indicator.id() + " is published for Albania and by county only, not by "
                    + "municipality (too few children at that level)");
        }
        if (q.filters().containsKey("municipality")) {
            return new Place(Level.MUNICIPALITY, q.filters().get("municipality").get(0), List.of());
        }
        if (q.groupBy().contains("municipality")) {
            return new Place(Level.MUNICIPALITY, county.orElse(CellKey.ALBANIA), List.of());
        }
        if (q.groupBy().contains("county")) {
            return new Place(Level.COUNTY, CellKey.ALBANIA, county.map(List::of).orElse(tabulationCounties()));
        }
        return county.map(c -> new Place(Level.COUNTY, c, List.of())).orElse(new Place(Level.ALBANIA, CellKey.ALBANIA, List.of()));
    }

    private List<String> tabulationCounties() {
        return release.counties();
    }

    /** The published table of a family's criteria split by the dimensions asked, in the order the release keeps them. */
    private String table(Family family, Criteria criteria, List<String> dims, Indicator indicator) {
        List<List<String>> orders = dims.size() == 2 ? List.of(dims, List.of(dims.get(1), dims.get(0))) : List.of(dims);
        for (List<String> order : orders) {
            String id = ReleaseTable.idOf(family, criteria, order);
            if (release.published(id)) {
                return id;
            }
        }
        List<String> alone = indicator.dimensions().stream().filter(d -> !d.equals("county") && !d.equals("municipality")
                && release.published(ReleaseTable.idOf(family, criteria, List.of(d)))).toList();
        String elsewhere = alone.isEmpty() ? "as a total only" : "by " + String.join(", ", alone) + (alone.size() > 1 ? " (each alone)" : " alone");
        if (dims.size() > 1) {
            throw new QueryRefusedException("Cannot answer: " + indicator.id() + " is not published by " + String.join(" and ", dims)
                    + " together; it is published " + elsewhere + " and in the ministry's standard tables");
        }
        throw new QueryRefusedException("Cannot answer: " + indicator.id() + " is not published by " + (dims.isEmpty() ? "itself"
                : dims.get(0)) + ": too many of its figures would be withheld (too few children); it is published " + elsewhere);
    }

    private static List<String> splitsOf(String table) {
        String splits = table.substring(table.lastIndexOf('|') + 1);
        return splits.isEmpty() ? List.of() : List.of(splits.split(","));
    }

    /** The periods to answer: whole periods of the type asked within from..to, or the one span a range names. */
    private List<String> periods(IndicatorQuery q, List<String> tables, Level level, Indicator indicator, List<String> dims) {
        String where = level == Level.ALBANIA ? "for Albania" : "by " + level.name().toLowerCase(java.util.Locale.ROOT);
        String breakdown = dims.isEmpty() ? "" : " and " + String.join(" and ", dims);
        if (q.periodType() == PeriodType.RANGE) {
            String label = release.span(q.from(), q.to()).orElseThrow(() -> release.notASpan(q.from(), q.to()));
            PeriodType type = PeriodType.ofLabel(label);
            for (String table : tables) {
                if (!release.publishes(table, level, type)) {
                    throw notAtGrain(indicator, where + breakdown, table, level, type);
                }
            }
            return List.of(label);
        }
        for (String table : tables) {
            if (!release.publishes(table, level, q.periodType())) {
                throw notAtGrain(indicator, where + breakdown, table, level, q.periodType());
            }
        }
        List<String> labels = new ArrayList<>();
        Set<String> asked = new HashSet<>(q.periodType().labels(q.from(), q.to()));
        for (String period : release.periods(q.periodType())) {
            if (asked.contains(period)) {
                labels.add(period);
            }
        }
        return labels;
    }

    private QueryRefusedException notAtGrain(Indicator indicator, String where, String table, Level level, PeriodType type) {
        Optional<PeriodType> grain = release.grain(table, level);
        if (grain.isEmpty()) {
            return new QueryRefusedException("Cannot answer: " + where + ", " + indicator.id() + " is not published at all: too many of its "
                    + "figures there would be withheld (too few children)");
        }
        String offer = switch (grain.get()) {
            case MONTH -> "by month, quarter and year";
            case QUARTER -> "by quarter and year";
            default -> "by year";
        };
        if (type == PeriodType.RANGE) {
            return new QueryRefusedException("Cannot answer: " + where + ", " + indicator.id() + " is published " + offer
                    + ", not over a rolling window (rolling windows are published for totals only)");
        }
        return new QueryRefusedException("Cannot answer: " + where + ", " + indicator.id() + " is published " + offer + ", not by "
                + type.name().toLowerCase(java.util.Locale.ROOT) + ": its figures by " + type.name().toLowerCase(java.util.Locale.ROOT)
                + " there would be mostly withheld");
    }

    /** Every group to answer: the territories and the split values asked, in order. */
    private List<Map<String, String>> groups(IndicatorQuery q, Place place, List<String> splits, List<List<String>> values) {
        List<Map<String, String>> groups = new ArrayList<>();
        groups.add(new LinkedHashMap<>());
        for (String g : q.groupBy()) {
            List<String> options = switch (g) {
                case "county" -> place.territories();
                case "municipality" -> municipalities(place);
                default -> values.get(splits.indexOf(g));
            };
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> prefix : groups) {
                for (String v : options) {
                    Map<String, String> group = new LinkedHashMap<>(prefix);
                    group.put(g, v);
                    next.add(group);
                }
            }
            groups = next;
        }
        // Filters on splits fix a value without making a group of it.
        for (Map<String, String> group : groups) {
            q.filters().forEach((d, v) -> {
                if (!ReleasePlan.TERRITORY.contains(d) && !group.containsKey(d)) {
                    group.put("_" + d, v.get(0));
                }
            });
        }
        return groups;
    }

    private List<String> municipalities(Place place) {
        List<String> all = new ArrayList<>();
        for (String county : place.territory().equals(CellKey.ALBANIA) ? tabulationCounties() : List.of(place.territory())) {
            all.addAll(release.municipalitiesOf(county));
        }
        return all;
    }

    private ResultRow row(Indicator indicator, ReleasePlan.IndicatorCells cells, Map<String, String> group, String territory,
                          String period, Level level, String mainTable, Optional<String> numeratorTable) {
        Map<String, String> shown = new LinkedHashMap<>();
        group.forEach((k, v) -> {
            if (!k.startsWith("_")) {
                // A county's rows of no municipality show as not recorded.
                shown.put(k, v.indexOf(CellKey.NO_MUNICIPALITY) >= 0 ? Criteria.NOT_RECORDED : v);
            }
        });
        PublishedRelease.Figure main = figure(mainTable, cells.family(), criteria(cells.observations().orElse(cells.base()), group), group,
                territory, period);
        PublishedRelease.Figure second = numeratorTable.map(t -> figure(t, cells.family(), criteria(cells.numerator().get(), group), group,
                territory, period)).orElse(null);
        Set<String> flags = new java.util.TreeSet<>();
        if (partial(period)) {
            flags.add("PARTIAL_PERIOD");
        }
        CellStatus status = main.status();
        if (second != null && status == CellStatus.PUBLISHED) {
            status = second.status();
        }
        if (status == CellStatus.NOT_REPORTED && !due(period)) {
            status = CellStatus.NOT_YET_DUE;
        }
        if (status != CellStatus.PUBLISHED) {
            // A percentage withheld with one of its counts still shows the other where the release publishes it: what is
            // printed is exactly what the release publishes, no more and no less.
            Long numerator = second != null && second.status() == CellStatus.PUBLISHED ? second.value() : null;
            Double denominator = second != null && main.status() == CellStatus.PUBLISHED ? Double.valueOf(main.value()) : null;
            return new ResultRow(period, shown, null, numerator, denominator, status, flags);
        }
        String place = level == Level.ALBANIA ? "" : territory;
        ResultRow r = Figures.row(indicator.unit(), period, shown, main.value(), second == null ? 0 : second.value(), main.median(),
                release.population(), place);
        flags.addAll(r.flags());
        return new ResultRow(r.period(), r.group(), r.value(), r.numerator(), r.denominator(), r.status(), flags);
    }

    /** The criteria of a group: the base's with each split value of the group (and of the filters); empty when none can hold. */
    private static Optional<Criteria> criteria(Criteria base, Map<String, String> group) {
        Optional<Criteria> c = Optional.of(base);
        for (Map.Entry<String, String> e : group.entrySet()) {
            String d = e.getKey().startsWith("_") ? e.getKey().substring(1) : e.getKey();
            if (!ReleasePlan.TERRITORY.contains(d) && c.isPresent()) {
                c = c.get().and(d, e.getValue());
            }
        }
        return c;
    }

    /**
     * A printed cell. Criteria no row can meet (victims officially identified, by a status other than identified) count no
     * one: a zero. A cell the release does not hold is refused, never shown as withheld or as zero.
     */
    private PublishedRelease.Figure figure(String table, Family family, Optional<Criteria> criteria, Map<String, String> group,
                                           String territory, String period) {
        if (criteria.isEmpty() || !withinDomains(table, group)) {
            return new PublishedRelease.Figure(0L, null, CellStatus.PUBLISHED);
        }
        return release.cell(CellKey.of(family.id(), criteria.get().key(), territory, period)).orElseThrow(() -> new IllegalStateException(
                "Cannot answer: release " + release.id() + " holds no cell " + criteria.get().key() + " for " + territory + " in " + period));
    }

    /** Whether each split value of the group is one the table's rows take: a value no row took is a zero, not a cell. */
    private boolean withinDomains(String table, Map<String, String> group) {
        List<String> splits = splitsOf(table);
        List<List<String>> domains = release.domains(table);
        for (Map.Entry<String, String> e : group.entrySet()) {
            int i = splits.indexOf(e.getKey().startsWith("_") ? e.getKey().substring(1) : e.getKey());
            if (i >= 0 && !domains.get(i).contains(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a period reaches beyond the months the release covers. */
    private boolean partial(String period) {
        List<YearMonth> months = PeriodType.months(period);
        return months.get(0).isBefore(release.firstMonth()) || months.get(months.size() - 1).isAfter(release.lastMonth());
    }

    /** Whether the files for a period were due by now: the deadline day of the month after its last month, in Tirana. */
    private boolean due(String period) {
        List<YearMonth> months = PeriodType.months(period);
        YearMonth last = months.get(months.size() - 1);
        return !now.isBefore(last.plusMonths(1).atDay(deadlineDay).plusDays(1).atStartOfDay(TIRANA).toInstant());
    }
}
