package al.antitrafficking.warehouse.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Field;
import al.antitrafficking.warehouse.contract.FieldType;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): what a DuckDB user would write instead of the Spark ETL, the contract's checks in SQL, to
 * set beside {@link DuckDbCsvToParquet} (no checks) and the Spark job (every check).
 * {@code java -cp ... DuckDbCheckedCsvToParquet CONF_DIR KEY_FILE INCOMING_DIR OUT_DIR}.
 *
 * <p>Per source, one statement reads every file as text and works out each row's first broken rule, in the Spark
 * job's order: required values, ids and pseudonyms by pattern, real dates, ages and bands, choices, ISO countries,
 * municipalities by their lenient name key (lower case, diacritics and hyphens folded, former commune names included)
 * and crossings from the reference data, the place in the file's county, the event in the file's month, later dates
 * not before it, and an id repeated within the file (when the row breaks no other rule). It re-keys ids and
 * pseudonyms with HMAC-SHA256 under the warehouse key, built from DuckDB's {@code sha256} as RFC 2104 defines it, stored
 * as the warehouse's 64-bit integers. It refuses whole a file where any id, or any value not valid for its column,
 * matches the personal-data guard's e-mail, personal-number or telephone patterns (written again here for RE2, which
 * has no look-around; the guard's name lists are not used), and a file with more than 20 % bad rows (the default
 * {@code etl.max-bad-row-share}); then writes the good rows partitioned by county and month, and the broken rows' file,
 * row, column and rule. Columns are taken by position (the generated files share one header) and a row's number is
 * its place as DuckDB reads the file. What it does not do that the Spark job does: the Java file scan (encoding,
 * header, row width, Excel formulas), the name lists, one file's failure kept to that file, snapshots, carrying
 * unchanged slices over.
 */
public final class DuckDbCheckedCsvToParquet {
    private DuckDbCheckedCsvToParquet() {}

