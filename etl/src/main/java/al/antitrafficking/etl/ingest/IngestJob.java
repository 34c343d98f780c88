package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import al.antitrafficking.etl.contract.DataContract;
import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.Snapshot;
import al.antitrafficking.warehouse.snapshot.Snapshots;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * One ingestion run: the incoming folder becomes a new, immutable, committed snapshot.
 *
 * <p>Each file is one slice (source × county × month) and replaces that slice whole. A file whose
 * checksum matches the previous snapshot's record, under the same rules, is carried over by hard links
 * without being read; new and changed files are decoded ({@link SubmissionDecoder}), read by Spark with an
 * explicit schema, validated and conformed ({@link Conformer}), and their pseudonyms re-keyed. A file with
 * a value that looks like a direct identifier, or with too many bad rows, is refused whole. Every count is
 * checked (rows in = rows loaded + rows quarantined, per file and per table) before the snapshot is
 * committed; any failure deletes the staging folder, so the warehouse never holds a half-written snapshot.
 * Publishing (DuckDB and the CURRENT pointer) is the warehouse build's step.
 */
public final class IngestJob {
    private final SparkSession spark;
    private final Territory territory;
    private final DataContract contract;
    private final PiiRules pii;
    private final Pseudonyms pseudonyms;
    private final Snapshots snapshots;
    private final double maxBadRowShare;
    private final String rulesFingerprint;

    public IngestJob(SparkSession spark, Territory territory, DataContract contract, PiiRules pii, Pseudonyms pseudonyms,
                     Snapshots snapshots, double maxBadRowShare, String rulesFingerprint) {
        this.spark = spark;
        this.territory = territory;
        this.contract = contract;
        this.pii = pii;
        this.pseudonyms = pseudonyms;
        this.snapshots = snapshots;
        this.maxBadRowShare = maxBadRowShare;
        this.rulesFingerprint = rulesFingerprint;
    }

    public static IngestJob fromConfig(SparkSession spark, AppConfig config) {
        Pseudonyms pseudonyms = Pseudonyms.fromKey(Optional.of(config.warehouseKeyFile()), "NRM_WAREHOUSE_KEY", "warehouse");
        return new IngestJob(spark, Territory.load(config.referenceDir()), DataContract.load(config.contractFile()),
                PiiRules.load(config.givenNamesFile()), pseudonyms, new Snapshots(config.warehouseDir()), config.maxBadRowShare(),
                RulesFingerprint.of(config, pseudonyms));
    }

