package al.antitrafficking.portal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one username, or ten times as many from one
 * address, further attempts are refused (without checking the password) until {@code lock} has passed since the last
 * failure. A success clears the username's count. Bounded memory: counts older than the lock are forgotten, and at most
 * {@value #MAX_KEYS} keys are kept.
 */
public final class SignInThrottle {
    static final int MAX_KEYS = 100_000;

    private record Count(int failures, Instant last) {}

    private final ConcurrentHashMap<String, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    public SignInThrottle(Clock clock, int maxFailures, Duration lock) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    /** How long to wait before trying again, if attempts for this username or from this address are locked now. */
    public Optional<Duration> locked(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byUser = wait(userKey(username), maxFailures, now);
        return byUser.isPresent() ? byUser : wait(addressKey(address), maxFailures * 10, now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (counts.size() > MAX_KEYS) {
            counts.values().removeIf(c -> now.isAfter(c.last().plus(lock)));
        }
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            counts.merge(key, new Count(1, now), (old, one) -> now.isAfter(old.last().plus(lock)) ? one
                    : new Count(old.failures() + 1, now));
        }
    }

    public void succeeded(String username) {
        counts.remove(userKey(username));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Count c = counts.get(key);
        if (c == null || c.failures() < limit || now.isAfter(c.last().plus(lock))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, c.last().plus(lock)));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
