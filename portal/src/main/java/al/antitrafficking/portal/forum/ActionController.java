package al.antitrafficking.portal.forum;

import static java.util.Objects.requireNonNull;

import al.antitrafficking.portal.Requests;
import al.antitrafficking.portal.access.ActionAccess;
import al.antitrafficking.portal.access.AuditLog;
import al.antitrafficking.portal.access.Principal;
import al.antitrafficking.portal.access.WebGuard;
import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.forum.Action;
import al.antitrafficking.warehouse.forum.ActionChange;
import al.antitrafficking.warehouse.forum.ActionFilter;
import al.antitrafficking.warehouse.forum.ActionSummary;
import al.antitrafficking.warehouse.forum.ActionForm;
import al.antitrafficking.warehouse.forum.ActionNote;
import al.antitrafficking.warehouse.forum.ActionStatus;
import al.antitrafficking.warehouse.forum.ForumStore;
import al.antitrafficking.warehouse.forum.NoteForm;
import al.antitrafficking.warehouse.forum.StatusChange;
import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.IndicatorQuery;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.release.PublishedRelease;
import al.antitrafficking.warehouse.release.PublishedReleases;
import al.antitrafficking.warehouse.reference.Territory;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Forum actions: lists with filters and exports, the detail with notes and history, edits, status changes,
 * notes, and the effect view (the named indicators' trend in the action's county). "Today", for overdue,
 * is the date in Tirana.
 */
public final class ActionController {
    private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");

    private final ForumStore store;
    private final PublishedReleases releases;
    private final Territory territory;
    private final Clock clock;
    private final ActionAccess access;
    private final AuditLog audit;
    private final al.antitrafficking.warehouse.access.Institutions institutions;

