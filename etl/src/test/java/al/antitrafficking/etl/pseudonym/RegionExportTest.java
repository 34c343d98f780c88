package al.antitrafficking.etl.pseudonym;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.ingest.Pseudonyms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionExportTest {
    private static final String KEY = "regional-test-key-not-a-real-one";

    @TempDir
    Path dir;

    private RegionExport export() throws Exception {
        Path key = Files.writeString(dir.resolve("region.key"), KEY);
        return new RegionExport(TestProject.CONTRACT, Pseudonyms.fromKey(Optional.of(key), "NRM_REGION_KEY_UNUSED", "regional"));
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(UTF_8)));
    }

    @Test
    void writesAContractFileWithPseudonymAndAgeAndNoIdentity() throws Exception {
        Path raw = Files.writeString(dir.resolve("raw.csv"), String.join("\n",
                "given_name,family_name,birth_date,personal_number,case_id,municipality,opened_date,referral_source,risk_category,sex,"
                        + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason",
                "Artë,Hoxha,2011-05-20,J12345678K,C1,Kukës,2025-05-19,school,neglect,F,,,,,",
                "ARTE , HOXHA ,2011-05-20,,C2,Kukës,2025-05-20,school,neglect,F,,,,,",
                "Dritan,Kola,2009-01-01,,C3,Has,2025-05-02,ngo,begging,M,,,,,") + "\n", UTF_8);

        int rows = export().convert(Source.CPU, raw, dir.resolve("cpu_AL-07_2025-05.csv"));

        List<String> lines = Files.readAllLines(dir.resolve("cpu_AL-07_2025-05.csv"), UTF_8);
        assertThat(rows).isEqualTo(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", TestProject.CONTRACT.columns(Source.CPU)));
        String[] first = lines.get(1).split(",", -1);
        String[] second = lines.get(2).split(",", -1);
        // Worked by hand: the identity "arte|hoxha|2011-05-20" after folding case, diacritics and spaces.
        assertThat(first[1]).isEqualTo(hmac("arte|hoxha|2011-05-20")).isEqualTo(second[1]);
        assertThat(first[7]).isEqualTo("13");  // one day before the 14th birthday
        assertThat(second[7]).isEqualTo("14"); // on the birthday
        assertThat(String.join("\n", lines)).doesNotContain("Hoxha").doesNotContain("HOXHA").doesNotContain("J12345678K")
                .doesNotContain("2011-05-20").doesNotContain("Dritan");
    }

    @Test
    void refusesAnUnknownColumnByPositionAndWritesNothing() throws Exception {
        Path raw = Files.writeString(dir.resolve("raw.csv"), "given_name,family_name,birth_date,Shënime për fëmijën\n", UTF_8);

        assertThatThrownBy(() -> export().convert(Source.CPU, raw, dir.resolve("out.csv")))
                .hasMessageContaining("unknown column(s) at position(s) [4]").hasMessageNotContaining("Shënime");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void refusesBadBirthDatesByRowAndWritesNothing() throws Exception {
        Path raw = Files.writeString(dir.resolve("raw.csv"), String.join("\n",
                "given_name,family_name,birth_date,case_id,municipality,opened_date,referral_source,risk_category,sex,"
                        + "assessment_date,case_plan_date,nrm_referral_date,closed_date,closed_reason",
                "Arta,Hoxha,20/05/2011,C1,Kukës,2025-05-19,school,neglect,F,,,,,") + "\n", UTF_8);

        assertThatThrownBy(() -> export().convert(Source.CPU, raw, dir.resolve("out.csv")))
                .hasMessageContaining("row 1: birth_date is not a date").hasMessageNotContaining("20/05/2011");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void aMissingKeyIsAClearError() {
        assertThatThrownBy(() -> Pseudonyms.fromKey(Optional.of(dir.resolve("absent.key")), "NRM_REGION_KEY_SURELY_UNSET", "regional"))
                .hasMessageContaining("no regional key").hasMessageContaining("never commit a key");
    }
}
