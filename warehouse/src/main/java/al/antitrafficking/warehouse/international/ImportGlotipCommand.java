package al.antitrafficking.warehouse.international;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.config.ConfigException;
import al.antitrafficking.warehouse.progress.FailureText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command: imports a UNODC GLOTIP data export (the data portal's workbook, any export of the same shape) into the
 * warehouse as the reference series the comparison views and the returns' reconciliation read. A refused file changes
 * nothing and exits 2 with what was wrong and where.
 *
 * <p>{@code java -cp ... ImportGlotipCommand --file=PATH.xlsx [--warehouse.dir=DIR] [--config=...]}
 */
public final class ImportGlotipCommand {
    private ImportGlotipCommand() {}

    public static void main(String[] args) {
        // POI logs through Log4j, which has no backend here: its notes on a workbook's drawings mean nothing to the user.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        Path file = null;
        List<String> configArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--file=")) {
                file = Path.of(arg.substring("--file=".length()));
            } else {
                configArgs.add(arg);
            }
        }
        try {
            if (file == null) {
                throw new ConfigException("Cannot import: name the export with --file=PATH.xlsx");
            }
            AppConfig config = AppConfig.fromArgs(configArgs.toArray(String[]::new));
            System.out.println(GlotipSeries.importFile(file, config.warehouseDir(), config.portal().duckDbLimits()).summary());
        } catch (GlotipFileException | ConfigException e) {
            System.err.println(FailureText.of(e));
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("Cannot import the GLOTIP export: " + FailureText.of(e));
            System.exit(1);
        }
    }
}