    public IngestReport run(Path incomingDir) {
        long started = System.nanoTime();
        Optional<Snapshot> previous = snapshots.list().stream().reduce((a, b) -> b);
        Map<String, InputRecord> previousInputs = previous.map(s -> InputLedger.read(s.dir())).orElse(Map.of());
        boolean sameRules = previous.isPresent() && rulesFingerprint.equals(manifest(previous.get()).getProperty("rules.fingerprint"));
        Landing.Scan scan = new Landing(territory).scan(incomingDir, previousInputs);
        Path staging = snapshots.newStagingDir();
        String id = Snapshots.idOf(staging);
        try {
            List<InputRecord> records = new ArrayList<>();
            List<Landed> changed = new ArrayList<>();
            for (Landed file : scan.files()) {
                InputRecord before = previousInputs.get(file.fileName());
                if (sameRules && before != null && before.checksum().equals(file.checksum())) {
                    if (!before.rejected()) {
                        SliceFiles.carryOver(previous.get().dir(), staging, file);
                    }
                    records.add(before);
                } else {
                    changed.add(file);
                }
            }
            int carried = records.size();
            for (FileRejection r : scan.rejected()) {
                records.add(rejected(r, incomingDir.resolve(r.fileName()), id));
            }
            long scanned = System.nanoTime();
            SubmissionDecoder decoder = new SubmissionDecoder(contract, staging.resolve("_normalised"));
            List<Submission> readable = new ArrayList<>();
            for (Landed file : changed) {
                Object decoded = decoder.decode(file);
                if (decoded instanceof Submission s) {
                    readable.add(s);
                } else {
                    records.add(rejected((FileRejection) decoded, file, id));
                }
            }
            long decodedAt = System.nanoTime();
            Conformer conformer = new Conformer(spark, territory, contract, pii, pseudonyms);
            for (Source source : Source.values()) {
                List<Submission> files = readable.stream().filter(s -> s.file().source() == source).toList();
                if (!files.isEmpty()) {
                    records.addAll(processSource(source, files, staging, id, conformer));
                }
            }
            deleteTree(staging.resolve("_normalised"));
            writeSchemaFiles(staging, conformer);
            writeDimensions(staging);
            records.sort(Comparator.comparing(InputRecord::fileName));
            InputLedger.write(staging, records);
            writeIngestFileTable(staging, records);
            Map<String, Long> rowsByTable = verify(staging, records, id);
            Map<String, Long> byRule = quarantineByRule(staging);
            long sparkDone = System.nanoTime();
            IngestReport report = IngestReport.of(id, records, carried, changed.size(), byRule, rowsByTable,
                    (System.nanoTime() - started) / 1e9);
            writeManifest(staging, report, previous, Map.of("scan", (scanned - started) / 1e9, "decode", (decodedAt - scanned) / 1e9,
                    "spark", (sparkDone - decodedAt) / 1e9));
            snapshots.commit(staging);
            return report;
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /** Reads, conforms and writes one source's changed files; returns their records. */
    private List<InputRecord> processSource(Source source, List<Submission> files, Path staging, String snapshotId, Conformer conformer) {
        String idColumn = contract.idColumn(source);
        Dataset<Row> conformed = conformer.conform(source, read(source, files)).persist(StorageLevel.MEMORY_AND_DISK());
        // Duplicate ids are rare: find them on two columns, and join them back (broadcast) only when there are any.
        List<Row> duplicateKeys = conformed.filter(col(idColumn).isNotNull()).groupBy("source_file", idColumn).count()
                .filter(col("count").gt(1)).select(col("source_file"), col(idColumn)).collectAsList();
        Dataset<Row> rows = conformed;
        if (!duplicateKeys.isEmpty()) {
            Dataset<Row> duplicates = spark.createDataFrame(duplicateKeys, new StructType()
                    .add("source_file", DataTypes.StringType).add(idColumn, DataTypes.StringType)).withColumn("_duplicate", lit(true));
            Column duplicate = col(Conformer.REJECT_RULE).isNull().and(col("_duplicate").isNotNull());
            rows = conformed.join(org.apache.spark.sql.functions.broadcast(duplicates),
                            scala.jdk.javaapi.CollectionConverters.asScala(List.of("source_file", idColumn)).toSeq(), "left")
                    .withColumn(Conformer.REJECT_FIELD, when(duplicate, lit(idColumn)).otherwise(col(Conformer.REJECT_FIELD)))
                    .withColumn(Conformer.REJECT_RULE, when(duplicate, lit(RowRule.DUPLICATE_ID.name())).otherwise(col(Conformer.REJECT_RULE)))
                    .drop("_duplicate");
        }
        try {
            Map<String, FileStats> stats = new HashMap<>();
            for (Row r : rows.groupBy("source_file").agg(
                    count(lit(1)), sum(when(col(Conformer.REJECT_RULE).isNull(), 1).otherwise(0)), min(Conformer.ROW_MARKER),
                    count(Conformer.PII_RULE),
                    min(when(col(Conformer.PII_RULE).isNotNull(),
                            struct(col(Conformer.ROW_MARKER), col(Conformer.PII_FIELD), col(Conformer.PII_RULE))))).collectAsList()) {
                Row firstPii = r.isNullAt(5) ? null : r.getStruct(5);
                stats.put(r.getString(0), new FileStats(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
                        firstPii == null ? null : firstPii.getString(1), firstPii == null ? null : firstPii.getString(2),
                        firstPii == null ? 0 : firstPii.getLong(0) - r.getLong(3) + 1));
            }
            List<InputRecord> records = new ArrayList<>();
            List<String> loaded = new ArrayList<>();
            List<String> quarantined = new ArrayList<>();
            for (Submission s : files) {
                InputRecord record = fate(s.file(), stats.get(s.fileName()), snapshotId);
                records.add(record);
                if (record.status().equals(InputRecord.LOADED)) {
                    loaded.add(s.fileName());
                }
                if (record.rowsQuarantined() != null && record.rowsQuarantined() > 0) {
                    quarantined.add(s.fileName());
                }
            }
            writeFacts(source, rows.filter(col(Conformer.REJECT_RULE).isNull().and(col("source_file").isin(loaded.toArray()))),
                    staging.resolve(source.table()));
            Dataset<Row> firstMarkers = spark.createDataFrame(stats.entrySet().stream()
                    .map(e -> RowFactory.create(e.getKey(), e.getValue().firstMarker())).toList(),
                    new StructType().add("source_file", DataTypes.StringType).add("_first_marker", DataTypes.LongType));
            rows.filter(col(Conformer.REJECT_RULE).isNotNull().and(col("source_file").isin(quarantined.toArray())))
                    .join(firstMarkers, "source_file")
                    .select(col("source_file"), col(idColumn).as("record_id"),
                            col(Conformer.ROW_MARKER).minus(col("_first_marker")).plus(1).as("record_number"),
                            col(Conformer.REJECT_FIELD).as("field"), col(Conformer.REJECT_RULE).as("rule"),
                            lit(source.code()).as("source"), col("county_code"), col("submission_month"))
                    .repartition(col("source"), col("county_code"), col("submission_month"))
                    .write().mode(SaveMode.Append).partitionBy("source", "county_code", "submission_month")
                    .parquet(staging.resolve(WarehouseTable.QUARANTINE.folder()).toString());
            return records;
        } finally {
            conformed.unpersist();
        }
    }

    private record FileStats(long rows, long good, long firstMarker, long piiRows, String piiField, String piiRule, long piiRecord) {}

    private InputRecord fate(Landed file, FileStats stats, String snapshotId) {
        FileStats s = stats == null ? new FileStats(0, 0, 0, 0, null, null, 0) : stats;
        long bad = s.rows() - s.good();
        String status = s.rows() == 0 ? InputRecord.NIL_RETURN : InputRecord.LOADED;
        String problem = null;
        String message = null;
        Long loaded = s.good();
        Long quarantined = bad;
        if (s.piiRows() > 0) {
            status = InputRecord.REJECTED;
            problem = FileProblem.PERSONAL_DATA.name();
            message = "Cannot load submission: " + file.fileName() + " holds a value that looks like a " + s.piiRule()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " in column " + s.piiField() + ", data row "
                    + s.piiRecord() + (s.piiRows() > 1 ? " (and " + (s.piiRows() - 1) + " more rows)" : "")
                    + "; the file was refused whole and the value kept nowhere";
            loaded = 0L;
            quarantined = 0L;
        } else if (s.rows() > 0 && (double) bad / s.rows() > maxBadRowShare) {
            status = InputRecord.REJECTED;
            problem = FileProblem.TOO_MANY_BAD_ROWS.name();
            message = String.format(java.util.Locale.ROOT, "Cannot load submission: %s: %d of %d rows (%.0f%%) break the contract, more "
                    + "than the %.0f%% allowed; the file was refused whole and its bad rows are listed in the quarantine",
                    file.fileName(), bad, s.rows(), 100.0 * bad / s.rows(), 100 * maxBadRowShare);
            loaded = 0L;
        }
        return new InputRecord(file.fileName(), file.source().code(), file.countyCode(), file.month().toString(), file.checksum(),
                file.sizeBytes(), file.modifiedAt(), status, problem, message, s.rows(), loaded, quarantined, snapshotId);
    }

    /**
     * Reads one source's files. Files are grouped by their header's column order, each group read with a
     * schema in that order, so columns in another order still map by name. A row marker is taken straight
     * after the scan: files are never split (the partition size exceeds the largest file), so a file's rows
     * are consecutive and the marker gives each row's number in its file.
     */
    private Dataset<Row> read(Source source, List<Submission> files) {
        long largest = files.stream().mapToLong(s -> s.readable().toFile().length()).max().orElse(0);
        spark.conf().set("spark.sql.files.maxPartitionBytes", Math.max(128L << 20, largest + (1 << 20)));
        Dataset<Row> names = spark.createDataFrame(files.stream().map(s -> RowFactory.create(s.readable().getFileName().toString(),
                        s.fileName(), s.file().countyCode(), s.file().month().toString())).toList(),
                new StructType().add("_readable", DataTypes.StringType).add("source_file", DataTypes.StringType)
                        .add("file_county", DataTypes.StringType).add("submission_month", DataTypes.StringType));
        Map<List<String>, List<Submission>> byHeader = files.stream()
                .collect(Collectors.groupingBy(Submission::header, LinkedHashMap::new, Collectors.toList()));
        Dataset<Row> all = null;
        for (Map.Entry<List<String>, List<Submission>> group : byHeader.entrySet()) {
            StructType schema = new StructType();
            for (String column : group.getKey()) {
                schema = schema.add(column, DataTypes.StringType);
            }
            schema = schema.add(Conformer.CORRUPT, DataTypes.StringType);
            Dataset<Row> part = spark.read().schema(schema)
                    .option("header", "true").option("encoding", "UTF-8").option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", Conformer.CORRUPT)
                    .csv(group.getValue().stream().map(s -> s.readable().toString()).toArray(String[]::new))
                    .withColumn(Conformer.ROW_MARKER, monotonically_increasing_id())
                    .withColumn("_readable", col("_metadata.file_name"));
            List<Column> ordered = new ArrayList<>();
            contract.columns(source).forEach(c -> ordered.add(col(c)));
            ordered.add(col(Conformer.CORRUPT));
            ordered.add(col(Conformer.ROW_MARKER));
            ordered.add(col("_readable"));
            part = part.select(ordered.toArray(Column[]::new));
            all = all == null ? part : all.unionByName(part);
        }
        return all.join(names, "_readable").drop("_readable");
    }

    private void writeFacts(Source source, Dataset<Row> facts, Path target) {
        facts.select(Conformer.factColumns(contract, source).stream().map(c -> col(c)).toArray(Column[]::new))
                .repartition(col("year"), col("county_code"), col("submission_month"))
                .write().mode(SaveMode.Append)
                .partitionBy("year", "county_code", "submission_month")
                .parquet(target.toString());
    }

    /**
     * A table with no rows still needs a file that carries its schema: an empty Parquet file in a
     * placeholder partition (year 0, county and month "none"), so readers see the same partition layout.
     */
    private void writeSchemaFiles(Path staging, Conformer conformer) {
        for (Source source : Source.values()) {
            Path table = staging.resolve(source.table());
            if (!SliceFiles.hasParquet(table)) {
                StructType raw = new StructType();
                for (String column : contract.columns(source)) {
                    raw = raw.add(column, DataTypes.StringType);
                }
                raw = raw.add(Conformer.CORRUPT, DataTypes.StringType).add(Conformer.ROW_MARKER, DataTypes.LongType)
                        .add("source_file", DataTypes.StringType).add("file_county", DataTypes.StringType)
                        .add("submission_month", DataTypes.StringType);
                Dataset<Row> empty = conformer.conform(source, spark.createDataFrame(List.of(), raw))
                        .select(Conformer.factColumns(contract, source).stream().map(c -> col(c)).toArray(Column[]::new))
                        .drop("year", "county_code", "submission_month");
                placeholder(empty, table.resolve("year=0/county_code=none/submission_month=none"));
            }
        }
        Path quarantine = staging.resolve(WarehouseTable.QUARANTINE.folder());
        if (!SliceFiles.hasParquet(quarantine)) {
            placeholder(spark.createDataFrame(List.of(), new StructType().add("source_file", DataTypes.StringType)
                    .add("record_id", DataTypes.StringType).add("record_number", DataTypes.LongType)
                    .add("field", DataTypes.StringType).add("rule", DataTypes.StringType)),
                    quarantine.resolve("source=none/county_code=none/submission_month=none"));
        }
    }

    private static void placeholder(Dataset<Row> empty, Path partition) {
        Path temp = partition.resolveSibling(partition.getFileName() + ".tmp");
        empty.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(temp.toString());
        try (Stream<Path> files = Files.list(temp)) {
            Files.createDirectories(partition);
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(f, partition.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write schema file in " + partition, e);
        }
        deleteTree(temp);
    }

    private void writeDimensions(Path staging) {
        Dimensions.write(spark, territory, staging);
    }

    private void writeIngestFileTable(Path staging, List<InputRecord> records) {
        List<Row> rows = records.stream().map(r -> RowFactory.create(r.fileName(), r.source(), r.countyCode(), r.month(),
                r.checksum(), r.sizeBytes(), r.modifiedAt(), r.status(), r.problem(), r.message(), r.rowsIn(), r.rowsLoaded(),
                r.rowsQuarantined(), r.processedIn())).toList();
        spark.createDataFrame(rows, new StructType().add("file_name", DataTypes.StringType).add("source", DataTypes.StringType)
                        .add("county_code", DataTypes.StringType).add("month", DataTypes.StringType)
                        .add("checksum", DataTypes.StringType).add("size_bytes", DataTypes.LongType)
                        .add("received_at", DataTypes.StringType).add("status", DataTypes.StringType)
                        .add("problem", DataTypes.StringType).add("message", DataTypes.StringType)
                        .add("rows_in", DataTypes.LongType).add("rows_loaded", DataTypes.LongType)
                        .add("rows_quarantined", DataTypes.LongType).add("processed_in", DataTypes.StringType))
                .coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(staging.resolve(WarehouseTable.INGEST_FILE.folder()).toString());
    }

    /**
     * Reads back what this run wrote: each processed file's rows in its fact table and in the quarantine
     * must be exactly those its record says were loaded and quarantined. Carried-over slices are hard links
     * to files verified when they were first written, so they are counted from their records, not re-read.
     */
    private Map<String, Long> verify(Path staging, List<InputRecord> records, String snapshotId) {
        Map<String, Long> expectedFacts = new HashMap<>();
        Map<String, Long> expectedQuarantine = new HashMap<>();
        Map<String, Long> rowsByTable = new TreeMap<>();
        for (Source source : Source.values()) {
            rowsByTable.put(source.table(), 0L);
        }
        for (InputRecord r : records) {
            if (r.rowsIn() != null && !r.rejected() && r.rowsIn() != r.rowsLoaded() + r.rowsQuarantined()) {
                throw new IllegalStateException("Cannot commit snapshot: " + r.fileName() + " read " + r.rowsIn() + " rows but "
                        + r.rowsLoaded() + " were loaded and " + r.rowsQuarantined() + " quarantined");
            }
            if (!r.rejected()) {
                Source source = Source.fromCode(r.source()).orElseThrow();
                rowsByTable.merge(source.table(), r.rowsLoaded(), Long::sum);
                if (snapshotId.equals(r.processedIn())) {
                    expectedFacts.put(r.fileName(), r.rowsLoaded());
                }
            }
            if (snapshotId.equals(r.processedIn()) && r.rowsQuarantined() != null && r.rowsQuarantined() > 0) {
                expectedQuarantine.put(r.fileName(), r.rowsQuarantined());
            }
        }
        for (Source source : Source.values()) {
            Map<String, Long> written = countByFile(staging.resolve(source.table()), records.stream()
                    .filter(r -> source.code().equals(r.source()) && snapshotId.equals(r.processedIn()) && !r.rejected())
                    .map(r -> Path.of("year=" + r.month().substring(0, 4), "county_code=" + r.countyCode(), "submission_month=" + r.month()))
                    .toList());
            Map<String, Long> expected = new HashMap<>();
            expectedFacts.forEach((file, n) -> {
                if (file.startsWith(source.code() + "_") && n > 0) {
                    expected.put(file, n);
                }
            });
            if (!written.equals(expected)) {
                throw new IllegalStateException("Cannot commit snapshot: " + source.table() + " does not hold exactly the rows "
                        + "its files loaded (" + written.values().stream().mapToLong(Long::longValue).sum() + " written, "
                        + expected.values().stream().mapToLong(Long::longValue).sum() + " loaded)");
            }
        }
        Map<String, Long> quarantined = countByFile(staging.resolve(WarehouseTable.QUARANTINE.folder()), records.stream()
                .filter(r -> expectedQuarantine.containsKey(r.fileName()))
                .map(r -> Path.of("source=" + r.source(), "county_code=" + r.countyCode(), "submission_month=" + r.month()))
                .toList());
        if (!quarantined.equals(expectedQuarantine)) {
            throw new IllegalStateException("Cannot commit snapshot: the quarantine does not hold exactly the rows this run quarantined");
        }
        return rowsByTable;
    }

    /** Rows per source file in the given partitions of a table (none read when there are none). */
    private Map<String, Long> countByFile(Path table, List<Path> partitions) {
        Map<String, Long> counts = new HashMap<>();
        List<String> existing = partitions.stream().distinct().map(table::resolve).filter(Files::isDirectory).map(Path::toString).toList();
        if (existing.isEmpty()) {
            return counts;
        }
        for (Row r : spark.read().option("basePath", table.toString()).parquet(existing.toArray(String[]::new))
                .groupBy("source_file").count().collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }

    private Map<String, Long> quarantineByRule(Path staging) {
        Map<String, Long> byRule = new TreeMap<>();
        for (Row r : spark.read().parquet(staging.resolve(WarehouseTable.QUARANTINE.folder()).toString())
                .groupBy("rule").count().collectAsList()) {
            byRule.put(r.getString(0), r.getLong(1));
        }
        return byRule;
    }

    /** A file refused after landing: its checksum, size and time are already known. */
    private static InputRecord rejected(FileRejection r, Landed file, String snapshotId) {
        return new InputRecord(r.fileName(), r.source(), r.countyCode(), r.month(), file.checksum(), file.sizeBytes(),
                file.modifiedAt(), InputRecord.REJECTED, r.problem().name(), r.message(), null, 0L, null, snapshotId);
    }

    /** A file refused by its name, before landing took its checksum. */
    private static InputRecord rejected(FileRejection r, Path file, String snapshotId) {
        long size;
        String modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new InputRecord(r.fileName(), r.source(), r.countyCode(), r.month(), Landing.sha256(file), size, modified,
                InputRecord.REJECTED, r.problem().name(), r.message(), null, 0L, null, snapshotId);
    }

    private static Properties manifest(Snapshot snapshot) {
        Properties p = new Properties();
        Path file = snapshot.dir().resolve("manifest.properties");
        if (Files.isRegularFile(file)) {
            try (var reader = Files.newBufferedReader(file, UTF_8)) {
                p.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return p;
    }

    private void writeManifest(Path staging, IngestReport report, Optional<Snapshot> previous, Map<String, Double> seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot", report.snapshotId());
        m.put("created", Instant.now());
        m.put("previous", previous.map(Snapshot::id).orElse(""));
        m.put("rules.fingerprint", rulesFingerprint);
        m.put("contract.version", contract.version());
        m.put("files.loaded", report.filesLoaded());
        m.put("files.nil-returns", report.nilReturns());
        m.put("files.rejected", report.rejectedFiles().size());
        m.put("files.carried-over", report.filesCarried());
        m.put("files.processed", report.filesProcessed());
        m.put("rows.in", report.rowsIn());
        m.put("rows.loaded", report.rowsLoaded());
        m.put("rows.quarantined", report.rowsQuarantined());
        report.rowsByTable().forEach((t, n) -> m.put("table." + t, n));
        seconds.forEach((phase, s) -> m.put("seconds." + phase, String.format(java.util.Locale.ROOT, "%.2f", s)));
        m.put("seconds.total", String.format(java.util.Locale.ROOT, "%.2f", report.seconds()));
        StringBuilder text = new StringBuilder("# What this snapshot holds; inputs.csv lists every file with its checksum.\n");
        m.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(staging.resolve("manifest.properties"), text.toString(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write manifest in " + staging, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + dir, e);
        }
    }

}
