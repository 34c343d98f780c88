package al.antitrafficking.warehouse.release;

import java.nio.file.Files;
import java.util.Map;

/**
 * One generated warehouse with its release for the release tests of a JVM, built on first use and kept (building it
 * protects some ten thousand cells). The tests only read it. Tables go coarser only where more than a quarter of their
 * cells are small (the default is a tenth), so that more figures are withheld and the attacks have more to work on.
 */
final class SharedWarehouse {
    private static TestWarehouse warehouse;
    private static TestWarehouse withoutReturns;

    private SharedWarehouse() {}

    static synchronized TestWarehouse get() throws Exception {
        if (warehouse == null) {
            warehouse = TestWarehouse.build(Files.createTempDirectory("shared-warehouse"), GeneratedFacts.tables(2, 0),
                    Map.of("disclosure.minimise", "false", "disclosure.max-small-share", "0.25"));
        }
        return warehouse;
    }

    /**
     * The same facts released without the international returns. Their tables (Albania by year, over presumed and
     * identified victims) cost this small warehouse the one standard table that withholds anything (form of exploitation
     * by status: its few sexual-exploitation cells sit in the returns too), and the quarters attack needs such a table.
     * The attacks on the release with the returns run over {@link #get()}.
     */
    static synchronized TestWarehouse withoutReturns() throws Exception {
        if (withoutReturns == null) {
            withoutReturns = TestWarehouse.build(Files.createTempDirectory("shared-warehouse-without-returns"), GeneratedFacts.tables(2, 0),
                    Map.of("disclosure.minimise", "false", "disclosure.max-small-share", "0.25"), TestWarehouse.CATALOGUE.withoutReturns());
        }
        return withoutReturns;
    }
}
