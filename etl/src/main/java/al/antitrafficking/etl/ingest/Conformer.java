package al.antitrafficking.etl.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unhex;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import al.antitrafficking.warehouse.intake.Normalised;
import al.antitrafficking.warehouse.intake.RowRule;
import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Field;
import al.antitrafficking.warehouse.contract.FieldType;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.NameKey;
import al.antitrafficking.warehouse.reference.Territory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a source's raw rows (every contract column as text, plus {@code source_file}, {@code file_county},
 * {@code submission_month}, the record number and any rule the file scan found broken) into typed, conformed
 * rows. Each row gets {@code _reject_field} and {@code _reject_rule}: null when the row is good, else the first
 * contract rule it breaks. Codes are conformed to the reference dimensions: municipality names matched leniently
 * ({@link NameKey}, former commune names included), crossings by code, countries against ISO 3166-1 (plus XK),
 * and the place must lie in the county the file is named for. Pseudonyms and record ids are re-keyed with the
 * warehouse key before anything is written, as 64-bit integers ({@link Pseudonyms#key(Column)}): no id a region
 * sends is stored.
 */
final class Conformer {
    static final String REJECT_FIELD = "_reject_field";
    static final String REJECT_RULE = "_reject_rule";
    static final String RECORD_NUMBER = "_record_number";
    /**
     * The version of the row checks where their code, not the contract, decides a verdict; part of the rules' fingerprint,
     * so a change processes every slice again (a slice loaded under other checks would keep rows these refuse). 2: ids,
     * pseudonyms, ages and dates checked by character, stricter than the patterns before on values ending in a line
     * separator and on signed years.
     */
    static final String CHECKS = "row checks 2";
    private static final List<String> AGE_BANDS = List.of("0-5", "6-11", "12-14", "15-17", "18+");
    private static final UserDefinedFunction NAME_KEY = functions.udf(
            (UDF1<String, String>) s -> s == null ? null : NameKey.of(s), DataTypes.StringType);
    /*
     * The closed formats of ids, ages and dates, checked character by character by the checks the file scan uses too
     * ({@link Normalised#validId}, {@link ColumnGuard#yearDigits}, {@link ColumnGuard#isoDate}): as rlike patterns, with the pseudonyms' pattern, they were an eighth of the
     * executors' time at 10M rows (a matcher and a Java string per value), and a date's text written back to compare a
     * twentieth (docs/benchmarks.md, 2026-12-03, a nineteenth session).
     */
    private static final UserDefinedFunction VALID_ID = functions.udf(
            (UDF1<String, Boolean>) s -> s != null && Normalised.validId(s), DataTypes.BooleanType);
    private static final UserDefinedFunction AGE_YEARS = functions.udf(
            (UDF1<String, Integer>) s -> s == null ? null : ageYears(s), DataTypes.IntegerType);
    private static final UserDefinedFunction DATE_SHAPED = functions.udf(
            (UDF1<String, Boolean>) s -> s != null && ColumnGuard.isoDate(s), DataTypes.BooleanType);

    private final DataContract contract;
    private final java.util.Set<String> countryCodes;
    private final Pseudonyms pseudonyms;
    private final Dataset<Row> municipalities;
    private final Dataset<Row> crossings;
    private final Dataset<Row> counties;

    Conformer(SparkSession spark, Territory territory, DataContract contract, java.util.Set<String> countryCodes, Pseudonyms pseudonyms) {
        this.contract = contract;
        this.countryCodes = java.util.Set.copyOf(countryCodes);
        this.pseudonyms = pseudonyms;
        List<Row> m = new ArrayList<>();
        territory.municipalityKeys().forEach((key, mun) -> m.add(RowFactory.create(key, mun.code(), mun.countyCode())));
        municipalities = broadcast(spark.createDataFrame(m, new StructType()
                .add("_m_key", DataTypes.StringType).add("_m_code", DataTypes.StringType).add("_m_county", DataTypes.StringType)));
        List<Row> c = new ArrayList<>();
        territory.crossings().forEach(x -> c.add(RowFactory.create(x.code(), x.countyCode().orElse(null))));
        crossings = broadcast(spark.createDataFrame(c, new StructType()
                .add("_c_code", DataTypes.StringType).add("_c_county", DataTypes.StringType)));
        List<Row> k = new ArrayList<>();
        for (County county : territory.counties()) {
            k.add(RowFactory.create(NameKey.of(county.code()), county.code()));
            if (!NameKey.of(county.name()).equals(NameKey.of(county.code()))) {
                k.add(RowFactory.create(NameKey.of(county.name()), county.code()));
            }
        }
        counties = broadcast(spark.createDataFrame(k, new StructType()
                .add("_k_key", DataTypes.StringType).add("_k_code", DataTypes.StringType)));
    }

    Dataset<Row> conform(Source source, Dataset<Row> raw) {
        Dataset<Row> rows = joinReferences(source, raw);
        List<Column> checks = new ArrayList<>();
        checks.add(when(col(Normalised.SCAN_RULE).isNotNull(), struct(col(Normalised.SCAN_FIELD).as("field"),
                col(Normalised.SCAN_RULE).as("rule"))));
        Map<String, Column> out = new LinkedHashMap<>();
        for (Field field : contract.fields(source)) {
            conformField(source, field, checks, out);
        }
        rowRules(source, checks, out);
        Column firstFailure = coalesce(checks.toArray(Column[]::new));
        out.put("county_code", col("file_county"));
        out.put("submission_month", col("submission_month"));
        out.put("source_file", col("source_file"));
        out.put("year", col("submission_month").substr(1, 4).cast(DataTypes.IntegerType));
        List<Column> select = new ArrayList<>();
        out.forEach((name, expr) -> select.add(expr.as(name)));
        select.add(firstFailure.getField("field").as(REJECT_FIELD));
        select.add(firstFailure.getField("rule").as(REJECT_RULE));
        select.add(col(Normalised.RECORD).cast(DataTypes.LongType).as(RECORD_NUMBER));
        return rows.select(select.toArray(Column[]::new));
    }

    /** The output columns of the fact table of a source, in order. */
    static List<String> factColumns(DataContract contract, Source source) {
        List<String> columns = new ArrayList<>();
        for (Field f : contract.fields(source)) {
            switch (f.type()) {
                case AGE -> {
                    columns.add("age_years");
                    columns.add("age_band");
                }
                case MUNICIPALITY -> columns.add("municipality_code");
                case COUNTY -> { }
                default -> columns.add(f.name());
            }
        }
        columns.addAll(List.of("source_file", "year", "county_code", "submission_month"));
        return columns;
    }

    /** The columns of a source's fact table that hold stored keys (its ids and pseudonyms, re-keyed): nearly every value differs. */
    static List<String> keyColumns(DataContract contract, Source source) {
        return contract.fields(source).stream().filter(f -> f.type() == FieldType.ID || f.type() == FieldType.PSEUDONYM)
                .map(Field::name).toList();
    }

    private Dataset<Row> joinReferences(Source source, Dataset<Row> raw) {
        Dataset<Row> rows = raw;
        for (Field f : contract.fields(source)) {
            if (f.type() == FieldType.MUNICIPALITY) {
                rows = rows.join(municipalities, NAME_KEY.apply(trim(col(f.name()))).equalTo(col("_m_key")), "left");
            } else if (f.type() == FieldType.CROSSING) {
                rows = rows.join(crossings, upper(trim(col(f.name()))).equalTo(col("_c_code")), "left");
            } else if (f.type() == FieldType.COUNTY) {
                rows = rows.join(counties, NAME_KEY.apply(trim(col(f.name()))).equalTo(col("_k_key")), "left");
            }
        }
        return rows;
    }

    private void conformField(Source source, Field f, List<Column> checks, Map<String, Column> out) {
        Column raw = trim(col(f.name()));
        Column blank = raw.isNull().or(raw.equalTo(""));
        Column present = not(blank);
        if (f.required()) {
            checks.add(when(blank, rule(f.name(), RowRule.MISSING_VALUE)));
        }
        switch (f.type()) {
            case ID -> {
                Column valid = VALID_ID.apply(raw);
                checks.add(when(present.and(not(valid)), rule(f.name(), RowRule.BAD_ID)));
                // Keyed like pseudonyms, within its source: the region's own id is never stored.
                out.put(f.name(), when(valid, pseudonyms.key(concat(lit("record-id:" + source.code() + ":"), raw))));
            }
            case PSEUDONYM -> {
                Column valid = pseudonymShaped(raw);
                checks.add(when(present.and(not(valid)), rule(f.name(), RowRule.BAD_PSEUDONYM)));
                // Re-keyed with the warehouse's own key: the regional key alone cannot tie it back to a child.
                out.put(f.name(), when(valid, pseudonyms.key(lower(raw))));
            }
            case DATE -> {
                // A date is valid when written as yyyy-MM-dd, ASCII digits, and a real day. Spark's cast alone reads more forms
                // (2024-1-5, 2024-01-05T..., a sign, white space), which the shape rules out; for text of that shape the cast
                // gives the date the text names: the same dates as the text written back (the rule before) for every day 00-32
                // of months 00-13 of 1,458 years from 0000 to 9999 and 44 odd forms. That rule also took any signed year
                // (-2024-01-01, +10000-01-01), which the contract's yyyy-MM-dd does not (docs/benchmarks.md, 2026-12-03, a
                // nineteenth session).
                Column parsed = date(raw);
                checks.add(when(present.and(parsed.isNull()), rule(f.name(), RowRule.BAD_DATE)));
                out.put(f.name(), parsed);
            }
            case AGE -> {
                Column years = AGE_YEARS.apply(raw);
                Column validYears = when(years.leq(120), years);
                Column band = when(raw.isin(AGE_BANDS.toArray()), raw);
                checks.add(when(present.and(validYears.isNull()).and(band.isNull()), rule(f.name(), RowRule.BAD_AGE)));
                out.put("age_years", validYears);
                out.put("age_band", coalesce(band, ageBand(validYears)));
            }
            case CHOICE -> {
                Column canonical = null;
                for (String value : f.allowed()) {
                    Column match = lower(raw).equalTo(value.toLowerCase(java.util.Locale.ROOT));
                    canonical = canonical == null ? when(match, lit(value)) : canonical.when(match, lit(value));
                }
                checks.add(when(present.and(canonical.isNull()), rule(f.name(), RowRule.NOT_ALLOWED_VALUE)));
                out.put(f.name(), canonical);
            }
            case COUNTRY -> {
                Column known = upper(raw).isin(countryCodes.toArray());
                checks.add(when(present.and(not(known)), rule(f.name(), RowRule.BAD_COUNTRY)));
                out.put(f.name(), when(known, upper(raw)));
            }
            case MUNICIPALITY -> {
                checks.add(when(present.and(col("_m_code").isNull()), rule(f.name(), RowRule.UNKNOWN_MUNICIPALITY)));
                out.put("municipality_code", col("_m_code"));
            }
            case CROSSING -> {
                checks.add(when(present.and(col("_c_code").isNull()), rule(f.name(), RowRule.UNKNOWN_CROSSING)));
                out.put(f.name(), col("_c_code"));
            }
            case COUNTY -> checks.add(when(present.and(col("_k_code").isNull()), rule(f.name(), RowRule.UNKNOWN_COUNTY)));
        }
    }

    /** Rules across fields: where the event happened, in which month, and dates in order. */
    private static void rowRules(Source source, List<Column> checks, Map<String, Column> out) {
        Column file = col("file_county");
        switch (source) {
            case BORDER -> {
                Column crossingGiven = col("_c_code").isNotNull();
                checks.add(when(crossingGiven.and(col("_c_county").isNull()), rule("crossing_code", RowRule.CROSSING_WITHOUT_COUNTY)));
                checks.add(when(not(crossingGiven).and(col("_m_code").isNull()), rule("municipality", RowRule.MISSING_LOCATION)));
                Column place = coalesce(col("_c_county"), col("_m_county"));
                checks.add(when(place.notEqual(file), when(crossingGiven, rule("crossing_code", RowRule.OUTSIDE_COUNTY))
                        .otherwise(rule("municipality", RowRule.OUTSIDE_COUNTY))));
            }
            case CPU, NRM -> checks.add(when(col("_m_county").notEqual(file), rule("municipality", RowRule.OUTSIDE_COUNTY)));
            case SERVICES -> checks.add(when(col("_k_code").notEqual(file), rule("county", RowRule.OUTSIDE_COUNTY)));
        }
        Column event = out.get(source.eventDate());
        // The event's year and month against the file's, as numbers (yyyymm): no date formatted per row.
        Column fileMonth = col("submission_month").substr(1, 4).cast(DataTypes.IntegerType).multiply(100)
                .plus(col("submission_month").substr(6, 2).cast(DataTypes.IntegerType));
        checks.add(when(year(event).multiply(100).plus(month(event)).notEqual(fileMonth), rule(source.eventDate(), RowRule.DATE_OUTSIDE_MONTH)));
        if (source == Source.CPU) {
            for (String later : List.of("assessment_date", "case_plan_date", "nrm_referral_date", "closed_date")) {
                checks.add(when(out.get(later).lt(event), rule(later, RowRule.DATE_ORDER)));
            }
        } else if (source == Source.SERVICES) {
            checks.add(when(out.get("end_date").lt(event), rule("end_date", RowRule.DATE_ORDER)));
        }
    }

    /** The date a text names when it is written yyyy-MM-dd (ASCII digits) and is a real day; else null. */
    static Column date(Column raw) {
        return when(DATE_SHAPED.apply(raw), raw.cast(DataTypes.DateType));
    }

    /**
     * Whether a text is 64 hexadecimal digits, either case. Spark's unhex gives null for any other character (a byte of a
     * non-ASCII one too), so a text it reads is ASCII and its bytes are its characters: its bytes are counted, not its
     * characters (counting characters walked every byte of every pseudonym, 4 % of the executors' time at 10M rows).
     */
    static Column pseudonymShaped(Column raw) {
        return octet_length(raw).equalTo(64).and(unhex(raw).isNotNull());
    }

    /** The years of an age written as 1 to 3 ASCII digits ({@code 007} is 7); else null. */
    static Integer ageYears(String age) {
        return ColumnGuard.yearDigits(age) ? Integer.valueOf(age) : null;
    }

    private static Column ageBand(Column years) {
        return when(years.leq(5), lit("0-5")).when(years.leq(11), lit("6-11")).when(years.leq(14), lit("12-14"))
                .when(years.leq(17), lit("15-17")).when(years.isNotNull(), lit("18+"));
    }

    private static Column rule(String field, RowRule rule) {
        return struct(lit(field).as("field"), lit(rule.name()).as("rule"));
    }
}
