package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of rules (here, a new warehouse key) processes every slice again: a slice that has no file to process
 * (removed from the incoming folder) would keep facts keyed the old way beside facts keyed the new way, so the run is
 * refused, naming it, and nothing is written; with the file back, every stored key is the new key's.
 */
class RulesChangeTest {
    @TempDir
    Path work;

    private static String file(String month) {
        StringBuilder s = new StringBuilder("case_id,child_pseudonym,municipality,opened_date,referral_source,risk_category,sex,age,"
                + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason\n");
        for (int i = 1; i <= 3; i++) {
            s.append("C").append(i).append(',').append(pseudonym(i)).append(",Kukës,").append(month).append("-1").append(i)
                    .append(",school,neglect,M,10,,,,,\n");
        }
        return s.toString();
    }

    private static String pseudonym(int i) {
        return Integer.toHexString(i + 9).repeat(64).substring(0, 64);
    }

    private IngestJob job(String key) throws Exception {
        Path keyFile = Files.writeString(work.resolve(key + ".key"), key.repeat(4), UTF_8);
        return IngestJob.fromConfig(TestProject.spark(), AppConfig.load(TestProject.ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE),
                Map.of("etl.warehouse-key-file", keyFile.toString(), "warehouse.dir", work.resolve("warehouse").toString())));
    }

    @Test
    void aSliceWithoutAFileUnderNewRulesRefusesTheRunThenItsFileBackReKeysEverything() throws Exception {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        for (String m : List.of("2025-01", "2025-02")) {
            Files.writeString(incoming.resolve("cpu_AL-07_" + m + ".csv"), file(m), UTF_8);
        }
        IngestReport first = job("first-key-").run(incoming);
        Path removed = Files.move(incoming.resolve("cpu_AL-07_2025-01.csv"), work.resolve("cpu_AL-07_2025-01.csv"));
        Snapshots snapshots = new Snapshots(work.resolve("warehouse"));

        IngestJob rekeyed = job("second-key");
        assertThatThrownBy(() -> rekeyed.run(incoming)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rules changed").hasMessageContaining("1 slice(s)").hasMessageContaining("cpu_AL-07_2025-01")
                .hasMessageContaining("nothing was written");
        assertThat(snapshots.list()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(first.snapshotId()));

        Files.move(removed, incoming.resolve("cpu_AL-07_2025-01.csv"));
        IngestReport again = rekeyed.run(incoming);

        assertThat(again.filesProcessed()).isEqualTo(2);
        List<Long> stored = TestProject.spark().read().parquet(snapshots.find(again.snapshotId()).orElseThrow().dir()
                .resolve("fact_cpu_case").toString()).select("child_pseudonym").as(Encoders.LONG()).collectAsList();
        Set<Long> expected = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            expected.add(TestProject.storedKey("second-key".repeat(4).getBytes(UTF_8), pseudonym(i)));
        }
        assertThat(stored).hasSize(6);
        assertThat(new HashSet<>(stored)).isEqualTo(expected);
    }
}
