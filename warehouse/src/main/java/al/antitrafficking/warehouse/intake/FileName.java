package al.antitrafficking.warehouse.intake;

import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.reference.Territory;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;

/**
 * A regional file's name read by the naming rule ({@link Landed#NAME}): its source, county and month, or the reason it
 * is refused. One reading for the incoming folder and for files sent through the portal. {@code source} is null when
 * the name broke the rule or named no known source: such a name is never repeated (it could hold a person's name), so
 * {@code message} is then null and the caller refers to the file by a label.
 */
public record FileName(String name, Source source, String countyCode, String month, YearMonth yearMonth, FileProblem problem,
                       String message) {

    /** Reads {@code name}; months after {@code now} or before {@link Landed#FIRST_MONTH} are refused. */
    public static FileName read(String name, Territory territory, YearMonth now) {
        Matcher m = name == null ? null : Landed.NAME.matcher(name);
        if (m == null || !m.matches()) {
            return new FileName(name, null, null, null, null, FileProblem.BAD_FILE_NAME, null);
        }
        Source source = Source.fromCode(m.group(1)).orElse(null);
        if (source == null) {
            return new FileName(name, null, null, null, null, FileProblem.UNKNOWN_SOURCE, null);
        }
        String county = m.group(2);
        String month = m.group(3);
        if (territory.findCounty(county).isEmpty()) {
            return refused(name, source, county, month, FileProblem.UNKNOWN_COUNTY, "unknown county code " + county + " in " + name);
        }
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return refused(name, source, county, month, FileProblem.BAD_FILE_NAME, "month " + month + " in " + name + " is not a calendar month");
        }
        if (yearMonth.isBefore(Landed.FIRST_MONTH)) {
            return refused(name, source, county, month, FileProblem.BAD_FILE_NAME, name + " is for " + month + ", before "
                    + Landed.FIRST_MONTH + "; check the month in the file name");
        }
        if (yearMonth.isAfter(now)) {
            return refused(name, source, county, month, FileProblem.FUTURE_MONTH, name + " is for " + month + ", after the current month ("
                    + now + "); check the month in the file name");
        }
        return new FileName(name, source, county, month, yearMonth, null, null);
    }

    private static FileName refused(String name, Source source, String county, String month, FileProblem problem, String reason) {
        return new FileName(name, source, county, month, null, problem, "Cannot load submission: " + reason);
    }

    /** Whether the name says a known source, county and a month that may be sent. */
    public boolean accepted() {
        return problem == null;
    }
}
