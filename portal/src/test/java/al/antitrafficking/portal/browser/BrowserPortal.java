package al.antitrafficking.portal.browser;

import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalServices;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.warehouse.build.WarehouseBuilder;
import al.antitrafficking.warehouse.disclosure.DisclosureControl;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import al.antitrafficking.warehouse.forum.ForumRules;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.CatalogueTrends;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.query.LatestSnapshotQueries;
import al.antitrafficking.warehouse.query.TinySnapshotAccess;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One portal and one headless Chromium for all browser tests of a JVM: a real warehouse snapshot built from
 * generated facts (12 counties × 12 months of 2025, all four sources, with children who travel between
 * mechanisms), the real query layer and forum store, and Debian's chromium and chromedriver. A missing
 * browser fails the tests, it does not skip them.
 */
final class BrowserPortal {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static BrowserPortal shared;

    final Path dir;
    final Path downloads;
    final Javalin app;
    final ChromeDriver driver;
    private final LatestSnapshotQueries queries;
    private final DuckDbForumStore store;

    // Children per county and month: 3 to 19, so that some cells are small and suppressed. Every second child is
    // referred to a CPU, which opens a case 3 days later; every sixth is identified by the NRM 20 days after the
    // border; every twelfth gets a service 5 days after identification.
    private static final String CHILDREN = """
            SELECT c, m, i, 'b' || c || '-' || m || '-' || i AS child_pseudonym, make_date(2025, m, 1 + (i % 27)) AS encounter_date,
                   printf('AL-%02d', c) AS county_code, CASE WHEN i % 3 = 0 THEN '12-14' WHEN i % 3 = 1 THEN '15-17' ELSE '6-11' END AS age_band,
                   CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END AS sex
            FROM range(1, 13) a(c), range(1, 13) b(m), range(1, 20) r(i) WHERE i <= 3 + (c * 5 + m * 3) % 17""";

