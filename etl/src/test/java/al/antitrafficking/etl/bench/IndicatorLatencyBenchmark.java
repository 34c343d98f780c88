package al.antitrafficking.etl.bench;

import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.Catalogue;
import al.antitrafficking.warehouse.indicator.FactSql;
import al.antitrafficking.warehouse.indicator.Indicator;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.InternalIndicators;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.Population;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.duckdb.DuckDBConnection;

/**
 * Benchmark (not a test): for every catalogue indicator by county over the snapshot's last 36 months, the public
 * answer (a lookup in the published release, by the finest period it publishes by county, or for Albania where it is
 * not published by county) and the internal answer from the facts by month (DuckDB), against the same SQL run by Spark
 * SQL over the same Parquet in the same JVM.
 *
 * <p>Spark runs the statement the internal query layer sends to DuckDB, rewritten only where the dialects differ
 * ({@code strftime}, {@code date_diff}, {@code ::} casts), with the same bound values; its first answer is compared
 * with DuckDB's, group by group.
 *
 * <p>With {@code --bench.postgres=JDBC_URL} (a PostgreSQL server, as {@code bin/bench-engines} starts one), the facts and
 * the child pathway are also copied into PostgreSQL as flat analytics tables with a B-tree index on each column the
 * indicators filter or group on (county, dates, the conditions' columns), the way DHIS2 serves its analytics tables, and
 * the same statement runs there too (dialect rewritten: {@code to_char}, date subtraction, {@code percentile_cont} for
 * the median, {@code GROUP BY} by position), its answer compared with DuckDB's.
 *
 * <p>{@code java -Xmx8g @conf/jvm/spark-java17.args -cp ... IndicatorLatencyBenchmark --warehouse.dir=DIR
 * [--bench.iterations=50] [--bench.spark-iterations=5] [--bench.postgres=URL] [--bench.pg-iterations=20] [--bench.only=id,id]}
 */
