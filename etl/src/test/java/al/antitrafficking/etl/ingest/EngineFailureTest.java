package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * When Spark fails on a file's rows, its exception may quote a value of the row (Spark's own messages do): the file is
 * refused and nothing of the exception reaches the console, neither the value nor the exception itself.
 */
class EngineFailureTest {
    @TempDir
    Path work;

    private static String file(String month, String idPrefix) {
        StringBuilder s = new StringBuilder("service_id,child_pseudonym,service_type,provider,start_date,end_date,county\n");
        for (int i = 1; i <= 3; i++) {
            s.append(idPrefix).append(i).append(',').append(Integer.toHexString(i).repeat(64), 0, 64)
                    .append(",legal,ngo,").append(month).append("-1").append(i).append(",,AL-07\n");
        }
        return s.toString();
    }

    /** How a real engine fails on a row: an error raised by an expression, and a function that throws (Spark wraps its
     * exception in SparkException, a checked exception no Java signature declares). Both quote the row's value. */
    static Stream<Arguments> failures() {
        UDF1<String, String> reading = id -> {
            if (id.startsWith("SECRETID")) {
                throw new IllegalArgumentException("cannot read " + id);
            }
            return id;
        };
        return Stream.of(
                Arguments.of("raised error", (UnaryOperator<Dataset<Row>>) rows -> rows.withColumn("service_id",
                        functions.when(functions.col("service_id").startsWith("SECRETID"),
                                functions.raise_error(functions.concat(functions.lit("cannot read "), functions.col("service_id"))))
                                .otherwise(functions.col("service_id")))),
                Arguments.of("failing function", (UnaryOperator<Dataset<Row>>) rows -> rows.withColumn("service_id",
                        functions.udf(reading, DataTypes.StringType).apply(functions.col("service_id")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void anEngineFailureQuotingARowIsNeverPrinted(String kind, UnaryOperator<Dataset<Row>> tap) throws IOException {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        Files.writeString(incoming.resolve("services_AL-07_2025-01.csv"), file("2025-01", "SECRETID"), UTF_8);
        Files.writeString(incoming.resolve("services_AL-07_2025-02.csv"), file("2025-02", "S"), UTF_8);
        AppConfig config = TestProject.CONFIG.withWarehouseDir(work.resolve("warehouse"));
        // As a real engine error would: the message quotes a value of the row it failed on.
        IngestJob job = IngestJob.withRowsTap(TestProject.spark(), config, tap);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        IngestReport report;
        try {
            System.setOut(new PrintStream(captured, true, UTF_8));
            System.setErr(new PrintStream(captured, true, UTF_8));
            report = job.run(incoming);
            System.out.print(report.summary());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String console = captured.toString(UTF_8);

        assertThat(report.rejectedFiles()).extracting(InputRecord::fileName, InputRecord::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("services_AL-07_2025-01.csv", "ENGINE_FAILURE"));
        assertThat(report.rowsLoaded()).isEqualTo(3);
        assertThat(console).contains("REFUSED ENGINE_FAILURE").doesNotContain("SECRETID", "Exception", "\tat ");
    }

    /** Ways an engine could read a file's records otherwise than the scan counted them, with the quarantine noted in the
     * pass that writes the facts and with a second pass over the files with bad rows. */
    static Stream<Arguments> miscounts() {
        String file = "services_AL-07_2025-01.csv";
        org.apache.spark.sql.Column second = functions.col("source_file").equalTo(file).and(functions.col("_record").equalTo("2"));
        List<Arguments> cases = new ArrayList<>();
        for (int noted : new int[] {SourceLoad.NOTED_ROWS, 0}) {
            String way = noted == 0 ? ", read twice" : ", noted";
            cases.add(Arguments.of("one record fewer" + way, noted, (UnaryOperator<Dataset<Row>>) rows -> rows.filter(functions.not(second))));
            cases.add(Arguments.of("one good record more" + way, noted,
                    (UnaryOperator<Dataset<Row>>) rows -> rows.union(rows.filter(second))));
            cases.add(Arguments.of("another bad record more" + way, noted, (UnaryOperator<Dataset<Row>>) rows -> rows.union(rows.filter(second)
                    .withColumn("service_id", functions.lit("not an id!")))));
            // The same bad row twice is noted once: only the count of every row read shows it when it is noted.
            cases.add(Arguments.of("a bad record read twice" + way, noted, (UnaryOperator<Dataset<Row>>) rows -> {
                Dataset<Row> bad = rows.withColumn("service_id", functions.when(second, functions.lit("not an id!"))
                        .otherwise(functions.col("service_id")));
                return bad.union(bad.filter(second));
            }));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("miscounts")
    void aFileTheEngineReadsOtherwiseThanTheScanIsRefusedAlone(String kind, int noted, UnaryOperator<Dataset<Row>> tap)
            throws IOException {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        Files.writeString(incoming.resolve("services_AL-07_2025-01.csv"), file("2025-01", "A"), UTF_8);
        Files.writeString(incoming.resolve("services_AL-07_2025-02.csv"), file("2025-02", "B"), UTF_8);
        AppConfig config = TestProject.CONFIG.withWarehouseDir(work.resolve("warehouse"));

        IngestReport report = IngestJob.withRowsTap(TestProject.spark(), config, tap, noted).run(incoming);

        assertThat(report.rejectedFiles()).extracting(InputRecord::fileName, InputRecord::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("services_AL-07_2025-01.csv", "ENGINE_FAILURE"));
        assertThat(report.rowsLoaded()).isEqualTo(3);
        assertThat(report.rowsQuarantined()).isZero();
    }
}
