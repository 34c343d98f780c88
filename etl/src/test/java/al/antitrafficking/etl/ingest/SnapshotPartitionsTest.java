package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit's check of the fact tables' partitions, on a staging folder laid out by hand: a partition no held slice
 * owns (the facts of a refused file, placed by mistake) or a held slice's partition gone stops the commit; the schema
 * placeholder stands only in a table with no rows. The slices here were all processed by an earlier snapshot (carried),
 * so the check's read-back of this run's rows has nothing to read: what stops or passes the commit is the layout.
 */
class SnapshotPartitionsTest {
    private static final String RUN = "20261204T000000000Z";
    private static final String EARLIER = "20261101T000000000Z";

    @TempDir
    Path staging;

    private static InputRecord record(String source, String county, String month, String status, long loaded) {
        return new InputRecord(source + "_" + county + "_" + month + ".csv", source, county, month, "0123456789abcdef0123", 100,
                "2026-11-01T00:00:00Z", status, null, null, loaded, loaded, 0L, EARLIER, SliceFate.CARRIED);
    }

    private Path partition(String table, String county, String month) throws IOException {
        Path p = staging.resolve(table).resolve("year=" + month.substring(0, 4)).resolve("county_code=" + county)
                .resolve("submission_month=" + month);
        Files.createDirectories(p);
        Files.writeString(p.resolve("part-00000.parquet"), "not read: the layout decides");
        return p;
    }

    /** Every table but the CPU's holds its placeholder only; the CPU's table holds the given partitions. */
    private List<InputRecord> layout(List<InputRecord> cpu) throws IOException {
        for (String table : List.of("fact_border_encounter", "fact_nrm_identification", "fact_service")) {
            Path placeholder = staging.resolve(table).resolve(SnapshotTables.PLACEHOLDER_PARTITION);
            Files.createDirectories(placeholder);
            Files.writeString(placeholder.resolve("part-00000.parquet"), "schema only");
        }
        return new ArrayList<>(cpu);
    }

    @Test
    void theHeldSlicesPartitionsAndThePlaceholdersOfEmptyTablesPass() throws IOException {
        List<InputRecord> records = layout(List.of(record("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5),
                record("cpu", "AL-07", "2025-02", InputRecord.LOADED, 3),
                record("cpu", "AL-08", "2025-01", InputRecord.NIL_RETURN, 0)));
        partition("fact_cpu_case", "AL-07", "2025-01");
        partition("fact_cpu_case", "AL-07", "2025-02");

        assertThat(new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN)).containsEntry("fact_cpu_case", 8L)
                .containsEntry("fact_service", 0L);
    }

    @Test
    void aPartitionOfARefusedFileStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(record("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5),
                record("cpu", "AL-07", "2025-02", InputRecord.REJECTED, 4)));
        partition("fact_cpu_case", "AL-07", "2025-01");
        partition("fact_cpu_case", "AL-07", "2025-02");

        assertThatThrownBy(() -> new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN))
                .hasMessage("Cannot commit snapshot: fact_cpu_case holds 1 partitions of no slice held with rows, and lacks 0 of the held slices'");
    }

    @Test
    void aPartitionOfANilReturnStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(record("cpu", "AL-07", "2025-01", InputRecord.NIL_RETURN, 0)));
        partition("fact_cpu_case", "AL-07", "2025-01");

        assertThatThrownBy(() -> new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN))
                .hasMessageContaining("fact_cpu_case holds 1 partitions of no slice held with rows");
    }

    @Test
    void aHeldSlicesPartitionGoneStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(record("cpu", "AL-07", "2025-01", InputRecord.LOADED, 5),
                record("cpu", "AL-07", "2025-02", InputRecord.LOADED, 3)));
        partition("fact_cpu_case", "AL-07", "2025-01");

        assertThatThrownBy(() -> new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN))
                .hasMessage("Cannot commit snapshot: fact_cpu_case holds 0 partitions of no slice held with rows, and lacks 1 of the held slices'");
    }

    @Test
    void thePlaceholderBesideRowsStopsTheCommit() throws IOException {
        List<InputRecord> records = layout(List.of(record("border", "AL-01", "2025-03", InputRecord.LOADED, 2)));
        partition("fact_border_encounter", "AL-01", "2025-03");

        assertThatThrownBy(() -> new SnapshotCheck(TestProject.spark()).verify(staging, records, RUN))
                .hasMessageContaining("fact_border_encounter holds 1 partitions of no slice held with rows");
    }
}
