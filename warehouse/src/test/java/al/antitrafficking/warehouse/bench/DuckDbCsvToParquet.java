package al.antitrafficking.warehouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark (not a test): DuckDB's own CSV to Parquet conversion of the regional files, the single-node
 * reference for the Spark ingestion's throughput. {@code java -cp ... DuckDbCsvToParquet INCOMING_DIR OUT_DIR}.
 * One COPY per source, partitioned by county like the warehouse; no validation, linkage or pseudonyms.
 */
public final class DuckDbCsvToParquet {
    private DuckDbCsvToParquet() {}

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        long rows = 0;
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String source : new String[] {"border", "cpu", "nrm", "services"}) {
                String glob = in.resolve(source + "_*.csv").toString().replace("'", "''");
                String target = out.resolve(source).toString().replace("'", "''");
                s.execute("COPY (SELECT *, regexp_extract(filename, '_(AL-[0-9]{2})_', 1) AS county_code FROM read_csv('" + glob
                        + "', header = true, all_varchar = true, filename = true)) TO '" + target
                        + "' (FORMAT parquet, PARTITION_BY (county_code), OVERWRITE_OR_IGNORE)");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + target + "/**/*.parquet')")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("DuckDB CSV to Parquet: %,d rows in %.1f s = %,.0f rows/s%n", rows, seconds, rows / seconds);
    }
}
