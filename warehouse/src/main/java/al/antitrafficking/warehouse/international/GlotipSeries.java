package al.antitrafficking.warehouse.international;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import al.antitrafficking.warehouse.config.DuckDbLimits;
import al.antitrafficking.warehouse.international.GlotipFile.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.commons.io.file.PathUtils;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The published UNODC GLOTIP series held in the warehouse as a reference series, beside the snapshots and never part
 * of them: {@code <warehouse>/reference/glotip/<id>/series.parquet} with {@code import.properties} (the file, its
 * SHA-256, the export's date, counts), and {@code CURRENT} naming the import readers see. An import is written in a
 * staging folder and made current by one atomic rename of the pointer, so a failed or refused import leaves the series
 * already there untouched. A {@code <5} stays suppressed: its value is NULL with {@code suppressed = true}.
 */
public final class GlotipSeries {
    public static final String FOLDER = "reference/glotip";
    static final String CURRENT = "CURRENT";
    static final String SERIES = "series.parquet";
    static final String ABOUT = "import.properties";

    /** What one import holds. */
    public record Imported(String id, String file, String sha256, Optional<LocalDate> stamp, int figures, int ambiguousFigures, int suppressed,
                           int countries, int firstYear, int lastYear, Instant at) {
        public String summary() {
            return String.format("Imported %s (UNODC GLOTIP export%s, SHA-256 %s…): %,d figures, %,d of them <5 kept as suppressed, "
                            + "%d countries, %d–%d%s; now the warehouse's reference series %s", file,
                    stamp.map(d -> " of " + d).orElse(""), sha256.substring(0, 12), figures, suppressed, countries, firstYear, lastYear,
                    ambiguousFigures == 0 ? "" : String.format("; %,d figures the export gives more than once with different values, kept and marked ambiguous",
                            ambiguousFigures), id);
        }
    }

    private final Path dir;
    private final Imported imported;
    /** DuckDB's limits for each read of the series; null: DuckDB's own (a command run once). */
    private final DuckDbLimits limits;

    private GlotipSeries(Path dir, Imported imported, DuckDbLimits limits) {
        this.dir = dir;
        this.imported = imported;
        this.limits = limits;
    }

    /**
     * The same series, each read of it by a DuckDB database within these limits: the portal reads it on request threads,
     * each with a database of its own.
     */
    public GlotipSeries limitedTo(DuckDbLimits limits) {
        return new GlotipSeries(dir, imported, java.util.Objects.requireNonNull(limits, "limits is null"));
    }

    /** A database for one read of the series, within the limits given ({@link #limitedTo}). */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        if (limits == null) {
            return c;
        }
        try {
            limits.apply(c);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Reads, checks and stores an export as the current series; a refused file throws {@link GlotipFileException}. */
    public static Imported importFile(Path file, Path warehouseDir) {
        return importFile(file, warehouseDir, null);
    }

    /** As {@link #importFile(Path, Path)}, the series written by a DuckDB database within these limits (null: DuckDB's own). */
    public static Imported importFile(Path file, Path warehouseDir, DuckDbLimits limits) {
        GlotipFile.Export export = GlotipFile.read(file);
        String sha = al.antitrafficking.warehouse.intake.Landed.sha256(file);
        Path root = warehouseDir.resolve(FOLDER);
        String id = "glotip-" + export.stamp().map(LocalDate::toString).orElse("undated") + "-" + sha.substring(0, 12);
        List<Figure> figures = export.figures();
        Imported imported = new Imported(id, file.getFileName().toString(), sha, export.stamp(), figures.size(), export.ambiguousFigures(),
                (int) figures.stream().filter(Figure::suppressed).count(),
                (int) figures.stream().map(f -> f.iso3().isEmpty() ? f.country() : f.iso3()).distinct().count(),
                figures.stream().mapToInt(Figure::year).min().orElseThrow(), figures.stream().mapToInt(Figure::year).max().orElseThrow(),
                Instant.now());
        Path staging = root.resolve(".staging-" + id + "-" + System.nanoTime());
        try {
            Files.createDirectories(staging);
            writeParquet(figures, staging.resolve(SERIES), limits);
            Properties p = new Properties();
            p.setProperty("id", id);
            p.setProperty("file", imported.file());
            p.setProperty("sha256", sha);
            export.stamp().ifPresent(d -> p.setProperty("stamp", d.toString()));
            p.setProperty("figures", Integer.toString(imported.figures()));
            p.setProperty("ambiguous_figures", Integer.toString(imported.ambiguousFigures()));
            p.setProperty("suppressed", Integer.toString(imported.suppressed()));
            p.setProperty("countries", Integer.toString(imported.countries()));
            p.setProperty("first_year", Integer.toString(imported.firstYear()));
            p.setProperty("last_year", Integer.toString(imported.lastYear()));
            p.setProperty("imported_at", imported.at().toString());
            try (var out = Files.newBufferedWriter(staging.resolve(ABOUT), UTF_8)) {
                p.store(out, "UNODC GLOTIP export imported as a reference series");
            }
            Path target = root.resolve(id);
            if (Files.exists(target)) {
                PathUtils.deleteDirectory(target);
            }
            Files.move(staging, target, ATOMIC_MOVE);
            Path pointer = root.resolve(CURRENT + ".tmp");
            Files.writeString(pointer, id + "\n", UTF_8);
            Files.move(pointer, root.resolve(CURRENT), ATOMIC_MOVE, REPLACE_EXISTING);
            return imported;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the GLOTIP series in " + root + " (" + e.getMessage()
                    + "); the series already there is unchanged", e);
        } finally {
            try {
                if (Files.exists(staging)) {
                    PathUtils.deleteDirectory(staging);
                }
            } catch (IOException e) {
                // The staging folder is left beside the series; it is never read.
            }
        }
    }

    /** The current series, if one was imported. */
    public static Optional<GlotipSeries> open(Path warehouseDir) {
        Path root = warehouseDir.resolve(FOLDER);
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            Path dir = root.resolve(Files.readString(pointer, UTF_8).strip());
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(dir.resolve(ABOUT), UTF_8)) {
                p.load(in);
            }
            Imported imported = new Imported(p.getProperty("id"), p.getProperty("file"), p.getProperty("sha256"),
                    Optional.ofNullable(p.getProperty("stamp")).map(LocalDate::parse), Integer.parseInt(p.getProperty("figures")),
                    Integer.parseInt(p.getProperty("ambiguous_figures")), Integer.parseInt(p.getProperty("suppressed")), Integer.parseInt(p.getProperty("countries")),
                    Integer.parseInt(p.getProperty("first_year")), Integer.parseInt(p.getProperty("last_year")),
                    Instant.parse(p.getProperty("imported_at")));
            return Optional.of(new GlotipSeries(dir, imported, null));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GLOTIP series in " + root, e);
        }
    }

    public Imported imported() {
        return imported;
    }

    /** The figures of these countries (ISO alpha-3) for one indicator, in country, year and breakdown order. */
    public List<Figure> figures(Collection<String> iso3, String indicator) {
        String in = iso3.stream().map(c -> "?").collect(Collectors.joining(","));
        String sql = "SELECT row, iso3, country, region, subregion, indicator, dimension, category, sex, age, year, unit, value, text, source, ambiguous FROM "
                + "read_parquet(?) WHERE indicator = ? AND iso3 IN (" + in + ") ORDER BY iso3, year, dimension, category, sex, age, row";
        List<Figure> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, dir.resolve(SERIES).toString());
            s.setString(i++, indicator);
            for (String code : iso3) {
                s.setString(i++, code);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long v = rs.getLong(13);
                    Optional<Long> value = rs.wasNull() ? Optional.empty() : Optional.of(v);
                    out.add(new Figure(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12), value,
                            rs.getString(14), rs.getString(15), rs.getBoolean(16)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the GLOTIP series " + imported.id(), e);
        }
        return out;
    }

    private static void writeParquet(List<Figure> figures, Path target, DuckDbLimits limits) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            if (limits != null) {
                limits.apply(c);
            }
            s.execute("CREATE TABLE glotip (row INTEGER NOT NULL, iso3 VARCHAR NOT NULL, country VARCHAR, region VARCHAR, subregion VARCHAR, indicator VARCHAR NOT NULL, "
                    + "dimension VARCHAR NOT NULL, category VARCHAR NOT NULL, sex VARCHAR NOT NULL, age VARCHAR NOT NULL, year INTEGER NOT NULL, "
                    + "unit VARCHAR NOT NULL, value BIGINT, suppressed BOOLEAN NOT NULL, text VARCHAR NOT NULL, source VARCHAR, ambiguous BOOLEAN NOT NULL)");
            try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "glotip")) {
                for (Figure f : figures) {
                    a.beginRow();
                    a.append(f.row());
                    a.append(f.iso3());
                    a.append(f.country());
                    a.append(f.region());
                    a.append(f.subregion());
                    a.append(f.indicator());
                    a.append(f.dimension());
                    a.append(f.category());
                    a.append(f.sex());
                    a.append(f.age());
                    a.append(f.year());
                    a.append(f.unit());
                    if (f.value().isPresent()) {
                        a.append(f.value().get());
                    } else {
                        a.appendNull();
                    }
                    a.append(f.suppressed());
                    a.append(f.text());
                    a.append(f.source());
                    a.append(f.ambiguous());
                    a.endRow();
                }
            }
            s.execute("COPY glotip TO '" + target.toString().replace("'", "''") + "' (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IOException("Cannot write " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
