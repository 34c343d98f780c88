package al.antitrafficking.warehouse.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guard reads formats and words character by character where it used regular expressions (they cost a third of the
 * ETL's file scan). Each check here is held to the pattern it replaced, written out in the test, on edge values and on
 * random strings over the characters that matter (digits of other scripts, hexadecimal letters, signs, accents, letters of
 * other scripts).
 */
class ColumnGuardFormatsTest {
    private static final String ALPHABET = "0123456789abcdefABCDEFgzGZ-+ _.\u0663\u0966\uff11éËçÇ\u0301ßǅʰаΑ\t\n/";
    private static final int RANDOM_VALUES = 100_000;

    @Test
    void theFormatChecksAcceptExactlyWhatTheirPatternsMatched() {
        Pattern hex64 = Pattern.compile("[0-9a-fA-F]{64}");
        Pattern date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
        Pattern age = Pattern.compile("\\d{1,3}|0-5|6-11|12-14|15-17|18\\+");
        List<String> values = new ArrayList<>(List.of("", "0", "12", "120", "1200", "0-5", "6-11", "12-14", "15-17", "18+", "18",
                "18-", "0-50", "2024-01-31", "2024-1-31", "2024-01-3\u0663", "\u0662024-01-31", "2024/01/31", "2024-01-311",
                "a".repeat(64), "A".repeat(63) + "g", "0123456789abcdefABCDEF".repeat(3).substring(0, 64), "f".repeat(65)));
        Random random = new Random(20261202L);
        for (int i = 0; i < RANDOM_VALUES; i++) {
            values.add(random(random, 1 + random.nextInt(12)));
        }
        for (int i = 0; i < 2_000; i++) {
            // Hexadecimal-looking values of 64 characters, one character changed at random now and then.
            StringBuilder hex = new StringBuilder();
            for (int j = 0; j < 64; j++) {
                hex.append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
            }
            if (random.nextBoolean()) {
                hex.setCharAt(random.nextInt(64), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(hex.toString());
            values.add(String.format(Locale.ROOT, "%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(100), random.nextInt(100))
                    .replace('0', random.nextInt(4) == 0 ? '\u0660' : '0'));
        }
        int matched = 0;
        for (String v : values) {
            assertEquals(hex64.matcher(v).matches(), ColumnGuard.hex64(v), () -> "hex64 of " + v);
            assertEquals(date.matcher(v).matches(), ColumnGuard.isoDate(v), () -> "date of " + v);
            assertEquals(age.matcher(v).matches(), ColumnGuard.age(v), () -> "age of " + v);
            matched += hex64.matcher(v).matches() || date.matcher(v).matches() || age.matcher(v).matches() ? 1 : 0;
        }
        // The random values are not all refused: enough of them match a pattern for the comparison to mean something.
        assertEquals(true, matched > 1_000, "values matching a pattern: " + matched);
    }

    @Test
    void wordsOfAnAsciiValueAreTheWordsThePatternsFound() {
        Pattern camel = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
        Pattern notLetters = Pattern.compile("[^\\p{L}]+");
        Pattern marks = Pattern.compile("\\p{M}+");
        String ascii = "abcXYZ-_ .09'AlbaniaTiranaBORDER";
        List<String> values = new ArrayList<>(List.of("", "a", "ab", "aB", "AbCd", "BORDER-AL01-202401-000001", "ArtaHoxha",
                "arben hoxha", "x1y2zz", "--ab--", "aBcDeF"));
        Random random = new Random(7L);
        for (int i = 0; i < RANDOM_VALUES; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--) {
                s.append(ascii.charAt(random.nextInt(ascii.length())));
            }
            values.add(s.toString());
        }
        for (String v : values) {
            List<String> expected = new ArrayList<>();
            for (String part : notLetters.split(camel.matcher(v).replaceAll(" "))) {
                String w = marks.matcher(Normalizer.normalize(part, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
                if (w.length() >= 2) {
                    expected.add(w);
                }
            }
            assertEquals(expected, Words.of(v), () -> "words of " + v);
            assertEquals(marks.matcher(Normalizer.normalize(v, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT),
                    Words.fold(v), () -> "folded " + v);
        }
    }

    @Test
    void thePhoneSearchFindsWhatTheSearchWithoutItsShortcutsFound() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PiiGuardTest.ROOT.resolve("conf/pii/patterns.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        NumberPatterns numbers = new NumberPatterns(properties);
        // The search as it was before the digit count and the space check: every candidate, every run of its parts.
        Pattern candidate = Pattern.compile(properties.getProperty("phone-candidate"));
        Pattern notDate = Pattern.compile(properties.getProperty("phone-not-date"));
        int minDigits = Integer.parseInt(properties.getProperty("phone-min-digits"));
        List<Pattern> phones = new ArrayList<>();
        for (int i = 1; properties.getProperty("phone." + i) != null; i++) {
            phones.add(Pattern.compile(properties.getProperty("phone." + i)));
        }
        java.util.function.Predicate<String> isPhone = c -> {
            String digits = c.replaceAll("[^0-9]", "");
            String number = (c.startsWith("+") ? "+" : "") + digits;
            return digits.length() >= minDigits && !notDate.matcher(c).matches() && phones.stream().anyMatch(p -> p.matcher(number).matches());
        };
        java.util.function.Predicate<String> before = v -> {
            java.util.regex.Matcher m = candidate.matcher(v);
            while (m.find()) {
                String c = m.group().strip();
                if (isPhone.test(c)) {
                    return true;
                }
                String[] parts = c.split("\\s+");
                for (int from = 0; from < parts.length; from++) {
                    for (int to = from + 1; to <= parts.length; to++) {
                        if ((from > 0 || to < parts.length) && isPhone.test(String.join(" ", java.util.Arrays.copyOfRange(parts, from, to)))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
        List<String> pieces = List.of("069", "123", "4567", "0691234567", "+355", "00355", "355", "+383", "2025", "05/01/2024", "24",
                " ", "  ", "\t", "-", ".", "/", "(", ")", "+", "a", "Tel", "on", ",", "\u0663", "\uff11", "7", "0", "6");
        Random random = new Random(20261203L);
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder v = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                v.append(pieces.get(random.nextInt(pieces.size())));
            }
            String value = v.toString();
            boolean expected = before.test(value);
            assertEquals(expected, numbers.phone(value), () -> "phone in " + value);
            found += expected ? 1 : 0;
        }
        // Enough values hold a phone number, and enough do not, for the comparison to mean something.
        assertEquals(true, found > 2_000 && found < 98_000, "values with a phone number: " + found);
    }

    private static String random(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
