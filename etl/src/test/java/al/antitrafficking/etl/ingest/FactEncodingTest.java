package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored keys (ids and pseudonyms, re-keyed) are written as plain values, never through Parquet's dictionary, which
 * the other columns keep: nearly every key differs, and each file built a dictionary of them only to give it up (a warm
 * 10M run's Spark stage took 40.0-40.7 s without it, 43.5-48.5 s with it: docs/benchmarks.md).
 */
class FactEncodingTest {
    @TempDir
    Path work;

    @Test
    void theKeyColumnsAreEachSourcesIdAndChildPseudonym() {
        // As the contract (conf/contract/v1.csv) names them: the id is unique in its file, so no file could show whether
        // its dictionary is off (Parquet gives up a dictionary of unique keys anyway); the list is checked here instead.
        assertThat(Conformer.keyColumns(TestProject.CONTRACT, al.antitrafficking.warehouse.contract.Source.BORDER))
                .containsExactly("record_id", "child_pseudonym");
        assertThat(Conformer.keyColumns(TestProject.CONTRACT, al.antitrafficking.warehouse.contract.Source.CPU))
                .containsExactly("case_id", "child_pseudonym");
        assertThat(Conformer.keyColumns(TestProject.CONTRACT, al.antitrafficking.warehouse.contract.Source.NRM))
                .containsExactly("nrm_id", "child_pseudonym");
        assertThat(Conformer.keyColumns(TestProject.CONTRACT, al.antitrafficking.warehouse.contract.Source.SERVICES))
                .containsExactly("service_id", "child_pseudonym");
    }

    @Test
    void aChildsKeyIsWrittenWithoutADictionaryEvenWhereOneWouldPayAndOtherColumnsKeepIt() throws IOException {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        // One child met 300 times in a month: a dictionary of the child's key would be one entry, so Parquet would keep it.
        StringBuilder csv = new StringBuilder("record_id,child_pseudonym,encounter_date,crossing_code,municipality,direction,sex,"
                + "age,citizenship,accompaniment,trafficking_indicators,referred_to\n");
        String child = "75b74c2b106c891920ffabec1489d10efc842611b8329c4f49291e3f687fedc2";
        for (int i = 1; i <= 300; i++) {
            csv.append(String.format("BORDER-AL01-202401-%06d,%s,2024-01-%02d,,Berat,inland,F,8,AL,accompanied,n,none%n", i, child, 1 + i % 28));
        }
        Files.writeString(incoming.resolve("border_AL-01_2024-01.csv"), csv, UTF_8);
        IngestReport report = IngestJob.fromConfig(TestProject.spark(), TestProject.CONFIG.withWarehouseDir(work.resolve("warehouse")))
                .run(incoming);
        assertThat(report.rowsLoaded()).isEqualTo(300);

        List<Path> files;
        try (Stream<Path> all = Files.walk(work.resolve("warehouse/snapshots").resolve(report.snapshotId()).resolve("fact_border_encounter"))) {
            files = all.filter(p -> p.toString().endsWith(".parquet") && p.toString().contains("county_code=AL-01")).toList();
        }
        assertThat(files).isNotEmpty();
        Map<String, Boolean> dictionary = new HashMap<>();
        long rows = 0;
        for (Path file : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()),
                    new org.apache.hadoop.conf.Configuration()))) {
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    rows += block.getRowCount();
                    for (ColumnChunkMetaData column : block.getColumns()) {
                        dictionary.merge(column.getPath().toDotString(), column.hasDictionaryPage(), Boolean::logicalOr);
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(300);
        assertThat(dictionary).containsEntry("record_id", false).containsEntry("child_pseudonym", false)
                .containsEntry("source_file", true).containsEntry("sex", true).containsEntry("municipality_code", true);
    }
}
