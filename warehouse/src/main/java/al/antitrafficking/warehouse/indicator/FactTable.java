package al.antitrafficking.warehouse.indicator;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts indicators are computed from, with the only columns a definition or a caller may name: the
 * allow-list that keeps anything a catalogue or a request says out of SQL except as a bound value.
 */
public enum FactTable {
    BORDER("border", "fact_border_encounter", Optional.of("border"), Set.of("encounter_date"),
            Map.of("sex", "sex", "age_band", "age_band", "citizenship", "citizenship", "county", "county_code",
                    "municipality", "municipality_code", "crossing", "crossing_code", "direction", "direction",
                    "accompaniment", "accompaniment"),
            Set.of("trafficking_indicators", "referred_to", "accompaniment", "direction", "sex", "age_band", "citizenship"),
            Map.of()),
    CPU("cpu", "fact_cpu_case", Optional.of("cpu"), Set.of("opened_date"),
            Map.of("sex", "sex", "age_band", "age_band", "county", "county_code", "municipality", "municipality_code",
                    "risk_category", "risk_category"),
            Set.of("risk_category", "referral_source", "nrm_referral_date", "assessment_date", "closed_date", "sex", "age_band"),
            Map.of("days_to_assessment", "date_diff('day', opened_date, assessment_date)")),
    NRM("nrm", "fact_nrm_identification", Optional.of("nrm"), Set.of("identification_date"),
            Map.of("status", "status", "exploitation_form", "exploitation_form", "scope", "scope", "sex", "sex",
                    "age_band", "age_band", "citizenship", "citizenship", "county", "county_code", "municipality", "municipality_code"),
            Set.of("status", "exploitation_form", "scope", "identifying_agency", "shelter_referral", "sex", "age_band"),
            Map.of()),
    SERVICES("services", "fact_service", Optional.of("services"), Set.of("start_date"),
            Map.of("service_type", "service_type", "provider", "provider", "county", "county_code"),
            Set.of("service_type", "provider", "end_date"),
            Map.of()),
    /** One row per child across mechanisms (child_pathway, built at warehouse build). */
    PATHWAY("pathway", "child_pathway", Optional.empty(), Set.of("first_contact_date", "first_border_date", "first_cpu_date",
            "first_nrm_date", "first_service_date"),
            Map.of("county", "first_county_code", "age_band", "first_age_band", "first_mechanism", "first_mechanism",
                    "outcome", "outcome", "nrm_delay_band", "nrm_delay_band"),
            Set.of("reached_border", "reached_cpu", "reached_nrm", "reached_services", "first_mechanism", "first_nrm_status",
                    "first_age_band", "days_first_contact_to_cpu", "days_border_to_cpu", "days_first_contact_to_nrm", "days_cpu_to_nrm", "days_nrm_to_service"),
            Map.of("days_first_contact_to_nrm", "days_first_contact_to_nrm", "days_first_contact_to_cpu", "days_first_contact_to_cpu",
                    "days_nrm_to_service", "days_nrm_to_service"));

    private final String code;
    private final String table;
    private final Optional<String> source;
    private final Set<String> dates;
    private final Map<String, String> dimensions;
    private final Set<String> conditionColumns;
    private final Map<String, String> days;

    FactTable(String code, String table, Optional<String> source, Set<String> dates, Map<String, String> dimensions,
              Set<String> conditionColumns, Map<String, String> days) {
        this.code = code;
        this.table = table;
        this.source = source;
        this.dates = dates;
        this.dimensions = dimensions;
        this.conditionColumns = conditionColumns;
        this.days = days;
    }

    public String code() {
        return code;
    }

    public String table() {
        return table;
    }

    /** Whether the fact holds one row per child, so that its distinct children are its rows (the pathway). */
    public boolean oneRowPerChild() {
        return this == PATHWAY;
    }

    /** The regional source whose files report this fact (none for the pathway, which draws on all). */
    public Optional<String> source() {
        return source;
    }

    boolean hasDate(String column) {
        return dates.contains(column);
    }

    /** The column of a dimension name, if this fact has it. */
    public Optional<String> dimensionColumn(String dimension) {
        return Optional.ofNullable(dimensions.get(dimension));
    }

    /** The dimension a column holds, if it is one of this fact's dimensions. */
    public Optional<String> dimensionOfColumn(String column) {
        return dimensions.entrySet().stream().filter(e -> e.getValue().equals(column)).map(Map.Entry::getKey).sorted().findFirst();
    }

    Set<String> dimensions() {
        return dimensions.keySet();
    }

    boolean allowsCondition(String column) {
        return conditionColumns.contains(column) || dimensions.containsValue(column);
    }

    public Optional<String> daysExpression(String name) {
        return Optional.ofNullable(days.get(name));
    }

    static Optional<FactTable> fromCode(String code) {
        for (FactTable f : values()) {
            if (f.code.equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
