package al.antitrafficking.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The portal talks to the warehouse through its query API only: no Spark, DuckDB or JDBC in the portal. */
class ArchitectureTest {
    @Test
    void sparkIsNotOnThePortalsClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void portalSourcesImportNeitherDuckDbNorJdbcNorSpark() throws IOException {
        List<Path> files = files("portal/src/main/java", ".java");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readString(file, UTF_8)).as(file.toString())
                    .doesNotContain("import org.duckdb").doesNotContain("import java.sql").doesNotContain("import org.apache.spark");
        }
    }

    @Test
    void pageScriptsNeverInsertTextAsHtml() throws IOException {
        // Free text people typed is rendered with textContent only, so it can never run as markup.
        List<Path> files = files("portal/src/main/resources/public", ".js");
        assertThat(files).hasSizeGreaterThan(3);
        for (Path file : files) {
            assertThat(Files.readString(file, UTF_8)).as(file.toString())
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write");
        }
    }

    private static List<Path> files(String folder, String ending) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(System.getProperty("project.root", "..")).resolve(folder))) {
            return walk.filter(p -> p.toString().endsWith(ending)).toList();
        }
    }
}
