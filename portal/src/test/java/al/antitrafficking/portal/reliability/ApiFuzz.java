package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.portal.Route;
import al.antitrafficking.portal.TestPortal;
import al.antitrafficking.portal.reliability.HostileRequests.Hostile;
import al.antitrafficking.portal.reliability.HostileRequests.Part;
import al.antitrafficking.portal.reliability.HostileRequests.Session;
import al.antitrafficking.warehouse.access.AccessRules;
import al.antitrafficking.warehouse.access.Capability;
import al.antitrafficking.warehouse.access.Role;
import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionFilter;
import al.antitrafficking.warehouse.forum.DuckDbForumStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sends {@link HostileRequests} to a portal, as an anonymous visitor and as each role's account, and checks every answer:
 * no 5xx; a refusal is JSON with a plain {@code error} message; no answer carries a stack trace, a Java class name or a
 * server path; a change without the session's token, from a foreign origin or not as JSON is refused; and a refused
 * request wrote nothing: the operational store's forums, actions, notes, histories and accounts read the same before and
 * after it (read from the store itself, in this JVM). What an accepted request changed becomes the new baseline.
 */
final class ApiFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Java class or package name, a stack frame, an exception's name. */
    private static final Pattern LEAK = Pattern.compile("\\b(java|javax|jdk|sun|kotlin|io\\.javalin|org\\.eclipse|org\\.duckdb|org\\.apache"
            + "|com\\.fasterxml|al\\.antitrafficking)\\.[a-zA-Z]|\\tat |\\bat [a-z]+\\.[a-z]+\\.|[A-Za-z]+Exception\\b|[A-Za-z]+Error:");

    /** One answer, as the client saw it. */
    record Answer(Hostile request, int status, String contentType, byte[] body) {}

    /** Outcomes: statuses by route and by what was made wrong, accepted and refused counts, every failed check, every answer's status. */
    record Result(long seed, int requests, Map<Integer, Integer> byStatus, Map<String, Map<Integer, Integer>> byRoute,
                  Map<String, Map<Integer, Integer>> byPart, int accepted, int refused, int refusedUnchanged, List<String> failures,
                  List<String> answers) {}

    private final int port;
    private final DuckDbForumStore store;
    private final List<Route> routes;
    private final List<String> serverPaths;
    private final long seed;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final long actionId;
    private final long forumId;

    /**
     * A fuzz of the portal on this port over this store (the one it writes), for these routes; {@code serverPaths} are
     * folders no answer may name. Makes what the valid requests edit: an action, a forum and an account {@code fuzzuser}.
     */
    ApiFuzz(int port, DuckDbForumStore store, List<Route> routes, List<String> serverPaths, long seed) {
        this.port = port;
        this.store = store;
        this.routes = routes;
        this.serverPaths = serverPaths;
        this.seed = seed;
        this.random = new Random(seed);
        this.actionId = store.createAction(new al.antitrafficking.warehouse.forum.ActionForm(2L, "joint case review of referrals",
                "coordination between different local structures is incomplete", "Regional Anti-trafficking Committee Kukës", "AL-07",
                "2027-06-30", List.of(), "Fuzz", null)).id();
        this.forumId = store.createForum(new al.antitrafficking.warehouse.forum.ForumForm("2026-02-10", "Sarande", "Forum në Sarandë",
                "Local forum", List.of("CPU Sarandë"), List.of("map referral gaps"), List.of("Border Police"), List.of("referrals take too long"),
                "minutes of the forum", "Fuzz", null)).id();
        store.users().create(new al.antitrafficking.warehouse.access.UserForm("fuzzuser", "Fuzz Target", "ministry_statistician", null, null,
                false, null), "a first password of 2026".toCharArray(), "test");
    }

    Result run(int count) {
        for (String username : TestPortal.ACCOUNT_OF_ROLE.values()) {
            passwords.put(username, TestPortal.password(username));
            signIn(username);
        }
        HostileRequests requests = new HostileRequests(seed, new HostileRequests.State() {
            public String releaseId() {
                return releaseIdNow();
            }

            public String statisticsId() {
                return al.antitrafficking.warehouse.release.StandardTables.STANDARD.get(0).id();
            }

            public long actionId() {
                return actionId;
            }

            public int actionVersion() {
                return action().version();
            }

            public String actionNextStatus() {
                return action().status().next().stream().map(Enum::name).filter(s -> !s.equals("DROPPED")).findFirst().orElse("DROPPED");
            }

            public long forumId() {
                return forumId;
            }

            public int forumVersion() {
                return store.findForum(forumId).orElseThrow().version();
            }

            public int fuzzUserVersion() {
                return store.users().find("fuzzuser").orElseThrow().version();
            }

            public String password(String caller) {
                return passwords.get(caller);
            }
        });
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byRoute = new TreeMap<>();
        Map<String, Map<Integer, Integer>> byPart = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        int unchanged = 0;
        String before = storeContents();
        for (int i = 0; i < count; i++) {
            Route route = routes.get(i % routes.size());
            String caller = caller(route);
            Hostile h = requests.next(route, caller, sessions.get(caller), sessions, "127.0.0.1:" + port);
            Answer a = send(h);
            answers.add(a.status() + " " + h.describe());
            byStatus.merge(a.status(), 1, Integer::sum);
            byRoute.computeIfAbsent(h.route(), k -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
            byPart.computeIfAbsent(h.part().name().toLowerCase(Locale.ROOT), k -> new TreeMap<>()).merge(a.status(), 1, Integer::sum);
            for (String problem : problems(a)) {
                failures.add(h.describe() + ": " + problem);
            }
            String after = storeContents();
            if (a.status() >= 200 && a.status() < 300) {
                accepted++;
                before = after;
                keepSignedIn(h, a);
            } else {
                refused++;
                if (after.equals(before)) {
                    unchanged++;
                } else {
                    failures.add(h.describe() + ": refused with " + a.status() + " but the store changed");
                    before = after;
                }
            }
        }
        return new Result(seed, count, byStatus, byRoute, byPart, accepted, refused, unchanged, failures, answers);
    }

    /** Mostly a caller the route lets in (so that the handler reads what was made wrong), else anyone, anonymous included. */
    private String caller(Route route) {
        List<String> everyone = new ArrayList<>();
        everyone.add("anonymous");
        everyone.addAll(TestPortal.ACCOUNT_OF_ROLE.values().stream().sorted().toList());
        List<String> allowed = everyone.stream().filter(c -> allows(route.need(), c)).toList();
        if (!allowed.isEmpty() && random.nextInt(10) < 7) {
            return allowed.get(random.nextInt(allowed.size()));
        }
        return everyone.get(random.nextInt(everyone.size()));
    }

    private static boolean allows(Route.Need need, String caller) {
        AccessRules rules = TestPortal.ACCESS;
        if (caller.equals("anonymous")) {
            return !need.signedIn() && need.anyOf().stream().anyMatch(rules.anonymous()::contains);
        }
        String role = TestPortal.ACCOUNT_OF_ROLE.entrySet().stream().filter(e -> e.getValue().equals(caller)).findFirst().orElseThrow().getKey();
        java.util.Set<Capability> can = rules.of(Role.of(role).orElseThrow());
        return need.anyOf().isEmpty() || need.anyOf().stream().anyMatch(can::contains);
    }

    private List<String> problems(Answer a) {
        List<String> problems = new ArrayList<>();
        if (a.status() == 0) {
            problems.add("no answer: the connection closed without a status");
            return problems;
        }
        // 505 is HTTP's own answer to a request line of another HTTP version: the client's fault, said in JSON like the rest.
        boolean otherVersion = a.status() == 505 && a.request().mutation().startsWith("request line ending");
        if (a.status() >= 500 && !otherVersion) {
            problems.add("answered " + a.status() + ": " + text(a, 200));
        }
        if (a.request().mustBeRefused() && a.status() < 400) {
            problems.add("a change the portal must refuse was answered " + a.status());
        }
        if (a.status() >= 400) {
            if (a.contentType() == null || !a.contentType().startsWith("application/json")) {
                problems.add("refused with " + a.status() + " as " + a.contentType() + ", not JSON: " + text(a, 200));
            } else {
                try {
                    JsonNode error = JSON.readTree(a.body()).get("error");
                    if (error == null || !error.isTextual() || error.asText().isBlank()) {
                        problems.add("refused with " + a.status() + " without an error message: " + text(a, 200));
                    }
                } catch (IOException e) {
                    problems.add("refused with " + a.status() + " with a body that is not JSON: " + text(a, 200));
                }
            }
        }
        boolean textual = a.contentType() == null || a.contentType().startsWith("application/json") || a.contentType().startsWith("text/");
        if (textual) {
            String body = new String(a.body(), UTF_8);
            java.util.regex.Matcher leak = LEAK.matcher(body);
            if (leak.find()) {
                problems.add("the answer names Java code (" + leak.group() + "): " + text(a, 300));
            }
            for (String path : serverPaths) {
                if (body.contains(path)) {
                    problems.add("the answer names a server path (" + path + ")");
                }
            }
        }
        return problems;
    }

    private static String text(Answer a, int max) {
        String s = new String(a.body(), UTF_8);
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    /** An accepted sign-out or change of password ends the caller's session: sign in again (with the new password). */
    private void keepSignedIn(Hostile h, Answer a) {
        if (!sessions.containsKey(h.caller())) {
            return;
        }
        if (h.route().equals("POST /api/v1/session/password") && h.method().equals("POST")) {
            try {
                passwords.put(h.caller(), JSON.readTree(h.body()).get("newPassword").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!signedIn(h.caller())) {
            signIn(h.caller());
        }
    }

    private boolean signedIn(String caller) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/session")).header("Cookie", sessions.get(caller).cookie()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return !JSON.readTree(r.body()).get("user").isNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void signIn(String username) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(HostileRequests.json(Map.of("username", username, "password",
                            passwords.get(username))))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("Cannot sign in as " + username + ": " + r.statusCode() + " " + r.body());
            }
            String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("nrm_session=")).findFirst().orElseThrow();
            sessions.put(username, new Session(cookie.substring(0, cookie.indexOf(';')), JSON.readTree(r.body()).get("csrfToken").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(Hostile h) {
        return h.raw() != null ? sendRaw(h) : sendWithClient(h);
    }

    private Answer sendWithClient(Hostile h) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(h.target())).timeout(Duration.ofSeconds(60))
                .method(h.method(), h.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(h.body()));
        h.headers().forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(h, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            // The server closed the connection without an answer (as Jetty does for some protocol errors).
            return new Answer(h, 0, null, String.valueOf(e).getBytes(UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the bytes as they are and reads the answer to the end (the request asks the server to close). The answer is
     * read while the request is still being written: a server refusing a request at its first bad bytes answers and
     * closes before it has read the rest, and what it answered must be read before the connection is reset.
     */
    private Answer sendRaw(Hostile h) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        synchronized (received) {
                            received.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // Reset after the answer: what was read is kept.
                }
            });
            reader.start();
            try {
                socket.getOutputStream().write(h.raw());
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server answered and closed before reading everything: its answer is read below.
            }
            reader.join(60_000);
            byte[] all;
            synchronized (received) {
                all = received.toByteArray();
            }
            int end = indexOf(all, "\r\n\r\n".getBytes(ISO_8859_1));
            if (end < 0) {
                return new Answer(h, 0, null, all);
            }
            String[] head = new String(all, 0, end, ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(h, status, headers.get("content-type"), body);
        } catch (IOException e) {
            return new Answer(h, 0, null, String.valueOf(e).getBytes(UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.isEmpty()) {
                return out.toByteArray();
            }
            int size = Integer.parseInt(line.toString().split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            in.readNBytes(2);
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    private URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }

    private String releaseIdNow() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/snapshot")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Action action() {
        return store.findAction(actionId).orElseThrow();
    }

    /** Everything a request could write that a refused one must not: forums, actions, their notes and histories, accounts. */
    private String storeContents() {
        StringBuilder s = new StringBuilder();
        s.append(store.forums()).append('\n');
        for (Action a : store.actions(ActionFilter.all())) {
            s.append(a).append(store.notes(a.id())).append(store.history(a.id())).append('\n');
        }
        s.append(store.users().users());
        return s.toString();
    }
}
