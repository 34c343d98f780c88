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
    private static final java.util.concurrent.ScheduledExecutorService TIMER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "body-deadline");
                t.setDaemon(true);
                return t;
            });
    private final Semaphore all;
    private final int perAddress;
    private final java.time.Duration deadline;
    private final java.time.Duration uploadDeadline;
    private final ConcurrentHashMap<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    public BodyGate(int all, int perAddress) {
        this(all, perAddress, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(120));
    }

    /**
     * A request holding a place must be done within {@code deadline} ({@code uploadDeadline} for a file a clerk sends):
     * a body trickled a byte at a time, each before the idle timeout, would otherwise hold its place for ever. Past the
     * deadline its connection is closed, which ends the read and frees the thread and the place.
     */
    public BodyGate(int all, int perAddress, java.time.Duration deadline, java.time.Duration uploadDeadline) {
        this.all = new Semaphore(all);
        this.perAddress = perAddress;
        this.deadline = deadline;
        this.uploadDeadline = uploadDeadline;
    }

    /** Held while the request is handled; closing it lets the next one in. */
    public final class Pass implements AutoCloseable {
        private final String address;
        private volatile java.util.concurrent.ScheduledFuture<?> cutoff;

        private Pass(String address) {
            this.address = address;
        }

        @Override
        public void close() {
            if (cutoff != null) {
                cutoff.cancel(false);
            }
            byAddress.computeIfPresent(address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
            all.release();
        }
    }

    /** A place for a request of {@code ctx}, cut off at the deadline; 503 at once when there is none. */
    public Pass enter(String address, io.javalin.http.Context ctx) {
        Pass pass = enter(address);
        java.time.Duration limit = ctx.path().equals(al.antitrafficking.portal.access.WebGuard.UPLOADS) ? uploadDeadline : deadline;
        pass.cutoff = TIMER.schedule(() -> cut(ctx), limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return pass;
    }

    private static void cut(io.javalin.http.Context ctx) {
        try {
            org.eclipse.jetty.ee10.servlet.ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                    .getEndPoint().close();
        } catch (RuntimeException e) {
            // The request ended meanwhile: nothing to cut.
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
