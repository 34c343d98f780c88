package al.antitrafficking.etl.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import al.antitrafficking.warehouse.intake.Normalised;
import al.antitrafficking.warehouse.intake.Landed;
import al.antitrafficking.warehouse.intake.Submission;
import al.antitrafficking.warehouse.intake.FileRejection;
import al.antitrafficking.warehouse.intake.FileProblem;
import al.antitrafficking.warehouse.intake.RowRule;
import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark stage of one source: reads the normalised copies of its files (one read for them all), conforms and
 * checks every row (repeated record ids come from the scan), writes the facts and quarantine rows into an attempt
 * folder of its own and decides each file's fate. One file, one fate: when Spark fails on the batch, each file is
 * tried alone, and a file Spark fails on alone is refused ({@code ENGINE_FAILURE}) while the others load. Spark's
 * message is never repeated: it may quote a row.
 */
final class SourceLoad {
    /** A file's record and where its rows were written (null when none were). */
    record Outcome(InputRecord record, Path facts, Path quarantine) {}

    private final SparkSession spark;
    private final DataContract contract;
    private final Conformer conformer;
    private final double maxBadRowShare;
    private final UnaryOperator<Dataset<Row>> rowsTap;

    SourceLoad(SparkSession spark, DataContract contract, Conformer conformer, double maxBadRowShare, UnaryOperator<Dataset<Row>> rowsTap) {
        this.spark = spark;
        this.contract = contract;
        this.conformer = conformer;
        this.maxBadRowShare = maxBadRowShare;
        this.rowsTap = rowsTap;
    }

    List<Outcome> load(Source source, List<Submission> files, Path attempts, String snapshotId) {
        Path attempt = attempts.resolve(files.size() > 1 ? source.code() + "-batch" : files.get(0).file().slice());
        try {
            return process(source, files, attempt, snapshotId);
        } catch (Exception e) {
            // Spark's SparkException (a task that failed) is checked, though no Java signature declares it.
            RunFolder.deleteTree(attempt);
            if (files.size() > 1) {
                List<Outcome> outcomes = new ArrayList<>();
                for (Submission s : files) {
                    outcomes.addAll(load(source, List.of(s), attempts, snapshotId));
                }
                return outcomes;
            }
            Submission s = files.get(0);
            FileRejection r = FileRejection.of(s.file(), FileProblem.ENGINE_FAILURE, "Cannot load submission: " + s.fileName()
                    + ": the engine failed on this file; the rest of the run went on. "
                    + "Send it again; if it fails again, ask the warehouse team");
            return List.of(new Outcome(InputRecord.refused(r, s.file().checksum(), s.file().sizeBytes(), s.file().modifiedAt(),
                    snapshotId).withFate(null), null, null));
        }
    }

