package al.antitrafficking.etl.contract;

import static al.antitrafficking.etl.contract.Field.choice;
import static al.antitrafficking.etl.contract.Field.optional;
import static al.antitrafficking.etl.contract.Field.required;
import static al.antitrafficking.etl.contract.FieldType.AGE;
import static al.antitrafficking.etl.contract.FieldType.COUNTRY;
import static al.antitrafficking.etl.contract.FieldType.COUNTY;
import static al.antitrafficking.etl.contract.FieldType.CROSSING;
import static al.antitrafficking.etl.contract.FieldType.DATE;
import static al.antitrafficking.etl.contract.FieldType.ID;
import static al.antitrafficking.etl.contract.FieldType.MUNICIPALITY;
import static al.antitrafficking.etl.contract.FieldType.PSEUDONYM;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four mechanisms that send files, and the columns each file carries (data contract version 1).
 * A file is named {@code <source>_<county code>_<yyyy-MM>.csv}, holds one county's month, and starts with
 * a header naming exactly these columns in any order.
 */
public enum Source {
    BORDER("border", "fact_border_encounter", "encounter_date", List.of(
            required("record_id", ID),
            required("child_pseudonym", PSEUDONYM),
            required("encounter_date", DATE),
            optional("crossing_code", CROSSING),
            optional("municipality", MUNICIPALITY),
            choice("direction", true, "entry", "exit", "inland"),
            choice("sex", true, "F", "M", "U"),
            required("age", AGE),
            required("citizenship", COUNTRY),
            choice("accompaniment", true, "accompanied", "unaccompanied", "separated"),
            choice("trafficking_indicators", true, "y", "n"),
            choice("referred_to", true, "cpu", "police", "nrm", "none"))),
    CPU("cpu", "fact_cpu_case", "opened_date", List.of(
            required("case_id", ID),
            required("child_pseudonym", PSEUDONYM),
            required("municipality", MUNICIPALITY),
            required("opened_date", DATE),
            choice("referral_source", true, "border_police", "state_police", "school", "health", "ngo", "family", "self", "other"),
            choice("risk_category", true, "child_on_the_move", "street_situation", "begging", "child_labour",
                    "trafficking_risk", "violence", "neglect"),
            choice("sex", true, "F", "M", "U"),
            required("age", AGE),
            optional("assessment_date", DATE),
            optional("case_plan_date", DATE),
            optional("nrm_referral_date", DATE),
            optional("closed_date", DATE),
            choice("closed_reason", false, "goals_met", "transferred", "moved_away", "aged_out", "other"))),
    NRM("nrm", "fact_nrm_identification", "identification_date", List.of(
            required("nrm_id", ID),
            required("child_pseudonym", PSEUDONYM),
            required("identification_date", DATE),
            choice("status", true, "potential", "presumed", "identified"),
            choice("exploitation_form", true, "sexual", "labour", "begging", "criminality", "forced_marriage", "other"),
            choice("scope", true, "internal", "transnational"),
            optional("exploitation_country", COUNTRY),
            choice("identifying_agency", true, "state_police", "border_police", "social_services", "cpu", "ngo", "other"),
            choice("sex", true, "F", "M", "U"),
            required("age", AGE),
            required("citizenship", COUNTRY),
            required("municipality", MUNICIPALITY),
            choice("shelter_referral", true, "y", "n"))),
    SERVICES("services", "fact_service", "start_date", List.of(
            required("service_id", ID),
            required("child_pseudonym", PSEUDONYM),
            choice("service_type", true, "shelter", "psychosocial", "legal", "education", "health", "reintegration"),
            choice("provider", true, "state", "ngo"),
            required("start_date", DATE),
            optional("end_date", DATE),
            required("county", COUNTY)));

    private final String code;
    private final String table;
    private final String eventDate;
    private final List<Field> fields;

    Source(String code, String table, String eventDate, List<Field> fields) {
        this.code = code;
        this.table = table;
        this.eventDate = eventDate;
        this.fields = List.copyOf(fields);
    }

    /** The name used in file names and in the warehouse's {@code source} columns. */
    public String code() {
        return code;
    }

    /** The warehouse table this source's accepted rows go to. */
    public String table() {
        return table;
    }

    /** The date that places a row in its month: it must fall in the month the file is named for. */
    public String eventDate() {
        return eventDate;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> columns() {
        return fields.stream().map(Field::name).toList();
    }

    /** The id column: the first field. */
    public String idColumn() {
        return fields.get(0).name();
    }

    public static Optional<Source> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