    public ActionController(ForumStore store, PublishedReleases releases, Territory territory, Clock clock, ActionAccess access, AuditLog audit,
                            al.antitrafficking.warehouse.access.Institutions institutions) {
        this.store = requireNonNull(store, "store is null");
        this.releases = requireNonNull(releases, "releases is null");
        this.territory = requireNonNull(territory, "territory is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.access = requireNonNull(access, "access is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.institutions = requireNonNull(institutions, "institutions is null");
    }

    /** An action's page: the action, its forum's title, notes and history. */
    public record ActionDetail(ActionView action, String forumTitle, List<ActionNote> notes, List<ActionChange> history) {}

    /**
     * The effect view: the named indicators' trend in the action's county beside Albania's, with when work started, when it
     * was due and when it ended; the named indicators the release does not publish by county are listed, not drawn.
     */
    public record Effect(String countyCode, String countyName, LocalDate started, LocalDate dueDate, LocalDate completed,
                         List<Trend> trends, List<String> notByCounty, String release) {}

    /**
     * One indicator's trend in a county ({@code county}), by the finest period the release publishes there, and Albania's
     * at the same periods ({@code albania}).
     */
    public record Trend(String indicator, String periodType, List<Series> series, int suppressionThreshold) {}

    public record Series(String key, List<Point> points) {}

    public record Point(String period, Long value, CellStatus status) {}

    public void list(Context ctx) {
        ctx.json(filtered(ctx));
    }

    public void exportCsv(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"forum-actions.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(ActionExport.csv(filtered(ctx)).getBytes(StandardCharsets.UTF_8));
    }

    /** The list as a workbook in the language of {@code lang} (sq or en, English by default). */
    public void exportXlsx(Context ctx) {
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("en");
        if (!lang.equals("sq") && !lang.equals("en")) {
            throw new BadRequestResponse("Cannot make the file: lang must be sq or en");
        }
        java.util.Map<String, String> translated = store.translations(lang);
        java.util.function.UnaryOperator<String> institution = name -> lang.equals("sq")
                ? institutions.byName(name).map(al.antitrafficking.warehouse.access.Institutions.Institution::nameSq).orElse(name) : name;
        byte[] file = ActionExport.xlsx(filtered(ctx), lang, text -> translated.getOrDefault(text, text), institution);
        ctx.header("Content-Disposition", "attachment; filename=\"" + (lang.equals("sq") ? "veprimet-e-forumeve" : "forum-actions") + ".xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.result(file);
    }

    public void show(Context ctx) {
        Action action = find(Requests.id(ctx));
        String forumTitle = store.findForum(action.forumId()).map(f -> f.title()).orElse("");
        ctx.json(new ActionDetail(view(action), forumTitle, store.notes(action.id()), store.history(action.id())));
    }

    /** Creates an action; its editor is the signed-in person, never a field of the body. */
    public void create(Context ctx) {
        Principal p = WebGuard.of(ctx);
        ActionForm form = Requests.read(ctx, ActionForm.class);
        access.requireCounty(p, form.county());
        Action created = store.createAction(new ActionForm(form.forumId(), form.text(), form.finding(), form.responsibleInstitution(),
                form.county(), form.dueDate(), form.indicators(), p.editor(), form.version()));
        audit.record(ctx, AuditEvent.ACTION_CHANGED, "action " + created.id(), "created", null);
        ctx.status(201).json(view(created));
    }

    public void update(Context ctx) {
        Principal p = WebGuard.of(ctx);
        Action current = find(Requests.id(ctx));
        ActionForm form = Requests.read(ctx, ActionForm.class);
        access.requireCounty(p, current.countyCode());
        access.requireCounty(p, form.county());
        Action updated = store.updateAction(current.id(), new ActionForm(form.forumId(), form.text(), form.finding(),
                form.responsibleInstitution(), form.county(), form.dueDate(), form.indicators(), p.editor(), form.version()));
        audit.record(ctx, AuditEvent.ACTION_CHANGED, "action " + updated.id(), "edited", null);
        ctx.json(view(updated));
    }

    public void changeStatus(Context ctx) {
        Principal p = WebGuard.of(ctx);
        Action current = find(Requests.id(ctx));
        StatusChange change = Requests.read(ctx, StatusChange.class);
        access.requireStatus(p, current, change.status());
        Action changed = store.changeStatus(current.id(), new StatusChange(change.status(), change.reason(), p.editor(), change.version()));
        audit.record(ctx, AuditEvent.ACTION_CHANGED, "action " + changed.id(), "status " + current.status() + " -> " + changed.status(), null);
        ctx.json(view(changed));
    }

    public void addNote(Context ctx) {
        Principal p = WebGuard.of(ctx);
        Action current = find(Requests.id(ctx));
        NoteForm form = Requests.read(ctx, NoteForm.class);
        access.requireFollowUp(p, current);
        ActionNote note = store.addNote(current.id(), new NoteForm(form.text(), p.editor()));
        audit.record(ctx, AuditEvent.ACTION_CHANGED, "action " + current.id(), "note " + note.id() + " added", null);
        ctx.status(201).json(note);
    }

    public void effect(Context ctx) {
        Action action = find(Requests.id(ctx));
        LocalDate started = firstDayOfStatus(action.id(), ActionStatus.IN_PROGRESS);
        LocalDate completed = firstDayOfStatus(action.id(), ActionStatus.DONE);
        PublishedRelease release = releases.current();
        List<String> named = action.indicators().stream().filter(release.trendIndicators()::contains).toList();
        List<Trend> series = named.stream()
                .filter(indicator -> release.publication(indicator).containsKey("county"))
                .map(indicator -> trend(release, release.countyTrend(indicator, action.countyCode(), clock.instant())))
                .toList();
        List<String> notByCounty = named.stream().filter(indicator -> !release.publication(indicator).containsKey("county")).toList();
        ctx.json(new Effect(action.countyCode(), view(action).countyName(), started, action.dueDate(), completed, series, notByCounty,
                release.id()));
    }

    private Trend trend(PublishedRelease release, IndicatorResult county) {
        IndicatorResult albania = release.indicator(IndicatorQuery.of(county.indicator(), release.firstMonth(), release.lastMonth(),
                county.periodType()), clock.instant());
        return new Trend(county.indicator(), county.periodType().name().toLowerCase(Locale.ROOT),
                List.of(new Series("county", points(county)), new Series("albania", points(albania))), county.suppressionThreshold());
    }

    private static List<Point> points(IndicatorResult r) {
        return r.rows().stream().map(row -> new Point(row.period(),
                row.status() == CellStatus.PUBLISHED ? row.numerator() : null, row.status())).toList();
    }

    /**
     * The forum-action indicators by county, forum or responsible institution ({@code by}), on today's date in Tirana;
     * example actions counted only with {@code examples=true}.
     */
    public void summary(Context ctx) {
        String by = Optional.ofNullable(ctx.queryParam("by")).orElse("county");
        ActionSummary.By grouping = switch (by) {
            case "county" -> ActionSummary.By.COUNTY;
            case "forum" -> ActionSummary.By.FORUM;
            case "institution" -> ActionSummary.By.INSTITUTION;
            default -> throw new BadRequestResponse("Cannot summarise actions: by must be county, forum or institution");
        };
        boolean examples = switch (Optional.ofNullable(ctx.queryParam("examples")).orElse("false")) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new BadRequestResponse("Cannot summarise actions: examples must be true or false");
        };
        ctx.json(ActionSummary.of(store.actions(ActionFilter.all()), grouping, today(), examples));
    }

    /** What forum and action texts typed in another language read in {@code language} (sq or en), by their exact words. */
    public void translations(Context ctx) {
        String language = Optional.ofNullable(ctx.queryParam("language")).orElse("");
        if (!language.equals("sq") && !language.equals("en")) {
            throw new BadRequestResponse("Cannot give translations: language must be sq or en");
        }
        ctx.json(store.translations(language));
    }

    private LocalDate firstDayOfStatus(long actionId, ActionStatus status) {
        return store.history(actionId).stream()
                .filter(c -> c.field().equals("status") && status.name().equals(c.newValue()))
                .map(c -> java.time.Instant.parse(c.changedAt()).atZone(TIRANA).toLocalDate())
                .findFirst().orElse(null);
    }

    private List<ActionView> filtered(Context ctx) {
        LocalDate today = today();
        ActionFilter filter = new ActionFilter(
                Optional.ofNullable(ctx.queryParam("forum")).filter(s -> !s.isBlank()).map(ActionController::number),
                Optional.ofNullable(ctx.queryParam("county")).filter(s -> !s.isBlank()).map(this::county),
                Optional.ofNullable(ctx.queryParam("institution")).filter(s -> !s.isBlank()),
                Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank()).map(ActionController::status),
                overdue(ctx.queryParam("overdue")) ? Optional.of(today) : Optional.empty());
        return store.actions(filter).stream().map(a -> ActionView.of(a, territory, today)).toList();
    }

    private static boolean overdue(String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BadRequestResponse("Cannot read filter: overdue must be true or false");
    }

    private Action find(long id) {
        return store.findAction(id).orElseThrow(() -> new NotFoundResponse("No action " + id));
    }

    private ActionView view(Action action) {
        return ActionView.of(action, territory, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TIRANA));
    }

    private static long number(String value) {
        if (!value.matches("[1-9][0-9]{0,17}")) {
            throw new BadRequestResponse("Cannot read filter: forum must be a number such as 2");
        }
        return Long.parseLong(value);
    }

    private String county(String value) {
        if (territory.findCounty(value).isEmpty()) {
            throw new BadRequestResponse("Cannot read filter: county must be a county code, AL-01 to AL-12");
        }
        return value;
    }

    private static ActionStatus status(String value) {
        try {
            return ActionStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Cannot read filter: status must be one of " + List.of(ActionStatus.values()));
        }
    }
}
