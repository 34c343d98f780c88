package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.portal.Route;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed and hostile requests made from the portal's route table. For every route a valid request is written out here
 * (its path parameters, query and body, see {@link #valid}); each hostile request is one of them with one thing made
 * wrong: its body (truncated, wrong types, huge strings, deep nesting, unknown fields, nulls, bytes that are not UTF-8,
 * not an object), a path parameter (ids written other ways, overlong, encoded slashes and dots, digits of other scripts),
 * its query (unknown values, far dates, repeated keys, huge values, unknown parameters), its headers (content types,
 * the CSRF token missing or wrong, a foreign Origin, a bad cookie, a huge header) or the protocol itself (bad escapes,
 * bytes that are not ASCII in the path, a foreign or missing Host, a broken chunked body), sent raw.
 */
final class HostileRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z]+)}");

    /** What was made wrong. */
    enum Part { BODY, PATH, QUERY, HEADER, PROTOCOL }

    /**
     * One request: the route and caller it was made for, what was made wrong, and what goes on the wire: over the HTTP
     * client ({@code target} with {@code headers} and {@code body}), or, when {@code raw} is set, those bytes as they are.
     * A change made without the session's token, from a foreign origin or without a JSON content type must be refused.
     */
    record Hostile(String route, String caller, Part part, String mutation, String method, String target, Map<String, String> headers,
                   byte[] body, byte[] raw, boolean mustBeRefused) {
        String describe() {
            return method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target) + " as " + caller + " (" + part + ": "
                    + mutation + ")";
        }
    }

    /** A valid request of a route: path parameters by name, the query (without '?', may be empty) and the JSON body or null. */
    record Valid(Map<String, String> path, String query, Map<String, Object> body) {}

    /** What a valid request needs to know now: ids made for the fuzz, versions, sessions. */
    interface State {
        String releaseId();

        String statisticsId();

        long actionId();

        int actionVersion();

        String actionNextStatus();

        long forumId();

        int forumVersion();

        int fuzzUserVersion();

        /** The password of a caller (for a change of their own password). */
        String password(String caller);
    }

    /** A caller's session: its cookie and token (empty for an anonymous caller). */
    record Session(String cookie, String csrfToken) {}

    private final Random random;
    private final State state;
    private int created;

    HostileRequests(long seed, State state) {
        this.random = new Random(seed);
        this.state = state;
    }

    /** One hostile request for this route, as this caller, with one part made wrong (drawn among those that apply). */
    Hostile next(Route route, String caller, Session session, Map<String, Session> others, String host) {
        String key = route.method().name() + " " + route.path();
        Valid valid = validFor(key, caller);
        boolean change = !route.method().name().equals("GET");
        List<Part> parts = new ArrayList<>(List.of(Part.QUERY, Part.HEADER, Part.PROTOCOL));
        if (valid.body() != null) {
            parts.add(Part.BODY);
            parts.add(Part.BODY);
        }
        if (!valid.path().isEmpty()) {
            parts.add(Part.PATH);
            parts.add(Part.PATH);
        }
        Part part = parts.get(random.nextInt(parts.size()));
        Request r = new Request(route.method().name(), valid.path(), valid.query(), valid.body() == null ? null : json(valid.body()));
        r.route(route.path());
        r.headers.put("Content-Type", "application/json");
        if (session != null) {
            r.headers.put("Cookie", session.cookie());
            if (change) {
                r.headers.put("X-CSRF-Token", session.csrfToken());
            }
        }
        String mutation = switch (part) {
            case BODY -> mutateBody(r, valid.body());
            case PATH -> mutatePath(r);
            case QUERY -> mutateQuery(r);
            case HEADER -> mutateHeaders(r, change, session, others);
            case PROTOCOL -> mutateProtocol(r, host);
        };
        if (mutation.startsWith("huge header")) {
            // Jetty answers 431 and closes at once: sent whole over a socket, the answer is read even if the body was not.
            r.raw = raw(r.method + " " + r.target() + " HTTP/1.1", withHost(r.headers, host), r.body);
        }
        boolean signIn = key.equals("POST /api/v1/session");
        boolean mustBeRefused = change && (mutation.startsWith("foreign origin") || mutation.startsWith("cross-site")
                || session != null && !signIn && (mutation.equals("no CSRF token") || mutation.startsWith("wrong CSRF token"))
                || r.body != null && r.body.length > 0 && mutation.startsWith("content type"));
        return new Hostile(key, caller, part, mutation, r.method, r.target(), r.headers, r.body, r.raw, mustBeRefused);
    }

    /** The valid request of each route of the table; a route this does not know fails the fuzz (a new route needs one). */
    Valid valid(String route) {
        return switch (route) {
            case "GET /api/v1/openapi.json", "GET /api/v1/session", "DELETE /api/v1/session", "GET /api/v1/snapshot", "GET /api/v1/releases",
                 "GET /api/v1/reference", "GET /api/v1/indicators", "GET /api/v1/statistics", "GET /api/v1/forums",
                 "GET /api/v1/admin/users", "POST /api/v1/admin/forum-backups", "GET /api/v1/internal/ingestion" -> valid(Map.of(), "", null);
            case "POST /api/v1/session" -> valid(Map.of(), "", body("username", "fuzz-nobody", "password", "not the password of anyone"));
            case "POST /api/v1/session/password" -> null; // needs the caller: see validFor
            case "GET /api/v1/releases/{id}" -> valid(Map.of("id", state.releaseId()), "", null);
            case "GET /api/v1/releases/{id}/files/{file}" -> valid(Map.of("id", state.releaseId(), "file", "tables.csv"), "", null);
            case "GET /api/v1/indicators/{id}" -> valid(Map.of("id", "children_encountered"), "period=year&from=2025-01&to=2025-12", null);
            case "GET /api/v1/answers" -> valid(Map.of(), "ask=children_encountered%3Fperiod%3Dyear%26from%3D2025-01%26to%3D2025-12"
                    + "&ask=child_victims%3Fperiod%3Dyear", null);
            case "GET /api/v1/completeness" -> valid(Map.of(), "from=2025-01&to=2025-12", null);
            case "GET /api/v1/convergence" -> valid(Map.of(), "start=border", null);
            case "GET /api/v1/statistics/{id}" -> valid(Map.of("id", state.statisticsId()), "year=2025", null);
            case "GET /api/v1/statistics/{id}/export.{format}" -> valid(Map.of("id", "all", "format", "csv"), "year=2025", null);
            case "GET /api/v1/returns" -> valid(Map.of(), "", null);
            case "GET /api/v1/returns/{id}" -> valid(Map.of("id", "glotip"), "year=2025", null);
            case "GET /api/v1/returns/{id}/export.{format}" -> valid(Map.of("id", "eurostat", "format", "csv"), "year=2025&lang=en", null);
            case "GET /api/v1/reference/glotip" -> valid(Map.of(), "", null);
            case "GET /api/v1/reference/glotip/reconciliation" -> valid(Map.of(), "year=2025", null);
            case "GET /api/v1/internal/returns/{id}/export.{format}" -> valid(Map.of("id", "glotip", "format", "xlsx"),
                    "year=2025&reason=annual+questionnaire", null);
            case "POST /api/v1/forums" -> valid(Map.of(), "", forum(null));
            case "GET /api/v1/forums/{id}" -> valid(Map.of("id", "1"), "", null);
            case "PUT /api/v1/forums/{id}" -> valid(Map.of("id", Long.toString(state.forumId())), "", forum(state.forumVersion()));
            case "PUT /api/v1/forums/{id}/translations" -> valid(Map.of("id", Long.toString(state.forumId())), "",
                    body("source", "referrals take too long", "language", "sq", "translation", "referimet zgjasin shumë"));
            case "GET /api/v1/actions", "GET /api/v1/actions/export.csv", "GET /api/v1/actions/export.xlsx" ->
                    valid(Map.of(), "county=AL-07&status=proposed", null);
            case "POST /api/v1/actions" -> valid(Map.of(), "", action(null));
            case "GET /api/v1/actions/summary" -> valid(Map.of(), "by=forum&examples=true", null);
            case "GET /api/v1/translations" -> valid(Map.of(), "language=sq", null);
            case "GET /api/v1/actions/{id}", "GET /api/v1/actions/{id}/effect" -> valid(Map.of("id", Long.toString(state.actionId())), "", null);
            case "PUT /api/v1/actions/{id}" -> valid(Map.of("id", Long.toString(state.actionId())), "", action(state.actionVersion()));
            case "POST /api/v1/actions/{id}/status" -> valid(Map.of("id", Long.toString(state.actionId())), "",
                    body("status", state.actionNextStatus(), "reason", null, "version", state.actionVersion()));
            case "POST /api/v1/actions/{id}/notes" -> valid(Map.of("id", Long.toString(state.actionId())), "",
                    body("text", "partners met again to review referrals"));
            case "POST /api/v1/admin/users" -> valid(Map.of(), "", body("username", "fuzz-new-" + ++created, "displayName", "Fuzz New Account",
                    "role", "ministry_statistician", "county", null, "institution", null, "password", "a first password of 2026"));
            case "PUT /api/v1/admin/users/{username}" -> valid(Map.of("username", "fuzzuser"), "", body("username", "fuzzuser",
                    "displayName", "Fuzz Target", "role", "ministry_statistician", "county", null, "institution", null, "disabled", false,
                    "version", state.fuzzUserVersion()));
            case "POST /api/v1/admin/users/{username}/password" -> valid(Map.of("username", "fuzzuser"), "",
                    body("password", "a reset password of 2026"));
            case "GET /api/v1/admin/audit" -> valid(Map.of(), "limit=20&event=SIGN_IN", null);
            case "GET /api/v1/admin/audit/export.csv" -> valid(Map.of(), "limit=20", null);
            case "GET /api/v1/internal/indicators/{id}" -> valid(Map.of("id", "children_encountered"),
                    "reason=quarterly+review&period=year&from=2025-01&to=2025-12", null);
            case "GET /api/v1/uploads" -> valid(Map.of(), "", null);
            // The file itself is the body (application/octet-stream), not JSON: sent empty, it is refused with a receipt (422).
            case "POST /api/v1/uploads" -> valid(Map.of(), "name=cpu_AL-07_2026-02.csv", null);
            default -> throw new AssertionError("No valid request written for route " + route + ": add one to HostileRequests.valid");
        };
    }

    /** The valid request of a route for a caller (a change of password needs the caller's own). */
    Valid validFor(String route, String caller) {
        if (route.equals("POST /api/v1/session/password")) {
            return valid(Map.of(), "", body("currentPassword", state.password(caller), "newPassword", "a new password of 2026 for " + caller));
        }
        return valid(route);
    }

    private static Valid valid(Map<String, String> path, String query, Map<String, Object> body) {
        return new Valid(path, query, body);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> action(Integer version) {
        Map<String, Object> a = body("forumId", 2, "text", "joint case review of referrals", "finding",
                "coordination between different local structures is incomplete", "responsibleInstitution",
                "Regional Anti-trafficking Committee Kukës", "county", "AL-07", "dueDate", "2027-06-30", "indicators", List.of("children_encountered"));
        if (version != null) {
            a.put("version", version);
        }
        return a;
    }

    private static Map<String, Object> forum(Integer version) {
        Map<String, Object> f = body("heldOn", "2026-02-10", "municipality", "Sarande", "title", "Forum në Sarandë", "context", "Local forum",
                "organisers", List.of("CPU Sarandë"), "objectives", List.of("map referral gaps"), "institutions", List.of("Border Police"),
                "findings", List.of("referrals take too long"), "sourceNote", "minutes of the forum");
        if (version != null) {
            f.put("version", version);
        }
        return f;
    }

    /** A request being made wrong: method, path parameters, query, headers, body; or raw bytes. */
    private static final class Request {
        String method;
        String path;
        final Map<String, String> params;
        String query;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        byte[] raw;

        Request(String method, Map<String, String> params, String query, byte[] body) {
            this.method = method;
            this.params = new LinkedHashMap<>(params);
            this.query = query;
            this.body = body;
        }

        void route(String path) {
            this.path = path;
        }

        String target() {
            Matcher m = PARAMETER.matcher(path);
            StringBuilder s = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(s, Matcher.quoteReplacement(params.get(m.group(1))));
            }
            m.appendTail(s);
            return s + (query.isEmpty() ? "" : "?" + query);
        }
    }

    // Bodies ------------------------------------------------------------------------------------------------------------

    private String mutateBody(Request r, Map<String, Object> body) {
        List<String> fields = new ArrayList<>(body.keySet());
        String field = fields.get(random.nextInt(fields.size()));
        Map<String, Object> b = new LinkedHashMap<>(body);
        switch (random.nextInt(10)) {
            case 0 -> {
                byte[] whole = r.body;
                r.body = java.util.Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
                return "truncated JSON";
            }
            case 1 -> {
                Object[] others = {12345, "text", true, List.of(), Map.of(), 1.5, -1, List.of(1, 2)};
                Object other;
                do {
                    other = others[random.nextInt(others.length)];
                } while (sameType(other, body.get(field)));
                b.put(field, other);
                r.body = json(b);
                return "wrong type for " + field;
            }
            case 2 -> {
                int[] lengths = {10_000, 200_000, 1_100_000};
                int length = lengths[random.nextInt(lengths.length)];
                b.put(field, (random.nextBoolean() ? "x" : "ë").repeat(length));
                r.body = json(b);
                return "huge string in " + field + " (" + length + " characters)";
            }
            case 3 -> {
                int[] depths = {200, 2_000, 100_000};
                int depth = depths[random.nextInt(depths.length)];
                String nested = "[".repeat(depth) + "]".repeat(depth);
                r.body = replaceValue(b, field, nested);
                return "nesting " + depth + " deep in " + field;
            }
            case 4 -> {
                String[] unknown = {"isExample", "admin", "role", "__proto__", "id", "createdBy", "constructor"};
                String name = unknown[random.nextInt(unknown.length)];
                if (body.containsKey(name)) {
                    name = "isExample";
                }
                b.put(name, name.equals("__proto__") ? Map.of("admin", true) : true);
                r.body = json(b);
                return "unknown field " + name;
            }
            case 5 -> {
                if (random.nextInt(4) == 0) {
                    r.body = "null".getBytes(UTF_8);
                    return "null body";
                }
                b.put(field, null);
                r.body = json(b);
                return "null " + field;
            }
            case 6 -> {
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
                byte[] bytes = bad[random.nextInt(bad.length)];
                b.put(field, "marker-7f3a");
                r.body = replace(json(b), "marker-7f3a".getBytes(UTF_8), concat("review ".getBytes(UTF_8), bytes));
                return "bytes not UTF-8 in " + field;
            }
            case 7 -> {
                String[] shapes = {"[]", "[{}]", "\"text\"", "42", "", "   ", "{}", "{\"a\":1,\"a\":2}", "{\"text\":\"a\"} {\"text\":\"b\"}",
                        "{'text':'single quotes'}", "{text:1}", "/* comment */ {}", "NaN", "{\"x\":1e999999}"};
                String shape = shapes[random.nextInt(shapes.length)];
                r.body = shape.getBytes(UTF_8);
                return "body " + (shape.isBlank() ? "empty" : shape.length() > 24 ? shape.substring(0, 24) : shape);
            }
            case 8 -> {
                String[] odd = {"\u0000", "\ud800", "\u202e", "\ufeff", "\uffff", "\u0007", "=HYPERLINK(\"http://evil.example\")", "<script>1</script>"};
                String s = odd[random.nextInt(odd.length)];
                if (random.nextBoolean()) {
                    r.body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, r.body);
                    return "byte order mark before the body";
                }
                b.put(field, "review " + s + " end");
                r.body = json(b);
                return "odd character U+" + String.format("%04X", (int) s.charAt(0)) + " in " + field;
            }
            default -> {
                String[] numbers = {"1e400", "9223372036854775808", "-0", "0", "2147483648", "1.0", "-2147483649", "0x10", "1_000"};
                String n = numbers[random.nextInt(numbers.length)];
                r.body = replaceValue(b, field, n);
                return "number " + n + " for " + field;
            }
        }
    }

    private static boolean sameType(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a instanceof Number && b instanceof Number || a instanceof String && b instanceof String || a instanceof Boolean && b instanceof Boolean
                || a instanceof List && b instanceof List || a instanceof Map && b instanceof Map;
    }

    /** The body with the field's value replaced by this JSON text (which may be malformed on purpose). */
    private static byte[] replaceValue(Map<String, Object> body, String field, String text) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        b.put(field, "marker-7f3a");
        return replace(json(b), "\"marker-7f3a\"".getBytes(UTF_8), text.getBytes(UTF_8));
    }

    // Path parameters ---------------------------------------------------------------------------------------------------

    private String mutatePath(Request r) {
        List<String> names = new ArrayList<>(r.params.keySet());
        String name = names.get(random.nextInt(names.size()));
        String value = r.params.get(name);
        String[] other = switch (random.nextInt(4)) {
            case 0 -> new String[] {"0" + value, "+" + value, value + ".0", "1e0", "%20" + value, "-" + value, "0", "0x1", value + "%00",
                    value.toUpperCase(java.util.Locale.ROOT) + "X", value + ";jsessionid=1", value + "%3Bx"};
            case 1 -> new String[] {"9".repeat(30), "a".repeat(5_000), value.repeat(300), "9".repeat(9_000)};
            case 2 -> new String[] {"%2F", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2e", "..%5c..%5cwindows", "%2F%2F", value + "%2F..",
                    "%252e%252e%252f", "..;", "%c0%ae%c0%ae"};
            default -> new String[] {"%EF%BC%91", "%D9%A1", "%E0%A5%A7", "%F0%9D%9F%8F", "%EF%BC%91%EF%BC%92", "%C2%B9", "%E2%85%A0"};
        };
        String chosen = other[random.nextInt(other.length)];
        r.params.put(name, chosen);
        return name + " = " + (chosen.length() > 30 ? chosen.substring(0, 12) + "… (" + chosen.length() + " characters)" : chosen);
    }

    // Query parameters --------------------------------------------------------------------------------------------------

    private String mutateQuery(Request r) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String pair : r.query.split("&")) {
            if (!pair.isEmpty()) {
                known.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        String[] names = {"period", "group_by", "county", "from", "to", "start", "year", "quarter", "by", "status", "overdue", "forum",
                "institution", "limit", "actor", "event", "release", "reason", "format"};
        String name = known.isEmpty() || random.nextInt(3) == 0 ? names[random.nextInt(names.length)]
                : new ArrayList<>(known.keySet()).get(random.nextInt(known.size()));
        switch (random.nextInt(5)) {
            case 0 -> {
                String[] junk = {"decade", "AL-99", "al-07", "AL%E2%80%9007", "password", "sex,sex,sex", "county,municipality,age,sex,source",
                        "nearly", "maybe", "everything", "-1", "0", "99999999999", "%3Cscript%3E", "%00", "true%00", "1;DROP+TABLE+action",
                        "20261130T102504034Z", "..%2F..%2FCURRENT", "NaN", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95"};
                known.put(name, junk[random.nextInt(junk.length)]);
                r.query = query(known);
                return "unknown value for " + name + ": " + known.get(name);
            }
            case 1 -> {
                String[][] far = {{"from", "0001-01"}, {"to", "9999-12"}, {"from", "+10000-01"}, {"from", "2025-13"}, {"to", "2025-00"},
                        {"year", "1800"}, {"year", "99999"}, {"year", "-2025"}, {"quarter", "2025-Q5"}, {"quarter", "9999-Q4"},
                        {"from", "2026-12"}, {"to", "1999-12"}, {"from", "2025-1"}, {"from", "2025-01-01"}};
                String[] pick = far[random.nextInt(far.length)];
                known.put(pick[0], pick[1]);
                r.query = query(known);
                return "far or malformed date " + pick[0] + "=" + pick[1];
            }
            case 2 -> {
                String value = known.getOrDefault(name, "year");
                r.query = query(known) + (known.isEmpty() ? "" : "&") + name + "=" + value + "&" + name + "=AL-08&" + name + "=";
                return "repeated key " + name;
            }
            case 3 -> {
                int[] lengths = {2_000, 7_000, 20_000};
                int length = lengths[random.nextInt(lengths.length)];
                known.put(name, "A".repeat(length));
                r.query = query(known);
                return "huge value for " + name + " (" + length + " characters)";
            }
            default -> {
                String[] unknown = {"password=x", "__proto__=1", "admin=true", "release=..%2F..", "callback=alert", "q=%27%20OR%201%3D1",
                        "=empty-name", "novalue", "&&&", "a%5B%5D=1"};
                String extra = unknown[random.nextInt(unknown.length)];
                r.query = query(known) + (known.isEmpty() ? "" : "&") + extra;
                return "unknown parameter " + extra;
            }
        }
    }

    private static String query(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        params.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return s.toString();
    }

    // Headers -----------------------------------------------------------------------------------------------------------

    private String mutateHeaders(Request r, boolean change, Session session, Map<String, Session> others) {
        int choice = random.nextInt(8);
        if (!change && choice < 4) {
            choice += 4;
        }
        switch (choice) {
            case 0 -> {
                String[] types = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                        "application/json-patch+json", "", "text/json", "application/jsonx", "*/*"};
                String type = types[random.nextInt(types.length)];
                if (type.isEmpty()) {
                    r.headers.remove("Content-Type");
                } else {
                    r.headers.put("Content-Type", type);
                }
                if (r.body == null) {
                    r.body = "{}".getBytes(UTF_8);
                }
                return "content type " + (type.isEmpty() ? "missing" : type);
            }
            case 1 -> {
                if (session == null) {
                    r.headers.put("X-CSRF-Token", "made-up-token");
                    return "wrong CSRF token (made up, no session)";
                }
                r.headers.remove("X-CSRF-Token");
                return "no CSRF token";
            }
            case 2 -> {
                List<Session> someoneElse = others.values().stream().filter(s -> !s.equals(session)).toList();
                String[] wrong = {"", "0", "x".repeat(64), session == null ? "x" : session.csrfToken() + "x",
                        someoneElse.get(random.nextInt(someoneElse.size())).csrfToken()};
                int i = random.nextInt(wrong.length);
                r.headers.put("X-CSRF-Token", wrong[i].isEmpty() ? " " : wrong[i]);
                return "wrong CSRF token" + (i == 4 ? " (another session's)" : "");
            }
            case 3 -> {
                String[] origins = {"http://evil.example", "null", "http://127.0.0.1.evil.example", "https://127.0.0.1", "file://"};
                if (random.nextInt(4) == 0) {
                    r.headers.put("Sec-Fetch-Site", random.nextBoolean() ? "cross-site" : "same-site");
                    return "cross-site fetch";
                }
                String origin = origins[random.nextInt(origins.length)];
                r.headers.put("Origin", origin);
                return "foreign origin " + origin;
            }
            case 4 -> {
                String[] cookies = {"nrm_session=garbage", "nrm_session=" + "a".repeat(6_000), "nrm_session=; nrm_session=x",
                        "nrm_session=%00", "nrm_session=\"quoted\""};
                String cookie = cookies[random.nextInt(cookies.length)];
                r.headers.put("Cookie", cookie);
                return "bad cookie " + (cookie.length() > 40 ? cookie.substring(0, 20) + "…" : cookie);
            }
            case 5 -> {
                int[] sizes = {4_000, 20_000, 70_000};
                int size = sizes[random.nextInt(sizes.length)];
                r.headers.put("X-Fuzz", "h".repeat(size));
                return "huge header (" + size + " bytes)";
            }
            case 6 -> {
                String[][] odd = {{"Accept", "application/xml"}, {"Accept", "text/html;q=0, */*;q=0"}, {"Accept-Charset", "utf-32"},
                        {"X-HTTP-Method-Override", "DELETE"}, {"X-Forwarded-For", "10.0.0.1"}, {"X-Forwarded-Proto", "https"},
                        {"Accept-Encoding", "br, zstd, gzip;q=2"}, {"Range", "bytes=100000-"}};
                String[] pick = odd[random.nextInt(odd.length)];
                r.headers.put(pick[0], pick[1]);
                return "header " + pick[0] + ": " + pick[1];
            }
            default -> {
                String[] methods = {"PATCH", "OPTIONS", "TRACE", "PUT", "DELETE", "POST"};
                String method = methods[random.nextInt(methods.length)];
                if (method.equals(r.method)) {
                    method = "PATCH";
                }
                r.method = method;
                return "method " + method;
            }
        }
    }

    // The protocol ------------------------------------------------------------------------------------------------------

    private String mutateProtocol(Request r, String host) {
        String target = r.target();
        String mutation;
        String line = r.method + " " + target + " HTTP/1.1";
        Map<String, String> headers = new LinkedHashMap<>(r.headers);
        headers.put("Host", host);
        byte[] body = r.body;
        switch (random.nextInt(7)) {
            case 0 -> {
                String[] escapes = {"%zz", "%", "%4", "%u0031", "%%32"};
                String e = escapes[random.nextInt(escapes.length)];
                line = r.method + " " + target.replaceFirst("(/api/v1/[a-z]+)", "$1" + e) + " HTTP/1.1";
                mutation = "bad escape " + e + " in the path";
            }
            case 1 -> {
                line = r.method + " " + target + "\u00ff\u00e9 HTTP/1.1";
                mutation = "bytes not ASCII in the path";
            }
            case 2 -> {
                String[] hosts = {"attacker.example", "", "localhost:99999", "127.0.0.1:" + "9".repeat(300), "[::1", "localhost, evil.example"};
                String h = hosts[random.nextInt(hosts.length)];
                headers.put("Host", h);
                mutation = "Host " + (h.isEmpty() ? "empty" : h.length() > 30 ? h.substring(0, 20) + "…" : h);
            }
            case 3 -> {
                headers.remove("Host");
                mutation = "no Host";
            }
            case 4 -> {
                headers.put("Transfer-Encoding", "chunked");
                byte[] payload = body == null ? "{}".getBytes(UTF_8) : body;
                // Sizes that cannot be read (never one larger than what follows: the server would wait for the rest until its timeout).
                String[] broken = {"zz\r\n", "-1\r\n", "1;\u0000\r\n", "\r\n"};
                String size = broken[random.nextInt(broken.length)];
                body = concat(concat(size.getBytes(ISO_8859_1), payload), "\r\n0\r\n\r\n".getBytes(ISO_8859_1));
                mutation = "broken chunked body (" + size.strip() + ")";
            }
            case 5 -> {
                String[] lengths = {"-1", "abc", "1, 2", "99999999999999999999"};
                String l = lengths[random.nextInt(lengths.length)];
                headers.put("Content-Length", l);
                mutation = "Content-Length " + l;
            }
            default -> {
                String[] versions = {"HTTP/1.0", "HTTP/9.9", "HTTP/1.1 extra", "http/1.1"};
                String v = versions[random.nextInt(versions.length)];
                line = r.method + " " + target + " " + v;
                mutation = "request line ending " + v;
            }
        }
        r.raw = raw(line, headers, body);
        return mutation;
    }

    private static Map<String, String> withHost(Map<String, String> headers, String host) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Host", host);
        return all;
    }

    /** The request as bytes: the line, the headers (a length for the body unless framed otherwise, and a close), the body. */
    private static byte[] raw(String line, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null && !all.containsKey("Content-Length") && !all.containsKey("Transfer-Encoding")) {
            all.put("Content-Length", Integer.toString(body.length));
        }
        all.put("Connection", "close");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes((line + "\r\n").getBytes(ISO_8859_1));
        all.forEach((k, v) -> raw.writeBytes((k + ": " + v + "\r\n").getBytes(ISO_8859_1)));
        raw.writeBytes("\r\n".getBytes(ISO_8859_1));
        if (body != null) {
            raw.writeBytes(body);
        }
        return raw.toByteArray();
    }

    // Helpers -----------------------------------------------------------------------------------------------------------

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return concat(concat(java.util.Arrays.copyOf(in, i), with), java.util.Arrays.copyOfRange(in, i + what.length, in.length));
            }
        }
        throw new IllegalStateException("marker not found");
    }
}
