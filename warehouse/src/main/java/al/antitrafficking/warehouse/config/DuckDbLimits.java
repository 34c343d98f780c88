package al.antitrafficking.warehouse.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * How much memory and how many threads a DuckDB database may take. Unbounded, DuckDB takes up to 80 % of the machine's
 * memory and every core; the portal opens a database per request for internal figures and the UNODC series, and the
 * build one per correction, so each is given these limits when it opens.
 */
public record DuckDbLimits(String memoryLimit, int threads) {
    /** A size DuckDB's memory_limit takes, such as 256MB or 2GB. */
    private static final Pattern SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|KiB|MiB|GiB)");

    public DuckDbLimits {
        if (memoryLimit == null || !isSize(memoryLimit) || threads < 1) {
            throw new IllegalArgumentException("Cannot limit DuckDB: memory as a size such as 256MB, and threads at least 1");
        }
    }

    /** Whether the text is a size DuckDB's memory_limit takes, such as 256MB or 2GB. */
    public static boolean isSize(String text) {
        return SIZE.matcher(text).matches();
    }

    /**
     * Both limits as the configuration a database is opened with ({@code DriverManager.getConnection(url, properties)}),
     * which bounds its opening too: replaying a file's write-ahead log.
     */
    public java.util.Properties asConfiguration() {
        java.util.Properties configuration = new java.util.Properties();
        configuration.setProperty("memory_limit", memoryLimit);
        configuration.setProperty("threads", Integer.toString(threads));
        return configuration;
    }

    /** Sets both limits on the database of the connection (and so on every connection duplicated from it). */
    public void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // A size of digits, a dot, spaces and letters: nothing to quote.
            s.execute("SET memory_limit = '" + memoryLimit + "'");
            s.execute("SET threads = " + threads);
        }
    }
}
