package al.antitrafficking.warehouse.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a value reads as a person's name, from its words ({@link Words}) and the lists ({@link NameLists}).
 *
 * <p>A word is a <em>name</em> when it is a given name or a surname, <em>ambiguous</em> when it is a name and also a
 * place or ordinary word (Dibra, Berati), <em>unknown</em> when it is none of these (three letters or more). The
 * value is a name when: two words are names and at least one of them is not ambiguous ("Hoxha Arta", "ARTA_HOXHA",
 * "Jordan Hoxha"); or a name that is not ambiguous stands beside an unknown word (a surname or given name not on the
 * lists: "Xhuljeta Hoxha", "Arta Qerkezaj"); or the value is one Albanian given name alone ("Arta"); or a single
 * long word splits into a given name and a name ("artahoxha"); or it holds letters of another script (Greek,
 * Cyrillic, Arabic: the contract's values are Latin). A surname alone is no alarm: too many are also places.
 */
final class NameDetector {
    private static final Pattern OTHER_SCRIPT = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]{2}");
    private static final int MIN_SPLIT = 3;
    /** No name is longer: a longer word is not split (and a value of megabytes costs no more than its length). */
    private static final int MAX_JOINED = 40;

    private final NameLists lists;

    NameDetector(NameLists lists) {
        this.lists = lists;
    }

    /** True when the value reads as a name; {@code placeColumn} says a known place there is no alarm. */
    boolean isName(String value) {
        // ASCII letters are all Latin: no other script to find in an ASCII value.
        if (!Words.ascii(value) && OTHER_SCRIPT.matcher(value).find()) {
            return true;
        }
        List<String> words = Words.of(value);
        if (words.isEmpty() || lists.placePhrases().contains(String.join(" ", words))) {
            return false;
        }
        int strong = 0;
        int ambiguous = 0;
        int unknown = 0;
        for (String w : words) {
            boolean given = lists.given().contains(w) || (w.length() >= 3 && lists.internationalGiven().contains(w));
            boolean name = given || lists.surnames().contains(w);
            if (name) {
                if (lists.notNames().contains(w)) {
                    ambiguous++;
                } else {
                    strong++;
                }
            } else if (w.length() >= 3 && !lists.notNames().contains(w)) {
                unknown++;
            }
        }
        if (strong >= 1 && strong + ambiguous >= 2) {
            return true;
        }
        if (strong >= 1 && unknown >= 1 && words.size() <= 4) {
            return true;
        }
        if (words.size() == 1) {
            String w = words.get(0);
            return strong == 1 && lists.given().contains(w) || unknown == 1 && joinedName(w);
        }
        return false;
    }

    /**
     * True when running text (a finding, an action, a note) holds a name, judged clause by clause: two adjacent names
     * of which at least one is an Albanian name that is not ambiguous ("Arben Hoxha", "HOXHA Arben", "Hoxha, Arben",
     * "John Hoxha"); such a name beside an unknown word, both written with a capital ("Arta Qerkezaj"), or an
     * international given name followed by one ("Julie Qerkezaj"); an Albanian given name written with a capital inside
     * a sentence ("met Arben's mother"); or letters of another script.
     *
     * <p>Prose is not a value. A lower-case word beside a name is an ordinary word ("mark the date"), not a surname
     * off the lists, and a capital that opens a sentence says nothing (Albanian words such as Drita, Shpresa and Jeta
     * are also given names). The international given names are an English list of which many entries are English
     * words (Will, Read, Red, Cross): in prose they count only with a capital inside a sentence, and two of them side
     * by side are no alarm (the Red Cross).
     */
    boolean inText(String text) {
        if (OTHER_SCRIPT.matcher(text).find()) {
            return true;
        }
        for (List<Words.Word> clause : Words.clauses(text)) {
            Kind previous = Kind.OTHER;
            boolean previousCapital = false;
            for (Words.Word w : clause) {
                Kind kind = kind(w);
                if (kind == Kind.STRONG && previous.name || previous == Kind.STRONG && kind.name) {
                    return true;
                }
                if (w.capital() && previousCapital && (kind == Kind.STRONG && previous == Kind.UNKNOWN
                        || kind == Kind.UNKNOWN && (previous == Kind.STRONG || previous == Kind.INTERNATIONAL))) {
                    return true;
                }
                if (w.capital() && !w.opensSentence() && kind == Kind.STRONG && lists.given().contains(w.folded())) {
                    return true;
                }
                previous = kind;
                previousCapital = w.capital();
            }
        }
        return false;
    }

    /**
     * A word of prose: an Albanian given name or surname (STRONG, or AMBIGUOUS when also a place or ordinary word), an
     * international given name with a capital inside a sentence, a word on no list, or OTHER.
     */
    private enum Kind {
        STRONG(true), AMBIGUOUS(true), INTERNATIONAL(true), UNKNOWN(false), OTHER(false);

        final boolean name;

        Kind(boolean name) {
            this.name = name;
        }
    }

    private Kind kind(Words.Word word) {
        String w = word.folded();
        boolean notName = lists.notNames().contains(w);
        if (lists.given().contains(w) || lists.surnames().contains(w)) {
            return notName ? Kind.AMBIGUOUS : Kind.STRONG;
        }
        if (w.length() >= 3 && lists.internationalGiven().contains(w)) {
            return !word.capital() || word.opensSentence() ? Kind.OTHER : notName ? Kind.AMBIGUOUS : Kind.INTERNATIONAL;
        }
        return w.length() >= 3 && !notName ? Kind.UNKNOWN : Kind.OTHER;
    }

    /** A single word made of a given name and another name without a separator ("artahoxha", "hoxhaarta"). */
    private boolean joinedName(String word) {
        if (word.length() > MAX_JOINED) {
            return false;
        }
        for (int i = MIN_SPLIT; i <= word.length() - MIN_SPLIT; i++) {
            String head = word.substring(0, i);
            String tail = word.substring(i);
            boolean headGiven = lists.given().contains(head);
            boolean tailGiven = lists.given().contains(tail);
            if (headGiven && (tailGiven || lists.surnames().contains(tail)) || tailGiven && lists.surnames().contains(head)) {
                return true;
            }
        }
        return false;
    }
}
