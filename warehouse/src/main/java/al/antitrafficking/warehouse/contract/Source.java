package al.antitrafficking.warehouse.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four mechanisms that send files. A file is named {@code <source>_<county code>_<yyyy-MM>.csv} (or
 * .xlsx), holds one county's month, and carries the columns of the {@link DataContract}.
 */
public enum Source {
    BORDER("border", "fact_border_encounter", "encounter_date"),
    CPU("cpu", "fact_cpu_case", "opened_date"),
    NRM("nrm", "fact_nrm_identification", "identification_date"),
    SERVICES("services", "fact_service", "start_date");

    private final String code;
    private final String table;
    private final String eventDate;

    Source(String code, String table, String eventDate) {
        this.code = code;
        this.table = table;
        this.eventDate = eventDate;
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

    public static Optional<Source> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
