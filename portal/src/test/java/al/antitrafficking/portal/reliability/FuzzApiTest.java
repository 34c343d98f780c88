package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.PortalApp;
import al.antitrafficking.portal.PortalFixture;
import al.antitrafficking.portal.PortalServices;
import al.antitrafficking.portal.Route;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.portal.access.PortalSecurity;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile requests on every route of the route table (see {@link HostileRequests} for what is sent and
 * {@link ApiFuzz} for what is checked), over the test warehouse's release and a store of this test's own. The default suite
 * sends 150; {@code bin/fuzz-api} sends more ({@code -Dfuzz.api.requests=N}, {@code -Dfuzz.api.seed=S} to repeat a run) and
 * keeps the report in {@code portal/target/fuzz-api.md} (every request's status in {@code fuzz-api-answers.txt}).
 */
class FuzzApiTest {
    static final PortalFixture FIXTURE = PortalFixture.get();

    @TempDir
    Path dir;

    @Test
    void hostileRequestsOnEveryRouteGetAPlainJsonRefusalNeverA5xxNorJavaNamesAndARefusedOneWritesNothing() throws Exception {
        int count = Integer.getInteger("fuzz.api.requests", 150);
        long seed = Long.getLong("fuzz.api.seed", System.nanoTime());
        DuckDbForumStore store = TestPortal.store(dir, FIXTURE.release());
        TestPortal.addAccounts(store);
        // The portal's settings and the real clock (backups are named by the millisecond), but failed sign-ins never lock an
        // account or the address: the fuzz sends many on purpose, and must be able to sign a caller in again after it signed
        // out (throttling is AccessTest's).
        PortalSecurity loopback = PortalSecurity.loopback();
        PortalSecurity security = new PortalSecurity(loopback.allowedHosts(), loopback.trustedProxies(), Optional.empty(), loopback.sessionIdle(),
                loopback.sessionMax(), 1_000_000, Duration.ofMinutes(15));
        PortalServices services = new PortalServices(FIXTURE.releases, store, store.users(), store.audit(), TestPortal.ACCESS, TestPortal.TERRITORY,
                java.time.Clock.systemUTC(), dir.resolve("backups"), 30, security, FIXTURE.releases.internalAccess("256MB", 2), TestPortal.INSTITUTIONS,
                TestPortal.uploads(store, dir.resolve("incoming"), java.time.Clock.systemUTC()), TestPortal.LABELS);
        List<Route> routes = PortalApp.routes(services);
        Javalin app = PortalApp.create(services).start("127.0.0.1", 0);
        ApiFuzz.Result result;
        long started = System.nanoTime();
        try {
            result = new ApiFuzz(app.port(), store, routes, List.of(TestPortal.ROOT.toAbsolutePath().normalize().toString(), FIXTURE.dir.toString(),
                    dir.toString(), "/tmp/", "/work/", "/home/", "/root/"), seed).run(count);
        } finally {
            app.stop();
            store.close();
        }
        String report = report(result, (System.nanoTime() - started) / 1e9);
        System.out.print(report);
        Files.writeString(Path.of("target", "fuzz-api.md"), report, UTF_8);
        Files.write(Path.of("target", "fuzz-api-failures.txt"), result.failures(), UTF_8);
        Files.write(Path.of("target", "fuzz-api-answers.txt"), result.answers(), UTF_8);

        // The seed in the failure itself: the report above goes to the test output file, which a clean clone removes.
        assertThat(result.failures()).as("failed checks (repeat with: bin/fuzz-api %d %d)", count, result.seed()).isEmpty();
        assertThat(result.byRoute()).as("every route was tried").hasSize(routes.size());
        assertThat(result.refusedUnchanged()).isEqualTo(result.refused()).isPositive();
    }

    private static String report(ApiFuzz.Result r, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "API fuzz, seed %d: %,d malformed or hostile requests over %d routes in %.0f s; %,d refused "
                + "(the store unchanged by every one: %,d), %,d accepted; failed checks: %d%n%n", r.seed(), r.requests(), r.byRoute().size(),
                seconds, r.refused(), r.refusedUnchanged(), r.accepted(), r.failures().size()));
        s.append("By status: ").append(statuses(r.byStatus())).append("\n\nBy what was made wrong:\n\n| part | requests | statuses |\n|---|---|---|\n");
        r.byPart().forEach((part, statuses) -> s.append("| ").append(part).append(" | ")
                .append(statuses.values().stream().mapToInt(Integer::intValue).sum()).append(" | ").append(statuses(statuses)).append(" |\n"));
        s.append("\nBy route:\n\n| route | requests | statuses |\n|---|---|---|\n");
        r.byRoute().forEach((route, statuses) -> s.append("| `").append(route).append("` | ")
                .append(statuses.values().stream().mapToInt(Integer::intValue).sum()).append(" | ").append(statuses(statuses)).append(" |\n"));
        if (!r.failures().isEmpty()) {
            s.append("\nFailed checks by kind (all of them in fuzz-api-failures.txt):\n\n| kind | count | example |\n|---|---|---|\n");
            Map<String, List<String>> kinds = new java.util.TreeMap<>();
            for (String f : r.failures()) {
                kinds.computeIfAbsent(kind(f), k -> new java.util.ArrayList<>()).add(f);
            }
            kinds.forEach((kind, all) -> s.append("| ").append(kind).append(" | ").append(all.size()).append(" | ")
                    .append(all.get(0).replace('\n', ' ').replace("|", "\\|"), 0, Math.min(300, all.get(0).length())).append(" |\n"));
        }
        return s.toString();
    }

    /** A failed check's kind: what was made wrong (without its values) and what went wrong (without the answer). */
    private static String kind(String failure) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((BODY|PATH|QUERY|HEADER|PROTOCOL): ([^0-9:(=]*)").matcher(failure);
        String made = m.find() ? m.group(1).toLowerCase(Locale.ROOT) + " " + m.group(2).strip() : "?";
        String problem = failure.substring(failure.indexOf("): ") + 3).replaceAll("[:(,].*", "").strip();
        return made + ": " + problem;
    }

    private static String statuses(Map<Integer, Integer> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((status, n) -> s.append(s.length() == 0 ? "" : ", ").append(status == 0 ? "no answer" : status).append(": ").append(n));
        return s.toString();
    }
}
