package al.antitrafficking.warehouse.pii;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the guard compares words: lower case, diacritics removed (ë → e, ç → c), and a value split into its words at
 * anything that is not a letter (spaces, '_', '-', '.', digits) and where a lower-case letter meets an upper-case
 * one ("ArtaHoxha"). Running text is cut into sentences (. ! ? line breaks) and clauses (; : brackets, quotes), its
 * words are split at anything that is not a letter only (in prose "WebJar" is one word), and each word keeps whether
 * it was written with a capital and whether it opens its sentence.
 */
final class Words {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\\n\\r]+");
    private static final Pattern CLAUSE_END = Pattern.compile("[;:()\\[\\]{}<>\"“”„«»\\t]+");

    /** A word of running text, folded; whether its first letter was a capital (Arben, HOXHA) and it opens a sentence. */
    record Word(String folded, boolean capital, boolean opensSentence) {}

    private Words() {}

    static String fold(String text) {
        if (ascii(text)) {
            // ASCII is its own decomposition and holds no marks: the same as below without two passes and a matcher.
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The folded words of a value, in order, of at least two letters. */
    static List<String> of(String value) {
        if (ascii(value)) {
            return asciiWords(value);
        }
        List<String> words = new ArrayList<>();
        for (String part : NOT_LETTERS.split(CAMEL.matcher(value).replaceAll(" "))) {
            String w = fold(part);
            if (w.length() >= 2) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * {@link #of} for an ASCII value, without the two patterns: in ASCII the letters are A-Z and a-z, so a word is a run
     * of them, cut again where a lower-case letter meets an upper-case one. The guard reads every field of every file;
     * the two patterns were a tenth of that scan.
     */
    private static List<String> asciiWords(String value) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean camel = letter && start >= 0 && c >= 'A' && c <= 'Z' && value.charAt(i - 1) >= 'a' && value.charAt(i - 1) <= 'z';
            if (start >= 0 && (!letter || camel)) {
                if (i - start >= 2) {
                    words.add(value.substring(start, i).toLowerCase(Locale.ROOT));
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** Whether every character of the text is ASCII. */
    static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A whole value folded for comparison with whole place names: words joined by single spaces. */
    static String phrase(String value) {
        return String.join(" ", of(value));
    }

    /** The clauses of running text, each as its words of at least two letters, in order. */
    static List<List<Word>> clauses(String text) {
        List<List<Word>> clauses = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            boolean first = true;
            for (String clause : CLAUSE_END.split(sentence)) {
                List<Word> words = new ArrayList<>();
                for (String part : NOT_LETTERS.split(clause)) {
                    String w = fold(part);
                    if (w.length() >= 2) {
                        words.add(new Word(w, Character.isUpperCase(part.codePointAt(0)), first));
                        first = false;
                    }
                }
                if (!words.isEmpty()) {
                    clauses.add(words);
                }
            }
        }
        return clauses;
    }
}
