package al.antitrafficking.warehouse.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    @TempDir
    Path project;

    private Path configFile(String content) throws IOException {
        Path conf = Files.createDirectories(project.resolve("conf"));
        return Files.writeString(conf.resolve("application.properties"), content, UTF_8);
    }

    @Test
    void emptyFileGivesTheDocumentedDefaults() throws IOException {
        AppConfig config = AppConfig.load(configFile(""), Map.of());

        assertThat(config.projectDir()).isEqualTo(project);
        assertThat(config.incomingDir()).isEqualTo(project.resolve("data/incoming"));
        assertThat(config.warehouseDir()).isEqualTo(project.resolve("data/warehouse"));
        assertThat(config.referenceDir()).isEqualTo(project.resolve("conf/reference"));
        assertThat(config.snapshotsKept()).isEqualTo(5);
        assertThat(config.warehouseDuckdbMemoryLimit()).isEqualTo("2GB");
        assertThat(config.sparkMaster()).isEqualTo("local[2]");
        assertThat(config.sparkUi()).isFalse();
        assertThat(config.sparkDriverHost()).isEqualTo("127.0.0.1");
        assertThat(config.sparkDriverBindAddress()).as("empty: Spark listens on the driver host").isEmpty();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.disclosureMinCount()).isEqualTo(5);
        assertThat(config.sampleSeed()).isEqualTo(20141020L);
        assertThat(config.sampleMonths()).isEqualTo(36);
        assertThat(config.sampleEndMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(config.sampleRows()).isEqualTo(60000L);
        assertThat(config.forumStoreFile()).isEqualTo(project.resolve("data/operational/forums.duckdb"));
        assertThat(config.forumBackupDir()).isEqualTo(project.resolve("data/operational/backups"));
        assertThat(config.forumExampleActions()).isFalse();
        assertThat(config.contractFile()).isEqualTo(project.resolve("conf/contract/v1.csv"));
        assertThat(config.piiDir()).isEqualTo(project.resolve("conf/pii"));
        assertThat(config.maxBadRowShare()).isEqualTo(0.2);
        assertThat(config.warehouseKeyFile()).isEqualTo(project.resolve("data/keys/warehouse.key"));
        assertThat(config.catalogueFile()).isEqualTo(project.resolve("conf/indicators/catalogue.yaml"));
        assertThat(config.deadlineDays()).isEqualTo(15);
        assertThat(config.maxFileBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.maxRowFields()).isEqualTo(1000);
    }

    @Test
    void fileOverridesDefaultAndCommandLineOverridesFile() throws IOException {
        Path file = configFile("portal.http-port=8080\ndisclosure.min-count=10\n");

        AppConfig fromFile = AppConfig.load(file, Map.of());
        AppConfig fromArgs = AppConfig.fromArgs("--config=" + file, "--portal.http-port=9090");

        assertThat(fromFile.httpPort()).isEqualTo(8080);
        assertThat(fromArgs.httpPort()).isEqualTo(9090);
        assertThat(fromArgs.disclosureMinCount()).isEqualTo(10);
    }

    @Test
    void absolutePathsStayAbsolute() throws IOException {
        AppConfig config = AppConfig.load(configFile("warehouse.dir=/srv/warehouse\n"), Map.of());

        assertThat(config.warehouseDir()).isEqualTo(Path.of("/srv/warehouse"));
    }

    @Test
    void clusterSettingsComeFromConfiguration() throws IOException {
        AppConfig config = AppConfig.load(configFile("etl.spark-master=spark://10.0.0.5:7077\netl.driver-host=10.0.0.9\n"), Map.of());
        assertThat(config.sparkMaster()).isEqualTo("spark://10.0.0.5:7077");
        assertThat(config.sparkDriverHost()).isEqualTo("10.0.0.9");
        assertThat(config.sparkDriverBindAddress()).isEmpty();

        AppConfig bound = AppConfig.load(configFile("etl.driver-host=driver.example\netl.driver-bind-address=0.0.0.0\n"), Map.of());
        assertThat(bound.sparkDriverHost()).isEqualTo("driver.example");
        assertThat(bound.sparkDriverBindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void foldersMayBeFileUrisAndOtherStorageIsRefusedByName() throws IOException {
        Path file = configFile("");
        Path shared = project.resolve("mnt/shared warehouse");
        AppConfig config = AppConfig.load(file, Map.of("warehouse.dir", shared.toUri().toString(), "incoming.dir", "file:///srv/incoming/"));
        assertThat(config.warehouseDir()).isEqualTo(shared);
        assertThat(config.incomingDir()).isEqualTo(Path.of("/srv/incoming"));

        assertThatThrownBy(() -> AppConfig.load(file, Map.of("warehouse.dir", "hdfs://namenode:8020/nrm/warehouse")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warehouse.dir is a hdfs: location")
                .hasMessageContaining("mounted at the same path on every node");
        assertThatThrownBy(() -> AppConfig.load(file, Map.of("incoming.dir", "s3a://bucket/incoming")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("incoming.dir is a s3a: location");
    }

    @Test
    void aRelativeFolderWhoseNameHoldsAColonIsAFolderNotAScheme() throws IOException {
        AppConfig config = AppConfig.load(configFile(""), Map.of("incoming.dir", "backup:2024", "warehouse.dir", "hdfs:archive"));

        assertThat(config.incomingDir()).isEqualTo(project.resolve("backup:2024"));
        assertThat(config.warehouseDir()).isEqualTo(project.resolve("hdfs:archive"));
    }

    @Test
    void rejectsUnknownKeyNamingIt() throws IOException {
        Path file = configFile("portal.http-prot=8080\n");

        assertThatThrownBy(() -> AppConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key portal.http-prot");
    }

    @Test
    void rejectsMalformedValueNamingTheKey() throws IOException {
        Path file = configFile("");

        assertThatThrownBy(() -> AppConfig.load(file, Map.of("portal.http-port", "seventy")))
                .hasMessage("Cannot read portal.http-port: not a whole number: seventy");
        assertThatThrownBy(() -> AppConfig.fromArgs("--config=" + file, "stray"))
                .hasMessageContaining("Cannot read argument: stray");
        assertThatThrownBy(() -> AppConfig.load(file, Map.of("warehouse.duckdb-memory-limit", "2GB'; DROP")))
                .hasMessage("Cannot load configuration: warehouse.duckdb-memory-limit must be a size such as 256MB or 2GB: 2GB'; DROP");
        assertThatThrownBy(() -> AppConfig.load(file, Map.of("portal.duckdb-memory-limit", "lots")))
                .hasMessage("Cannot load configuration: portal.duckdb-memory-limit must be a size such as 256MB or 2GB: lots");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> AppConfig.load(project.resolve("conf/none.properties"), Map.of()))
                .hasMessageContaining("Cannot load configuration")
                .hasMessageContaining("not found");
    }

    @Test
    void projectConfigurationLoadsAndNamesOnlyKnownKeys() {
        Path projectConf = Path.of(System.getProperty("project.root", "..")).resolve(AppConfig.DEFAULT_CONFIG_FILE);

        AppConfig config = AppConfig.load(projectConf, Map.of());

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.referenceDir()).isDirectory();
    }
}
