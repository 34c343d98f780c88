package al.antitrafficking.warehouse.international;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The returns' citizenship categories against the country list the contract accepts (read here with commons-csv):
 * foreign nationals are every other country, EU and non-EU split them with nothing lost or counted twice. A bare NO
 * (Norway) is a boolean to YAML: every code must be quoted, and an unquoted one refuses the file.
 */
class ReturnsMappingTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    static Set<String> countries() throws Exception {
        Set<String> codes = new TreeSet<>();
        try (Reader r = Files.newBufferedReader(ROOT.resolve("conf/reference/countries.csv"))) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r)
                    .forEach(rec -> codes.add(rec.get("code")));
        }
        codes.remove("AL");
        return codes;
    }

    static Set<String> values(Returns returns, String breakdown, String code) {
        return returns.breakdown(breakdown).categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().values();
    }

    @Test
    void foreignNationalsAreEveryOtherCountryAndEuAndNonEuSplitThemWhole() throws Exception {
        Returns returns = Returns.load(ROOT.resolve("conf/international/returns.yaml"));
        Set<String> others = countries();
        assertTrue(others.contains("NO"));
        assertEquals(others, new TreeSet<>(values(returns, "citizenship_glotip", "foreign")));
        Set<String> eu = values(returns, "citizenship_eurostat", "eu");
        Set<String> nonEu = values(returns, "citizenship_eurostat", "non_eu");
        assertEquals(27, eu.size());
        Set<String> both = new HashSet<>(eu);
        both.retainAll(nonEu);
        assertEquals(Set.of(), both);
        Set<String> union = new TreeSet<>(eu);
        union.addAll(nonEu);
        assertEquals(others, union);
    }

    @Test
    void anUnquotedCodeRefusesTheMapping(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(ROOT.resolve("conf/international/returns.yaml")).replace("\"NO\", ", "NO, ");
        Path file = Files.writeString(dir.resolve("returns.yaml"), yaml);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Returns.load(file));
        assertTrue(e.getMessage().contains("not quoted text: false"), e.getMessage());
    }
}
