package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.intake.Normalised;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/**
 * The closed formats the conformer checks character by character (ids, ages, the shape of dates), against what the
 * contract says (docs/data-contract.md), worked out here with the JDK's own parsers and a whole-string pattern.
 */
class ConformerFormatsTest {
    /** yyyy-MM-dd in ASCII digits, a real day (Feb 29 only in leap years), years 0000-9999. */
    private static final DateTimeFormatter CONTRACT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Test
    void aDateIsReadOnlyWhenWrittenYearMonthDayInDigitsAndARealDay() {
        List<String> texts = new ArrayList<>();
        for (String year : List.of("0000", "0001", "0999", "1582", "1900", "1999", "2000", "2023", "2024", "2100", "9999")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    texts.add(String.format("%s-%02d-%02d", year, month, day));
                }
            }
        }
        // Forms Spark's cast alone would read as a date, and others near the shape.
        texts.addAll(List.of("2024-1-05", "2024-01-5", "2024-01-05T", "2024-01-05T10:00", "2024-01-05 00:00:00", "2024-01-1T",
                "2024-01-1\t", "\t2024-01-1", "2024-01-1 ", "+2024-01-01", "-2024-01-01", "-123-01-01", "+123-01-01", "2024",
                "2024-01", "12024-01-05", "2024/01/05", "20240105", "2024-01-05\u2028", "2024-01-0\u0665", "\u0662\u0660\u0662\u0664-01-05",
                "2024-01-\uff10\uff15", "abcd-ef-gh", "", "+10000-01-01", "-0001-01-01", "+12024-01-05"));
        Map<String, LocalDate> expected = new HashMap<>();
        for (String text : texts) {
            expected.put(text, contractDate(text));
        }
        Map<String, LocalDate> actual = new HashMap<>();
        // Read back as year, month and day (Spark's calendar, proleptic Gregorian), not as java.sql.Date (a hybrid calendar).
        for (Row r : TestProject.spark().createDataset(texts, Encoders.STRING()).toDF("text")
                .withColumn("date", Conformer.date(functions.col("text")))
                .select(functions.col("text"), functions.year(functions.col("date")), functions.month(functions.col("date")),
                        functions.dayofmonth(functions.col("date"))).collectAsList()) {
            actual.put(r.getString(0), r.isNullAt(1) ? null : LocalDate.of(r.getInt(1), r.getInt(2), r.getInt(3)));
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(texts.stream().filter(t -> !java.util.Objects.equals(actual.get(t), expected.get(t)))
                .map(t -> t + ": " + actual.get(t) + " instead of " + expected.get(t)).toList()).isEmpty();
        assertThat(expected.values().stream().filter(d -> d != null).count()).isGreaterThan(4000);
        assertThat(expected).containsEntry("0000-02-29", LocalDate.of(0, 2, 29)).containsEntry("1900-02-29", null)
                .containsEntry("-2024-01-01", null).containsEntry("2024-01-05T", null);
    }

    @Test
    void aPseudonymIsSixtyFourHexadecimalDigitsInEitherCase() {
        java.util.regex.Pattern contract = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");
        String hex = "75b74c2b106c891920ffabec1489d10efc842611b8329c4f49291e3f687fedc2";
        List<String> texts = new ArrayList<>(List.of(hex, hex.toUpperCase(java.util.Locale.ROOT), "A" + hex.substring(1),
                hex.substring(1), hex + "0", "", "g" + hex.substring(1), " " + hex.substring(1), hex.substring(1) + "\u2028",
                // 64 characters in 65 bytes; 63 and 32 characters in 64 bytes (UTF-8): the bytes alone would take the last two.
                hex.substring(1) + "\u00e9", hex.substring(2) + "\u00e9", "\u00e9".repeat(32),
                // Digits of other scripts, full-width hexadecimal letters.
                hex.substring(1) + "\u0665", hex.substring(1) + "\uff21", "\uff10".repeat(64)));
        // Random texts of 62 to 66 characters, now and then one that is no hexadecimal digit (two of them two bytes long).
        Random random = new Random(20261204);
        String digits = "0123456789abcdefABCDEF";
        String others = "g\u00e9\u0665 ";
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 62 + random.nextInt(5), k = 0; k < n; k++) {
                b.append(random.nextInt(300) == 0 ? others.charAt(random.nextInt(others.length())) : digits.charAt(random.nextInt(digits.length())));
            }
            texts.add(b.toString());
        }
        Map<String, Boolean> actual = new HashMap<>();
        for (Row r : TestProject.spark().createDataset(texts, Encoders.STRING()).toDF("text")
                .select(functions.col("text"), Conformer.pseudonymShaped(functions.col("text"))).collectAsList()) {
            actual.put(r.getString(0), r.getBoolean(1));
        }
        assertThat(texts.stream().filter(t -> actual.get(t) != contract.matcher(t).matches())
                .map(t -> t + ": " + actual.get(t)).toList()).isEmpty();
        assertThat(texts.stream().filter(t -> contract.matcher(t).matches()).count()).isGreaterThan(400);
        assertThat(actual).containsEntry(hex, true).containsEntry(hex.substring(2) + "\u00e9", false)
                .containsEntry("\u00e9".repeat(32), false);
    }

    @Test
    void anAgeInYearsIsOneToThreeAsciiDigits() {
        assertThat(Conformer.ageYears("0")).isZero();
        assertThat(Conformer.ageYears("007")).isEqualTo(7);
        assertThat(Conformer.ageYears("120")).isEqualTo(120);
        assertThat(Conformer.ageYears("999")).isEqualTo(999);
        for (String notYears : List.of("", "1234", "-1", "+5", "5.0", " 5", "5 ", "\u0665", "14\u2028", "14\u0085", "1e2", "ten")) {
            assertThat(Conformer.ageYears(notYears)).as(notYears).isNull();
        }
    }

    @Test
    void anIdIsOneToSixtyFourLettersDigitsDotsUnderscoresOrHyphens() {
        Random random = new Random(19);
        // Every printable ASCII character (those just outside the ranges too: @ [ ` { / :), and line separators.
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c <= 0x7E; c++) {
            ascii.append(c);
        }
        String alphabet = "azAZ09._-";
        String others = ascii + "é\u2028\u2029\u0085\n\u0661";
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(67);
            StringBuilder id = new StringBuilder();
            for (int k = 0; k < length; k++) {
                boolean other = random.nextInt(30) == 0;
                String from = other ? others : alphabet;
                id.append(from.charAt(random.nextInt(from.length())));
            }
            String text = id.toString();
            // A whole-string match: no $ that would let a final line separator through.
            boolean expected = text.matches("[A-Za-z0-9._-]{1,64}");
            assertThat(Normalised.validId(text)).as(text).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).isBetween(2_000, 18_000);
        assertThat(Normalised.validId("BORDER-AL07-202503-000017")).isTrue();
        assertThat(Normalised.validId("B1\u2028")).isFalse();
        assertThat(Normalised.validId("x".repeat(65))).isFalse();
    }

    private static LocalDate contractDate(String text) {
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text, CONTRACT_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