    /**
     * The files are read and conformed once, into Spark's cache; three passes over the cache: the first counts each
     * file's rows (they must be the records the scan counted, or the batch is tried again file by file), the next two
     * write the facts of the files that load and the quarantined rows, neither shuffled. Repeated ids come from the scan.
     */
    private List<Outcome> process(Source source, List<Submission> files, Path attempt, String snapshotId) {
        Dataset<Row> rows = withRepeatedIds(files, conformer.conform(source, read(source, files))).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return write(rows, source, files, attempt, snapshotId);
        } finally {
            rows.unpersist();
        }
    }

    private List<Outcome> write(Dataset<Row> rows, Source source, List<Submission> files, Path attempt, String snapshotId) {
        // The first pass fills the cache and counts each file's rows; the fact and quarantine writes read the cache.
        Map<String, long[]> stats = new HashMap<>();
        for (Row r : rows.groupBy("source_file").agg(count(lit(1)), sum(when(col(Conformer.REJECT_RULE).isNull(), 1).otherwise(0)))
                .collectAsList()) {
            stats.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        al.antitrafficking.warehouse.progress.Progress.debug("etl: " + source.code() + " rows read, conformed and counted");
        List<InputRecord> records = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        Set<String> quarantined = new HashSet<>();
        for (Submission s : files) {
            long[] st = stats.getOrDefault(s.fileName(), new long[] {0, 0});
            if (st[0] != s.rowsIn()) {
                throw new IllegalStateException("Cannot load submission: the engine read another number of records than the scan");
            }
            InputRecord record = fate(s, st[0], st[1], snapshotId);
            records.add(record);
            if (record.holdsSlice()) {
                loaded.add(s.fileName());
            }
            if (record.rowsQuarantined() != null && record.rowsQuarantined() > 0) {
                quarantined.add(s.fileName());
            }
        }
        // No shuffle: each task writes the slices of the files it read (a file larger than Spark's split, read by two
        // tasks, gives its slice two Parquet files; SliceFiles.place moves them all), one Parquet file each.
        // What was written is read back and checked against these records before the snapshot is committed (SnapshotCheck).
        Path facts = attempt.resolve("facts");
        Path quarantine = attempt.resolve("quarantine");
        if (!loaded.isEmpty()) {
            rows.filter(col(Conformer.REJECT_RULE).isNull().and(col("source_file").isin(loaded.toArray())))
                    .select(Conformer.factColumns(contract, source).stream().map(c -> col(c)).toArray(Column[]::new))
                    .write().mode(SaveMode.ErrorIfExists).partitionBy("year", "county_code", "submission_month")
                    .parquet(SparkSessions.uri(facts));
        }
        if (!quarantined.isEmpty()) {
            rows.filter(col(Conformer.REJECT_RULE).isNotNull().and(col("source_file").isin(quarantined.toArray())))
                    .select(col("source_file"), col(Conformer.RECORD_NUMBER).as("record_number"),
                            col(Conformer.REJECT_FIELD).as("field"), col(Conformer.REJECT_RULE).as("rule"),
                            lit(source.code()).as("source"), col("county_code"), col("submission_month"))
                    .write().mode(SaveMode.ErrorIfExists).partitionBy("source", "county_code", "submission_month")
                    .parquet(SparkSessions.uri(quarantine));
        }
        al.antitrafficking.warehouse.progress.Progress.debug("etl: " + source.code() + " facts and quarantine written");
        List<Outcome> outcomes = new ArrayList<>();
        for (InputRecord r : records) {
            outcomes.add(new Outcome(r, r.holdsSlice() && r.rowsLoaded() > 0 ? facts : null,
                    quarantined.contains(r.fileName()) ? quarantine : null));
        }
        return outcomes;
    }

    /** Marks the rows whose record id repeats in their file (found by the scan) when they break no other rule. */
    private Dataset<Row> withRepeatedIds(List<Submission> files, Dataset<Row> conformed) {
        List<Row> repeated = new ArrayList<>();
        for (Submission s : files) {
            s.repeatedIdRecords().forEach(n -> repeated.add(RowFactory.create(s.fileName(), n, true)));
        }
        if (repeated.isEmpty()) {
            return conformed;
        }
        Dataset<Row> duplicates = spark.createDataFrame(repeated, new StructType().add("source_file", DataTypes.StringType)
                .add(Conformer.RECORD_NUMBER, DataTypes.LongType).add("_duplicate", DataTypes.BooleanType));
        Column duplicate = col(Conformer.REJECT_RULE).isNull().and(col("_duplicate").isNotNull());
        String idColumn = contract.idColumn(files.get(0).file().source());
        return conformed.join(org.apache.spark.sql.functions.broadcast(duplicates),
                        scala.jdk.javaapi.CollectionConverters.asScala(List.of("source_file", Conformer.RECORD_NUMBER)).toSeq(), "left")
                .withColumn(Conformer.REJECT_FIELD, when(duplicate, lit(idColumn)).otherwise(col(Conformer.REJECT_FIELD)))
                .withColumn(Conformer.REJECT_RULE, when(duplicate, lit(RowRule.DUPLICATE_ID.name())).otherwise(col(Conformer.REJECT_RULE)))
                .drop("_duplicate");
    }

    private InputRecord fate(Submission s, long rows, long good, String snapshotId) {
        Landed file = s.file();
        long bad = rows - good;
        String status = rows == 0 ? InputRecord.NIL_RETURN : InputRecord.LOADED;
        String problem = null;
        String message = null;
        long loaded = good;
        if (rows > 0 && (double) bad / rows > maxBadRowShare) {
            status = InputRecord.REJECTED;
            problem = FileProblem.TOO_MANY_BAD_ROWS.name();
            message = String.format(Locale.ROOT, "Cannot load submission: %s: %d of %d rows (%.0f%%) break the contract, more "
                            + "than the %.0f%% allowed; the file was refused whole and its bad rows are listed in the quarantine",
                    file.fileName(), bad, rows, 100.0 * bad / rows, 100 * maxBadRowShare);
            loaded = 0;
        }
        return new InputRecord(file.fileName(), file.source().code(), file.countyCode(), file.month().toString(), file.checksum(),
                file.sizeBytes(), file.modifiedAt(), status, problem, message, rows, loaded, bad, snapshotId, null);
    }

    /** Reads the normalised copies (all in the contract's column order) with the file each row came from. */
    private Dataset<Row> read(Source source, List<Submission> files) {
        Dataset<Row> names = spark.createDataFrame(files.stream().map(s -> RowFactory.create(s.readable().getFileName().toString(),
                        s.fileName(), s.file().countyCode(), s.file().month().toString())).toList(),
                new StructType().add("_readable", DataTypes.StringType).add("source_file", DataTypes.StringType)
                        .add("file_county", DataTypes.StringType).add("submission_month", DataTypes.StringType));
        List<String> columns = Normalised.header(contract.columns(source));
        // The copies are lines of fields split at one character, never inside a value (Normalised): read as text and split,
        // not through Spark's CSV parser (a quarter of the executors' time at 10M rows). Each line has every column; an
        // empty field is a missing value, as an empty CSV field was.
        // One character that is no pattern symbol: Java splits at it without a regular expression.
        Column fields = split(col("value"), String.valueOf(Normalised.SEPARATOR), -1);
        List<Column> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column field = col("_fields").getItem(i);
            select.add(when(field.notEqual(""), field).as(columns.get(i)));
        }
        select.add(col("_readable"));
        Dataset<Row> raw = spark.read()
                .text(files.stream().map(s -> SparkSessions.uri(s.readable())).toArray(String[]::new))
                // The header is left out by its text, not by its first field: a filter on a field of the split would be
                // pushed below the split and split every line twice.
                .filter(not(col("value").startsWith(Normalised.RECORD + Normalised.SEPARATOR)))
                .select(fields.as("_fields"), col("_metadata.file_name").as("_readable"))
                .select(select.toArray(Column[]::new));
        return rowsTap.apply(raw.join(names, "_readable").drop("_readable"));
    }
}
