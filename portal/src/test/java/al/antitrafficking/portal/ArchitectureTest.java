package al.antitrafficking.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal talks to the warehouse through its query API only: no Spark, DuckDB or JDBC in the portal. (Its tests run
 * the Spark ETL to build their warehouse, so Spark is on the test classpath only: the shipped classpath is checked.)
 */
class ArchitectureTest {
    @Test
    void sparkIsNotOnThePortalsRuntimeClasspath() throws IOException {
        // Written by the build (maven-dependency-plugin, runtime scope) before the tests run; bin/ scripts start the portal with it.
        String classpath = Files.readString(TestPortal.ROOT.resolve("portal/target/runtime-classpath.txt"), UTF_8);

        assertThat(classpath).contains("javalin").contains("warehouse");
        assertThat(classpath).doesNotContain("spark-").doesNotContain("/al/antitrafficking/etl/");
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

    @Test
    void pagesKnowOneWithheldStatusAndNoOtherKindOfSuppression() throws IOException {
        // Telling a small count from its complement would tell a reader which cells hold 1 to 4.
        for (Path file : files("portal/src/main/resources/public", ".js")) {
            assertThat(Files.readString(file, UTF_8)).as(file.toString()).doesNotContain("SUPPRESSED").doesNotContain("COMPLEMENTARY");
        }
        for (Path file : files("portal/src/main/resources/public", ".html")) {
            assertThat(Files.readString(file, UTF_8)).as(file.toString()).doesNotContainIgnoringCase("suppressed");
        }
    }

    private static List<Path> files(String folder, String ending) throws IOException {
        try (Stream<Path> walk = Files.walk(TestPortal.ROOT.resolve(folder))) {
            return walk.filter(p -> p.toString().endsWith(ending)).toList();
        }
    }
}