    public static void main(String[] args) throws Exception {
        Path conf = Path.of(args[0]);
        byte[] key = Files.readString(Path.of(args[1]), UTF_8).strip().getBytes(UTF_8);
        Path in = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        DataContract contract = DataContract.load(conf.resolve("contract/v1.csv"));
        Territory territory = Territory.load(conf.resolve("reference"));
        Countries countries = Countries.load(conf.resolve("reference"));
        long rows = 0;
        long bad = 0;
        long personalFiles = 0;
        long badFiles = 0;
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            references(s, territory, countries);
            hmacMacro(s, key);
            for (Source source : Source.values()) {
                String glob = in.resolve(source.code() + "_*.csv").toString().replace("'", "''");
                s.execute("CREATE OR REPLACE TEMP TABLE checked AS " + checkedRows(contract, source, glob));
                String facts = out.resolve(source.table()).toString().replace("'", "''");
                String quarantine = out.resolve("quarantine_" + source.code()).toString().replace("'", "''");
                s.execute("COPY (SELECT * EXCLUDE (_file, _row, _field, _rule, _personal_file, _too_many_bad) FROM checked "
                        + "WHERE _rule IS NULL AND NOT _personal_file AND NOT _too_many_bad) TO '"
                        + facts + "' (FORMAT parquet, PARTITION_BY (county_code, submission_month), OVERWRITE_OR_IGNORE)");
                s.execute("COPY (SELECT _file AS source_file, _row AS record_number, _field AS field, _rule AS rule FROM checked "
                        + "WHERE _rule IS NOT NULL AND NOT _personal_file) TO '" + quarantine + ".parquet' (FORMAT parquet)");
                try (ResultSet rs = s.executeQuery("SELECT count(*), count(_rule), count(DISTINCT _file) FILTER (_personal_file), "
                        + "count(DISTINCT _file) FILTER (_too_many_bad AND NOT _personal_file) FROM checked")) {
                    rs.next();
                    rows += rs.getLong(1);
                    bad += rs.getLong(2);
                    personalFiles += rs.getLong(3);
                    badFiles += rs.getLong(4);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("DuckDB CSV to Parquet with the checks in SQL: %,d rows (%,d broken; files refused: %d for personal data, "
                + "%d for too many bad rows) in %.1f s = %,.0f rows/s%n", rows, bad, personalFiles, badFiles, seconds, rows / seconds);
    }

    /** The lenient name key of {@code NameKey}, in SQL. */
    private static String nameKey(String expression) {
        return "trim(regexp_replace(lower(strip_accents(" + expression + ")), '[\\s\\-]+', ' ', 'g'))";
    }

    private static void references(Statement s, Territory territory, Countries countries) throws Exception {
        List<String> m = new ArrayList<>();
        territory.municipalityKeys().forEach((k, mun) -> m.add("(" + quote(k) + ", " + quote(mun.code()) + ", " + quote(mun.countyCode()) + ")"));
        s.execute("CREATE TEMP TABLE ref_municipality AS SELECT * FROM (VALUES " + String.join(", ", m) + ") t(m_key, m_code, m_county)");
        List<String> x = new ArrayList<>();
        territory.crossings().forEach(cr -> x.add("(" + quote(cr.code()) + ", " + cr.countyCode().map(DuckDbCheckedCsvToParquet::quote).orElse("NULL") + ")"));
        s.execute("CREATE TEMP TABLE ref_crossing AS SELECT * FROM (VALUES " + String.join(", ", x) + ") t(c_code, c_county)");
        List<String> k = new ArrayList<>();
        territory.counties().forEach(co -> {
            k.add("(" + quote(al.antitrafficking.warehouse.reference.NameKey.of(co.code())) + ", " + quote(co.code()) + ")");
            k.add("(" + quote(al.antitrafficking.warehouse.reference.NameKey.of(co.name())) + ", " + quote(co.code()) + ")");
        });
        s.execute("CREATE TEMP TABLE ref_county AS SELECT DISTINCT * FROM (VALUES " + String.join(", ", k) + ") t(k_key, k_code)");
        s.execute("CREATE TEMP TABLE ref_country AS SELECT * FROM (VALUES " + String.join(", ", countries.codes().stream()
                .map(code -> "(" + quote(code) + ")").toList()) + ") t(code)");
    }

    /** hmac64(text): the first 8 bytes of HMAC-SHA256 under the key, as a signed 64-bit integer. */
    private static void hmacMacro(Statement s, byte[] key) throws Exception {
        byte[] block = new byte[64];
        byte[] k = key.length > 64 ? MessageDigest.getInstance("SHA-256").digest(key) : key;
        System.arraycopy(k, 0, block, 0, k.length);
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            ipad[i] = (byte) (block[i] ^ 0x36);
            opad[i] = (byte) (block[i] ^ 0x5c);
        }
        String inner = "unhex(sha256(unhex('" + HexFormat.of().formatHex(ipad) + "') || encode(t)))";
        String hex = "substr(sha256(unhex('" + HexFormat.of().formatHex(opad) + "') || " + inner + "), 1, 16)";
        s.execute("CREATE MACRO hmac64(t) AS CASE WHEN t IS NULL THEN NULL ELSE (('0x' || " + hex + ")::UBIGINT::HUGEINT "
                + "- CASE WHEN " + hex + " >= '8' THEN 18446744073709551616::HUGEINT ELSE 0 END)::BIGINT END");
    }

    private static String checkedRows(DataContract contract, Source source, String glob) {
        List<String> select = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (Field f : contract.fields(source)) {
            String raw = "nullif(trim(r." + f.name() + "), '')";
            String rule = "'" + f.name() + "|";
            if (f.required()) {
                checks.add("WHEN " + raw + " IS NULL THEN " + rule + "MISSING_VALUE'");
            }
            String valid;
            String broken;
            switch (f.type()) {
                case ID -> {
                    valid = "regexp_full_match(" + raw + ", '[A-Za-z0-9._\\-]{1,64}')";
                    broken = "BAD_ID";
                    select.add("CASE WHEN " + valid + " THEN hmac64('record-id:" + source.code() + ":' || " + raw + ") END AS " + f.name());
                }
                case PSEUDONYM -> {
                    valid = "regexp_full_match(lower(" + raw + "), '[0-9a-f]{64}')";
                    broken = "BAD_PSEUDONYM";
                    select.add("CASE WHEN " + valid + " THEN hmac64(lower(" + raw + ")) END AS " + f.name());
                }
                case DATE -> {
                    valid = date(raw) + " IS NOT NULL";
                    broken = "BAD_DATE";
                    select.add(date(raw) + " AS " + f.name());
                }
                case AGE -> {
                    String years = "CASE WHEN regexp_full_match(" + raw + ", '[0-9]{1,3}') AND " + raw + "::INTEGER <= 120 THEN " + raw + "::INTEGER END";
                    String band = "CASE WHEN " + raw + " IN ('0-5', '6-11', '12-14', '15-17', '18+') THEN " + raw + " END";
                    valid = "coalesce(" + years + "::VARCHAR, " + band + ") IS NOT NULL";
                    broken = "BAD_AGE";
                    select.add(years + " AS age_years");
                    select.add("coalesce(" + band + ", CASE WHEN " + years + " <= 5 THEN '0-5' WHEN " + years + " <= 11 THEN '6-11' WHEN "
                            + years + " <= 14 THEN '12-14' WHEN " + years + " <= 17 THEN '15-17' WHEN " + years + " IS NOT NULL THEN '18+' END) AS age_band");
                }
                case CHOICE -> {
                    StringBuilder canonical = new StringBuilder("CASE lower(" + raw + ")");
                    for (String value : f.allowed()) {
                        canonical.append(" WHEN ").append(quote(value.toLowerCase(Locale.ROOT))).append(" THEN ").append(quote(value));
                    }
                    canonical.append(" END");
                    valid = canonical + " IS NOT NULL";
                    broken = "NOT_ALLOWED_VALUE";
                    select.add(canonical + " AS " + f.name());
                }
                case COUNTRY -> {
                    valid = "upper(" + raw + ") IN (SELECT code FROM ref_country)";
                    broken = "BAD_COUNTRY";
                    select.add("CASE WHEN " + valid + " THEN upper(" + raw + ") END AS " + f.name());
                }
                case MUNICIPALITY -> {
                    joins.add("LEFT JOIN ref_municipality m ON m.m_key = " + nameKey(raw));
                    valid = "m.m_code IS NOT NULL";
                    broken = "UNKNOWN_MUNICIPALITY";
                    select.add("m.m_code AS municipality_code");
                }
                case CROSSING -> {
                    joins.add("LEFT JOIN ref_crossing x ON x.c_code = upper(" + raw + ")");
                    valid = "x.c_code IS NOT NULL";
                    broken = "UNKNOWN_CROSSING";
                    select.add("x.c_code AS " + f.name());
                }
                case COUNTY -> {
                    joins.add("LEFT JOIN ref_county k ON k.k_key = " + nameKey(raw));
                    valid = "k.k_code IS NOT NULL";
                    broken = "UNKNOWN_COUNTY";
                }
                default -> throw new IllegalStateException("No SQL for " + f.type());
            }
            // The guard's patterns, on every id and on values not valid for their column (a valid value is no identifier).
            personal.add("(" + raw + " IS NOT NULL AND " + (f.type() == FieldType.ID ? "" : "NOT coalesce(" + valid + ", false) AND ")
                    + looksPersonal(raw) + ")");
            checks.add("WHEN " + raw + " IS NOT NULL AND NOT coalesce(" + valid + ", false) THEN " + rule + broken + "'");
        }
        String county = "regexp_extract(r.filename, '_(AL-[0-9]{2})_', 1)";
        String month = "regexp_extract(r.filename, '_([0-9]{4}-[0-9]{2})\\.csv$', 1)";
        String event = date("nullif(trim(r." + source.eventDate() + "), '')");
        switch (source) {
            case BORDER -> {
                checks.add("WHEN x.c_code IS NOT NULL AND x.c_county IS NULL THEN 'crossing_code|CROSSING_WITHOUT_COUNTY'");
                checks.add("WHEN x.c_code IS NULL AND m.m_code IS NULL THEN 'municipality|MISSING_LOCATION'");
                checks.add("WHEN coalesce(x.c_county, m.m_county) <> " + county + " THEN CASE WHEN x.c_code IS NOT NULL "
                        + "THEN 'crossing_code' ELSE 'municipality' END || '|OUTSIDE_COUNTY'");
            }
            case CPU, NRM -> checks.add("WHEN m.m_county <> " + county + " THEN 'municipality|OUTSIDE_COUNTY'");
            case SERVICES -> checks.add("WHEN k.k_code <> " + county + " THEN 'county|OUTSIDE_COUNTY'");
        }
        checks.add("WHEN strftime(" + event + ", '%Y-%m') <> " + month + " THEN '" + source.eventDate() + "|DATE_OUTSIDE_MONTH'");
        if (source == Source.CPU) {
            for (String later : List.of("assessment_date", "case_plan_date", "nrm_referral_date", "closed_date")) {
                checks.add("WHEN " + date("nullif(trim(r." + later + "), '')") + " < " + event + " THEN '" + later + "|DATE_ORDER'");
            }
        } else if (source == Source.SERVICES) {
            checks.add("WHEN " + date("nullif(trim(r.end_date), '')") + " < " + event + " THEN 'end_date|DATE_ORDER'");
        }
        // A repeated id marks a row only when it breaks no other rule, as in the Spark job.
        String id = "nullif(trim(r." + contract.idColumn(source) + "), '')";
        checks.add("WHEN count(*) OVER (PARTITION BY r.filename, " + id + ") > 1 THEN '" + contract.idColumn(source) + "|DUPLICATE_ID'");
        String firstBroken = "CASE " + String.join(" ", checks) + " END";
        select.add(county + " AS county_code");
        select.add(month + " AS submission_month");
        select.add("r.filename AS _file");
        select.add("row_number() OVER (PARTITION BY r.filename) AS _row");
        select.add("split_part(" + firstBroken + ", '|', 1) AS _field");
        select.add("nullif(split_part(" + firstBroken + ", '|', 2), '') AS _rule");
        select.add("(" + String.join(" OR ", personal) + ") AS _personal");
        String rows = "SELECT " + String.join(", ", select) + " FROM read_csv('" + glob + "', header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true, filename = true) r "
                + String.join(" ", joins);
        // A file with a value that looks like personal data, or with more than 20 % bad rows (the default
        // etl.max-bad-row-share), is refused whole; a file refused for personal data leaves no row anywhere.
        return "SELECT * EXCLUDE (_personal), coalesce(bool_or(_personal) OVER (PARTITION BY _file), false) AS _personal_file, "
                + "avg((_rule IS NOT NULL)::INTEGER) OVER (PARTITION BY _file) > 0.2 AS _too_many_bad FROM (" + rows + ")";
    }

    /** An e-mail address or a personal number (a letter, 8 digits, a letter, separators allowed between). */
    private static final String PATTERNS = "'[^\\s@<>(),;:\"\\[\\]]{1,64}@[^\\s@<>(),;:\"\\[\\]]{2,255}"
            + "|(^|[^A-Za-z0-9])[A-Za-z][^A-Za-z0-9]{0,3}[0-9]{2}[^A-Za-z0-9]{0,3}[0-9]{2}[^A-Za-z0-9]{0,3}[0-9]{4}[^A-Za-z0-9]{0,3}[A-Za-z]($|[^A-Za-z0-9])'";
    /** The guard's telephone numbers: at least 8 digits, not shaped as a date, digits (and a leading +) as a known numbering. */
    private static final String PHONES = "'(0?6[6-9][0-9]{7}|(\\+|00)?355[0-9]{7,9}|(\\+|00)?(383|389|382)[0-9]{8}|(\\+|00)?30[0-9]{10}"
            + "|(\\+|00)39[0-9]{8,10}|0[2-9][0-9]{6,8}|(\\+|00)[1-9][0-9]{7,13})'";

    private static String looksPersonal(String raw) {
        return "(regexp_matches(" + raw + ", " + PATTERNS + ") OR length(regexp_replace(" + raw + ", '[^0-9]', '', 'g')) >= 8 "
                + "AND NOT regexp_full_match(" + raw + ", '[0-9]{1,4}[./\\-][0-9]{1,2}[./\\-][0-9]{1,4}') "
                + "AND regexp_full_match(regexp_replace(" + raw + ", '[^0-9+]', '', 'g'), " + PHONES + "))";
    }

    private static String date(String raw) {
        return "CASE WHEN regexp_full_match(" + raw + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_strptime(" + raw + ", '%Y-%m-%d')::DATE END";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
