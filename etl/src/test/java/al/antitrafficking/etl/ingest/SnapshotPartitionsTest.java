package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit's check of the fact tables' layout, on a staging folder laid out by hand: a partition no held slice owns
 * (the facts of a refused file, placed by mistake), a file outside a partition, or a held slice's partition gone stops
 * the commit, naming the partitions; the schema placeholder stands only in a table with no rows. Where this run refused
 * a correction and kept the earlier file, the kept partition is read back, so that the refused file's rows placed beside
 * the kept ones stop the commit too. Slices processed by an earlier snapshot are otherwise not read again: their
 * partitions here hold a stand-in file, and only the layout decides.
 */
class SnapshotPartitionsTest {
    private static final String RUN = "20261204T000000000Z";
    private static final String EARLIER = "20261101T000000000Z";

    @TempDir
    Path staging;
    @TempDir
    Path scratch;

    /** A slice held since an earlier snapshot. */
    private static InputRecord carried(String source, String county, String month, String status, long loaded) {
        return new InputRecord(source + "_" + county + "_" + month + ".csv", source, county, month, "0123456789abcdef0123", 100,
                "2026-11-01T00:00:00Z", status, null, null, loaded, loaded, 0L, EARLIER, SliceFate.CARRIED);
    }

    /** A file this run refused for its bad rows: none loaded, all quarantined (none written here: the fact tables are checked). */
    private static InputRecord refusedNow(String source, String county, String month, long rows) {
        return new InputRecord(source + "_" + county + "_" + month + ".csv", source, county, month, "fedcba98765432100123", 100,
                "2026-12-04T00:00:00Z", InputRecord.REJECTED, "TOO_MANY_BAD_ROWS", "refused", rows, 0L, null, RUN, SliceFate.REFUSED);
    }

    private Path partition(String table, String county, String month) throws IOException {
        Path p = staging.resolve(table).resolve("year=" + month.substring(0, 4)).resolve("county_code=" + county)
                .resolve("submission_month=" + month);
        Files.createDirectories(p);
        Files.writeString(p.resolve("part-00000.parquet"), "not read: the layout decides");
        return p;
    }

