package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Territory;
import al.antitrafficking.warehouse.snapshot.WarehouseTable;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The reference dimensions (counties with census population, municipalities, crossings), written whole into every snapshot. */
final class Dimensions {
    private Dimensions() {}

    static void write(SparkSession spark, Territory territory, Path staging) {
        List<Row> counties = territory.counties().stream().sorted(Comparator.comparing(County::code))
                .map(c -> RowFactory.create(c.code(), c.name(), c.nameEn(), c.population2011(), c.population2023())).toList();
        write(spark, counties, new StructType().add("code", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("name_en", DataTypes.StringType).add("census_2011_population", DataTypes.LongType)
                .add("census_2023_population", DataTypes.LongType), staging.resolve(WarehouseTable.DIM_COUNTY.folder()));
        List<Row> municipalities = territory.municipalities().stream()
                .map(m -> RowFactory.create(m.code(), m.name(), m.countyCode())).toList();
        write(spark, municipalities, new StructType().add("code", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("county_code", DataTypes.StringType), staging.resolve(WarehouseTable.DIM_MUNICIPALITY.folder()));
        List<Row> crossings = territory.crossings().stream()
                .map(c -> RowFactory.create(c.code(), c.name(), c.kind().name().toLowerCase(Locale.ROOT),
                        c.countyCode().orElse(null), c.neighbourCountry().orElse(null))).toList();
        write(spark, crossings, new StructType().add("code", DataTypes.StringType).add("name", DataTypes.StringType)
                .add("kind", DataTypes.StringType).add("county_code", DataTypes.StringType)
                .add("neighbour_country", DataTypes.StringType), staging.resolve(WarehouseTable.DIM_CROSSING.folder()));
    }

    private static void write(SparkSession spark, List<Row> rows, StructType schema, Path target) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(SparkSessions.uri(target));
    }
}