public final class IndicatorLatencyBenchmark {
    private IndicatorLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> bench = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--bench.")) {
                String[] kv = a.substring(8).split("=", 2);
                bench.put(kv[0], kv[1]);
            } else {
                rest.add(a);
            }
        }
        java.util.Set<String> known = java.util.Set.of("iterations", "spark-iterations", "pg-iterations", "postgres", "only");
        for (String key : bench.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Unknown option --bench." + key + "; known: " + new java.util.TreeSet<>(known));
            }
        }
        int iterations = Integer.parseInt(bench.getOrDefault("iterations", "50"));
        int sparkIterations = Integer.parseInt(bench.getOrDefault("spark-iterations", "5"));
        int pgIterations = Integer.parseInt(bench.getOrDefault("pg-iterations", "20"));
        String postgres = bench.get("postgres");
        List<String> only = bench.containsKey("only") ? List.of(bench.get("only").split(",")) : List.of();
        AppConfig config = AppConfig.fromArgs(rest.toArray(String[]::new));
        Snapshot snapshot = new Snapshots(config.warehouseDir()).current().orElseThrow(() -> new IllegalStateException(
                "No published snapshot in " + config.warehouseDir()));
        Catalogue catalogue = Catalogue.load(config.catalogueFile());
        Territory territory = Territory.load(config.referenceDir());
        Population population = Population.load(territory, config.referenceDir());
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        DuckDBConnection duck = DriverManager.getConnection("jdbc:duckdb:" + snapshot.dir().resolve(Snapshots.DATABASE_FILE), readOnly)
                .unwrap(DuckDBConnection.class);
        Supplier<Connection> connections = () -> {
            try {
                return duck.duplicate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        InternalIndicators engine = new InternalIndicators(catalogue, population, connections, snapshot.id());
        PublishedRelease release = new PublishedReleases(config.warehouseDir(), catalogue, territory, population, java.time.Clock.systemUTC(),
                java.time.Duration.ofDays(1)).current();
        YearMonth to;
        try (Connection c = connections.get(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(month) FROM ingest_file")) {
            rs.next();
            to = YearMonth.parse(rs.getString(1));
        }
        YearMonth from = to.minusMonths(35);
        Path scratch = Files.createTempDirectory("bench-pathway");
        // The pathway and the CSV copies for PostgreSQL are rows about children: gone when the run ends, however it ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(scratch)));
        Path pathway = scratch.resolve("child_pathway.parquet");
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            s.execute("COPY child_pathway TO '" + pathway.toString().replace("'", "''") + "' (FORMAT parquet)");
        }

        long rows = 0;
        try (Connection c = connections.get(); Statement s = c.createStatement()) {
            for (String t : List.of("fact_border_encounter", "fact_cpu_case", "fact_nrm_identification", "fact_service")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Snapshot %s: %,d fact rows; %s..%s by county by month; %d iterations (Spark %d)%n",
                snapshot.id(), rows, from, to, iterations, sparkIterations);

        SparkSession spark = SparkSessions.create(config);
        spark.sparkContext().setLogLevel("WARN");
        for (WarehouseTable t : List.of(WarehouseTable.FACT_BORDER_ENCOUNTER, WarehouseTable.FACT_CPU_CASE,
                WarehouseTable.FACT_NRM_IDENTIFICATION, WarehouseTable.FACT_SERVICE)) {
            spark.read().parquet(snapshot.table(t).toString()).createOrReplaceTempView(t.folder());
        }
        spark.read().parquet(pathway.toString()).createOrReplaceTempView("child_pathway");
        Connection pg = null;
        if (postgres != null) {
            pg = DriverManager.getConnection(postgres);
            long started = System.nanoTime();
            loadIntoPostgres(connections, pg, catalogue, pathway.getParent());
            System.out.printf(Locale.ROOT, "PostgreSQL: facts and pathway copied, indexed and analysed in %.1f s (%s)%n",
                    (System.nanoTime() - started) / 1e9, pgVersion(pg));
        }

        StringBuilder table = new StringBuilder("| indicator | public answer | public p50 / p95 (ms) | DuckDB from the facts p50 / p95 (ms) "
                + "| Spark SQL p50 / p95 (ms) | Spark ÷ DuckDB (p50) | PostgreSQL p50 / p95 (ms) | PostgreSQL ÷ DuckDB (p50) | same answer |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Indicator indicator : catalogue.indicators()) {
            if (!only.isEmpty() && !only.contains(indicator.id())) {
                continue;
            }
            IndicatorQuery dashboard = new IndicatorQuery(indicator.id(), from, to, PeriodType.MONTH, Map.of(), List.of("county"),
                    Audience.INTERNAL);
            String countyGrain = release.publication(indicator.id()).getOrDefault("county", Map.of()).get("total");
            String grain = countyGrain != null ? countyGrain : release.publication(indicator.id()).get("albania").get("total");
            IndicatorQuery published = new IndicatorQuery(indicator.id(), from, to, PeriodType.valueOf(grain.toUpperCase(Locale.ROOT)),
                    Map.of(), countyGrain != null ? List.of("county") : List.of(), Audience.PUBLIC);
            java.time.Instant now = java.time.Instant.now();
            double[] served = time(() -> release.indicator(published, now), iterations);
            double[] facts = time(() -> engine.run(dashboard), Math.max(5, iterations / 2));
            String aggregated = (countyGrain != null ? "by county, " : "Albania, ") + grain;

            List<Object> params = new ArrayList<>();
            String duckSql = FactSql.of(dashboard, indicator, params);
            // The values go in as literals: Spark 4.2's positional parameters were bound out of textual order in
            // "d BETWEEN ? AND ? AND c IN (?, ...)" here (a date parameter received an age band), so every answer
            // came back empty. These values are the catalogue's and the benchmark's own, never a caller's.
            String sparkSql = inline(sparkDialect(duckSql), params);
            Map<String, List<Double>> duckAnswer = duckAnswer(connections, duckSql, params);
            Map<String, List<Double>> sparkAnswer = new TreeMap<>();
            double[] sparkTimes = time(() -> {
                List<Row> result = spark.sql(sparkSql).collectAsList();
                if (sparkAnswer.isEmpty()) {
                    for (Row r : result) {
                        List<Double> values = new ArrayList<>();
                        for (int i = r.length() - 3; i < r.length(); i++) {
                            values.add(r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue());
                        }
                        sparkAnswer.put(r.getString(0) + "|" + r.getString(1), values);
                    }
                }
            }, sparkIterations);
            boolean same = same(duckAnswer, sparkAnswer, "Spark");
            if (!same) {
                System.out.println("  Spark SQL: " + sparkSql + "  with " + params);
            }
            String pgTimes = "–";
            String pgRatio = "–";
            if (pg != null) {
                String pgSql = inline(postgresDialect(duckSql, dashboard.groupBy().size()), params);
                Connection pgc = pg;
                Map<String, List<Double>> pgAnswer = new TreeMap<>();
                double[] t = time(() -> {
                    try (Statement st = pgc.createStatement(); ResultSet rs = st.executeQuery(pgSql)) {
                        Map<String, List<Double>> answer = answer(rs);
                        if (pgAnswer.isEmpty()) {
                            pgAnswer.putAll(answer);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("PostgreSQL refused: " + pgSql, e);
                    }
                }, pgIterations);
                boolean pgSame = same(duckAnswer, pgAnswer, "PostgreSQL");
                if (!pgSame) {
                    System.out.println("  PostgreSQL: " + pgSql);
                }
                same = same && pgSame;
                pgTimes = String.format(Locale.ROOT, "%.1f / %.1f", t[0], t[1]);
                pgRatio = String.format(Locale.ROOT, "%.2f×", t[0] / facts[0]);
            }
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %.2f / %.2f | %.1f / %.1f | %.0f / %.0f | %.1f× | %s | %s | %s |%n",
                    indicator.id(), aggregated, served[0], served[1], facts[0], facts[1], sparkTimes[0], sparkTimes[1],
                    sparkTimes[0] / facts[0], pgTimes, pgRatio, same ? "yes (" + duckAnswer.size() + " cells)" : "NO"));
            System.out.print(table.substring(table.lastIndexOf("| `")));
        }
        System.out.println();
        System.out.println(table);
        spark.stop();
        duck.close();
        if (pg != null) {
            pg.close();
        }
    }

    /** p50, p95 and max in milliseconds of {@code n} timed runs after {@code max(1, n / 10)} warm-up runs. */
    private static double[] time(Runnable call, int n) {
        for (int i = 0; i < Math.max(1, n / 10); i++) {
            call.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {percentile(ms, 0.50), percentile(ms, 0.95), ms[n - 1]};
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** DuckDB's answer to the facts statement: period|county → main, second, median. */
    private static Map<String, List<Double>> duckAnswer(Supplier<Connection> connections, String sql, List<Object> params) throws SQLException {
        try (Connection c = connections.get(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                p.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                return answer(rs);
            }
        }
    }

    /** An engine's answer read over JDBC: period|county → its last three columns (main, second, median). */
    private static Map<String, List<Double>> answer(ResultSet rs) throws SQLException {
        Map<String, List<Double>> answer = new TreeMap<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<Double> values = new ArrayList<>();
            for (int i = n - 2; i <= n; i++) {
                Object v = rs.getObject(i);
                values.add(v == null ? null : ((Number) v).doubleValue());
            }
            answer.put(rs.getString(1) + "|" + rs.getString(2), values);
        }
        return answer;
    }

    private static boolean same(Map<String, List<Double>> a, Map<String, List<Double>> b, String other) {
        if (!a.keySet().equals(b.keySet())) {
            System.out.printf("  answers differ: DuckDB %d cells, %s %d cells%n", a.size(), other, b.size());
            return false;
        }
        for (String k : a.keySet()) {
            for (int i = 0; i < 3; i++) {
                Double x = a.get(k).get(i);
                Double y = b.get(k).get(i);
                if (x == null ? y != null : y == null || Math.abs(x - y) > 1e-6) {
                    System.out.printf("  answers differ at %s: DuckDB %s, %s %s%n", k, a.get(k), other, b.get(k));
                    return false;
                }
            }
        }
        return true;
    }

    /** The statement with each {@code ?} replaced by its value as a SQL literal (dates, numbers, quoted text). */
    static String inline(String sql, List<Object> params) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char ch : sql.toCharArray()) {
            if (ch != '?') {
                out.append(ch);
                continue;
            }
            Object v = params.get(next++);
            out.append(v instanceof java.time.LocalDate d ? "DATE '" + d + "'" : v instanceof Number n ? n.toString()
                    : v instanceof Boolean b ? b.toString() : "'" + v.toString().replace("'", "''") + "'");
        }
        if (next != params.size()) {
            throw new IllegalStateException("Cannot inline: " + params.size() + " values for " + next + " parameters");
        }
        return out.toString();
    }

    /**
     * DuckDB's functions, casts and {@code GROUP BY ALL} in the query layer's statements, as PostgreSQL spells them. The
     * grouping is by position: the period and the {@code groups} columns, and in the share's inner query (the first
     * {@code GROUP BY ALL} of two) the child too.
     */
    static String postgresDialect(String sql, int groups) {
        String out = sql.replaceAll("median\\((date_diff\\('day', \\w+, \\w+\\)|\\w+)\\)", "percentile_cont(0.5) WITHIN GROUP (ORDER BY $1)")
                .replaceAll("strftime\\((\\w+), '%Y-%m'\\)", "to_char($1, 'YYYY-MM')")
                .replaceAll("strftime\\((\\w+), '%Y'\\)", "to_char($1, 'YYYY')")
                .replaceAll("quarter\\((\\w+)\\)", "extract(quarter from $1)::int")
                .replaceAll("date_diff\\('day', (\\w+), (\\w+)\\)", "($2 - $1)")
                .replace("NULL::DOUBLE", "NULL::double precision");
        int all = out.split("GROUP BY ALL", -1).length - 1;
        for (int i = 0; i < all; i++) {
            int columns = groups + 1 + (all == 2 && i == 0 ? 1 : 0);
            StringBuilder positions = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
                positions.append(c == 1 ? "" : ", ").append(c);
            }
            out = out.replaceFirst("GROUP BY ALL", "GROUP BY " + positions);
        }
        return out;
    }

    /**
     * Copies the four fact tables and the child pathway from DuckDB into PostgreSQL (CSV through COPY), as flat tables with
     * one B-tree index per column the indicators filter or group on, then ANALYZE.
     */
    private static void loadIntoPostgres(Supplier<Connection> duck, Connection pg, Catalogue catalogue, Path scratch) throws Exception {
        java.util.Set<String> used = new java.util.HashSet<>(List.of("county_code", "first_county_code"));
        for (Indicator i : catalogue.indicators()) {
            used.add(i.date());
            i.where().forEach(c -> used.add(c.column()));
            i.numeratorWhere().forEach(c -> used.add(c.column()));
        }
        for (String table : List.of("fact_border_encounter", "fact_cpu_case", "fact_nrm_identification", "fact_service", "child_pathway")) {
            List<String> columns = new ArrayList<>();
            List<String> indexed = new ArrayList<>();
            Path csv = scratch.resolve(table + ".csv");
            try (Connection c = duck.get(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("DESCRIBE " + table)) {
                    while (rs.next()) {
                        String name = rs.getString("column_name");
                        String type = rs.getString("column_type");
                        columns.add("\"" + name + "\" " + pgType(type));
                        if (used.contains(name) || type.equals("DATE")) {
                            indexed.add(name);
                        }
                    }
                }
                s.execute("COPY (SELECT * FROM " + table + ") TO '" + csv.toString().replace("'", "''") + "' (FORMAT csv, HEADER)");
            }
            try (Statement s = pg.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE UNLOGGED TABLE " + table + " (" + String.join(", ", columns) + ")");
            }
            try (java.io.Reader reader = Files.newBufferedReader(csv)) {
                new org.postgresql.copy.CopyManager(pg.unwrap(org.postgresql.core.BaseConnection.class))
                        .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER)", reader);
            } finally {
                Files.deleteIfExists(csv);
            }
            try (Statement s = pg.createStatement()) {
                for (String column : indexed) {
                    s.execute("CREATE INDEX ON " + table + " (\"" + column + "\")");
                }
                s.execute("ANALYZE " + table);
            }
            System.out.printf(Locale.ROOT, "  PostgreSQL %s: %d columns, indexes on %s%n", table, columns.size(), indexed);
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            System.err.println("Could not delete the benchmark's scratch folder " + dir + ": delete it by hand");
        }
    }

    private static String pgType(String duckType) {
        if (duckType.startsWith("DECIMAL")) {
            return "numeric";
        }
        return switch (duckType) {
            case "VARCHAR" -> "text";
            case "DATE" -> "date";
            case "BOOLEAN" -> "boolean";
            case "TINYINT", "SMALLINT", "UTINYINT", "USMALLINT", "INTEGER" -> "integer";
            case "UINTEGER", "BIGINT" -> "bigint";
            case "UBIGINT", "HUGEINT" -> "numeric";
            case "FLOAT", "DOUBLE" -> "double precision";
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> "timestamptz";
            default -> throw new IllegalStateException("No PostgreSQL type for DuckDB's " + duckType);
        };
    }

    private static String pgVersion(Connection pg) throws SQLException {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    /** DuckDB's functions and casts in the query layer's statements, as Spark SQL spells them. */
    static String sparkDialect(String sql) {
        return sql.replaceAll("strftime\\((\\w+), '%Y-%m'\\)", "date_format($1, 'yyyy-MM')")
                .replaceAll("strftime\\((\\w+), '%Y'\\)", "date_format($1, 'yyyy')")
                .replaceAll("date_diff\\('day', (\\w+), (\\w+)\\)", "datediff($2, $1)")
                .replace("NULL::DOUBLE", "CAST(NULL AS DOUBLE)");
    }
}
