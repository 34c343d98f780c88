package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.etl.contract.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionScannerTest {
    private static final String CPU_HEADER = String.join(",", Source.CPU.columns());

    @TempDir
    Path incoming;

    private SubmissionScanner.Scan scan() {
        return new SubmissionScanner(TestProject.TERRITORY).scan(incoming);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(incoming.resolve(name), content, UTF_8);
    }

    private FileRejection onlyRejection() {
        SubmissionScanner.Scan scan = scan();
        assertThat(scan.accepted()).isEmpty();
        assertThat(scan.rejected()).hasSize(1);
        return scan.rejected().get(0);
    }

    @Test
    void acceptsAWellNamedFileAndReadsSourceCountyAndMonthFromTheName() throws IOException {
        write("cpu_AL-07_2025-03.csv", CPU_HEADER + "\n");

        Submission s = scan().accepted().get(0);

        assertThat(s.source()).isEqualTo(Source.CPU);
        assertThat(s.countyCode()).isEqualTo("AL-07");
        assertThat(s.month()).isEqualTo(YearMonth.of(2025, 3));
    }

    @Test
    void rejectsUnknownCountyNamingFileAndCode() throws IOException {
        write("border_AL-13_2025-03.csv", String.join(",", Source.BORDER.columns()) + "\n");

        FileRejection r = onlyRejection();

        assertThat(r.problem()).isEqualTo(FileProblem.UNKNOWN_COUNTY);
        assertThat(r.message()).isEqualTo("Cannot load submission: unknown county code AL-13 in border_AL-13_2025-03.csv");
    }

    @Test
    void rejectsUnknownSource() throws IOException {
        write("ferry_AL-07_2025-03.csv", "a,b\n");

        FileRejection r = onlyRejection();

        assertThat(r.problem()).isEqualTo(FileProblem.UNKNOWN_SOURCE);
        assertThat(r.message()).contains("unknown source ferry in ferry_AL-07_2025-03.csv");
    }

    @Test
    void rejectsAFileNameWithoutSourceCountyAndMonth() throws IOException {
        write("kukes march.csv", CPU_HEADER + "\n");

        assertThat(onlyRejection().problem()).isEqualTo(FileProblem.BAD_FILE_NAME);
    }

    @Test
    void rejectsAMonthThatDoesNotExist() throws IOException {
        write("cpu_AL-07_2025-13.csv", CPU_HEADER + "\n");

        assertThat(onlyRejection().message()).contains("month 2025-13");
    }

    @Test
    void rejectsAZeroByteFileButNotAHeaderOnlyNilReturn() throws IOException {
        write("cpu_AL-07_2025-03.csv", "");
        write("cpu_AL-07_2025-04.csv", CPU_HEADER + "\n");

        SubmissionScanner.Scan scan = scan();

        assertThat(scan.rejected()).extracting(FileRejection::problem).containsExactly(FileProblem.EMPTY_FILE);
        assertThat(scan.accepted()).extracting(Submission::fileName).containsExactly("cpu_AL-07_2025-04.csv");
    }

    @Test
    void rejectsMissingRequiredColumnNamingIt() throws IOException {
        write("cpu_AL-07_2025-03.csv", CPU_HEADER.replace(",risk_category", "") + "\n");

        FileRejection r = onlyRejection();

        assertThat(r.problem()).isEqualTo(FileProblem.MISSING_COLUMNS);
        assertThat(r.message()).contains("cpu_AL-07_2025-03.csv").contains("[risk_category]");
    }

    @Test
    void rejectsAnExtraColumnWithoutRepeatingItsName() throws IOException {
        // A column headed with a child's name must not travel into reports or logs.
        write("cpu_AL-07_2025-03.csv", CPU_HEADER + ",Arta Hoxha\n");

        FileRejection r = onlyRejection();

        assertThat(r.problem()).isEqualTo(FileProblem.UNKNOWN_COLUMNS);
        assertThat(r.message()).contains("position(s) [14]").doesNotContainIgnoringCase("arta").doesNotContainIgnoringCase("hoxha");
    }

    @Test
    void rejectsDuplicateColumns() throws IOException {
        write("cpu_AL-07_2025-03.csv", CPU_HEADER + ",sex\n");

        assertThat(onlyRejection().problem()).isEqualTo(FileProblem.DUPLICATE_COLUMNS);
    }

    @Test
    void acceptsByteOrderMarkCarriageReturnsAndColumnsInAnotherOrder() throws IOException {
        List<String> reversed = new ArrayList<>(Source.CPU.columns());
        java.util.Collections.reverse(reversed);
        write("cpu_AL-07_2025-03.csv", "\uFEFF" + String.join(",", reversed) + "\r\n");

        SubmissionScanner.Scan scan = scan();

        assertThat(scan.rejected()).isEmpty();
        assertThat(scan.accepted().get(0).header()).isEqualTo(reversed);
    }

    @Test
    void rejectsAHeaderThatIsNotUtf8() throws IOException {
        byte[] latin = (CPU_HEADER + ",k\u00EBrkes\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(incoming.resolve("cpu_AL-07_2025-03.csv"), latin);

        assertThat(onlyRejection().problem()).isEqualTo(FileProblem.UNREADABLE_ENCODING);
    }
}
