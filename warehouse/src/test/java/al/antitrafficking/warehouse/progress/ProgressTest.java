package al.antitrafficking.warehouse.progress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line of a long command: done of total, share, rate and time left, worked out by hand below. */
class ProgressTest {
    @Test
    void aLineSaysHowMuchIsDoneHowFastAndHowLongIsLeft() {
        // 812 of 1,728 files in 16 s: 46% (812 * 100 / 1728 = 46.99, rounded down), 50.75 files/s shown as 51,
        // (1,728 - 812) / 50.75 = 18.05 s left.
        assertThat(Progress.line("etl", "checking files", 812, 1728, "files", Duration.ofSeconds(16), null))
                .isEqualTo("[etl] checking files: 812 of 1,728 files (46%), 51 files/s, about 18 s left (16 s so far)");
        // 337,697 of 1,000,000 rows in 29 s: 11,645 rows/s, 662,303 / 11,644.7 = 56.9 s left, shown as 56 s.
        assertThat(Progress.line("etl", "Spark", 337_697, 1_000_000, "rows", Duration.ofSeconds(29), "cpu"))
                .isEqualTo("[etl] Spark: 337,697 of 1,000,000 rows (33%), 11,645 rows/s, about 56 s left (29 s so far); cpu");
    }

    @Test
    void aStageOfUnknownSizeOrNothingDoneYetSaysOnlyWhatIsKnown() {
        assertThat(Progress.line("build", "protecting", 1_204, 0, "linear programs", Duration.ofSeconds(67), "round 2"))
                .isEqualTo("[build] protecting: 1,204 linear programs, 18 linear programs/s (1 min 7 s so far); round 2");
        // Under ten a second, one decimal: 32 in 76 s is 0.42.
        assertThat(Progress.line("build", "auditing", 32, 0, "linear programs", Duration.ofSeconds(76), null))
                .isEqualTo("[build] auditing: 32 linear programs, 0.4 linear programs/s (1 min 16 s so far)");
        assertThat(Progress.line("etl", "Spark", 0, 1_000_000, "rows", Duration.ofSeconds(4), null))
                .isEqualTo("[etl] Spark: 0 of 1,000,000 rows (0%) (4 s so far)");
        assertThat(Progress.line("build", "DuckDB", 0, 0, "", Duration.ofSeconds(3725), null)).isEqualTo("[build] DuckDB: 1 h 2 min so far");
    }

    @Test
    void aStartedReporterPrintsEachStagesStartAndEndAndNothingOnceStopped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Progress.start("etl", new PrintStream(out, true, UTF_8), Duration.ofHours(1));
        Progress.stage("checking files", 3, "files");
        Progress.step(1);
        Progress.step(2);
        Progress.stage("Spark", 0, "");
        Progress.stop();
        Progress.stage("after the stop", 1, "files");

        String[] lines = out.toString(UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).endsWith("[etl] checking files: 3 files ...");
        assertThat(lines[1]).matches("\\d\\d:\\d\\d:\\d\\d \\[etl\\] checking files: done, 3 files in \\d+\\.\\d s");
        assertThat(lines[2]).endsWith("[etl] Spark ...");
        assertThat(lines[3]).contains("[etl] Spark: done in ");
    }
}