    private BrowserPortal() throws Exception {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        dir = Files.createTempDirectory("browser-portal");
        downloads = Files.createDirectories(dir.resolve("downloads"));
        Path root = Path.of(System.getProperty("project.root", ".."));
        // One municipality per county: the county's first.
        String municipalities = TestPortal.TERRITORY.counties().stream().map(County::code)
                .map(c -> "('" + c + "', '" + TestPortal.TERRITORY.municipalitiesOf(c).get(0).code() + "')").collect(Collectors.joining(", "));
        String withMunicipality = "SELECT k.*, mu.code AS municipality_code FROM (" + CHILDREN + ") k JOIN (VALUES " + municipalities
                + ") mu(county, code) ON mu.county = k.county_code";
        Map<WarehouseTable, String> tables = new HashMap<>();
        tables.put(WarehouseTable.FACT_BORDER_ENCOUNTER, "SELECT child_pseudonym, encounter_date, county_code, NULL::VARCHAR AS municipality_code, "
                + "'KAK' AS crossing_code, 14 AS age_years, age_band, CASE WHEN i % 4 = 0 THEN 'unaccompanied' ELSE 'accompanied' END AS accompaniment, "
                + "CASE WHEN i % 2 = 0 THEN 'cpu' ELSE 'none' END AS referred_to, sex, 'AL' AS citizenship, 'exit' AS direction, "
                + "'n' AS trafficking_indicators FROM (" + CHILDREN + ")");
        tables.put(WarehouseTable.FACT_CPU_CASE, "SELECT child_pseudonym, encounter_date + 3 AS opened_date, encounter_date + 8 AS assessment_date, "
                + "county_code, municipality_code, 14 AS age_years, age_band, CASE WHEN i % 6 = 0 THEN 'trafficking_risk' ELSE 'child_on_the_move' END "
                + "AS risk_category, 'border_police' AS referral_source, CASE WHEN i % 6 = 0 THEN encounter_date + 15 END AS nrm_referral_date, "
                + "NULL::DATE AS closed_date, sex FROM (" + withMunicipality + ") WHERE i % 2 = 0 AND encounter_date + 3 < DATE '2026-01-01'");
        tables.put(WarehouseTable.FACT_NRM_IDENTIFICATION, "SELECT child_pseudonym, encounter_date + 20 AS identification_date, "
                + "CASE WHEN i % 18 = 0 THEN 'identified' WHEN i % 12 = 0 THEN 'presumed' ELSE 'potential' END AS status, 14 AS age_years, age_band, "
                + "county_code, municipality_code, CASE WHEN i % 12 = 0 THEN 'labour' ELSE 'begging' END AS exploitation_form, 'internal' AS scope, "
                + "sex, 'AL' AS citizenship, 'cpu' AS identifying_agency, 'y' AS shelter_referral FROM (" + withMunicipality + ") "
                + "WHERE i % 6 = 0 AND encounter_date + 20 < DATE '2026-01-01'");
        tables.put(WarehouseTable.FACT_SERVICE, "SELECT child_pseudonym, encounter_date + 25 AS start_date, 'shelter' AS service_type, "
                + "'ngo' AS provider, county_code, NULL::DATE AS end_date FROM (" + CHILDREN + ") WHERE i % 12 = 0 AND encounter_date + 25 < DATE '2026-01-01'");
        // Every source sent every county-month, by the 10th of the next month, but Vlorë's border files came on the 20th (late).
        tables.put(WarehouseTable.INGEST_FILE, "SELECT s.source || '_' || printf('AL-%02d', c) || '_' || strftime(make_date(2025, m, 1), '%Y-%m') || '.csv' "
                + "AS file_name, s.source, printf('AL-%02d', c) AS county_code, strftime(make_date(2025, m, 1), '%Y-%m') AS month, 'LOADED' AS status, "
                + "NULL::VARCHAR AS problem, strftime(make_date(2025, m, 1) + INTERVAL 1 MONTH + INTERVAL (CASE WHEN c = 12 AND s.source = 'border' "
                + "THEN 19 ELSE 9 END) DAY, '%Y-%m-%dT08:00:00Z') AS received_at, 10::BIGINT AS rows_in, 0::BIGINT AS rows_quarantined "
                + "FROM (VALUES ('border'), ('cpu'), ('nrm'), ('services')) s(source), range(1, 13) a(c), range(1, 13) b(m)");
        tables.put(WarehouseTable.QUARANTINE, "SELECT 'f' AS source_file, 'border' AS source, 'rule' AS rule, '2025-01' AS submission_month LIMIT 0");
        tables.put(WarehouseTable.DIM_COUNTY, TinySnapshotAccess.ALL_COUNTIES);
        Path warehouse = dir.resolve("warehouse");
        Snapshot snapshot = TinySnapshotAccess.snapshot(warehouse, tables);
        Catalogue catalogue = Catalogue.load(root.resolve("conf/indicators/catalogue.yaml"));
        new WarehouseBuilder().build(snapshot, catalogue);
        Snapshots snapshots = new Snapshots(warehouse);
        snapshots.publish(snapshot);
        Population population = Population.load(TestPortal.TERRITORY, root.resolve("conf/reference"));
        queries = new LatestSnapshotQueries(snapshots, new DisclosureControl(5), catalogue, population, 15, TestPortal.CLOCK, Duration.ofHours(1));
        CatalogueTrends trends = new CatalogueTrends(queries, queries);
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), new ForumRules(TestPortal.TERRITORY, trends.trendIndicators()), TestPortal.CLOCK);
        app = PortalApp.create(new PortalServices(queries, trends, queries, store, TestPortal.TERRITORY, TestPortal.CLOCK, dir.resolve("backups")))
                .start("127.0.0.1", 0);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    private static void requireExecutable(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("Cannot run the browser tests: " + path + " is missing; install Debian's " + debianPackage
                    + " (bin/test does so with apt-get)");
        }
    }

    static synchronized BrowserPortal get() throws Exception {
        if (shared == null) {
            shared = new BrowserPortal();
        }
        return shared;
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    private void close() {
        driver.quit();
        app.stop();
        store.close();
        queries.close();
    }

    static List<File> files(Path folder) {
        File[] files = folder.toFile().listFiles();
        return files == null ? List.of() : List.of(files);
    }
}
