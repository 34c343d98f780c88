package al.antitrafficking.etl;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What the ETL tests share: the project's configuration and territory, and one lazily created Spark
 * session per test JVM (local[2], UI off, bound to 127.0.0.1) that tests never stop.
 */
public final class TestProject {
    public static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    public static final AppConfig CONFIG = AppConfig.load(ROOT.resolve(AppConfig.DEFAULT_CONFIG_FILE), Map.of());
    public static final Territory TERRITORY = Territory.load(CONFIG.referenceDir());

    private TestProject() {}

    private static final class Holder {
        static final SparkSession SPARK = al.antitrafficking.etl.ingest.SparkSessions.create(CONFIG);
    }

    public static SparkSession spark() {
        return Holder.SPARK;
    }
}
