package al.antitrafficking.etl.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.warehouse.contract.ContractDocument;
import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.etl.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataContractTest {
    @TempDir
    Path dir;

    @Test
    void theCommittedClerksDocumentIsTheRenderingOfTheContract() throws IOException {
        String committed = Files.readString(TestProject.ROOT.resolve("docs/data-contract.md"), UTF_8);

        assertThat(committed).as("docs/data-contract.md is out of date: run ContractDocument")
                .isEqualTo(ContractDocument.render(TestProject.CONTRACT));
    }

    @Test
    void theCommittedAlbanianDocumentIsTheRenderingOfTheContractAndEveryColumnHasItsMeaning() throws IOException {
        String committed = Files.readString(TestProject.ROOT.resolve("docs/data-contract.sq.md"), UTF_8);
        java.util.Map<String, String> albanian = ContractDocument.albanianDescriptions(TestProject.CONFIG.contractFile());

        assertThat(committed).as("docs/data-contract.sq.md is out of date: run ContractDocument")
                .isEqualTo(ContractDocument.renderAlbanian(TestProject.CONTRACT, albanian));
        for (Source source : Source.values()) {
            assertThat(albanian.keySet()).as(source.code()).containsAll(TestProject.CONTRACT.columns(source).stream()
                    .map(c -> source.code() + "|" + c).toList());
        }
        assertThat(committed).contains("| `sex` | choice | po | `F`, `M`, `U` |").contains("Njësinë për Mbrojtjen e Fëmijëve");
    }

    @Test
    void givesEachSourceItsColumnsWithTheIdFirst() {
        assertThat(TestProject.CONTRACT.columns(Source.BORDER)).startsWith("record_id", "child_pseudonym").hasSize(12);
        assertThat(TestProject.CONTRACT.idColumn(Source.NRM)).isEqualTo("nrm_id");
        assertThat(TestProject.CONTRACT.fields(Source.CPU).stream().filter(f -> f.name().equals("risk_category")).findFirst().orElseThrow()
                .allowed()).contains("child_on_the_move", "trafficking_risk");
        assertThat(TestProject.CONTRACT.version()).isEqualTo("v1");
    }

    @Test
    void refusesAContractWhoseSourceLacksItsEventDate() throws IOException {
        String broken = Files.readString(TestProject.CONFIG.contractFile(), UTF_8).replace("border,encounter_date,DATE", "border,encounter_date,ID");
        Path file = Files.writeString(dir.resolve("v9.csv"), broken, UTF_8);

        assertThatThrownBy(() -> DataContract.load(file)).hasMessageContaining("border lacks its DATE field encounter_date");
    }

    @Test
    void refusesAnUnknownTypeNamingTheLine() throws IOException {
        String broken = Files.readString(TestProject.CONFIG.contractFile(), UTF_8).replace("cpu,sex,CHOICE", "cpu,sex,GENDER");
        Path file = Files.writeString(dir.resolve("v9.csv"), broken, UTF_8);

        assertThatThrownBy(() -> DataContract.load(file)).hasMessageContaining("unknown type GENDER").hasMessageContaining("line");
    }
}
