package al.antitrafficking.portal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;

/**
 * A benchmark, not a test: one client asks a running portal each path {@code calls} times (after 5 warm-up calls) and
 * prints a Markdown row per path: status, bytes, nearest-rank p50, p95 and max in milliseconds. Figures and the command
 * are in {@code docs/disclosure.md} ("Latency of public answers").
 *
 * <pre>java -cp portal/target/test-classes al.antitrafficking.portal.bench.AnswerLatency http://127.0.0.1:7070 200 /api/v1/snapshot ...</pre>
 */
public final class AnswerLatency {
    private AnswerLatency() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int calls = Integer.parseInt(args[1]);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 2; i < args.length; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + args[i])).build();
            for (int w = 0; w < 5; w++) {
                client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            long[] nanos = new long[calls];
            HttpResponse<byte[]> last = null;
            for (int k = 0; k < calls; k++) {
                long start = System.nanoTime();
                last = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                nanos[k] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "| `%s` | %d | %,d | %.1f | %.1f | %.1f |%n", args[i], last.statusCode(), last.body().length,
                    nanos[calls / 2] / 1e6, nanos[(int) Math.ceil(calls * 0.95) - 1] / 1e6, nanos[calls - 1] / 1e6);
        }
    }
}
