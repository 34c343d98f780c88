package al.antitrafficking.warehouse.pii;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The word lists of {@code conf/pii/} folded for comparison ({@link Words#fold}): Albanian given names, international
 * given names, surnames (listed, and derived from the Albanian given names with the patronymic endings), and words
 * that are never names on their own (places, ordinary words).
 */
record NameLists(Set<String> given, Set<String> internationalGiven, Set<String> surnames, Set<String> notNames,
                 Set<String> placePhrases) {
    static final String GIVEN = "given_names.txt";
    static final String INTERNATIONAL = "given_names_international.txt";
    static final String SURNAMES = "surnames.txt";
    static final String NOT_NAMES = "not_names.txt";

    NameLists {
        given = Set.copyOf(given);
        internationalGiven = Set.copyOf(internationalGiven);
        surnames = Set.copyOf(surnames);
        notNames = Set.copyOf(notNames);
        placePhrases = Set.copyOf(placePhrases);
    }

    /**
     * Reads the lists; {@code places} are the names of the reference files and the contract's words, each a whole
     * phrase that is never an alarm in its own column and whose words never count as names on their own.
     */
    static NameLists load(Path piiDir, Patronymics patronymics, Collection<String> places) {
        Set<String> given = read(piiDir.resolve(GIVEN));
        Set<String> surnames = read(piiDir.resolve(SURNAMES));
        for (String g : given) {
            surnames.addAll(patronymics.of(g));
        }
        Set<String> notNames = read(piiDir.resolve(NOT_NAMES));
        Set<String> phrases = new HashSet<>();
        for (String place : places) {
            phrases.add(Words.phrase(place));
            notNames.addAll(Words.of(place));
        }
        for (String word : notNames) {
            phrases.add(word);
        }
        return new NameLists(given, read(piiDir.resolve(INTERNATIONAL)), surnames, notNames, phrases);
    }

    private static Set<String> read(Path file) {
        Set<String> words = new HashSet<>();
        try {
            for (String line : Files.readAllLines(file, UTF_8)) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(Words.fold(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the personal-data guard's list " + file, e);
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("Cannot load the personal-data guard: " + file + " lists no word");
        }
        return words;
    }

    /** The files read, for the rules fingerprint. */
    static List<String> files() {
        return List.of(GIVEN, INTERNATIONAL, SURNAMES, NOT_NAMES);
    }
}
