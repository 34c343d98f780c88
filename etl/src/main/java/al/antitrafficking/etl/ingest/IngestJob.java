package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import al.antitrafficking.etl.contract.Source;
import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.reference.County;
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
 * The ingestion run: scans the incoming folder, reads each source's accepted files with an explicit
 * all-text schema, conforms and validates every row, and writes fact and dimension tables as Parquet
 * (facts partitioned by year and county) into a staging folder. It then checks that every row read is
 * either loaded or quarantined, and only then commits the snapshot. Any failure deletes the staging
 * folder, so the warehouse never holds a half-written snapshot. Publishing (building DuckDB and moving
 * CURRENT) is the warehouse build's step.
 */
public final class IngestJob {
    private final SparkSession spark;
    private final Territory territory;
    private final Snapshots snapshots;

    public IngestJob(SparkSession spark, Territory territory, Snapshots snapshots) {
        this.spark = spark;
        this.territory = territory;
        this.snapshots = snapshots;
    }

    public static IngestJob fromConfig(SparkSession spark, AppConfig config) {
        return new IngestJob(spark, Territory.load(config.referenceDir()), new Snapshots(config.warehouseDir()));
    }

    public IngestReport run(Path incomingDir) {
        SubmissionScanner.Scan scan = new SubmissionScanner(territory).scan(incomingDir);
        Path staging = snapshots.newStagingDir();
        try {
            IngestReport report = write(scan, staging);
            writeManifest(staging, report);
            Snapshot snapshot = snapshots.commit(staging);
            if (!snapshot.id().equals(report.snapshotId())) {
                throw new IllegalStateException("Cannot commit snapshot: staging " + staging + " became " + snapshot.id());
            }
            return report;
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private IngestReport write(SubmissionScanner.Scan scan, Path staging) {
        Conformer conformer = new Conformer(spark, territory);
        Map<String, long[]> perFile = new HashMap<>();
        Map<String, Long> rowsByTable = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            List<Submission> files = scan.accepted().stream().filter(s -> s.source() == source).toList();
            Dataset<Row> conformed = conformer.conform(source, read(source, files))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            long loaded = 0;
            for (Row r : conformed.groupBy("source_file")
                    .agg(count(lit(1)), sum(when(col(Conformer.REJECT_RULE).isNull(), 1).otherwise(0)))
                    .collectAsList()) {
                perFile.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
                loaded += r.getLong(2);
            }
            Dataset<Row> facts = conformed.filter(col(Conformer.REJECT_RULE).isNull())
                    .select(Conformer.factColumns(source).stream().map(c -> col(c)).toArray(Column[]::new));
            writePartitioned(facts, loaded, staging.resolve(source.table()));
            rowsByTable.put(source.table(), verifiedCount(staging.resolve(source.table()), loaded));
            Dataset<Row> rejected = conformed.filter(col(Conformer.REJECT_RULE).isNotNull()).select(
                    lit(source.code()).as("source"), col("source_file"), col("county_code"), col("submission_month"),
                    col(source.idColumn()).as("record_id"), col(Conformer.REJECT_FIELD).as("field"), col(Conformer.REJECT_RULE).as("rule"));
            rejected.coalesce(1).write().mode(SaveMode.Append).parquet(staging.resolve(WarehouseTable.QUARANTINE.folder()).toString());
            conformed.unpersist();
        }
        writeDimensions(staging);
        return report(scan, perFile, rowsByTable, staging);
    }

    /**
     * Reads one source's files. Files are grouped by their header's column order, and each group is read
     * with a schema in that order, so a file whose columns come in another order still maps by name.
     */
    private Dataset<Row> read(Source source, List<Submission> files) {
        Dataset<Row> submissions = spark.createDataFrame(
                files.stream().map(s -> RowFactory.create(s.fileName(), s.countyCode(), s.month().toString())).toList(),
                new StructType().add("source_file", DataTypes.StringType).add("file_county", DataTypes.StringType)
                        .add("submission_month", DataTypes.StringType));
        Map<List<String>, List<Submission>> byHeader = files.stream()
                .collect(Collectors.groupingBy(Submission::header, LinkedHashMap::new, Collectors.toList()));
        Dataset<Row> all = null;
        for (Map.Entry<List<String>, List<Submission>> group : byHeader.entrySet()) {
            StructType schema = new StructType();
            for (String column : group.getKey()) {
                schema = schema.add(column, DataTypes.StringType);
            }
            schema = schema.add(Conformer.CORRUPT, DataTypes.StringType);
            Dataset<Row> part = spark.read()
                    .schema(schema)
                    .option("header", "true")
                    .option("encoding", "UTF-8")
                    .option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", Conformer.CORRUPT)
                    .csv(group.getValue().stream().map(s -> s.path().toString()).toArray(String[]::new))
                    .withColumn("source_file", col("_metadata.file_name"));
            List<Column> ordered = new ArrayList<>();
            source.columns().forEach(c -> ordered.add(col(c)));
            ordered.add(col(Conformer.CORRUPT));
            ordered.add(col("source_file"));
            part = part.select(ordered.toArray(Column[]::new));
            all = all == null ? part : all.unionByName(part);
        }
        if (all == null) {
            StructType empty = new StructType();
            for (String column : source.columns()) {
                empty = empty.add(column, DataTypes.StringType);
            }
            all = spark.createDataFrame(List.of(), empty.add(Conformer.CORRUPT, DataTypes.StringType).add("source_file", DataTypes.StringType));
        }
        return all.join(submissions, "source_file");
    }

    private static void writePartitioned(Dataset<Row> facts, long rows, Path target) {
        if (rows == 0) {
            // No partitions to write: one empty file keeps the table's schema readable.
            facts.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
            return;
        }
        facts.repartition(col("year"), col("county_code"))
                .sortWithinPartitions("submission_month")
                .write().mode(SaveMode.ErrorIfExists)
                .partitionBy("year", "county_code")
                .parquet(target.toString());
    }

    /** Reads back what was written: a fact table holds exactly the rows counted as loaded, or the run fails. */
    private long verifiedCount(Path table, long expected) {
        long written = spark.read().parquet(table.toString()).count();
        if (written != expected) {
            throw new IllegalStateException("Cannot commit snapshot: " + table.getFileName() + " holds " + written
                    + " rows but " + expected + " were accepted");
        }
        return written;
    }

    private void writeDimensions(Path staging) {
        List<Row> counties = territory.counties().stream()
                .sorted(Comparator.comparing(County::code))
                .map(c -> RowFactory.create(c.code(), c.name(), c.nameEn(), c.population2011(), c.population2023())).toList();
        writeSmall(counties, new StructType().add("code", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("name_en", DataTypes.StringType).add("census_2011_population", DataTypes.LongType)
                .add("census_2023_population", DataTypes.LongType), staging.resolve(WarehouseTable.DIM_COUNTY.folder()));
        List<Row> municipalities = territory.municipalities().stream()
                .map(m -> RowFactory.create(m.code(), m.name(), m.countyCode())).toList();
        writeSmall(municipalities, new StructType().add("code", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("county_code", DataTypes.StringType), staging.resolve(WarehouseTable.DIM_MUNICIPALITY.folder()));
        List<Row> crossings = territory.crossings().stream()
                .map(c -> RowFactory.create(c.code(), c.name(), c.kind().name().toLowerCase(java.util.Locale.ROOT),
                        c.countyCode().orElse(null), c.neighbourCountry().orElse(null))).toList();
        writeSmall(crossings, new StructType().add("code", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("kind", DataTypes.StringType).add("county_code", DataTypes.StringType)
                .add("neighbour_country", DataTypes.StringType), staging.resolve(WarehouseTable.DIM_CROSSING.folder()));
    }

    private void writeSmall(List<Row> rows, StructType schema, Path target) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
    }

    private IngestReport report(SubmissionScanner.Scan scan, Map<String, long[]> perFile, Map<String, Long> rowsByTable,
                                Path staging) {
        List<Row> files = new ArrayList<>();
        long rowsIn = 0;
        long rowsLoaded = 0;
        int nilReturns = 0;
        for (Submission s : scan.accepted()) {
            long[] counts = perFile.getOrDefault(s.fileName(), new long[] {0, 0});
            rowsIn += counts[0];
            rowsLoaded += counts[1];
            String status = counts[0] == 0 ? "NIL_RETURN" : "LOADED";
            nilReturns += counts[0] == 0 ? 1 : 0;
            files.add(RowFactory.create(s.fileName(), s.source().code(), s.countyCode(), s.month().toString(), status, null,
                    counts[0], counts[1], counts[0] - counts[1], null));
        }
        for (FileRejection r : scan.rejected()) {
            files.add(RowFactory.create(r.fileName(), r.source(), r.countyCode(), r.month(), "REJECTED", r.problem().name(),
                    null, 0L, null, r.message()));
        }
        writeSmall(files, new StructType().add("file_name", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("county_code", DataTypes.StringType).add("month", DataTypes.StringType)
                .add("status", DataTypes.StringType).add("problem", DataTypes.StringType)
                .add("rows_in", DataTypes.LongType).add("rows_loaded", DataTypes.LongType)
                .add("rows_quarantined", DataTypes.LongType).add("message", DataTypes.StringType),
                staging.resolve(WarehouseTable.INGEST_FILE.folder()));
        Map<String, Long> byRule = new TreeMap<>();
        long quarantined = 0;
        for (Row r : spark.read().parquet(staging.resolve(WarehouseTable.QUARANTINE.folder()).toString())
                .groupBy("rule").count().collectAsList()) {
            byRule.put(r.getString(0), r.getLong(1));
            quarantined += r.getLong(1);
        }
        if (rowsIn != rowsLoaded + quarantined) {
            throw new IllegalStateException("Cannot commit snapshot: " + rowsIn + " rows read but " + rowsLoaded
                    + " loaded and " + quarantined + " quarantined");
        }
        return new IngestReport(Snapshots.idOf(staging), scan.accepted().size(), nilReturns, scan.rejected(),
                rowsIn, rowsLoaded, quarantined, byRule, rowsByTable);
    }

    private static void writeManifest(Path staging, IngestReport report) {
        StringBuilder m = new StringBuilder();
        m.append("created=").append(Instant.now()).append('\n');
        m.append("files.loaded=").append(report.filesLoaded()).append('\n');
        m.append("files.nil-returns=").append(report.nilReturns()).append('\n');
        m.append("files.rejected=").append(report.rejectedFiles().size()).append('\n');
        m.append("rows.in=").append(report.rowsIn()).append('\n');
        m.append("rows.loaded=").append(report.rowsLoaded()).append('\n');
        m.append("rows.quarantined=").append(report.rowsQuarantined()).append('\n');
        new TreeMap<>(report.rowsByTable()).forEach((t, n) -> m.append("table.").append(t).append('=').append(n).append('\n'));
        try {
            Files.writeString(staging.resolve("manifest.properties"), m.toString(), UTF_8);
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
            throw new UncheckedIOException("Cannot clean up staging folder " + dir, e);
        }
    }
}
