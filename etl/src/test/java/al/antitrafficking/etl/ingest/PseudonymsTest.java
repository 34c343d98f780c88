package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 64-bit key the warehouse stores, worked out by the JDK's own HMAC-SHA256 and compared with the Spark expression
 * the job runs (signed: keys whose first bit is set are negative; a null text has no key).
 */
class PseudonymsTest {
    @TempDir
    static Path dir;

    @Test
    void theSparkKeyIsTheFirstEightBytesOfTheHmacForShortAndLongKeys() throws Exception {
        Random random = new Random(14);
        List<String> texts = new ArrayList<>(List.of("", "a", "ë", "record-id:border:B-1"));
        for (int i = 0; i < 400; i++) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            texts.add(java.util.HexFormat.of().formatHex(b));
        }
        // A key of 20 bytes, and one longer than SHA-256's block (hashed first, as RFC 2104 says).
        for (String keyText : List.of("k".repeat(20), "long-key-".repeat(10))) {
            Path keyFile = dir.resolve(keyText.length() + ".key");
            Files.writeString(keyFile, keyText);
            Pseudonyms pseudonyms = Pseudonyms.fromKey(Optional.of(keyFile), "NRM_KEY_SURELY_UNSET", "test");
            Dataset<Row> rows = TestProject.spark().createDataset(texts, Encoders.STRING()).toDF("text");
            List<Row> keyed = rows.select(functions.col("text"), pseudonyms.key(functions.col("text")).as("key")).collectAsList();

            Map<String, Long> expected = new HashMap<>();
            for (String text : texts) {
                expected.put(text, TestProject.storedKey(keyText.getBytes(UTF_8), text));
            }
            Map<String, Long> actual = new HashMap<>();
            keyed.forEach(r -> actual.put(r.getString(0), r.getLong(1)));
            assertThat(actual).isEqualTo(expected);
            assertThat(expected.values()).anyMatch(k -> k < 0).anyMatch(k -> k > 0);
            Row none = TestProject.spark().sql("SELECT CAST(NULL AS STRING) AS text").select(pseudonyms.key(functions.col("text"))).first();
            assertThat(none.isNullAt(0)).isTrue();
        }
    }
}
