package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.col;

import al.antitrafficking.warehouse.intake.Normalised;
import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The tables and files of a snapshot besides the facts: schema placeholders, {@code ingest_file}, the manifest. */
final class SnapshotTables {
    /** A fact table's partition holding only its schema, when no slice has rows. */
    static final String PLACEHOLDER_PARTITION = "year=0/county_code=none/submission_month=none";

    private final SparkSession spark;
    private final DataContract contract;

    SnapshotTables(SparkSession spark, DataContract contract) {
        this.spark = spark;
        this.contract = contract;
    }

    /**
     * A table with no rows still needs a file that carries its schema: an empty Parquet file in a placeholder
     * partition (year 0, county and month "none"), so readers see the same partition layout.
     */
    void writeSchemaFiles(Path staging, Conformer conformer) {
        for (Source source : Source.values()) {
            Path table = staging.resolve(source.table());
            if (!SliceFiles.hasParquet(table)) {
                StructType raw = new StructType().add(Normalised.RECORD, DataTypes.StringType)
                        .add(Normalised.SCAN_FIELD, DataTypes.StringType).add(Normalised.SCAN_RULE, DataTypes.StringType);
                for (String column : contract.columns(source)) {
                    raw = raw.add(column, DataTypes.StringType);
                }
                raw = raw.add("source_file", DataTypes.StringType).add("file_county", DataTypes.StringType)
                        .add("submission_month", DataTypes.StringType);
                Dataset<Row> empty = conformer.conform(source, spark.createDataFrame(List.of(), raw))
                        .select(Conformer.factColumns(contract, source).stream().map(c -> col(c)).toArray(Column[]::new))
                        .drop("year", "county_code", "submission_month");
                placeholder(empty, table.resolve(PLACEHOLDER_PARTITION));
            }
        }
        Path quarantine = staging.resolve(WarehouseTable.QUARANTINE.folder());
        if (!SliceFiles.hasParquet(quarantine)) {
            placeholder(spark.createDataFrame(List.of(), new StructType().add("source_file", DataTypes.StringType)
                    .add("record_number", DataTypes.LongType).add("field", DataTypes.StringType).add("rule", DataTypes.StringType)),
                    quarantine.resolve("source=none/county_code=none/submission_month=none"));
        }
    }

    private void placeholder(Dataset<Row> empty, Path partition) {
        Path temp = partition.resolveSibling(partition.getFileName() + ".tmp");
        empty.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(SparkSessions.uri(temp));
        try (Stream<Path> files = Files.list(temp)) {
            Files.createDirectories(partition);
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(f, partition.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write schema file in " + partition, e);
        }
        RunFolder.deleteTree(temp);
    }

    /**
     * One row per file the warehouse's completeness figures should see: withdrawals are left out (a withdrawn
     * month is not reported), and so is a refused file whose slice another file still holds (the slice was
     * received; the refusal is in the report and inputs.csv).
     */
    void writeIngestFileTable(Path staging, List<InputRecord> records) {
        java.util.Set<String> held = new java.util.HashSet<>();
        records.stream().filter(InputRecord::holdsSlice).forEach(r -> held.add(r.slice()));
        List<Row> rows = records.stream()
                .filter(r -> !r.status().equals(InputRecord.WITHDRAWN))
                .filter(r -> !r.rejected() || r.slice() == null || !held.contains(r.slice()))
                .map(r -> RowFactory.create(r.fileName(), r.source(), r.countyCode(), r.month(),
                        r.checksum(), r.sizeBytes(), r.modifiedAt(), r.status(), r.problem(), r.message(), r.rowsIn(), r.rowsLoaded(),
                        r.rowsQuarantined(), r.processedIn(), r.fate() == null ? null : r.fate().name())).toList();
        spark.createDataFrame(rows, new StructType().add("file_name", DataTypes.StringType).add("source", DataTypes.StringType)
                        .add("county_code", DataTypes.StringType).add("month", DataTypes.StringType)
                        .add("checksum", DataTypes.StringType).add("size_bytes", DataTypes.LongType)
                        .add("received_at", DataTypes.StringType).add("status", DataTypes.StringType)
                        .add("problem", DataTypes.StringType).add("message", DataTypes.StringType)
                        .add("rows_in", DataTypes.LongType).add("rows_loaded", DataTypes.LongType)
                        .add("rows_quarantined", DataTypes.LongType).add("processed_in", DataTypes.StringType)
                        .add("slice_fate", DataTypes.StringType))
                .coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(SparkSessions.uri(staging.resolve(WarehouseTable.INGEST_FILE.folder())));
    }

    static void writeManifest(Path staging, Map<String, Object> entries) {
        StringBuilder text = new StringBuilder("# What this snapshot holds; inputs.csv lists every file with its checksum and fate.\n");
        entries.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(staging.resolve("manifest.properties"), text.toString(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write manifest in " + staging, e);
        }
    }
}
