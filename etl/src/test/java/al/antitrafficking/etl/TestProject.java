package al.antitrafficking.etl;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What the ETL tests share: the project's configuration (with a warehouse key made for this test run in a
 * temporary folder, never committed), contract and territory, and one lazily created Spark session per
 * test JVM (local[2], UI off, bound to 127.0.0.1) that tests never stop.
 */
public final class TestProject {
    public static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    public static final Path KEY_FILE = testKey();
    public static final AppConfig CONFIG = AppConfig.load(ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE),
            Map.of("etl.warehouse-key-file", KEY_FILE.toString()));
    public static final Territory TERRITORY = Territory.load(CONFIG.referenceDir());
    public static final DataContract CONTRACT = DataContract.load(CONFIG.contractFile());

    private TestProject() {}

    private static final class Holder {
        static final SparkSession SPARK = al.antitrafficking.etl.ingest.SparkSessions.create(CONFIG);
    }

    /**
     * The key the warehouse stores for a text under a key, worked out here with the JDK's own HMAC-SHA256 (not the job's
     * code): its first 8 bytes, big-endian and signed.
     */
    public static long storedKey(byte[] key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.nio.ByteBuffer.wrap(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).getLong();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SparkSession spark() {
        return Holder.SPARK;
    }

    private static Path testKey() {
        try {
            Path dir = Files.createTempDirectory("nrm-test-keys");
            dir.toFile().deleteOnExit();
            Path key = dir.resolve("warehouse.key");
            Files.writeString(key, "test-only-warehouse-key-" + System.nanoTime());
            key.toFile().deleteOnExit();
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
