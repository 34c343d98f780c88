package al.antitrafficking.etl.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRegionGeneratorTest {
    private static final YearMonth FIRST = YearMonth.of(2024, 1);
    private static final YearMonth LAST = YearMonth.of(2025, 12);

    @TempDir
    Path dir;

    private SampleSummary generate(String name, long seed, long rows) {
        return new SampleRegionGenerator(TestProject.TERRITORY, TestProject.CONTRACT, seed, FIRST, LAST).generate(dir.resolve(name), rows);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        generate("a", 7, 3000);
        generate("b", 7, 3000);
        generate("c", 8, 3000);

        assertThat(digest(dir.resolve("a"))).isEqualTo(digest(dir.resolve("b")));
        assertThat(digest(dir.resolve("a"))).isNotEqualTo(digest(dir.resolve("c")));
    }

    @Test
    void writesOneFilePerSourceCountyAndMonthEachWithTheContractHeader() throws IOException {
        SampleSummary summary = generate("s", 1, 500);

        List<Path> files = list(dir.resolve("s"));
        assertThat(files).hasSize(4 * 12 * 24).hasSize(summary.files());
        for (Source source : Source.values()) {
            Path file = dir.resolve("s").resolve(source.code() + "_AL-07_2024-06.csv");
            assertThat(Files.readAllLines(file, UTF_8).get(0)).isEqualTo(String.join(",", TestProject.CONTRACT.columns(source)));
        }
    }

    @Test
    void writesAtLeastTheRequestedRowsAndReportsWhatItWrote() throws IOException {
        SampleSummary summary = generate("s", 1, 2000);

        long dataLines = 0;
        for (Path file : list(dir.resolve("s"))) {
            dataLines += Files.readAllLines(file, UTF_8).size() - 1;
        }
        assertThat(summary.rows()).isGreaterThanOrEqualTo(2000).isEqualTo(dataLines);
    }

    @Test
    void namesCarryAlbanianLettersInUtf8() throws IOException {
        generate("s", 1, 2000);

        String all = readAll(dir.resolve("s"), "cpu_");
        assertThat(all).containsAnyOf("ë", "ç");
    }

    @Test
    void childrenReappearAcrossMechanismsAndTheGapsExist() throws IOException {
        generate("s", 3, 20000);
        Map<Source, Set<String>> children = new HashMap<>();
        for (Source source : Source.values()) {
            children.put(source, pseudonyms(dir.resolve("s"), source));
        }

        Set<String> borderAndCpu = intersection(children.get(Source.BORDER), children.get(Source.CPU));
        Set<String> borderOnly = new HashSet<>(children.get(Source.BORDER));
        borderOnly.removeAll(children.get(Source.CPU));
        borderOnly.removeAll(children.get(Source.NRM));
        Set<String> nrmWithoutCpu = new HashSet<>(children.get(Source.NRM));
        nrmWithoutCpu.removeAll(children.get(Source.CPU));

        assertThat(borderAndCpu).isNotEmpty();
        assertThat(intersection(children.get(Source.CPU), children.get(Source.NRM))).isNotEmpty();
        assertThat(intersection(children.get(Source.NRM), children.get(Source.SERVICES))).isNotEmpty();
        // The gaps the coordinator must see: most children met at the border reach no CPU.
        assertThat(borderOnly.size()).isGreaterThan(children.get(Source.BORDER).size() / 2);
        assertThat(nrmWithoutCpu).isNotEmpty();
    }

    @Test
    void southernBorderPeaksInSummer() throws IOException {
        generate("s", 5, 20000);
        long summer = 0;
        long winter = 0;
        for (String month : List.of("2024-07", "2024-08", "2025-07", "2025-08")) {
            summer += lines(dir.resolve("s").resolve("border_AL-05_" + month + ".csv"));
        }
        for (String month : List.of("2024-01", "2024-02", "2025-01", "2025-02")) {
            winter += lines(dir.resolve("s").resolve("border_AL-05_" + month + ".csv"));
        }

        assertThat(summer).isGreaterThan(2 * winter);
    }

    @Test
    void casesNotReferredFromTheBorderFollowPopulation() throws IOException {
        generate("s", 9, 20000);

        // Tiranë has 758,513 residents, Gjirokastër 60,013 (ratio 12.6). Border-referred cases cluster at the
        // border counties by design, so only the other CPU cases are compared.
        long tirane = 0;
        long gjirokaster = 0;
        int referral = TestProject.CONTRACT.columns(Source.CPU).indexOf("referral_source");
        for (Path f : list(dir.resolve("s"))) {
            String name = f.getFileName().toString();
            long notFromBorder = Files.readAllLines(f, UTF_8).stream().skip(1)
                    .filter(line -> !line.split(",", -1)[referral].equals("border_police")).count();
            if (name.startsWith("cpu_AL-11_")) {
                tirane += notFromBorder;
            } else if (name.startsWith("cpu_AL-05_")) {
                gjirokaster += notFromBorder;
            }
        }
        assertThat(gjirokaster).isPositive();
        assertThat((double) tirane / gjirokaster).isBetween(8.0, 18.0);
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Files.createDirectories(dir.resolve("busy"));
        Files.writeString(dir.resolve("busy/real_data.csv"), "x");

        assertThatThrownBy(() -> generate("busy", 1, 10)).hasMessageContaining("folder is not empty");
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Set<String> pseudonyms(Path dir, Source source) throws IOException {
        Set<String> result = new HashSet<>();
        for (Path f : list(dir)) {
            if (f.getFileName().toString().startsWith(source.code() + "_")) {
                Files.readAllLines(f, UTF_8).stream().skip(1).forEach(line -> result.add(line.split(",")[1]));
            }
        }
        return result;
    }

    private static long lines(Path file) throws IOException {
        return Files.readAllLines(file, UTF_8).size() - 1;
    }

    private static String readAll(Path dir, String prefix) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : list(dir)) {
            if (f.getFileName().toString().startsWith(prefix)) {
                all.append(Files.readString(f, UTF_8));
            }
        }
        return all.toString();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String digest(Path dir) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path f : list(dir)) {
            sha.update(f.getFileName().toString().getBytes(UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
