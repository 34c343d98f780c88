package al.antitrafficking.etl.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Values that look like direct identifiers. Any such value refuses the whole file: the report names the
 * column, row and rule, never the value, and the value reaches no table and no log. For speed each row's
 * fields are joined once and each pattern runs once; only a matching row works out which column matched.
 */
public final class PiiRules {
    /** The rules, in the order they are reported. */
    public enum Rule { PERSONAL_NUMBER, PHONE_NUMBER, EMAIL_ADDRESS, PERSON_NAME }

    private static final String SEPARATOR = "\u0001";
    private final Map<Rule, String> patterns;

    private PiiRules(Map<Rule, String> patterns) {
        this.patterns = patterns;
    }

    /** Reads the given names from {@code conf/pii/given_names.txt} (one per line, # comments). */
    public static PiiRules load(Path givenNamesFile) {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(givenNamesFile, UTF_8)) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(Pattern.quote(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load given names " + givenNamesFile, e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("Cannot load given names: " + givenNamesFile + " lists none");
        }
        Map<Rule, String> p = new LinkedHashMap<>();
        // A letter, 8 digits, a letter: the Albanian personal number (NID).
        // Each pattern opens with a cheap look-ahead on its first characters, so most positions fail at once.
        p.put(Rule.PERSONAL_NUMBER, "(?=[A-Za-z][0-9])(?<![A-Za-z0-9])[A-Za-z][0-9]{8}[A-Za-z](?![A-Za-z0-9])");
        // Albanian mobiles (06x xxx xxxx, with or without +355) and international numbers.
        p.put(Rule.PHONE_NUMBER, "(?=[+0])(?<![\\w-])(?:(?:(?:\\+|00)355[\\s-]?|0)6[6-9][\\s-]?[0-9]{3}[\\s-]?[0-9]{4}"
                + "|\\+[0-9]{1,3}[\\s-]?[0-9]{2,4}[\\s-]?[0-9]{3}[\\s-]?[0-9]{3,4})(?![\\w-])");
        // Runs are bounded (an address has at most 64 characters before the @ and 63 per domain label) and possessive: linear time on any text.
        p.put(Rule.EMAIL_ADDRESS, "[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.){1,8}+[A-Za-z]{2,24}+");
        p.put(Rule.PERSON_NAME, "(?=\\p{Lu})(?<!\\p{L})(?:" + String.join("|", names) + ")\\s{1,3}+\\p{Lu}\\p{Ll}{1,40}+");
        return new PiiRules(Map.copyOf(p));
    }

    /** The Java pattern of a rule (for tests and the region-side tool). */
    public Pattern pattern(Rule rule) {
        return Pattern.compile(patterns.get(rule));
    }

    /**
     * A struct (field, rule) for the first identifier-like value of the row in the given text columns, or
     * null when there is none.
     */
    Column firstMatch(List<String> columns) {
        Column joined = concat_ws(SEPARATOR, columns.stream().map(c -> coalesce(col(c), lit(""))).toArray(Column[]::new));
        Column any = null;
        for (Rule rule : Rule.values()) {
            Column hit = matches(joined, rule);
            any = any == null ? hit : any.or(hit);
        }
        List<Column> perField = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            for (String c : columns) {
                perField.add(when(matches(col(c), rule), struct(lit(c).as("field"), lit(rule.name()).as("rule"))));
            }
        }
        return when(any, coalesce(perField.toArray(Column[]::new)));
    }

    /**
     * A rule's match on a text column. The e-mail pattern runs only on text holding an '@': on a long run of
     * letters without one, every start position would otherwise scan to the end (quadratic time).
     */
    private Column matches(Column text, Rule rule) {
        Column match = text.rlike(patterns.get(rule));
        return rule == Rule.EMAIL_ADDRESS ? text.contains("@").and(match) : match;
    }
}
