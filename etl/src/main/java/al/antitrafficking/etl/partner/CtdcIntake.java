package al.antitrafficking.etl.partner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import al.antitrafficking.etl.ingest.SparkSessions;
import al.antitrafficking.warehouse.reference.Countries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.file.PathUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The CTDC adapter: one partner's file of victim records in the CTDC format (IOM's Counter Trafficking Data
 * Collaborative) checked and mapped into the partner-records fact, never into the NRM facts (a CTDC record has no
 * pseudonym, county or month: it would count NRM victims twice). The mapping is {@link CtdcMapping}.
 *
 * <p>A file is first read once in Java (strict UTF-8, CSV records, the header against the format's columns) into a
 * normalised copy with each record's number; a file that cannot be read that far is refused whole and nothing is
 * written. Spark then checks and maps every record with column expressions: a record breaking a rule goes to the
 * quarantine (record number, column, rule; never the value), the rest are mapped; more than
 * {@code etl.max-bad-row-share} of bad records refuses the file whole, with its quarantine kept. Rows in = loaded +
 * quarantined is checked before the batch is committed by renaming its staging folder to
 * {@code <warehouse>/partner/<partner>/<batch>/} ({@code records/}, {@code quarantine/}, {@code report.properties}); a
 * re-sent file (same partner, same name) replaces its batch whole.
 */
public final class CtdcIntake {
    public static final String FOLDER = "partner";
    public static final String RECORD = "_record";
    static final String SCAN_RULE = "_scan_rule";
    public static final String LOADED = "LOADED";
    public static final String REFUSED = "REFUSED";
    /** The values an age-majority column may take besides unknown. */
    private static final List<String> MAJORITY = List.of("Minor", "Adult");
    private static final Pattern PARTNER = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final SparkSession spark;
    private final CtdcMapping mapping;
    private final Countries countries;
    private final long maxFileBytes;
    private final double maxBadShare;

    /** What became of one file. */
    public record Report(String partner, String batch, String file, String sha256, String status, long records, long loaded, long quarantined,
                         Map<String, Long> byRule, long ageConflicts, String message) {
        public String summary() {
            return message;
        }
    }

    public CtdcIntake(SparkSession spark, CtdcMapping mapping, Countries countries, long maxFileBytes, double maxBadShare) {
        this.spark = spark;
        this.mapping = mapping;
        this.countries = countries;
        this.maxFileBytes = maxFileBytes;
        this.maxBadShare = maxBadShare;
    }

    /** Checks, maps and commits one file as a batch of {@code partner}; a file refused before its records throws {@link CtdcFileRefused}. */
    public Report ingest(Path file, String partner, Path warehouseDir) {
        if (!PARTNER.matcher(partner).matches()) {
            throw new CtdcFileRefused("Refused: the partner name must be 1–40 lower-case letters, digits or hyphens.");
        }
        String name = file.getFileName().toString();
        String batch = name.replaceAll("\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path root = warehouseDir.resolve(FOLDER).resolve(partner);
        Path staging = root.resolve(".staging-" + batch + "-" + System.nanoTime());
        try {
            Files.createDirectories(staging);
            java.util.Set<String> present = new java.util.HashSet<>();
            long records = normalise(file, name, staging.resolve("normalised.csv"), present);
            Report report = map(staging, partner, batch, name, al.antitrafficking.warehouse.intake.Landed.sha256(file), records, present);
            Files.delete(staging.resolve("normalised.csv"));
            writeReport(report, staging.resolve("report.properties"));
            Path target = root.resolve(batch);
            Path old = root.resolve(".replaced-" + batch + "-" + System.nanoTime());
            if (Files.exists(target)) {
                Files.move(target, old);
            }
            Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(old)) {
                PathUtils.deleteDirectory(old);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the partner batch in " + root + "; nothing of it was committed", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** The Java pass: strict UTF-8, CSV records, the header checked; writes {@code _record, _scan_rule} and the format's columns. */
    private long normalise(Path file, String name, Path target, java.util.Set<String> present) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CtdcFileRefused("Refused " + name + ": no such file.");
        }
        if (Files.size(file) > maxFileBytes) {
            throw new CtdcFileRefused("Refused " + name + ": " + Files.size(file) + " bytes, more than the " + maxFileBytes
                    + " allowed (etl.max-file-bytes). Nothing was loaded.");
        }
        var decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> columns = mapping.columns();
        long n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
             CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(in);
             Writer out = Files.newBufferedWriter(target, UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                throw new CtdcFileRefused("Refused " + name + ": it is empty; a CTDC file starts with a header row. Nothing was loaded.");
            }
            List<String> header = new ArrayList<>();
            it.next().forEach(h -> header.add(header.isEmpty() ? h.replace("\uFEFF", "").strip() : h.strip()));
            int[] position = positions(name, header);
            present.addAll(header);
            List<String> out0 = new ArrayList<>(List.of(RECORD, SCAN_RULE));
            out0.addAll(columns);
            printer.printRecord(out0);
            while (it.hasNext()) {
                CSVRecord r = it.next();
                n++;
                List<String> row = new ArrayList<>(columns.size() + 2);
                row.add(Long.toString(n));
                boolean lineBreak = false;
                for (String v : r) {
                    lineBreak |= v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
                }
                if (r.size() != header.size() || lineBreak) {
                    // No coded value holds a line break; the copy is read one record per line.
                    row.add(lineBreak ? "LINE_BREAK_IN_VALUE" : "MALFORMED_ROW");
                    columns.forEach(c -> row.add(""));
                } else {
                    row.add("");
                    for (int p : position) {
                        row.add(p < 0 ? "" : r.get(p).strip());
                    }
                }
                printer.printRecord(row);
            }
        } catch (CharacterCodingException | UncheckedIOException e) {
            // Reading records throws UncheckedIOException around the decoder's or the parser's complaint; writing throws IOException.
            Throwable why = e instanceof UncheckedIOException ? e.getCause() : e;
            throw new CtdcFileRefused("Refused " + name + ": " + (why instanceof CharacterCodingException ? "it is not UTF-8 text"
                    : "record " + (n + 1) + " cannot be read as CSV (an unclosed quote?)") + ". Nothing was loaded.");
        }
        return n;
    }

    /** Where each of the format's columns sits in the file's header; unknown, missing or repeated columns refuse the file. */
    private int[] positions(String name, List<String> header) {
        List<String> columns = mapping.columns();
        List<Integer> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!columns.contains(header.get(i))) {
                unknown.add(i + 1);
            } else if (header.indexOf(header.get(i)) != i) {
                repeated.add(header.get(i));
            }
        }
        List<String> missing = mapping.required().stream().filter(c -> !header.contains(c)).toList();
        List<String> why = new ArrayList<>();
        if (!unknown.isEmpty()) {
            // Column positions, not names: a header cell could hold anything, a person's name too.
            why.add(unknown.size() + (unknown.size() == 1 ? " column" : " columns") + " not in the CTDC format (column "
                    + unknown.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + (unknown.size() > 10 ? ", …" : "") + ")");
        }
        if (!missing.isEmpty()) {
            why.add("required " + (missing.size() == 1 ? "column" : "columns") + " missing: " + String.join(", ", missing));
        }
        if (!repeated.isEmpty()) {
            why.add("repeated " + (repeated.size() == 1 ? "column" : "columns") + ": " + String.join(", ", repeated));
        }
        if (!why.isEmpty()) {
            throw new CtdcFileRefused("Refused " + name + ": " + String.join("; ", why) + ". The CTDC format's columns are listed in "
                    + CtdcMapping.FILE + ". Nothing was loaded.");
        }
        return columns.stream().mapToInt(header::indexOf).toArray();
    }

    /** The Spark pass over the normalised copy: rules as column expressions, records and quarantine written to staging. */
    private Report map(Path staging, String partner, String batch, String name, String sha, long records, java.util.Set<String> present) {
        StructType schema = new StructType().add(RECORD, DataTypes.LongType).add(SCAN_RULE, DataTypes.StringType);
        for (String c : mapping.columns()) {
            schema = schema.add(c, DataTypes.StringType);
        }
        Dataset<Row> raw = spark.read().schema(schema).option("header", "true").option("multiLine", "false").option("escape", "\"")
                .csv(SparkSessions.uri(staging.resolve("normalised.csv")));
        for (String c : mapping.columns()) {
            raw = raw.withColumn(c, coalesce(trim(col(c)), lit("")));
        }
        Dataset<Row> checked = raw.withColumn("_problems", problems()).cache();
        try {
            Dataset<Row> quarantine = checked.where(size(col("_problems")).gt(0))
                    .select(col(RECORD), explode(col("_problems")).as("_p"))
                    .select(col(RECORD).as("record"), element_at(split(col("_p"), ":"), 1).as("column"),
                            element_at(split(col("_p"), ":"), 2).as("rule"));
            quarantine.coalesce(1).write().parquet(SparkSessions.uri(staging.resolve("quarantine")));
            Map<String, Long> byRule = new TreeMap<>();
            for (Row r : spark.read().parquet(SparkSessions.uri(staging.resolve("quarantine"))).groupBy("rule").count().collectAsList()) {
                byRule.put(r.getString(0), r.getLong(1));
            }
            long bad = checked.where(size(col("_problems")).gt(0)).count();
            boolean refused = records > 0 && (double) bad / records > maxBadShare;
            long loaded = 0;
            long conflicts = 0;
            if (!refused) {
                Dataset<Row> mapped = mapped(checked.where(size(col("_problems")).equalTo(0)), partner, batch, present);
                mapped.coalesce(1).write().parquet(SparkSessions.uri(staging.resolve("records")));
                Dataset<Row> written = spark.read().parquet(SparkSessions.uri(staging.resolve("records")));
                loaded = written.count();
                conflicts = written.where(col("age_conflict")).count();
            }
            long quarantinedRecords = spark.read().parquet(SparkSessions.uri(staging.resolve("quarantine"))).select("record").distinct().count();
            if (quarantinedRecords != bad || (!refused && loaded + bad != records)) {
                throw new IllegalStateException("Cannot commit the partner batch " + batch + ": " + records + " records read, " + loaded
                        + " loaded and " + quarantinedRecords + " quarantined do not add up; nothing was committed");
            }
            String message = refused
                    ? String.format(Locale.ROOT, "Refused %s: %d of %d records (%.0f%%) break the CTDC rules, more than the %.0f%% allowed "
                            + "(etl.max-bad-row-share); the file was refused whole and its bad records are listed in the quarantine by rule: %s",
                    name, bad, records, 100.0 * bad / records, 100 * maxBadShare, byRule)
                    : String.format(Locale.ROOT, "Loaded %s as partner records of %s (batch %s): %,d records read, %,d loaded, %,d quarantined%s"
                            + "%s. County and month are unknown in this format; these records are never counted as NRM victims.",
                    name, partner, batch, records, loaded, bad, bad == 0 ? "" : " by rule " + byRule,
                    conflicts == 0 ? "" : String.format(Locale.ROOT, "; %,d loaded records give an age band and a majority status that "
                            + "disagree (the age band decides, marked age_conflict)", conflicts));
            return new Report(partner, batch, name, sha, refused ? REFUSED : LOADED, records, loaded, bad, byRule, conflicts, message);
        } finally {
            checked.unpersist();
        }
    }

    /** Every rule a record breaks, as {@code column:RULE}; a malformed or empty record is only that. */
    private Column problems() {
        List<Column> checks = new ArrayList<>();
        Column year = col("yearOfRegistration");
        int thisYear = Year.now(ZoneOffset.UTC).getValue();
        checks.add(when(year.equalTo(""), lit("yearOfRegistration:MISSING_VALUE"))
                .when(year.rlike("^[0-9]{4}$").and(year.cast("int").between(mapping.firstYear(), thisYear)).equalTo(false),
                        lit("yearOfRegistration:BAD_YEAR")));
        checks.add(choice("gender", new ArrayList<>(mapping.sex().keySet())));
        checks.add(choice("ageBroad", new ArrayList<>(mapping.ageBands().keySet())));
        checks.add(choice("majorityStatus", new ArrayList<>(mapping.majorityStatus().keySet())));
        checks.add(choice("majorityStatusAtExploit", MAJORITY));
        checks.add(choice("majorityEntry", MAJORITY));
        checks.add(choice("Datasource", new ArrayList<>(mapping.datasources())));
        for (String c : mapping.columns()) {
            if (mapping.isFlag(c)) {
                checks.add(when(col(c).notEqual("").and(col(c).isin(mapping.flagValues().toArray()).equalTo(false)), lit(c + ":BAD_FLAG")));
            }
        }
        for (String c : mapping.countries()) {
            checks.add(when(unknown(c).equalTo(false).and(col(c).isin(countries.codes().toArray()).equalTo(false)), lit(c + ":BAD_COUNTRY")));
        }
        Column empty = lit(true);
        for (String c : mapping.columns()) {
            if (!c.equals("X")) {
                empty = empty.and(col(c).equalTo(""));
            }
        }
        return when(col(SCAN_RULE).isNotNull().and(col(SCAN_RULE).notEqual("")), array(functions.concat(lit("*:"), col(SCAN_RULE))))
                .when(empty, array(lit("*:EMPTY_RECORD")))
                .otherwise(array_compact(array(checks.toArray(Column[]::new))));
    }

    private Column unknown(String c) {
        return col(c).isin(mapping.unknown().toArray());
    }

    private Column choice(String c, List<String> values) {
        return when(unknown(c).equalTo(false).and(col(c).isin(values.toArray()).equalTo(false)), lit(c + ":BAD_CHOICE"));
    }

    /** The partner-records fact's columns from checked records. */
    private Dataset<Row> mapped(Dataset<Row> good, String partner, String batch, java.util.Set<String> present) {
        Column bandGroup = lookup("ageBroad", mapping.ageBands().entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue().group()), Map::putAll));
        Column majorityGroup = lookup("majorityStatus", mapping.majorityStatus());
        List<Column> out = new ArrayList<>(List.of(
                lit(partner).as("partner"),
                lit(batch).as("batch"),
                col("yearOfRegistration").cast("int").as("year_of_registration"),
                lit("unknown").as("month"),
                lit("unknown").as("county"),
                coalesce(lookup("Datasource", mapping.datasources().stream().collect(LinkedHashMap::new, (m, v) -> m.put(v, v), Map::putAll)),
                        lit("unknown")).as("datasource"),
                coalesce(lookup("gender", mapping.sex()), lit("U")).as("sex"),
                coalesce(lookup("ageBroad", mapping.ageBands().entrySet().stream()
                        .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue().band()), Map::putAll)), lit("unknown")).as("age_band"),
                coalesce(bandGroup, majorityGroup, lit("unknown")).as("age_group"),
                coalesce(bandGroup.isNotNull().and(majorityGroup.isNotNull()).and(bandGroup.notEqual(majorityGroup)), lit(false)).as("age_conflict"),
                country("citizenship").as("citizenship"),
                country("CountryOfExploitation").as("exploitation_country")));
        for (Map.Entry<String, List<String>> form : mapping.forms().entrySet()) {
            Column any = lit(false);
            Column allStated = lit(true);
            // A flag the file does not carry says nothing: it neither makes a form true nor keeps it from being false.
            List<String> flags = form.getValue().stream().filter(present::contains).toList();
            if (flags.isEmpty()) {
                out.add(lit(null).cast("boolean").as("form_" + form.getKey()));
                continue;
            }
            for (String flag : flags) {
                any = any.or(col(flag).equalTo("1"));
                allStated = allStated.and(col(flag).equalTo("0"));
            }
            out.add(when(any, lit(true)).when(allStated, lit(false)).as("form_" + form.getKey()));
        }
        return good.select(out.toArray(Column[]::new));
    }

    private Column country(String c) {
        return when(unknown(c), lit("unknown")).otherwise(col(c));
    }

    /** A value looked up in a small map, NULL when absent. */
    private static Column lookup(String c, Map<String, String> map) {
        Column result = null;
        for (Map.Entry<String, String> e : map.entrySet()) {
            result = result == null ? when(col(c).equalTo(e.getKey()), lit(e.getValue())) : result.when(col(c).equalTo(e.getKey()), lit(e.getValue()));
        }
        return result == null ? lit(null).cast("string") : result;
    }

    private static void writeReport(Report r, Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("partner", r.partner());
        p.setProperty("batch", r.batch());
        p.setProperty("file", r.file());
        p.setProperty("sha256", r.sha256());
        p.setProperty("status", r.status());
        p.setProperty("records", Long.toString(r.records()));
        p.setProperty("loaded", Long.toString(r.loaded()));
        p.setProperty("quarantined", Long.toString(r.quarantined()));
        p.setProperty("age_conflicts", Long.toString(r.ageConflicts()));
        r.byRule().forEach((rule, n) -> p.setProperty("rule." + rule, Long.toString(n)));
        p.setProperty("message", r.message());
        p.setProperty("at", Instant.now().toString());
        try (var out = Files.newBufferedWriter(file, UTF_8)) {
            p.store(out, "CTDC partner batch");
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                PathUtils.deleteDirectory(dir);
            }
        } catch (IOException e) {
            // A staging folder left behind is never read.
        }
    }
}
