package al.antitrafficking.etl.partner;

import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.config.ConfigException;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.Countries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Command: loads one partner's file of CTDC-format victim records into the partner-records fact (see {@link CtdcIntake}).
 * Prints what was loaded and quarantined; exits 2 when the file was refused (nothing loaded), 1 on any other failure.
 *
 * <p>{@code java -cp ... CtdcIntakeCommand --file=PATH.csv --partner=NAME [--warehouse.dir=DIR] [--config=...]}
 */
public final class CtdcIntakeCommand {
    private CtdcIntakeCommand() {}

    public static void main(String[] args) {
        Path file = null;
        String partner = null;
        List<String> configArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--file=")) {
                file = Path.of(arg.substring("--file=".length()));
            } else if (arg.startsWith("--partner=")) {
                partner = arg.substring("--partner=".length());
            } else {
                configArgs.add(arg);
            }
        }
        int status = 0;
        try {
            if (file == null || partner == null) {
                throw new ConfigException("Cannot load partner records: name the file with --file=PATH.csv and the partner with --partner=NAME");
            }
            AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
            CtdcMapping mapping = CtdcMapping.load(config.projectDir().resolve("conf").resolve(CtdcMapping.FILE));
            SparkSession spark = SparkSessions.create(config);
            try {
                CtdcIntake.Report report = new CtdcIntake(spark, mapping, Countries.load(config.referenceDir()), config.maxFileBytes(),
                        config.maxBadRowShare()).ingest(file, partner, config.warehouseDir());
                System.out.println(report.summary());
                status = report.status().equals(CtdcIntake.LOADED) ? 0 : 2;
            } finally {
                spark.stop();
            }
        } catch (CtdcFileRefused | ConfigException e) {
            System.err.println(FailureText.of(e));
            status = 2;
        } catch (Exception e) {
            System.err.println("Cannot load partner records: " + FailureText.of(e));
            status = 1;
        }
        System.exit(status);
    }
}
