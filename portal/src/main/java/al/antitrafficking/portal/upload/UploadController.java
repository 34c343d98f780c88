package al.antitrafficking.portal.upload;

import al.antitrafficking.portal.access.AuditLog;
import al.antitrafficking.portal.access.Principal;
import al.antitrafficking.portal.access.WebGuard;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.intake.ReceiptText;
import al.antitrafficking.warehouse.intake.UploadReceipt;
import al.antitrafficking.warehouse.release.InternalAccess;
import al.antitrafficking.warehouse.release.InternalAccess.FileOutcome;
import al.antitrafficking.warehouse.release.PublishedReleases;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data clerk sends the month's files of their county ({@code POST /api/v1/uploads?name=...}, the file as the body) and
 * reads the receipts ({@code GET /api/v1/uploads}). Each file gets a receipt in Albanian and English: accepted (and when
 * its figures are published), or refused with the reason; once the ingestion run has taken it, how many rows it loaded
 * and how many each rule quarantined, or why the run refused it. Never a value from the file.
 */
public final class UploadController {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final int SHOWN = 100;
    /** A county sends some 4 files a month; a clerk correcting a bad month sends a few dozen. */
    static final int MAX_PER_HOUR = 120;

    private final Uploads uploads;
    private final PublishedReleases releases;
    private final InternalAccess internal;
    private final AuditLog audit;
    private final Clock clock;
    private final HourlyLimit rate;

    public UploadController(Uploads uploads, PublishedReleases releases, InternalAccess internal, AuditLog audit, Clock clock) {
        this.uploads = uploads;
        this.releases = releases;
        this.internal = internal;
        this.audit = audit;
        this.clock = clock;
        this.rate = new HourlyLimit(clock, MAX_PER_HOUR);
    }

    /** At most {@code max} uses per account in any hour (in memory: a restart forgets). */
    static final class HourlyLimit {
        private final Clock clock;
        private final int max;
        private final Map<String, java.util.ArrayDeque<java.time.Instant>> uses = new java.util.concurrent.ConcurrentHashMap<>();

        HourlyLimit(Clock clock, int max) {
            this.clock = clock;
            this.max = max;
        }

        boolean allow(String who) {
            java.time.Instant now = clock.instant();
            java.util.ArrayDeque<java.time.Instant> mine = uses.computeIfAbsent(who, k -> new java.util.ArrayDeque<>());
            synchronized (mine) {
                while (!mine.isEmpty() && !mine.peekFirst().isAfter(now.minusSeconds(3600))) {
                    mine.pollFirst();
                }
                if (mine.size() >= max) {
                    return false;
                }
                mine.addLast(now);
                return true;
            }
        }
    }

    /**
     * A receipt as the clerk reads it: the state and its sentences in both languages, quarantined rows by rule; a refused
     * file's reason also as {@code error}, in English, as every refusal of the API has it.
     */
    public record Receipt(long id, String receivedAt, String fileName, String source, String month, long sizeBytes, long rowsIn,
                          String outcome, String problem, String state, Map<String, String> message, List<Quarantined> quarantined,
                          String release, String publishAt, String error) {}

    public record Quarantined(String rule, long rows, Map<String, String> text) {}

    public void receive(Context ctx) throws IOException {
        Principal p = WebGuard.of(ctx);
        String county = clerkCounty(p);
        if (!rate.allow(p.actor())) {
            ctx.header("Retry-After", "3600");
            throw new HttpResponseException(429, "Refused: at most " + MAX_PER_HOUR + " files an hour from one account; try again later");
        }
        String name = ctx.queryParam("name");
        UploadReceipt saved;
        try (InputStream body = ctx.req().getInputStream()) {
            saved = uploads.check().take(p.actor(), county, name, body, uploads.receipts()::save).receipt();
        }
        audit.record(ctx, p, AuditEvent.UPLOAD, saved.fileName(), "county=" + county + " receipt=" + saved.id()
                + (saved.outcome() == UploadReceipt.Outcome.ACCEPTED ? " rows=" + saved.rowsIn() : " problem=" + saved.problem()),
                null, saved.outcome() == UploadReceipt.Outcome.ACCEPTED ? "ok" : "refused");
        ctx.status(saved.outcome() == UploadReceipt.Outcome.ACCEPTED ? 201 : 422);
        ctx.json(view(saved, List.of(saved), Map.of(), null));
    }

