package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slices never vanish unannounced: a second run after the region removed a file, sent a refused correction, sent
 * an .xlsx beside a loaded .csv, and withdrew a month. Expected fates and row counts are worked out by hand.
 */
class SliceFatesTest {
    @TempDir
    static Path work;
    static IngestReport second;
    static Path warehouse;

    static String file(String month, int rows, String planted) {
        StringBuilder s = new StringBuilder("case_id,child_pseudonym,municipality,opened_date,referral_source,risk_category,sex,age,"
                + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason\n");
        for (int i = 1; i <= rows; i++) {
            s.append("C").append(i).append(',').append(Integer.toHexString(i).repeat(64).substring(0, 64)).append(',')
                    .append(i == 2 && planted != null ? planted : "Kukës").append(',').append(month).append("-1").append(i)
                    .append(",school,neglect,M,10,,,,,\n");
        }
        return s.toString();
    }

    @BeforeAll
    static void twoRuns() throws IOException {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        warehouse = work.resolve("warehouse");
        for (String m : new String[] {"2025-01", "2025-02", "2025-03", "2025-04"}) {
            Files.writeString(incoming.resolve("cpu_AL-07_" + m + ".csv"), file(m, 5, null), UTF_8);
        }
        IngestJob job = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(warehouse));
        job.run(incoming);
        Files.delete(incoming.resolve("cpu_AL-07_2025-01.csv"));
        Path correction = Files.writeString(incoming.resolve("cpu_AL-07_2025-02.csv"), file("2025-02", 3, "069 123 4567"), UTF_8);
        Files.setLastModifiedTime(correction, FileTime.from(Instant.now().plusSeconds(5)));
        Files.copy(incoming.resolve("cpu_AL-07_2025-03.csv"), incoming.resolve("cpu_AL-07_2025-03.xlsx"));
        Files.delete(incoming.resolve("cpu_AL-07_2025-04.csv"));
        Files.writeString(incoming.resolve("cpu_AL-07_2025-04.withdraw"), "");
        second = job.run(incoming);
    }

    private static long rows(String month) {
        return TestProject.spark().read().parquet(new Snapshots(warehouse).find(second.snapshotId()).orElseThrow().dir()
                .resolve("fact_cpu_case").toString()).filter("submission_month = '" + month + "'").count();
    }

    private static SliceFate fate(String slice) {
        return second.slices().stream().filter(r -> slice.equals(r.slice())).findFirst().orElseThrow().fate();
    }

    @Test
    void aLoadedFileRemovedFromIncomingKeepsItsSlice() {
        assertThat(fate("cpu_AL-07_2025-01")).isEqualTo(SliceFate.KEPT_WITHOUT_FILE);
        assertThat(rows("2025-01")).isEqualTo(5);
    }

    @Test
    void aRefusedCorrectionKeepsTheEarlierSliceAndSaysSo() {
        assertThat(fate("cpu_AL-07_2025-02")).isEqualTo(SliceFate.KEPT_AFTER_REFUSAL);
        assertThat(rows("2025-02")).isEqualTo(5);
        assertThat(second.rejectedFiles()).anySatisfy(r -> assertThat(r.problem()).isEqualTo("PERSONAL_DATA"));
        assertThat(second.summary()).contains("KEPT_AFTER_REFUSAL", "cpu_AL-07_2025-02");
    }

    @Test
    void anXlsxBesideALoadedCsvIsRefusedAndTheLoadedRowsStay() {
        assertThat(fate("cpu_AL-07_2025-03")).isEqualTo(SliceFate.CARRIED);
        assertThat(rows("2025-03")).isEqualTo(5);
        assertThat(second.rejectedFiles()).anySatisfy(r -> {
            assertThat(r.fileName()).isEqualTo("cpu_AL-07_2025-03.xlsx");
            assertThat(r.problem()).isEqualTo("DUPLICATE_SUBMISSION");
        });
    }

    @Test
    void aWithdrawalTakesTheMonthOutAndIsReported() {
        assertThat(fate("cpu_AL-07_2025-04")).isEqualTo(SliceFate.WITHDRAWN);
        assertThat(rows("2025-04")).isZero();
        assertThat(second.summary()).contains("WITHDRAWN");
    }
}