    /** Writes a Parquet file of {@code rows} facts of {@code file} into a partition, beside what it holds. */
    private void facts(Path partition, String file, int rows) throws IOException {
        StructType schema = new StructType().add("source_file", DataTypes.StringType).add("record_number", DataTypes.LongType);
        List<Row> data = new ArrayList<>();
        for (long i = 1; i <= rows; i++) {
            data.add(RowFactory.create(file, i));
        }
        Path out = scratch.resolve("write-" + System.nanoTime());
        TestProject.spark().createDataFrame(data, schema).coalesce(1).write().parquet(out.toUri().toString());
        Files.createDirectories(partition);
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(f, partition.resolve("part-" + System.nanoTime() + ".parquet"));
            }
        }
    }

    /** Every table but the CPU's holds its placeholder only; the CPU's table holds what each test puts there. */
    private List<InputRecord> layout(List<InputRecord> cpu) throws IOException {
        for (String table : List.of("fact_border_encounter", "fact_nrm_identification", "fact_service")) {
            Path placeholder = staging.resolve(table).resolve(SnapshotTables.PLACEHOLDER_PARTITION);
            Files.createDirectories(placeholder);
            Files.writeString(placeholder.resolve("part-00000.parquet"), "schema only");
        }
        return new ArrayList<>(cpu);
    }

    private Throwable commit(List<InputRecord> records) {
        try {
            new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN);
            return null;
        } catch (IllegalStateException e) {
            return e;
        }
    }

    @Test
    void theHeldSlicesPartitionsAndThePlaceholdersOfEmptyTablesPass() throws IOException {
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5),
                carried("cpu", "AL-07", "2025-02", InputRecord.LOADED, 3),
                carried("cpu", "AL-08", "2025-01", InputRecord.NIL_RETURN, 0)));
        partition("fact_cpu_case", "AL-07", "2025-01");
        partition("fact_cpu_case", "AL-07", "2025-02");

        assertThat(new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN)).containsEntry("fact_cpu_case", 8L)
                .containsEntry("fact_service", 0L);
    }

    @Test
    void thePartitionOfAFileRefusedThisRunStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5),
                refusedNow("cpu", "AL-07", "2025-02", 4)));
        partition("fact_cpu_case", "AL-07", "2025-01");
        facts(staging.resolve("fact_cpu_case/year=2025/county_code=AL-07/submission_month=2025-02"), "cpu_AL-07_2025-02.csv", 1);

        assertThat(commit(records)).hasMessage("Cannot commit snapshot: fact_cpu_case holds 1 folders or files of no slice held with "
                + "rows (year=2025/county_code=AL-07/submission_month=2025-02), and lacks 0 of the partitions it should hold");
    }

    @Test
    void aRefusedCorrectionsRowsBesideTheKeptFilesStopTheCommit() throws IOException {
        Path kept = staging.resolve("fact_cpu_case/year=2025/county_code=AL-07/submission_month=2025-02");
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-02", InputRecord.LOADED, 3),
                refusedNow("cpu", "AL-07", "2025-02", 4)));
        facts(kept, "cpu_AL-07_2025-02.csv", 3);
        assertThat(commit(records)).as("the kept file's rows alone").isNull();

        facts(kept, "cpu_AL-07_2025-02.csv", 1);
        assertThat(commit(records)).hasMessage("Cannot commit snapshot: the fact tables do not hold exactly the rows their files loaded");
    }

    @Test
    void aPartitionOfANilReturnStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-01", InputRecord.NIL_RETURN, 0)));
        partition("fact_cpu_case", "AL-07", "2025-01");

        assertThat(commit(records)).hasMessage("Cannot commit snapshot: fact_cpu_case holds 1 folders or files of no slice held with "
                + "rows (year=2025/county_code=AL-07/submission_month=2025-01), and lacks 1 of the partitions it should hold "
                + "(year=0/county_code=none/submission_month=none)");
    }

    @Test
    void aHeldSlicesPartitionGoneStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5),
                carried("cpu", "AL-07", "2025-02", InputRecord.LOADED, 3)));
        partition("fact_cpu_case", "AL-07", "2025-01");

        assertThat(commit(records)).hasMessage("Cannot commit snapshot: fact_cpu_case holds 0 folders or files of no slice held with "
                + "rows, and lacks 1 of the partitions it should hold (year=2025/county_code=AL-07/submission_month=2025-02)");
    }

    @Test
    void aTableWithNoRowsAndNoPlaceholderStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5)));
        partition("fact_cpu_case", "AL-07", "2025-01");
        org.apache.commons.io.file.PathUtils.deleteDirectory(staging.resolve("fact_service"));

        assertThat(commit(records)).hasMessage("Cannot commit snapshot: fact_service holds 0 folders or files of no slice held with "
                + "rows, and lacks 1 of the partitions it should hold (year=0/county_code=none/submission_month=none)");
    }

    @Test
    void thePlaceholderBesideRowsStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(carried("border", "AL-01", "2025-03", InputRecord.LOADED, 2)));
        partition("fact_border_encounter", "AL-01", "2025-03");

        assertThat(commit(records)).hasMessageContaining("fact_border_encounter holds 1 folders or files of no slice held with rows "
                + "(year=0/county_code=none/submission_month=none)");
    }

    @Test
    void filesOutsideAPartitionAndFoldersInsideOneStopTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(carried("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5)));
        Path kept = partition("fact_cpu_case", "AL-07", "2025-01");
        Files.writeString(staging.resolve("fact_cpu_case/year=2025/part-00001.parquet"), "beside the county folders");
        Files.createDirectories(kept.resolve("nested"));
        Files.writeString(kept.resolve("nested/part-00002.parquet"), "inside a folder of the partition");
        Files.writeString(staging.resolve("fact_cpu_case/stray.parquet"), "at the table's top");

        Files.writeString(staging.resolve("fact_cpu_case/year=2025/county_code=AL-07/part-00003.parquet"), "beside the month folders");

        assertThat(commit(records)).hasMessage("Cannot commit snapshot: fact_cpu_case holds 4 folders or files of no slice held with "
                + "rows (stray.parquet, year=2025/county_code=AL-07/part-00003.parquet, "
                + "year=2025/county_code=AL-07/submission_month=2025-01/nested, ...), and lacks 0 of the partitions it should hold");
    }
}
