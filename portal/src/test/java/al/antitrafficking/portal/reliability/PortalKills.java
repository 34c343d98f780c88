package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.portal.Http;
import al.antitrafficking.portal.TestPortal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Kill trials of the operational store: the real portal runs as a child process (demo accounts, a forum store and a
 * backup folder of its own, over a published warehouse), {@value #WRITERS} clients signed in as the national
 * coordinator save action edits without pause (create, edit with the version, a note, the next status, over and over),
 * and the portal is killed with SIGKILL at a random moment. It is then started again on the same store, with nothing
 * cleaned up by hand, and every action is read back over HTTP.
 *
 * <p>What is checked after each restart, against what the clients were answered (not against the store's own code):
 * every action the clients created is there; every edit, status change and note answered with a 2xx is there with exactly
 * the content of that answer; the one request each client had in flight at the kill is there whole or not at all; and no
 * action is half-applied: its version is one plus its history's edits and status changes, its status and text are those
 * of its last history rows, and each of its notes has its history row and no history row lacks its note. Every answered
 * change has its event in the audit trail (written before the answer); the change in flight, saved but not answered, may
 * lack it (the audit event is a transaction of its own after the change's): how often is counted.
 *
 * <p>{@link #backupAndRestore} then checks backups and restores against a running portal: the administrator's backup
 * ({@code POST /api/v1/admin/forum-backups}) taken while the writers save, the restore command ({@code RestoreCommand},
 * a child process with the portal's configuration) refused while the portal holds the store and changing nothing, then
 * run after the portal stops; the restored store holds every edit answered before the backup was asked for, and each of
 * its actions whole at a version some client was answered.
 */
public final class PortalKills {
    /** The demo accounts' password ({@code portal.demo-users=true}, as in the README). */
    static final String DEMO_PASSWORD = "nrm-demo-2026!";
    private static final int WRITERS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One kill: when, how many writes were answered before it (in this trial), how many requests were in flight, how
     * many of those were found applied after the restart and how many of these without their audit event, how long the
     * restart took, the actions checked, and the files the killed portal left beside its store.
     */
    public record Trial(int number, long killAfterMillis, long acknowledged, int inFlight, int inFlightApplied, int inFlightAppliedUnaudited,
                        long restartMillis, int actions, List<String> filesBesideStore) {}

    /**
     * The backup and restore check: writes answered before the backup, actions in it, changes it caught without their audit
     * event (taken between a change and its audit event; not counting those the kills before left), the refusal of a
     * restore under a running portal.
     */
    public record Restore(String backupFile, int actionsAnsweredBeforeBackup, int actionsInBackup, long writesAfterBackup,
                          int changesWithoutAuditEvent, String refusal, String restored, String replacedFile) {}

    public record Result(long seed, List<Trial> trials, Restore restore, long acknowledged, List<String> failures) {}

    private final Path dir;
    private final Path store;
    private final Path backups;
    private final Path warehouse;
    private final long seed;
    private final Random random;
    private final long killMinMillis;
    private final long killMaxMillis;
    /** Every answered state of each action, by version: what the clients were told. */
    private final Map<Long, NavigableMap<Integer, JsonNode>> answered = new ConcurrentHashMap<>();
    /** Every answered note of each action, by note id. */
    private final Map<Long, Map<Long, String>> answeredNotes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final List<Writer> writers = new ArrayList<>();
    private int starts;

    /**
     * Trials over the published warehouse in {@code warehouse}, with the store and backups in {@code dir}; each kill falls
     * at a moment drawn uniformly between {@code killMinMillis} and {@code killMaxMillis} after the writers start.
     */
    public PortalKills(Path dir, Path warehouse, long seed, long killMinMillis, long killMaxMillis) {
        this.dir = dir;
        this.store = dir.resolve("operational/forums.duckdb");
        this.backups = dir.resolve("backups");
        this.warehouse = warehouse;
        this.seed = seed;
        this.random = new Random(seed);
        this.killMinMillis = killMinMillis;
        this.killMaxMillis = killMaxMillis;
        for (int w = 0; w < WRITERS; w++) {
            writers.add(new Writer(w));
        }
    }

    /** {@code count} kills, then the backup and restore check. */
    public Result run(int count) throws Exception {
        List<Trial> trials = new ArrayList<>();
        PortalProcess portal = start();
        try {
            for (int i = 0; i < count; i++) {
                Trial trial = trial(i, portal);
                trials.add(trial);
                portal = restartedPortal;
            }
            Restore restore = backupAndRestore(portal);
            return new Result(seed, trials, restore, acknowledged.get(), List.copyOf(failures));
        } finally {
            portal.close();
            if (restartedPortal != null) {
                restartedPortal.close();
            }
        }
    }

    private PortalProcess restartedPortal;
    /** Changes found saved without their audit event after earlier kills, by action. */
    private final Map<Long, Integer> unauditedBefore = new HashMap<>();

    private Map<String, String> config() {
        return Map.of("warehouse.dir", warehouse.toString(), "forums.store-file", store.toString(), "forums.backup-dir", backups.toString(),
                "portal.demo-users", "true", "forums.backup-every-hours", "0");
    }

    private PortalProcess start() throws IOException, InterruptedException {
        return PortalProcess.start(dir.resolve("logs/portal-" + starts++ + ".log"), "384m", config());
    }

    private Trial trial(int number, PortalProcess portal) throws Exception {
        long before = acknowledged.get();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = startWriters(portal, running);
        long killAfter = killMinMillis + (long) (random.nextDouble() * (killMaxMillis - killMinMillis));
        Thread.sleep(killAfter);
        portal.kill();
        for (Thread t : threads) {
            t.join(60_000);
            check(!t.isAlive(), "a writer did not notice the portal's death");
        }
        long answeredInTrial = acknowledged.get() - before;
        List<String> beside = besideStore();

        long started = System.nanoTime();
        restartedPortal = start();
        long restart = (System.nanoTime() - started) / 1_000_000;
        Map<Long, Op> inFlight = new HashMap<>();
        List<Op> inFlightCreates = new ArrayList<>();
        for (Writer w : writers) {
            if (w.pending != null) {
                if (w.pending.kind == Kind.CREATE) {
                    inFlightCreates.add(w.pending);
                } else {
                    inFlight.put(w.pending.action, w.pending);
                }
            }
        }
        Set<Long> applied = checkStore(new Http(restartedPortal::port).as("coordinator", DEMO_PASSWORD), inFlight, inFlightCreates);
        // An answered change has its audit event (written before the answer); one in flight may have been saved without it.
        Map<Long, Integer> unaudited = new HashMap<>(changesWithoutAuditEvent(restartedPortal));
        unaudited.replaceAll((id, gaps) -> gaps - unauditedBefore.getOrDefault(id, 0));
        unaudited.values().removeIf(gaps -> gaps == 0);
        unaudited.forEach((id, gaps) -> check(applied.contains(id) && gaps == 1,
                "action " + id + " has " + gaps + " new changes without their audit event, not only the one in flight at the kill"));
        unaudited.forEach((id, gaps) -> unauditedBefore.merge(id, gaps, Integer::sum));
        int actions = answered.size();
        for (Writer w : writers) {
            w.pending = null;
        }
        return new Trial(number, killAfter, answeredInTrial, inFlight.size() + inFlightCreates.size(), applied.size(), unaudited.size(), restart,
                actions, beside);
    }

    private List<Thread> startWriters(PortalProcess portal, AtomicBoolean running) {
        List<Thread> threads = new ArrayList<>();
        for (Writer w : writers) {
            w.client = new Http(portal::port).as("coordinator", DEMO_PASSWORD);
        }
        for (Writer w : writers) {
            Thread t = new Thread(() -> w.write(running), "portal-kills-writer-" + w.number);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private List<String> besideStore() throws IOException {
        try (Stream<Path> files = Files.list(store.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Reads every action back and checks it against the answers; a request in flight at the kill may be there whole or not
     * at all, and what is found of it becomes the clients' knowledge. Returns the actions an in-flight request was applied to.
     */
    private Set<Long> checkStore(Http reader, Map<Long, Op> inFlight, List<Op> inFlightCreates) {
        Set<Long> applied = new java.util.HashSet<>();
        Set<Long> seen = new java.util.HashSet<>();
        for (JsonNode listed : reader.json("/api/v1/actions", 200)) {
            long id = listed.get("id").asLong();
            seen.add(id);
            JsonNode detail = reader.json("/api/v1/actions/" + id, 200);
            checkWhole(id, detail);
            JsonNode stored = comparable(detail.get("action"));
            Map<Long, String> notes = notes(detail);
            NavigableMap<Integer, JsonNode> versions = answered.get(id);
            if (versions == null) {
                Op create = inFlightCreates.stream().filter(op -> op.text.equals(stored.get("text").asText())).findFirst().orElse(null);
                check(create != null, "action " + id + " is in the store but no client created it: " + stored);
                check(stored.get("version").asInt() == 1 && notes.isEmpty(), "action " + id + ", created in flight at the kill, is not as created");
                adopt(create.writer, id, detail.get("action"));
                applied.add(id);
                continue;
            }
            JsonNode last = versions.lastEntry().getValue();
            Op op = inFlight.get(id);
            if (!stored.equals(last)) {
                boolean inFlightEdit = op != null && op.kind != Kind.NOTE && stored.get("version").asInt() == op.version + 1
                        && stored.get("text").asText().equals(op.text) && stored.get("status").asText().equals(op.status);
                check(inFlightEdit, "action " + id + " is not as last answered (version " + last.get("version") + "): stored " + stored
                        + ", answered " + last);
                adopt(op.writer, id, detail.get("action"));
                applied.add(id);
            }
            Map<Long, String> answeredNotesOfAction = answeredNotes.getOrDefault(id, Map.of());
            for (Map.Entry<Long, String> n : answeredNotesOfAction.entrySet()) {
                check(n.getValue().equals(notes.get(n.getKey())), "answered note " + n.getKey() + " of action " + id + " lost or changed: " + notes);
            }
            for (Map.Entry<Long, String> n : notes.entrySet()) {
                if (!answeredNotesOfAction.containsKey(n.getKey())) {
                    check(op != null && op.kind == Kind.NOTE && op.text.equals(n.getValue()),
                            "action " + id + " has a note no client was answered or had in flight: " + n);
                    answeredNotes.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(n.getKey(), n.getValue());
                    applied.add(id);
                }
            }
        }
        for (Long id : answered.keySet()) {
            check(seen.contains(id), "action " + id + ", answered as created, is not in the store");
        }
        return applied;
    }

    /**
     * Per action, how many changes of its history (creation, edits, status changes, notes) have no audit event, read by the
     * administrator from the audit trail; actions with none are left out.
     */
    private Map<Long, Integer> changesWithoutAuditEvent(PortalProcess portal) {
        Http admin = new Http(portal::port).as("admin", DEMO_PASSWORD);
        Http reader = new Http(portal::port).as("coordinator", DEMO_PASSWORD);
        Map<String, Integer> audited = new HashMap<>();
        for (JsonNode e : admin.json("/api/v1/admin/audit?limit=10000&event=action_changed", 200)) {
            String details = e.get("details").asText();
            audited.merge(e.get("what").asText() + " " + (details.startsWith("status ") ? "status" : details), 1, Integer::sum);
        }
        Map<Long, Integer> gaps = new HashMap<>();
        for (JsonNode listed : reader.json("/api/v1/actions", 200)) {
            long id = listed.get("id").asLong();
            Map<String, Integer> changes = new HashMap<>();
            for (JsonNode h : reader.json("/api/v1/actions/" + id, 200).get("history")) {
                String field = h.get("field").asText();
                String kind = switch (field) {
                    case "created" -> "created";
                    case "text" -> "edited";
                    case "status" -> "status";
                    case "note" -> h.get("newValue").asText();
                    default -> null;
                };
                if (kind != null) {
                    changes.merge("action " + id + " " + kind, 1, Integer::sum);
                }
            }
            int missing = changes.entrySet().stream().mapToInt(c -> Math.max(0, c.getValue() - audited.getOrDefault(c.getKey(), 0))).sum();
            if (missing > 0) {
                gaps.put(id, missing);
            }
        }
        return gaps;
    }

    /** Nothing half-applied: the action agrees with its history, and its notes with their history rows. */
    private static void checkWhole(long id, JsonNode detail) {
        JsonNode action = detail.get("action");
        List<JsonNode> history = new ArrayList<>();
        detail.get("history").forEach(history::add);
        check(!history.isEmpty() && history.get(0).get("field").asText().equals("created")
                && history.stream().filter(h -> h.get("field").asText().equals("created")).count() == 1,
                "action " + id + " has not exactly one creation, first: " + history);
        List<JsonNode> texts = history.stream().filter(h -> h.get("field").asText().equals("text")).toList();
        List<JsonNode> statuses = history.stream().filter(h -> h.get("field").asText().equals("status")).toList();
        List<JsonNode> noteRows = history.stream().filter(h -> h.get("field").asText().equals("note")).toList();
        check(action.get("version").asInt() == 1 + texts.size() + statuses.size(), "action " + id + " is at version " + action.get("version")
                + " with " + texts.size() + " edits and " + statuses.size() + " status changes in its history");
        String status = statuses.isEmpty() ? "PROPOSED" : statuses.get(statuses.size() - 1).get("newValue").asText();
        check(action.get("status").asText().equals(status), "action " + id + " is " + action.get("status") + ", its history says " + status);
        if (!texts.isEmpty()) {
            check(action.get("text").asText().equals(texts.get(texts.size() - 1).get("newValue").asText()),
                    "action " + id + "'s text is not its history's last");
        }
        Set<String> noted = new java.util.HashSet<>();
        noteRows.forEach(h -> noted.add(h.get("newValue").asText()));
        Set<String> notes = new java.util.HashSet<>();
        detail.get("notes").forEach(n -> notes.add("note " + n.get("id").asLong() + " added"));
        check(noted.equals(notes), "action " + id + "'s notes " + notes + " and their history rows " + noted + " differ");
    }

    /** Backup while writing, a restore refused under the running portal, the restore after it stops, and the restored store. */
    private Restore backupAndRestore(PortalProcess portal) throws Exception {
        Http admin = new Http(portal::port).as("admin", DEMO_PASSWORD);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = startWriters(portal, running);
        Thread.sleep(1_500);
        // What was answered before the backup was asked for is in it, whatever the writers do meanwhile.
        Map<Long, Integer> versionsBefore = new HashMap<>();
        answered.forEach((id, versions) -> versionsBefore.put(id, versions.lastKey()));
        Map<Long, Set<Long>> notesBefore = new HashMap<>();
        answeredNotes.forEach((id, notes) -> notesBefore.put(id, Set.copyOf(notes.keySet())));
        long answeredBefore = acknowledged.get();
        String file = admin.call("POST", "/api/v1/admin/forum-backups", null, 201).get("file").asText();
        Path backup = backups.resolve(file);

        Command refused = restore(backup, "refused");
        check(refused.exit != 0 && refused.output.contains("is in use"), "a restore under the running portal was not refused: " + refused);
        Thread.sleep(1_000);
        running.set(false);
        for (Thread t : threads) {
            t.join(60_000);
        }
        check(writers.stream().allMatch(w -> w.pending == null), "a writer's request was not answered");
        long afterBackup = acknowledged.get() - answeredBefore;
        // The refused restore changed nothing: every answer is still in the store the portal serves.
        checkStore(new Http(portal::port).as("coordinator", DEMO_PASSWORD), Map.of(), List.of());

        portal.stop();
        Command restored = restore(backup, "restored");
        check(restored.exit == 0, "the restore failed after the portal stopped: " + restored);
        String replaced = besideStore().stream().filter(n -> n.startsWith("forums.duckdb.replaced-") && !n.endsWith(".wal")).findFirst()
                .orElseThrow(() -> new AssertionError("the replaced store is not kept beside it"));

        restartedPortal = start();
        Http reader = new Http(restartedPortal::port).as("coordinator", DEMO_PASSWORD);
        int inBackup = 0;
        Set<Long> seen = new java.util.HashSet<>();
        for (JsonNode listed : reader.json("/api/v1/actions", 200)) {
            long id = listed.get("id").asLong();
            seen.add(id);
            inBackup++;
            JsonNode detail = reader.json("/api/v1/actions/" + id, 200);
            checkWhole(id, detail);
            JsonNode stored = comparable(detail.get("action"));
            NavigableMap<Integer, JsonNode> versions = answered.get(id);
            check(versions != null && stored.equals(versions.get(stored.get("version").asInt())),
                    "restored action " + id + " is not as any answer gave it: " + stored);
            check(stored.get("version").asInt() >= versionsBefore.getOrDefault(id, 0), "restored action " + id + " lacks an edit answered before the backup");
            Map<Long, String> notes = notes(detail);
            Map<Long, String> answeredOfAction = answeredNotes.getOrDefault(id, Map.of());
            notes.forEach((noteId, text) -> check(text.equals(answeredOfAction.get(noteId)), "restored note " + noteId + " was never answered"));
            check(notes.keySet().containsAll(notesBefore.getOrDefault(id, Set.of())), "restored action " + id + " lacks a note answered before the backup");
        }
        check(seen.containsAll(versionsBefore.keySet()), "the restored store lacks actions answered before the backup");
        // Those the kills before left are in the backup too: count only the ones the backup caught.
        int unaudited = changesWithoutAuditEvent(restartedPortal).values().stream().mapToInt(Integer::intValue).sum()
                - unauditedBefore.values().stream().mapToInt(Integer::intValue).sum();
        restartedPortal.stop();
        return new Restore(file, versionsBefore.size(), inBackup, afterBackup, unaudited, refused.output.strip(), restored.output.strip(),
                replaced);
    }

    private record Command(int exit, String output) {}

    /** The restore command as an operator runs it, with the portal's configuration. */
    private Command restore(Path backup, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "al.antitrafficking.warehouse.forum.RestoreCommand", "--from=" + backup));
        config().forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve("logs/restore-" + name + ".log");
        Process p = new ProcessBuilder(command).directory(TestPortal.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        check(p.waitFor(2, TimeUnit.MINUTES), "the restore did not end within two minutes");
        return new Command(p.exitValue(), Files.readString(log, UTF_8));
    }

    private void adopt(Writer writer, long id, JsonNode action) {
        answered.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>()).put(action.get("version").asInt(), comparable(action));
        if (writer.action == null || writer.action == id || writer.pending != null && writer.pending.kind == Kind.CREATE) {
            writer.action = id;
            writer.state = action;
        }
    }

    /** An action as stored, without what is computed for today (overdue, next statuses). */
    private static JsonNode comparable(JsonNode action) {
        ObjectNode copy = action.deepCopy();
        copy.remove("overdue");
        copy.remove("nextStatuses");
        return copy;
    }

    private static Map<Long, String> notes(JsonNode detail) {
        Map<Long, String> notes = new LinkedHashMap<>();
        detail.get("notes").forEach(n -> notes.put(n.get("id").asLong(), n.get("text").asText()));
        return notes;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    private enum Kind { CREATE, EDIT, NOTE, STATUS }

    /** A request: what it changes and, for an edit or status change, the version it was made on and the text and status it sets. */
    private record Op(Writer writer, Kind kind, Long action, int version, String text, String status) {}

    private static final List<String> WORKFLOW = List.of("PROPOSED", "UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS", "DONE");

    /**
     * One client: works one action at a time through create, then (edit, note, next status) until it is done, then the
     * next. Records every answer; the request in flight when the portal dies stays in {@link #pending}.
     */
    private final class Writer {
        final int number;
        volatile Http client;
        volatile Long action;
        volatile JsonNode state;
        volatile Op pending;
        private int created;
        private int step;

        Writer(int number) {
            this.number = number;
        }

        void write(AtomicBoolean running) {
            while (running.get()) {
                Op op = next();
                pending = op;
                HttpResponse<String> r;
                try {
                    r = send(op);
                } catch (UncheckedIOException e) {
                    return;
                }
                try {
                    answer(op, r);
                } catch (IOException | RuntimeException e) {
                    failures.add(op.kind + " of action " + op.action + ": " + e);
                    return;
                }
                pending = null;
            }
        }

        private Op next() {
            if (action == null || state.get("status").asText().equals("DONE")) {
                created++;
                step = 0;
                return new Op(this, Kind.CREATE, null, 0, "joint case review, writer " + number + " action " + created + " as agreed", "PROPOSED");
            }
            int version = state.get("version").asInt();
            String text = state.get("text").asText();
            String status = state.get("status").asText();
            step++;
            return switch (step % 3) {
                case 1 -> new Op(this, Kind.EDIT, action, version, "joint case review, writer " + number + " edit " + step, status);
                case 2 -> new Op(this, Kind.NOTE, action, version, "meeting held, writer " + number + " step " + step, status);
                default -> new Op(this, Kind.STATUS, action, version, text, WORKFLOW.get(WORKFLOW.indexOf(status) + 1));
            };
        }

        private HttpResponse<String> send(Op op) {
            return switch (op.kind) {
                case CREATE -> client.send("POST", "/api/v1/actions", form(op.text, null));
                case EDIT -> client.send("PUT", "/api/v1/actions/" + op.action, form(op.text, op.version));
                case NOTE -> client.send("POST", "/api/v1/actions/" + op.action + "/notes", Map.of("text", op.text));
                case STATUS -> client.send("POST", "/api/v1/actions/" + op.action + "/status", Map.of("status", op.status, "version", op.version));
            };
        }

        private void answer(Op op, HttpResponse<String> r) throws IOException {
            int expected = op.kind == Kind.CREATE || op.kind == Kind.NOTE ? 201 : 200;
            check(r.statusCode() == expected, "answered " + r.statusCode() + ": " + r.body());
            JsonNode body = JSON.readTree(r.body());
            if (op.kind == Kind.NOTE) {
                check(body.get("text").asText().equals(op.text), "the note answered is not the note sent");
                answeredNotes.computeIfAbsent(op.action, k -> new ConcurrentHashMap<>()).put(body.get("id").asLong(), op.text);
            } else {
                int version = op.kind == Kind.CREATE ? 1 : op.version + 1;
                check(body.get("version").asInt() == version && body.get("text").asText().equals(op.text)
                        && body.get("status").asText().equals(op.status), "the answer is not the change sent: " + body);
                long id = body.get("id").asLong();
                answered.computeIfAbsent(id, k -> new ConcurrentSkipListMap<>()).put(version, comparable(body));
                action = id;
                state = body;
            }
            acknowledged.incrementAndGet();
        }

        private static Map<String, Object> form(String text, Integer version) {
            Map<String, Object> a = new HashMap<>(Map.of("forumId", 2, "text", text,
                    "finding", "coordination between different local structures is incomplete",
                    "responsibleInstitution", "Regional Anti-trafficking Committee Kukës", "county", "AL-07", "dueDate", "2027-06-30",
                    "indicators", List.of()));
            if (version != null) {
                a.put("version", version);
            }
            return a;
        }
    }
}
