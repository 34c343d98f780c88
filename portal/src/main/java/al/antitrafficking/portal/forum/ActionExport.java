package al.antitrafficking.portal.forum;

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

/** Action lists as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Albanian letters) and XLSX. */
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

    static byte[] xlsx(List<ActionView> actions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("actions");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i).header());
            }
            for (int r = 0; r < actions.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Object value = COLUMNS.get(i).value().apply(actions.get(r));
                    if (value instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
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
