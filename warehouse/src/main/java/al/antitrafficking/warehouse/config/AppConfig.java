package al.antitrafficking.warehouse.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The application configuration shared by etl, warehouse and portal.
 *
 * <p>Precedence, settled here and nowhere else: a command-line {@code --key=value} wins over the
 * configuration file ({@code conf/application.properties} unless {@code --config=PATH} names another),
 * which wins over the defaults in {@link #DEFAULTS}. Relative paths resolve against the project folder,
 * the parent of the folder holding the configuration file, so commands work from any working directory.
 * An unknown key is an error, so a misspelt key cannot silently fall back to a default.
 */
public record AppConfig(
        Path projectDir,
        Path incomingDir,
        Path warehouseDir,
        int snapshotsKept,
        String warehouseDuckdbMemoryLimit,
        Path referenceDir,
        String sparkMaster,
        boolean sparkUi,
        String sparkDriverHost,
        String sparkDriverBindAddress,
        String httpHost,
        int httpPort,
        int disclosureMinCount,
        long sampleSeed,
        int sampleMonths,
        YearMonth sampleEndMonth,
        long sampleRows,
        Path forumStoreFile,
        Path forumBackupDir,
        boolean forumExampleActions,
        int forumBackupsKept,
        int forumBackupEveryHours,
        Path contractFile,
        Path piiDir,
        double maxBadRowShare,
        Path warehouseKeyFile,
        Path catalogueFile,
        int deadlineDays,
        long maxFileBytes,
        int maxRowFields,
        double disclosureMaxSmallShare,
        boolean disclosureMinimise,
        String sampleProfile,
        PortalSettings portal) {

    /**
     * The portal's network and access settings. {@code allowedHosts}: the names (Host header, without port) the portal
     * answers to; {@code trustedProxies}: addresses of reverse proxies whose X-Forwarded-For/-Proto are believed;
     * {@code tlsKeystore}: a PKCS#12 file to serve HTTPS from (none: plain HTTP, for loopback or behind a proxy);
     * {@code secureCookies}: session cookies marked Secure ({@code auto}: when served over TLS, directly or by the proxy).
     */
    public record PortalSettings(java.util.List<String> allowedHosts, java.util.List<String> trustedProxies, Path tlsKeystore,
                                 Path tlsKeystorePasswordFile, String secureCookies, int sessionIdleMinutes, int sessionMaxHours,
                                 int signInMaxFailures, int signInLockMinutes, int idleTimeoutSeconds, int maxThreads,
                                 String duckdbMemoryLimit, int duckdbThreads, Path rolesFile, boolean demoUsers, long maxUploadBytes,
                                 java.time.LocalTime ingestionDailyAt) {
        /** The limits of each DuckDB database the portal opens, its forum store's too (and the commands' that open it). */
        public DuckDbLimits duckDbLimits() {
            return new DuckDbLimits(duckdbMemoryLimit, duckdbThreads);
        }
    }

    public static final String DEFAULT_CONFIG_FILE = "conf/application.properties";
    /** The sample generator's profiles: the demo's volume, or Albania's real scale (see {@link #sampleRowsToWrite()}). */
    public static final java.util.List<String> SAMPLE_PROFILES = java.util.List.of("demo", "real-scale");

    /**
     * The rows the sample generator writes: {@code sample.rows} for the demo profile; for the real-scale profile about
     * 100 rows a month, which makes some 130 NRM identifications a year, two thirds of them children, as Albania's
     * published series shows (UNODC GLOTIP: 84 to 159 detected victims a year in 2008-2022).
     */
    public long sampleRowsToWrite() {
        return sampleProfile.equals("real-scale") ? 100L * sampleMonths : sampleRows;
    }

    /** Every key with its default. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("incoming.dir", "data/incoming");
        d.put("warehouse.dir", "data/warehouse");
        d.put("warehouse.snapshots-kept", "5");
        d.put("warehouse.duckdb-memory-limit", "2GB");
        d.put("reference.dir", "conf/reference");
        d.put("etl.spark-master", "local[2]");
        d.put("etl.spark-ui", "false");
        d.put("etl.driver-host", "127.0.0.1");
        d.put("etl.driver-bind-address", "");
        d.put("portal.http-host", "127.0.0.1");
        d.put("portal.http-port", "7070");
        d.put("disclosure.min-count", "5");
        d.put("sample.seed", "20141020");
        d.put("sample.months", "36");
        d.put("sample.end-month", "2026-10");
        d.put("sample.rows", "60000");
        d.put("forums.store-file", "data/operational/forums.duckdb");
        d.put("forums.backup-dir", "data/operational/backups");
        d.put("forums.example-actions", "false");
        d.put("forums.backups-kept", "30");
        d.put("forums.backup-every-hours", "24");
        d.put("contract.file", "conf/contract/v1.csv");
        d.put("pii.dir", "conf/pii");
        d.put("etl.max-bad-row-share", "0.2");
        d.put("etl.warehouse-key-file", "data/keys/warehouse.key");
        d.put("indicators.catalogue-file", "conf/indicators/catalogue.yaml");
        d.put("completeness.deadline-day", "15");
        d.put("etl.max-file-bytes", "33554432");
        d.put("etl.max-row-fields", "1000");
        d.put("disclosure.max-small-share", "0.1");
        d.put("disclosure.minimise", "false");
        d.put("sample.profile", "demo");
        d.put("portal.allowed-hosts", "localhost,127.0.0.1");
        d.put("portal.trusted-proxies", "");
        d.put("portal.tls-keystore", "");
        d.put("portal.tls-keystore-password-file", "");
        d.put("portal.secure-cookies", "auto");
        d.put("portal.session-idle-minutes", "30");
        d.put("portal.session-max-hours", "12");
        d.put("portal.sign-in-max-failures", "5");
        d.put("portal.sign-in-lock-minutes", "15");
        d.put("portal.idle-timeout-seconds", "20");
        d.put("portal.max-threads", "200");
        d.put("portal.duckdb-memory-limit", "256MB");
        d.put("portal.duckdb-threads", "2");
        d.put("portal.roles-file", "conf/access/roles.csv");
        d.put("portal.demo-users", "false");
        d.put("portal.max-upload-bytes", "4194304");
        d.put("ingestion.daily-run-at", "02:00");
        return Map.copyOf(d);
    }

    public AppConfig {
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(incomingDir, "incomingDir is null");
        requireNonNull(warehouseDir, "warehouseDir is null");
        requireNonNull(referenceDir, "referenceDir is null");
        requireNonNull(sparkMaster, "sparkMaster is null");
        check(sparkDriverHost != null && !sparkDriverHost.isBlank(), "etl.driver-host must name the address executors reach the driver at");
        requireNonNull(sparkDriverBindAddress, "sparkDriverBindAddress is null");
        requireNonNull(httpHost, "httpHost is null");
        requireNonNull(sampleEndMonth, "sampleEndMonth is null");
        requireNonNull(forumStoreFile, "forumStoreFile is null");
        requireNonNull(forumBackupDir, "forumBackupDir is null");
        check(snapshotsKept >= 2, "warehouse.snapshots-kept must be at least 2 (the portal may still be reading the "
                + "previous snapshot): " + snapshotsKept);
        check(httpPort >= 0 && httpPort <= 65535, "portal.http-port must be 0-65535: " + httpPort);
        check(disclosureMinCount >= 1, "disclosure.min-count must be at least 1: " + disclosureMinCount);
        check(forumBackupsKept >= 1, "forums.backups-kept must be at least 1: " + forumBackupsKept);
        check(forumBackupEveryHours >= 0, "forums.backup-every-hours must be 0 (never) or more: " + forumBackupEveryHours);
        check(sampleMonths >= 1, "sample.months must be at least 1: " + sampleMonths);
        check(sampleRows >= 1, "sample.rows must be at least 1: " + sampleRows);
        check(maxBadRowShare >= 0 && maxBadRowShare <= 1, "etl.max-bad-row-share must be from 0 to 1: " + maxBadRowShare);
        requireNonNull(contractFile, "contractFile is null");
        requireNonNull(piiDir, "piiDir is null");
        requireNonNull(warehouseKeyFile, "warehouseKeyFile is null");
        requireNonNull(catalogueFile, "catalogueFile is null");
        check(deadlineDays >= 1 && deadlineDays <= 28, "completeness.deadline-day must be 1-28: " + deadlineDays);
        check(maxFileBytes >= 1024, "etl.max-file-bytes must be at least 1024: " + maxFileBytes);
        check(maxRowFields >= 16, "etl.max-row-fields must be at least 16 (the widest contract has 13 columns): " + maxRowFields);
        check(disclosureMaxSmallShare >= 0 && disclosureMaxSmallShare <= 1, "disclosure.max-small-share must be from 0 to 1: "
                + disclosureMaxSmallShare);
        check(SAMPLE_PROFILES.contains(sampleProfile), "sample.profile must be one of " + SAMPLE_PROFILES + ": " + sampleProfile);
    }

    /** The same configuration with another warehouse folder (tests, benchmarks). */
    public AppConfig withWarehouseDir(Path dir) {
        return withFolders(incomingDir, dir, warehouseKeyFile);
    }

    /** The same configuration with another incoming folder (tests, the ingestion service's warm-up). */
    public AppConfig withIncomingDir(Path dir) {
        return withFolders(dir, warehouseDir, warehouseKeyFile);
    }

    /** The same configuration with another warehouse key file (tests). */
    public AppConfig withWarehouseKeyFile(Path file) {
        return withFolders(incomingDir, warehouseDir, file);
    }

    private AppConfig withFolders(Path incoming, Path warehouse, Path keyFile) {
        return new AppConfig(projectDir, incoming, warehouse, snapshotsKept, warehouseDuckdbMemoryLimit, referenceDir, sparkMaster, sparkUi, sparkDriverHost,
                sparkDriverBindAddress, httpHost,
                httpPort, disclosureMinCount, sampleSeed, sampleMonths, sampleEndMonth, sampleRows, forumStoreFile, forumBackupDir,
                forumExampleActions, forumBackupsKept, forumBackupEveryHours, contractFile, piiDir, maxBadRowShare, keyFile,
                catalogueFile, deadlineDays,
                maxFileBytes, maxRowFields, disclosureMaxSmallShare, disclosureMinimise, sampleProfile, portal);
    }

    /** Loads from command-line arguments: {@code --config=PATH} and any {@code --key=value}; other arguments are refused. */
    public static AppConfig fromArgs(String... args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        Path file = Path.of(DEFAULT_CONFIG_FILE);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new ConfigException("Cannot read argument: " + arg + " (expected --key=value)");
            }
            String key = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            if (key.equals("config")) {
                file = Path.of(value);
            } else {
                overrides.put(key, value);
            }
        }
        return load(file, overrides);
    }

    /** Loads the given configuration file with overrides applied on top of it. */
    public static AppConfig load(Path configFile, Map<String, String> overrides) {
        Path file = configFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Cannot load configuration: " + configFile
                    + " not found (run from the project folder or pass --config=PATH)");
        }
        Properties fromFile = new Properties();
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            fromFile.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot load configuration: " + configFile + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String key : fromFile.stringPropertyNames()) {
            values.put(checkKnown(key, configFile.toString()), fromFile.getProperty(key).trim());
        }
        overrides.forEach((key, value) -> values.put(checkKnown(key, "the command line"), value.trim()));
        Path projectDir = file.getParent().getParent();
        return fromValues(projectDir, values);
    }

    private static String checkKnown(String key, String where) {
        if (!DEFAULTS.containsKey(key)) {
            throw new ConfigException("Cannot load configuration: unknown key " + key + " in " + where
                    + "; known keys: " + new TreeSet<>(DEFAULTS.keySet()));
        }
        return key;
    }

    private static AppConfig fromValues(Path projectDir, Map<String, String> v) {
        return new AppConfig(
                projectDir,
                folder(projectDir, v, "incoming.dir"),
                folder(projectDir, v, "warehouse.dir"),
                integer(v, "warehouse.snapshots-kept"),
                memoryLimit(v, "warehouse.duckdb-memory-limit"),
                projectDir.resolve(v.get("reference.dir")).normalize(),
                v.get("etl.spark-master"),
                bool(v, "etl.spark-ui"),
                v.get("etl.driver-host"),
                v.get("etl.driver-bind-address"),
                v.get("portal.http-host"),
                integer(v, "portal.http-port"),
                integer(v, "disclosure.min-count"),
                longValue(v, "sample.seed"),
                integer(v, "sample.months"),
                yearMonth(v, "sample.end-month"),
                longValue(v, "sample.rows"),
                projectDir.resolve(v.get("forums.store-file")).normalize(),
                projectDir.resolve(v.get("forums.backup-dir")).normalize(),
                bool(v, "forums.example-actions"),
                integer(v, "forums.backups-kept"),
                integer(v, "forums.backup-every-hours"),
                projectDir.resolve(v.get("contract.file")).normalize(),
                projectDir.resolve(v.get("pii.dir")).normalize(),
                decimal(v, "etl.max-bad-row-share"),
                projectDir.resolve(v.get("etl.warehouse-key-file")).normalize(),
                projectDir.resolve(v.get("indicators.catalogue-file")).normalize(),
                integer(v, "completeness.deadline-day"),
                longValue(v, "etl.max-file-bytes"),
                integer(v, "etl.max-row-fields"),
                decimal(v, "disclosure.max-small-share"),
                bool(v, "disclosure.minimise"),
                v.get("sample.profile"),
                portalSettings(projectDir, v));
    }

    /**
     * A folder given as a path (relative to the project folder) or a {@code file:} URI. The ETL's driver and executors
     * and the DuckDB side all reach the incoming files and the warehouse through a file system: on a cluster, storage
     * mounted at the same path on every node. Other schemes followed by a slash (hdfs://..., s3a://...) are refused by
     * name rather than taken as a relative folder called "hdfs:" (a folder such as {@code backup:2024} stays a folder):
     * the snapshot commit needs hard links and an atomic rename, and DuckDB reads the warehouse from a file system.
     */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private static Path folder(Path projectDir, Map<String, String> v, String key) {
        String value = v.get(key);
        java.util.regex.Matcher scheme = SCHEME.matcher(value);
        // A location names its scheme and then a path (hdfs://..., s3a://..., file:/...); a folder whose name holds a colon
        // (backup:2024) is a folder.
        if (scheme.find() && (scheme.group(1).equalsIgnoreCase("file") || value.startsWith("/", scheme.end()))) {
            if (!scheme.group(1).equalsIgnoreCase("file")) {
                throw new ConfigException("Cannot load configuration: " + key + " is a " + scheme.group(1) + ": location; only a "
                        + "folder or a file: URI is supported (on a cluster, storage mounted at the same path on every node: "
                        + "see the README, \"Running the ETL on a cluster\")");
            }
            try {
                return Path.of(java.net.URI.create(value)).normalize();
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Cannot load configuration: " + key + " is not a usable file: URI (file:///absolute/path): " + value);
            }
        }
        return projectDir.resolve(value).normalize();
    }

    private static PortalSettings portalSettings(Path projectDir, Map<String, String> v) {
        String keystore = v.get("portal.tls-keystore");
        String passwordFile = v.get("portal.tls-keystore-password-file");
        check(keystore.isEmpty() == passwordFile.isEmpty(), "portal.tls-keystore and portal.tls-keystore-password-file go together");
        check(java.util.List.of("auto", "true", "false").contains(v.get("portal.secure-cookies")),
                "portal.secure-cookies must be auto, true or false: " + v.get("portal.secure-cookies"));
        PortalSettings p = new PortalSettings(names(v.get("portal.allowed-hosts")), names(v.get("portal.trusted-proxies")),
                keystore.isEmpty() ? null : projectDir.resolve(keystore).normalize(),
                passwordFile.isEmpty() ? null : projectDir.resolve(passwordFile).normalize(),
                v.get("portal.secure-cookies"), integer(v, "portal.session-idle-minutes"), integer(v, "portal.session-max-hours"),
                integer(v, "portal.sign-in-max-failures"), integer(v, "portal.sign-in-lock-minutes"), integer(v, "portal.idle-timeout-seconds"),
                integer(v, "portal.max-threads"), memoryLimit(v, "portal.duckdb-memory-limit"), integer(v, "portal.duckdb-threads"),
                projectDir.resolve(v.get("portal.roles-file")).normalize(), bool(v, "portal.demo-users"),
                longValue(v, "portal.max-upload-bytes"), localTime(v, "ingestion.daily-run-at"));
        check(p.maxUploadBytes() >= 1024, "portal.max-upload-bytes must be at least 1024: " + p.maxUploadBytes());
        check(!p.allowedHosts().isEmpty(), "portal.allowed-hosts must name at least one host");
        check(p.sessionIdleMinutes() >= 1 && p.sessionMaxHours() >= 1, "portal session times must be at least 1");
        check(p.signInMaxFailures() >= 1 && p.signInLockMinutes() >= 1, "portal sign-in throttling values must be at least 1");
        check(p.idleTimeoutSeconds() >= 1 && p.maxThreads() >= 8 && p.duckdbThreads() >= 1, "portal timeouts and threads must be positive "
                + "(max-threads at least 8)");
        return p;
    }

    /** A size DuckDB's memory_limit takes, such as 256MB or 2GB. */
    private static String memoryLimit(Map<String, String> v, String key) {
        check(DuckDbLimits.isSize(v.get(key)), key + " must be a size such as 256MB or 2GB: " + v.get(key));
        return v.get(key);
    }

    private static java.util.List<String> names(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static int integer(Map<String, String> v, String key) {
        try {
            return Integer.parseInt(v.get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("Cannot read " + key + ": not a whole number: " + v.get(key));
        }
    }

    private static long longValue(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("Cannot read " + key + ": not a whole number: " + v.get(key));
        }
    }

    private static double decimal(Map<String, String> v, String key) {
        try {
            return Double.parseDouble(v.get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("Cannot read " + key + ": not a number: " + v.get(key));
        }
    }

    private static java.time.LocalTime localTime(Map<String, String> v, String key) {
        try {
            return java.time.LocalTime.parse(v.get(key));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConfigException("Cannot read " + key + ": expected a time of day such as 02:00: " + v.get(key));
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        return switch (v.get(key)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException("Cannot read " + key + ": expected true or false: " + v.get(key));
        };
    }

    private static YearMonth yearMonth(Map<String, String> v, String key) {
        try {
            return YearMonth.parse(v.get(key));
        } catch (DateTimeParseException e) {
            throw new ConfigException("Cannot read " + key + ": expected yyyy-MM: " + v.get(key));
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException("Cannot load configuration: " + message);
        }
    }
}
