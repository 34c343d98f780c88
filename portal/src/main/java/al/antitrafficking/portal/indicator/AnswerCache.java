package al.antitrafficking.portal.indicator;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Public answers serialised once. A release never changes once published, and what an answer says about "not yet due"
 * changes only at midnight in Tirana (deadlines are days there), so the same question about the same release on the
 * same day gets the same bytes: the portal looks them up instead of assembling and serialising them again for every
 * caller (the overview's calls under fifty connections spent most of their time doing that). Only answers that were
 * given are kept: a refusal is worked out again. Bounded by entries and by bytes, least recently used first out, so a
 * caller cycling through many questions costs memory no more than the bound.
 */
public final class AnswerCache {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");

    private final Clock clock;
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<byte[]>> inFlight =
            new java.util.concurrent.ConcurrentHashMap<>();
    private long bytes;
    private long hits;
    private long misses;

    public AnswerCache(Clock clock, int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("An answer cache needs room for at least one answer");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * Answers {@code ctx} with the JSON of what {@code answer} gives for this request about release {@code releaseId}:
     * from the cache when the same path and parameters were answered today, otherwise computed, serialised and kept.
     * Whatever {@code answer} throws (a refusal) reaches the caller unchanged and nothing is kept.
     */
    public void json(Context ctx, String releaseId, Supplier<Object> answer) {
        String key = key(releaseId, ctx.path(), ctx.queryParamMap(), LocalDate.now(clock.withZone(TIRANA)));
        byte[] body = get(key, () -> ctx.jsonMapper().toJsonString(answer.get(), Object.class).getBytes(StandardCharsets.UTF_8));
        ctx.contentType("application/json").result(body);
    }

    /** The bytes kept under {@code key}, or made by {@code make} and kept. */
    byte[] get(String key, Supplier<byte[]> make) {
        synchronized (this) {
            byte[] kept = entries.get(key);
            if (kept != null) {
                hits++;
                return kept;
            }
            misses++;
        }
        // One caller works an answer out; others asking the same meanwhile (fifty at once when a release is new) wait for it.
        java.util.concurrent.CompletableFuture<byte[]> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                // The first caller was refused or failed: this one finds out for itself.
                return make.get();
            }
        }
        try {
            // The one before may have finished between this caller's look and now: its answer is kept by then.
            synchronized (this) {
                byte[] kept = entries.get(key);
                if (kept != null) {
                    mine.complete(kept);
                    return kept;
                }
            }
            byte[] made = make.get();
            put(key, made);
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** What makes two requests the same question: the release, the path, the parameters in a fixed order, the day. */
    static String key(String releaseId, String path, Map<String, List<String>> parameters, LocalDate day) {
        StringBuilder key = new StringBuilder(releaseId).append(' ').append(day).append(' ').append(path);
        new TreeMap<>(parameters).forEach((name, values) -> {
            key.append('\u0000').append(name);
            values.forEach(v -> key.append('\u0001').append(v));
        });
        return key.toString();
    }

    private synchronized void put(String key, byte[] body) {
        long size = body.length + 2L * key.length();
        if (size > maxBytes) {
            return;
        }
        byte[] old = entries.put(key, body);
        if (old != null) {
            bytes -= old.length + 2L * key.length();
        }
        bytes += size;
        Iterator<Map.Entry<String, byte[]>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, byte[]> e = eldest.next();
            bytes -= e.getValue().length + 2L * e.getKey().length();
            eldest.remove();
        }
    }

    /** Entries, bytes held, hits and misses so far, for tests and the benchmark. */
    public synchronized List<Long> figures() {
        return List.of((long) entries.size(), bytes, hits, misses);
    }
}
