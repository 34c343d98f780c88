package al.antitrafficking.warehouse.query;

import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages build a {@link TinySnapshot}. */
public final class TinySnapshotAccess {
    /** The 12 counties with their 2023 census population (INSTAT), as conf/reference/counties.csv has them. */
    public static final String ALL_COUNTIES = """
            SELECT * FROM (VALUES ('AL-01', 'Berat', 140956), ('AL-02', 'Durrës', 226863), ('AL-03', 'Elbasan', 232580),
              ('AL-04', 'Fier', 240377), ('AL-05', 'Gjirokastër', 60013), ('AL-06', 'Korçë', 173091), ('AL-07', 'Kukës', 61998),
              ('AL-08', 'Lezhë', 99384), ('AL-09', 'Dibër', 107178), ('AL-10', 'Shkodër', 154479), ('AL-11', 'Tiranë', 758513),
              ('AL-12', 'Vlorë', 146681)) AS t(code, name, census_2023_population)""";

    private TinySnapshotAccess() {}

    public static Snapshot snapshot(Path warehouse, Map<WarehouseTable, String> tables) throws Exception {
        TinySnapshot tiny = new TinySnapshot();
        tables.forEach(tiny::table);
        return tiny.write(warehouse);
    }
}
