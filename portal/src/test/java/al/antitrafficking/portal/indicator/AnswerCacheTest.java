package al.antitrafficking.portal.indicator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The public answers' cache: what makes two questions the same, its bounds, refusals never kept, one computation at a time. */
class AnswerCacheTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void theSameQuestionIsTheSameWhateverTheOrderOfItsParametersButNotAcrossReleasesDaysPathsOrValues() {
        String key = AnswerCache.key("R1", "/api/v1/indicators/child_victims", Map.of("period", List.of("year"), "county", List.of("AL-07")), DAY);

        assertThat(AnswerCache.key("R1", "/api/v1/indicators/child_victims", ordered("county", "AL-07", "period", "year"), DAY)).isEqualTo(key);
        assertThat(List.of(
                AnswerCache.key("R2", "/api/v1/indicators/child_victims", ordered("county", "AL-07", "period", "year"), DAY),
                AnswerCache.key("R1", "/api/v1/indicators/child_victims", ordered("county", "AL-07", "period", "year"), DAY.plusDays(1)),
                AnswerCache.key("R1", "/api/v1/indicators/new_cpu_cases", ordered("county", "AL-07", "period", "year"), DAY),
                AnswerCache.key("R1", "/api/v1/indicators/child_victims", ordered("county", "AL-08", "period", "year"), DAY),
                // A value that holds the separator of names cannot pass for a second parameter.
                AnswerCache.key("R1", "/api/v1/indicators/child_victims", ordered("county", "AL-07\u0000period\u0001year", "x", ""), DAY)))
                .doesNotContain(key).doesNotHaveDuplicates();
    }

    private static Map<String, List<String>> ordered(String n1, String v1, String n2, String v2) {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put(n1, List.of(v1));
        m.put(n2, List.of(v2));
        return m;
    }

    @Test
    void aKeptAnswerIsGivenAgainWithoutWorkingItOut() {
        AnswerCache cache = new AnswerCache(CLOCK, 10, 1 << 20);
        AtomicInteger made = new AtomicInteger();

        byte[] first = cache.get("q", () -> bytes("answer " + made.incrementAndGet()));
        byte[] second = cache.get("q", () -> bytes("answer " + made.incrementAndGet()));

        assertThat(new String(second, UTF_8)).isEqualTo("answer 1");
        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
        assertThat(cache.figures()).containsExactly(1L, 8L + 2L, 1L, 1L);
    }

    @Test
    void aRefusalIsNotKeptAndTheNextCallerWorksTheAnswerOutAgain() {
        AnswerCache cache = new AnswerCache(CLOCK, 10, 1 << 20);
        AtomicInteger made = new AtomicInteger();

        assertThatThrownBy(() -> cache.get("q", () -> {
            made.incrementAndGet();
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");
        byte[] later = cache.get("q", () -> bytes("answer " + made.incrementAndGet()));

        assertThat(new String(later, UTF_8)).isEqualTo("answer 2");
        assertThat(cache.figures().get(0)).isEqualTo(1L);
    }

    @Test
    void keepsNoMoreAnswersThanItsBoundAndDropsTheLeastRecentlyUsedFirst() {
        AnswerCache cache = new AnswerCache(CLOCK, 3, 1 << 20);
        for (String q : List.of("a", "b", "c")) {
            cache.get(q, () -> bytes(q));
        }
        cache.get("a", () -> bytes("a again"));
        cache.get("d", () -> bytes("d"));

        // b was used least recently: it is gone, a is kept.
        assertThat(new String(cache.get("a", () -> bytes("a made again")), UTF_8)).isEqualTo("a");
        assertThat(new String(cache.get("b", () -> bytes("b made again")), UTF_8)).isEqualTo("b made again");
        assertThat(cache.figures().get(0)).isEqualTo(3L);
    }

    @Test
    void keepsNoMoreBytesThanItsBoundAndNeverAnAnswerLargerThanTheBound() {
        // Each entry costs its bytes and twice its key's length (a Java string's chars).
        AnswerCache cache = new AnswerCache(CLOCK, 100, 100);
        cache.get("k1", () -> new byte[40]);
        cache.get("k2", () -> new byte[40]);
        cache.get("k3", () -> new byte[40]);
        cache.get("huge", () -> new byte[200]);

        assertThat(cache.figures().get(1)).isLessThanOrEqualTo(100L);
        assertThat(cache.figures().get(0)).isEqualTo(2L);
        AtomicInteger made = new AtomicInteger();
        cache.get("huge", () -> {
            made.incrementAndGet();
            return new byte[200];
        });
        assertThat(made).as("an answer larger than the bound is never kept").hasValue(1);
    }

    @Test
    void fiftyCallersAskingTheSameNewQuestionAtOnceHaveItWorkedOutOnce() throws Exception {
        AnswerCache cache = new AnswerCache(CLOCK, 10, 1 << 20);
        AtomicInteger made = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.get("q", () -> {
                made.incrementAndGet();
                started.countDown();
                await(release);
                return bytes("slow answer");
            })));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 49; i++) {
                answers.add(pool.submit(() -> cache.get("q", () -> {
                    made.incrementAndGet();
                    return bytes("made twice");
                })));
            }
            // Every one of the 49 has missed the cache while the first is still working (each miss is counted first).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (cache.figures().get(3) < 50 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(cache.figures().get(3)).isEqualTo(50L);
            release.countDown();
            for (Future<byte[]> f : answers) {
                assertThat(new String(f.get(10, TimeUnit.SECONDS), UTF_8)).isEqualTo("slow answer");
            }
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