    public void list(Context ctx) {
        String county = clerkCounty(WebGuard.of(ctx));
        List<UploadReceipt> receipts = uploads.receipts().newest(county, SHOWN);
        String release = releases.current().id();
        Map<String, List<FileOutcome>> outcomes = new HashMap<>();
        for (FileOutcome o : outcomes(internal, release, county)) {
            outcomes.computeIfAbsent(o.fileName(), k -> new ArrayList<>()).add(o);
        }
        List<Receipt> out = new ArrayList<>();
        for (UploadReceipt r : receipts) {
            out.add(view(r, receipts, outcomes, release));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("county", county);
        answer.put("release", release);
        answer.put("nextRun", nextRun());
        answer.put("maxUploadBytes", uploads.check().maxUploadBytes());
        answer.put("receipts", out);
        ctx.json(answer);
    }

    /** The county the signed-in clerk sends files for. */
    private static String clerkCounty(Principal p) {
        return p.user().map(u -> u.county()).orElseThrow(() -> new HttpResponseException(403, "Refused: this account is bound to no county"));
    }

    /** The files of one county (every county when null) as the release's ingestion recorded them; none when it is not kept. */
    static List<FileOutcome> outcomes(InternalAccess internal, String release, String county) {
        try {
            return internal.fileOutcomes(release, county);
        } catch (RuntimeException e) {
            // A release whose facts are pruned (or a hand-made test release) has no ingestion record: every file waits.
            return List.of();
        }
    }

    private Receipt view(UploadReceipt r, List<UploadReceipt> all, Map<String, List<FileOutcome>> outcomes, String release) {
        Map<String, String> message = new LinkedHashMap<>();
        List<Quarantined> quarantined = new ArrayList<>();
        String state;
        String publishAt = null;
        String foundIn = null;
        if (r.outcome() == UploadReceipt.Outcome.REFUSED) {
            state = "refused";
            for (String lang : ReceiptText.LANGUAGES) {
                message.put(lang, ReceiptText.text(lang, "refused", ReceiptText.problem(lang, r.problem())));
            }
        } else {
            FileOutcome o = outcomes.getOrDefault(r.fileName(), List.of()).stream().filter(x -> x.checksum().equals(r.checksum()))
                    .findFirst().orElse(null);
            boolean later = all.stream().anyMatch(x -> x.id() > r.id() && x.outcome() == UploadReceipt.Outcome.ACCEPTED
                    && x.slice() != null && x.slice().equals(r.slice()));
            if (o != null && ("LOADED".equals(o.status()) || "NIL_RETURN".equals(o.status()))) {
                state = o.status().equals("LOADED") ? "loaded" : "nil_return";
                foundIn = release;
                for (String lang : ReceiptText.LANGUAGES) {
                    message.put(lang, state.equals("loaded") ? ReceiptText.text(lang, "loaded", release, o.rowsLoaded(), o.rowsIn())
                            : ReceiptText.text(lang, "nilReturn", release));
                }
                o.quarantinedByRule().forEach((rule, rows) -> quarantined.add(new Quarantined(rule, rows, texts(rule))));
            } else if (o != null && "REJECTED".equals(o.status())) {
                state = "refused_at_run";
                foundIn = release;
                for (String lang : ReceiptText.LANGUAGES) {
                    message.put(lang, ReceiptText.text(lang, "refusedAtRun", problemText(lang, o.problem())));
                }
                o.quarantinedByRule().forEach((rule, rows) -> quarantined.add(new Quarantined(rule, rows, texts(rule))));
            } else if (later) {
                state = "superseded";
                for (String lang : ReceiptText.LANGUAGES) {
                    message.put(lang, ReceiptText.text(lang, "superseded"));
                }
            } else {
                state = "waiting";
                publishAt = nextRun();
                for (String lang : ReceiptText.LANGUAGES) {
                    message.put(lang, ReceiptText.text(lang, "accepted") + (r.replacedEarlier() ? " " + ReceiptText.text(lang, "replaced") : "")
                            + " " + ReceiptText.text(lang, "publishedAt", publishAt));
                }
            }
        }
        // A refused file's answer carries its reason as the plain error every refusal of the API has.
        String error = r.outcome() == UploadReceipt.Outcome.REFUSED ? message.get("en") : null;
        return new Receipt(r.id(), r.receivedAt(), r.fileName(), r.source(), r.month(), r.sizeBytes(), r.rowsIn(), r.outcome().name(),
                r.problem(), state, message, quarantined, foundIn, publishAt, error);
    }

    private static Map<String, String> texts(String rule) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String lang : ReceiptText.LANGUAGES) {
            try {
                t.put(lang, ReceiptText.rule(lang, rule));
            } catch (IllegalArgumentException e) {
                t.put(lang, rule);
            }
        }
        return t;
    }

    private static String problemText(String lang, String problem) {
        try {
            return ReceiptText.problem(lang, problem);
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(problem);
        }
    }

    /** The next scheduled ingestion run, Tirana time. */
    private String nextRun() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(TIRANA));
        ZonedDateTime run = LocalDate.from(now).atTime(uploads.dailyRunAt()).atZone(TIRANA);
        if (!run.isAfter(now)) {
            run = run.plusDays(1);
        }
        return WHEN.format(run);
    }
}
