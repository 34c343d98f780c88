package al.antitrafficking.etl.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
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
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
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
    /** The most rows that break a rule noted by the pass that writes the facts; past them, a second pass. */
    static final int NOTED_ROWS = 100_000;
    /** The most a task of that pass notes (its notes go back to the driver with its result). */
    static final int TASK_NOTED_ROWS = 10_000;
    /** How many times a second pass read files with bad rows again, for tests. */
    static final java.util.concurrent.atomic.AtomicLong SECOND_PASSES = new java.util.concurrent.atomic.AtomicLong();
    private static final StructType QUARANTINE = new StructType().add("source_file", DataTypes.StringType)
            .add("record_number", DataTypes.LongType).add("field", DataTypes.StringType).add("rule", DataTypes.StringType)
            .add("source", DataTypes.StringType).add("county_code", DataTypes.StringType).add("submission_month", DataTypes.StringType);
    /** A file's record and where its rows were written (null when none were). */
    record Outcome(InputRecord record, Path facts, Path quarantine) {}

    private final SparkSession spark;
    private final DataContract contract;
    private final Conformer conformer;
    private final double maxBadRowShare;
    private final UnaryOperator<Dataset<Row>> rowsTap;
    private final int notedRows;

    SourceLoad(SparkSession spark, DataContract contract, Conformer conformer, double maxBadRowShare, UnaryOperator<Dataset<Row>> rowsTap,
            int notedRows) {
        this.spark = spark;
        this.contract = contract;
        this.conformer = conformer;
        this.maxBadRowShare = maxBadRowShare;
        this.rowsTap = rowsTap;
        this.notedRows = notedRows;
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
     * One pass over every file: read, conform and write the rows that break no rule as facts, without a cache and
     * without a shuffle (a task writes the slices of the files it read, one Parquet file each, or two when Spark splits a
     * file between two tasks; SliceFiles.place moves them all). The same pass counts every row it reads and notes each
     * row that breaks a rule (its file, record number, field and rule: no value), and each file's written rows are then
     * counted from the facts: a file's good and bad rows must add up to the records the scan counted, and all the rows
     * read to the scan's, or the batch is tried again file by file. The noted rows are the quarantine. Only when there
     * are more than {@code notedRows} of them ({@link #NOTED_ROWS} unless a test says otherwise), or more than
     * {@link #TASK_NOTED_ROWS} in one task (a file of nothing but bad rows), are the files with bad rows read and
     * conformed a second time, into the cache. A file refused for its bad rows keeps its facts in the attempt folder,
     * which is not placed. What was written is read back and checked against these records before the snapshot is
     * committed (SnapshotCheck).
     */
    private List<Outcome> process(Source source, List<Submission> files, Path attempt, String snapshotId) {
        Path facts = attempt.resolve("facts");
        Path quarantine = attempt.resolve("quarantine");
        Observation read = new Observation("rows read");
        QuarantineNotes notes = new QuarantineNotes(Math.min(TASK_NOTED_ROWS, notedRows), notedRows);
        // Unnamed: Spark's UI and status listeners keep the values of named accumulators only.
        spark.sparkContext().register(notes);
        // Called only for a row that breaks a rule (the Or stops at a good row), always false: the row is noted, not written.
        UserDefinedFunction note = udf((UDF4<String, Long, String, String, Boolean>) (file, record, field, rule) -> {
            notes.add(new QuarantineNotes.BadRow(file, record, field, rule));
            return false;
        }, DataTypes.BooleanType).asNondeterministic();
        DataFrameWriter<Row> writer = withRepeatedIds(files, conformer.conform(source, read(source, files)))
                .observe(read, count(lit(1)).as("rows"))
                .filter(col(Conformer.REJECT_RULE).isNull().or(note.apply(col("source_file"), col(Conformer.RECORD_NUMBER),
                        col(Conformer.REJECT_FIELD), col(Conformer.REJECT_RULE))))
                .select(Conformer.factColumns(contract, source).stream().map(c -> col(c)).toArray(Column[]::new))
                .write().mode(SaveMode.ErrorIfExists).partitionBy("year", "county_code", "submission_month");
        // The stored keys without Parquet's dictionary: nearly every key differs, so each file's dictionary of them was built
        // and then given up for plain values (a warm 10M run's Spark stage took 40.0-40.7 s without it, 43.5-48.5 s with it:
        // docs/benchmarks.md). Spark's concurrent writers (spark.sql.maxConcurrentOutputFileWriters) did not pass the option on.
        for (String key : Conformer.keyColumns(contract, source)) {
            writer = writer.option("parquet.enable.dictionary#" + key, "false");
        }
        writer.parquet(SparkSessions.uri(facts));
        Map<String, Long> written = writtenRows(facts);
        al.antitrafficking.warehouse.progress.Progress.debug("etl: " + source.code() + " rows read, conformed and facts written");
        Map<String, long[]> stats = new HashMap<>();
        Set<String> quarantined;
        if (notes.overflowed()) {
            // The files with a noted row or a count that disagrees; every other file's rows were all written.
            Map<String, Long> badRows = notes.badRows();
            List<Submission> partial = new ArrayList<>();
            for (Submission s : files) {
                if (!badRows.containsKey(s.fileName()) && written.getOrDefault(s.fileName(), 0L) == s.rowsIn()) {
                    stats.put(s.fileName(), new long[] {s.rowsIn(), s.rowsIn()});
                } else {
                    partial.add(s);
                }
            }
            quarantined = partial.isEmpty() ? Set.of() : quarantine(source, partial, written, stats, quarantine);
        } else {
            quarantined = writeNoted(source, files, notes.value(), written, stats, quarantine);
        }
        long records = files.stream().mapToLong(s -> stats.get(s.fileName())[0]).sum();
        if (observedRows(read) != records) {
            throw new IllegalStateException("Cannot load submission: the engine read another number of records than the scan");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Submission s : files) {
            long[] st = stats.get(s.fileName());
            InputRecord r = fate(s, st[0], st[1], snapshotId);
            outcomes.add(new Outcome(r, r.holdsSlice() && r.rowsLoaded() > 0 ? facts : null,
                    quarantined.contains(r.fileName()) ? quarantine : null));
        }
        return outcomes;
    }

    /** Each file's records (its facts and its noted rows, which must be the scan's records), and its noted rows written. */
    private Set<String> writeNoted(Source source, List<Submission> files, Set<QuarantineNotes.BadRow> noted,
            Map<String, Long> written, Map<String, long[]> stats, Path quarantine) {
        Map<String, Long> bad = new HashMap<>();
        noted.forEach(n -> bad.merge(n.file(), 1L, Long::sum));
        Map<String, Submission> byName = new HashMap<>();
        for (Submission s : files) {
            long good = written.getOrDefault(s.fileName(), 0L);
            long rows = good + bad.getOrDefault(s.fileName(), 0L);
            if (rows != s.rowsIn()) {
                throw new IllegalStateException("Cannot load submission: the engine read another number of records than the scan");
            }
            stats.put(s.fileName(), new long[] {rows, good});
            byName.put(s.fileName(), s);
        }
        if (noted.isEmpty()) {
            return Set.of();
        }
        List<Row> rows = new ArrayList<>();
        for (QuarantineNotes.BadRow n : noted) {
            Submission s = byName.get(n.file());
            rows.add(RowFactory.create(n.file(), n.record(), n.field(), n.rule(), source.code(), s.file().countyCode(),
                    s.file().month().toString()));
        }
        spark.createDataFrame(rows, QUARANTINE)
                .write().mode(SaveMode.ErrorIfExists).partitionBy("source", "county_code", "submission_month")
                .parquet(SparkSessions.uri(quarantine));
        return bad.keySet();
    }

    /** The rows the pass read: Spark completes the observation when the write ends (a bounded wait all the same). */
    private static long observedRows(Observation read) {
        try {
            org.apache.spark.sql.Row metrics = scala.jdk.javaapi.FutureConverters.asJava(read.future()).toCompletableFuture()
                    .get(1, java.util.concurrent.TimeUnit.MINUTES);
            return metrics.getLong(metrics.fieldIndex("rows"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cannot load submission: interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot load submission: the engine did not count the rows it read", e);
        }
    }

    /** Each file's rows in the facts just written (an empty folder when no row was written). */
    private Map<String, Long> writtenRows(Path facts) {
        Map<String, Long> written = new HashMap<>();
        if (SliceFiles.hasParquet(facts)) {
            for (Row r : spark.read().parquet(SparkSessions.uri(facts)).groupBy("source_file").count().collectAsList()) {
                written.put(r.getString(0), r.getLong(1));
            }
        }
        return written;
    }

    /**
     * The second pass, over the files with bad rows or whose facts are not all their records: each file's records and
     * good rows, which must be the scan's records and the facts written, then the quarantined rows of the files that
     * have any.
     */
    private Set<String> quarantine(Source source, List<Submission> files, Map<String, Long> written, Map<String, long[]> stats,
            Path quarantine) {
        SECOND_PASSES.incrementAndGet();
        Dataset<Row> rows = withRepeatedIds(files, conformer.conform(source, read(source, files))).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, long[]> counted = new HashMap<>();
            for (Row r : rows.groupBy("source_file").agg(count(lit(1)), sum(when(col(Conformer.REJECT_RULE).isNull(), 1).otherwise(0)))
                    .collectAsList()) {
                counted.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
            }
            Set<String> quarantined = new HashSet<>();
            for (Submission s : files) {
                long[] st = counted.getOrDefault(s.fileName(), new long[] {0, 0});
                if (st[0] != s.rowsIn() || st[1] != written.getOrDefault(s.fileName(), 0L)) {
                    throw new IllegalStateException("Cannot load submission: the engine read another number of records than the scan");
                }
                stats.put(s.fileName(), st);
                if (st[0] > st[1]) {
                    quarantined.add(s.fileName());
                }
            }
            if (!quarantined.isEmpty()) {
                rows.filter(col(Conformer.REJECT_RULE).isNotNull().and(col("source_file").isin(quarantined.toArray())))
                        .select(col("source_file"), col(Conformer.RECORD_NUMBER).as("record_number"),
                                col(Conformer.REJECT_FIELD).as("field"), col(Conformer.REJECT_RULE).as("rule"),
                                lit(source.code()).as("source"), col("county_code"), col("submission_month"))
                        .write().mode(SaveMode.ErrorIfExists).partitionBy("source", "county_code", "submission_month")
                        .parquet(SparkSessions.uri(quarantine));
            }
            al.antitrafficking.warehouse.progress.Progress.debug("etl: " + source.code() + " " + files.size()
                    + " files with quarantined rows read again, quarantine written");
            return quarantined;
        } finally {
            rows.unpersist();
        }
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
