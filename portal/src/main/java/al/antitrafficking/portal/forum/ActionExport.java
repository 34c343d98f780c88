package al.antitrafficking.portal.forum;

import al.antitrafficking.warehouse.forum.ActionStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Action lists as CSV for machines (UTF-8 with a byte-order mark, so spreadsheet programs read Albanian letters; codes,
 * ISO dates, English headers) and as XLSX for people, in the chosen language.
 */
final class ActionExport {
    private record Column(String header, Function<ActionView, Object> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("id", ActionView::id),
            new Column("forum_id", ActionView::forumId),
            new Column("action", ActionView::text),
            new Column("finding", ActionView::finding),
            new Column("responsible_institution", ActionView::responsibleInstitution),
            new Column("county_code", ActionView::countyCode),
            new Column("county", ActionView::countyName),
            new Column("due_date", ActionView::dueDate),
            new Column("status", ActionView::status),
            new Column("overdue", v -> v.overdue() ? "yes" : "no"),
            new Column("drop_reason", v -> v.dropReason() == null ? "" : v.dropReason()),
            new Column("indicators", v -> String.join(" ", v.indicators())),
            new Column("example", v -> v.example() ? "example, not a fact" : ""),
            new Column("last_changed", ActionView::updatedAt),
            new Column("last_changed_by", ActionView::updatedBy));

    private ActionExport() {}

    static String csv(List<ActionView> actions) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, al.antitrafficking.portal.Csv.FORMAT)) {
            printer.printRecord(COLUMNS.stream().map(Column::header).toList());
            for (ActionView a : actions) {
                printer.printRecord(COLUMNS.stream().map(c -> al.antitrafficking.portal.Csv.neutralise(String.valueOf(c.value().apply(a)))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV export", e);
        }
        return out.toString();
    }

    /** The Albanian headers of the workbook, column by column. */
    private static final List<String> HEADERS_SQ = List.of("nr", "nr_i_forumit", "veprimi", "gjetja", "institucioni_pergjegjes",
            "kodi_i_qarkut", "qarku", "afati", "statusi", "me_vonese", "arsyeja_e_anulimit", "treguesit", "shembull",
            "ndryshuar_me", "ndryshuar_nga");

    private static final java.util.Map<ActionStatus, String> STATUS_SQ = java.util.Map.of(ActionStatus.PROPOSED, "E propozuar",
            ActionStatus.UNDER_REVIEW, "Në shqyrtim nga Koordinatori Kombëtar", ActionStatus.INTEGRATED, "E integruar në planin e MKR",
            ActionStatus.IN_PROGRESS, "Në zbatim", ActionStatus.DONE, "E përfunduar", ActionStatus.DROPPED, "E anuluar");

    /**
     * The list as a workbook for people, in a language (sq or en): headers, statuses and yes/no in that language, texts typed
     * in another one as translated ({@code text}: the exact-words translations; institutions by {@code institution}), the
     * due date as a date cell the spreadsheet shows in its reader's way.
     */
    static byte[] xlsx(List<ActionView> actions, String lang, java.util.function.UnaryOperator<String> text,
                       java.util.function.UnaryOperator<String> institution) {
        boolean sq = lang.equals("sq");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sq ? "veprimet" : "actions");
            org.apache.poi.ss.usermodel.CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(sq ? HEADERS_SQ.get(i) : COLUMNS.get(i).header());
            }
            for (int r = 0; r < actions.size(); r++) {
                Row row = sheet.createRow(r + 1);
                ActionView a = actions.get(r);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    String column = COLUMNS.get(i).header();
                    Object value = switch (column) {
                        case "action", "finding" -> text.apply(String.valueOf(COLUMNS.get(i).value().apply(a)));
                        case "responsible_institution" -> institution.apply(a.responsibleInstitution());
                        case "status" -> sq ? STATUS_SQ.get(a.status()) : a.status().name();
                        case "overdue" -> a.overdue() ? (sq ? "po" : "yes") : (sq ? "jo" : "no");
                        case "example" -> a.example() ? (sq ? "shembull, jo fakt" : "example, not a fact") : "";
                        default -> COLUMNS.get(i).value().apply(a);
                    };
                    if (value instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (value instanceof java.time.LocalDate d) {
                        org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
                        cell.setCellValue(d);
                        cell.setCellStyle(day);
                    } else {
                        row.createCell(i).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write XLSX export", e);
        }
    }
}
