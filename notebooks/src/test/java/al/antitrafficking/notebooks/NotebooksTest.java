package al.antitrafficking.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks, read as files: no outputs that could hold figures, the project's kernel, the project's
 * jars loaded from disk, and the internal audience only where a notebook says why. Running them is bin/test's
 * job (jupyter nbconvert against the demo warehouse).
 */
class NotebooksTest {
    private static final Path DIR = Path.of(System.getProperty("project.root", "..")).resolve("notebooks");
    private final ObjectMapper json = new ObjectMapper();

    private List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static String source(JsonNode cell) {
        StringBuilder s = new StringBuilder();
        cell.get("source").forEach(line -> s.append(line.asText()));
        return s.toString();
    }

    @Test
    void thereAreAtLeastThreeNotebooks() throws IOException {
        assertThat(notebooks()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void committedNotebooksCarryNoOutputs() throws IOException {
        for (Path p : notebooks()) {
            for (JsonNode cell : json.readTree(p.toFile()).get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    assertThat(cell.get("outputs")).as(p.getFileName() + ": outputs of " + source(cell)).isEmpty();
                    assertThat(cell.get("execution_count").isNull()).as(p.getFileName() + ": execution count").isTrue();
                }
            }
        }
    }

    @Test
    void eachNotebookRunsOnTheJavaKernelWithTheProjectsJarsAndTellsAStory() throws IOException {
        for (Path p : notebooks()) {
            JsonNode book = json.readTree(p.toFile());
            List<String> code = new ArrayList<>();
            int markdown = 0;
            for (JsonNode cell : book.get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    code.add(source(cell));
                } else {
                    markdown++;
                }
            }
            String all = String.join("\n", code);
            assertThat(book.at("/metadata/kernelspec/name").asText()).as(p.getFileName().toString()).isEqualTo("java");
            assertThat(all).as(p.getFileName() + " loads the jars Maven copied").contains("%jar target/lib").doesNotContain("%dependency");
            assertThat(all).as(p.getFileName() + " goes through the query layer").contains("NotebookWarehouse.open").contains("wh.query(");
            assertThat(all).as(p.getFileName() + " draws a table and a chart").contains("Html.").contains("Svg.");
            assertThat(markdown).as(p.getFileName() + " explains itself").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void onlyANotebookMarkedInternalAsksForUnsuppressedFigures() throws IOException {
        for (Path p : notebooks()) {
            JsonNode book = json.readTree(p.toFile());
            String text = Files.readString(p);
            boolean internal = text.contains("Audience.INTERNAL") || text.contains("openInternal");
            assertThat(book.at("/metadata/audience").asText()).as(p.getFileName().toString()).isEqualTo(internal ? "internal" : "public");
        }
    }
}
