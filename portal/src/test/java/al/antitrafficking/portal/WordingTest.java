package al.antitrafficking.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * One wording across the project: the pages' labels of dimensions and values are conf/reference/value_labels.csv's, the
 * Albanian names of institutions use the glossary's terms, and every glossary term says where it comes from.
 */
class WordingTest {
    static final Path ROOT = TestPortal.ROOT;
    static final CSVFormat HEADED = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();

    private static List<CSVRecord> csv(String path) throws IOException {
        return HEADED.parse(Files.newBufferedReader(ROOT.resolve(path), UTF_8)).getRecords();
    }

    /** The val.* and dim.* entries of one language's dictionary in app.js, keyed dimension.code (code * for dim.*). */
    private static Map<String, String> pageLabels(String lang) throws IOException {
        String js = Files.readString(ROOT.resolve("portal/src/main/resources/public/app.js"), UTF_8);
        int sq = js.indexOf("sq: {");
        int en = js.indexOf("en: {");
        String part = lang.equals("sq") ? js.substring(sq, en) : js.substring(en);
        Map<String, String> labels = new HashMap<>();
        Matcher m = Pattern.compile("'(val|dim)\\.([a-z_]+)(?:\\.([^']*))?': '([^']*)'").matcher(part);
        while (m.find()) {
            labels.put(m.group(2) + "." + (m.group(1).equals("dim") ? "*" : m.group(3)), m.group(4));
        }
        return labels;
    }

    @Test
    void thePagesLabelDimensionsAndValuesAsTheReferenceFileDoes() throws IOException {
        Map<String, String> sq = new HashMap<>();
        Map<String, String> en = new HashMap<>();
        for (CSVRecord r : csv("conf/reference/value_labels.csv")) {
            sq.put(r.get("dimension") + "." + r.get("code"), r.get("sq"));
            en.put(r.get("dimension") + "." + r.get("code"), r.get("en"));
        }

        assertThat(pageLabels("sq")).isEqualTo(sq);
        assertThat(pageLabels("en")).isEqualTo(en);
    }

    @Test
    void institutionsAreNamedInAlbanianWithTheGlossarysTerms() throws IOException {
        Map<String, String> terms = new HashMap<>();
        for (CSVRecord r : csv("conf/glossary.csv")) {
            terms.put(r.get("term_en"), r.get("term_sq"));
            assertThat(r.get("basis")).as(r.get("term_sq")).isNotBlank();
            assertThat(r.get("source")).as(r.get("term_sq")).isNotBlank();
        }
        Map<String, String> byKind = Map.of("anti-trafficking-committee", terms.get("Regional Anti-trafficking Committee"),
                "border-police", "Drejtoria e " + terms.get("Border Police").replace("Policia", "Policisë"),
                "social-services", terms.get("Regional Directorate of Social Services"), "county-council", terms.get("County Council"));

        for (CSVRecord r : csv("conf/reference/institutions.csv")) {
            String kind = r.get("kind");
            if (byKind.containsKey(kind)) {
                assertThat(r.get("name_sq")).as(r.get("id")).startsWith(byKind.get(kind) + " ");
            } else if (kind.equals("national")) {
                assertThat(terms.values()).as(r.get("id")).contains(r.get("name_sq"));
            } else {
                assertThat(r.get("name_sq")).as("an organisation keeps its own name").isEqualTo(r.get("name"));
            }
        }
        String js = Files.readString(ROOT.resolve("portal/src/main/resources/public/app.js"), UTF_8);
        assertThat(js).contains("'source.cpu': 'Njësitë për Mbrojtjen e Fëmijëve'").doesNotContain("Njësitë e Mbrojtjes së Fëmijës");
    }
}
