package al.antitrafficking.warehouse.pii;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Each thread keeps its own matchers of the guard's patterns for as long as it lives (the file scan's threads, the portal's
 * request threads): what they hold must not outlive a check. Neither a checked value (which may be a child's phone
 * number) nor a guard that is no longer used stays reachable from them; the garbage collector is the judge.
 */
class NumberPatternsTest {
    private static Properties patterns() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(PiiGuardTest.ROOT.resolve("conf/pii").resolve(PiiGuard.PATTERNS), UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void noCheckedValueStaysReachableFromTheThreadsMatchers() throws Exception {
        NumberPatterns numbers = new NumberPatterns(patterns());
        List<WeakReference<String>> checked = new ArrayList<>();
        // Found and not found, by each check: the phone check also tries a number beside another part by part.
        for (String text : List.of("069 123 4567", "+355 69 123 4567", "on 0691234567 24 hours", "J12345678K",
                "arta.hoxha@example.com", "2025-03-14 10:22", "BORDER-AL07-202503-000017")) {
            checked.add(checkAndForget(numbers, text));
        }
        collect(checked);

        assertThat(checked).allSatisfy(r -> assertThat(r.get()).isNull());
        // The matchers the values went through are still there: the thread's own, with the patterns alive.
        assertThat(numbers.phone("069 123 4567")).isTrue();
        Reference.reachabilityFence(numbers);
    }

    /** Checks a copy of the text that nothing else holds, with every check, and returns a weak reference to it. */
    private static WeakReference<String> checkAndForget(NumberPatterns numbers, String text) {
        String value = new String(text.toCharArray());
        boolean any = numbers.phone(value) | numbers.personalNumber(value) | numbers.email(value);
        assertThat(any).as(text).isEqualTo(!text.startsWith("2025") && !text.startsWith("BORDER"));
        return new WeakReference<>(value);
    }

    @Test
    void aGuardNoLongerUsedIsNotKeptByTheThreadsThatUsedIt() throws Exception {
        List<WeakReference<NumberPatterns>> dropped = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dropped.add(useAndDrop());
        }
        collect(dropped);

        assertThat(dropped).allSatisfy(r -> assertThat(r.get()).isNull());
    }

    private static WeakReference<NumberPatterns> useAndDrop() throws Exception {
        NumberPatterns numbers = new NumberPatterns(patterns());
        assertThat(numbers.phone("069 123 4567")).isTrue();
        assertThat(numbers.email("arta.hoxha@example.com")).isTrue();
        return new WeakReference<>(numbers);
    }

    /** Asks for collections until every reference is cleared, at most fifty times. */
    private static void collect(List<? extends WeakReference<?>> references) throws InterruptedException {
        for (int i = 0; i < 50 && references.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
    }
}
