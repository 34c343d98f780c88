package al.antitrafficking.portal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A release's public files as anyone who downloads them reads them (commons-csv over the ledger folder, not the
 * warehouse's reader): every printed cell of {@code cells.csv.gz}, and each table's finest grain per level of
 * {@code tables.csv}. Tests compare the portal's answers with them.
 */
public final class LedgerFiles {
    /** A printed cell: its status, and its value when published. */
    public record Cell(String status, Long value) {}

    private static final CSVFormat HEADED = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final Map<String, Cell> cells = new HashMap<>();
    private final Map<String, String> grains = new HashMap<>();

    public LedgerFiles(Path releaseDir) {
        try (Reader in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(releaseDir.resolve("cells.csv.gz"))), UTF_8)) {
            for (CSVRecord r : HEADED.parse(in)) {
                cells.put(key(r.get("family"), r.get("criteria"), r.get("territory"), r.get("period")),
                        new Cell(r.get("status"), r.get("value").isEmpty() ? null : Long.valueOf(r.get("value"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Reader in = Files.newBufferedReader(releaseDir.resolve("tables.csv"), UTF_8)) {
            for (CSVRecord r : HEADED.parse(in)) {
                grains.put(r.get("table") + "@" + r.get("level"), r.get("grain"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell of a family's rows meeting criteria, in a territory (AL, a county or municipality code) and period. */
    public Optional<Cell> cell(String family, String criteria, String territory, String period) {
        return Optional.ofNullable(cells.get(key(family, criteria, territory, period)));
    }

    /** The finest grain (MONTH, QUARTER, YEAR) of a table at a level (ALBANIA, COUNTY, MUNICIPALITY), if published there. */
    public Optional<String> grain(String table, String level) {
        return Optional.ofNullable(grains.get(table + "@" + level));
    }

    public int size() {
        return cells.size();
    }

    /** How many printed cells have the status. */
    public long count(String status) {
        return cells.values().stream().filter(c -> c.status().equals(status)).count();
    }

    private static String key(String family, String criteria, String territory, String period) {
        return family + "|" + criteria + "|" + territory + "|" + period;
    }
}
