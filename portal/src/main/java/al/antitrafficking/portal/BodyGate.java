package al.antitrafficking.portal;

import io.javalin.http.HttpResponseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests that read a body at the same time, in all and per client address. A body arriving slowly holds a
 * server thread while it is read; without a bound a few hundred slow uploads take every thread and the portal stops
 * answering anyone. Beyond the bound a request is refused at once (503, try again) instead of waiting for a thread.
 */
public final class BodyGate {
    private final Semaphore all;
    private final int perAddress;
    private final ConcurrentHashMap<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    public BodyGate(int all, int perAddress) {
        this.all = new Semaphore(all);
        this.perAddress = perAddress;
    }

    /** Held while the request is handled; closing it lets the next one in. */
    public final class Pass implements AutoCloseable {
        private final String address;

        private Pass(String address) {
            this.address = address;
        }

        @Override
        public void close() {
            byAddress.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            all.release();
        }
    }

    public Pass enter(String address) {
        if (!all.tryAcquire()) {
            throw busy();
        }
        AtomicInteger mine = byAddress.compute(address, (k, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            count.incrementAndGet();
            return count;
        });
        if (mine.get() > perAddress) {
            byAddress.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            all.release();
            throw busy();
        }
        return new Pass(address);
    }

    private static HttpResponseException busy() {
        return new HttpResponseException(503, "The portal is busy; try again in a moment");
    }
}
