package al.antitrafficking.etl.sample;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.progress.FailureText;
import al.antitrafficking.warehouse.reference.Territory;
import java.time.YearMonth;

/**
 * Command: writes sample regional files into {@code incoming.dir} (which must be empty), over
 * {@code sample.months} months ending {@code sample.end-month}, until {@code sample.rows} rows are written (or, with
 * {@code sample.profile=real-scale}, the rows of Albania's real scale: see {@link AppConfig#sampleRowsToWrite()}).
 */
public final class GenerateSampleCommand {
    private GenerateSampleCommand() {}

    public static void main(String[] args) {
        try {
            AppConfig config = AppConfig.fromArgs(args);
            YearMonth last = config.sampleEndMonth();
            YearMonth first = last.minusMonths(config.sampleMonths() - 1L);
            SampleRegionGenerator generator = new SampleRegionGenerator(
                    Territory.load(config.referenceDir()), DataContract.load(config.contractFile()), config.sampleSeed(), first, last);
            long started = System.nanoTime();
            SampleSummary summary = generator.generate(config.incomingDir(), config.sampleRowsToWrite());
            System.out.printf("Sample regional files: %,d files, %,d rows (%s), %,d children, %s..%s, seed %d, in %.1f s: %s%n",
                    summary.files(), summary.rows(), summary.rowsBySource(), summary.children(), first, last,
                    config.sampleSeed(), (System.nanoTime() - started) / 1e9, config.incomingDir());
        } catch (RuntimeException e) {
            System.err.println("Sample generation failed: " + FailureText.of(e));
            System.exit(1);
        }
    }
}
