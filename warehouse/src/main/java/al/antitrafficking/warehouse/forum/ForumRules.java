package al.antitrafficking.warehouse.forum;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.pii.PiiGuard;
import al.antitrafficking.warehouse.pii.PiiRule;
import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a forum or an action must meet before anything is saved. Every broken rule is collected
 * with its field, so a person sees all problems at once; messages name the field's problem and never
 * echo free text back.
 *
 * <p>Every free-text field (a forum's title, context, organisers, objectives, institutions, findings and source note;
 * an action's text, finding and responsible institution; a note; a status change's reason) passes the ingestion's
 * personal-data guard ({@link PiiGuard#checkText}): text that looks like a person's name, a phone number, an e-mail
 * address or a personal number is refused, the message naming the kind of match and never the text. Editors' and
 * authors' names are who typed, not what: they are not checked.
 */
public final class ForumRules {
    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_ITEMS = 50;

    private final Territory territory;
    private final Set<String> indicators;
    private final PiiGuard guard;
    private final al.antitrafficking.warehouse.access.Institutions institutions;

    public ForumRules(Territory territory, Set<String> indicators, PiiGuard guard) {
        this(territory, indicators, guard, null);
    }

    private ForumRules(Territory territory, Set<String> indicators, PiiGuard guard, al.antitrafficking.warehouse.access.Institutions institutions) {
        this.territory = territory;
        this.indicators = Set.copyOf(indicators);
        this.guard = java.util.Objects.requireNonNull(guard, "guard is null");
        this.institutions = institutions;
    }

    /**
     * The same rules, with an action's responsible institution one of the reference list (written as there): a partner
     * organisation's account is bound to one of them, so an action it follows up must name it the same way.
     */
    public ForumRules withInstitutions(al.antitrafficking.warehouse.access.Institutions list) {
        return new ForumRules(territory, indicators, guard, java.util.Objects.requireNonNull(list, "institutions is null"));
    }

    /** The rules with the personal-data guard of the configured {@code pii.dir}, as the ingestion reads it. */
    public static ForumRules load(AppConfig config, Territory territory, Set<String> indicators) {
        return new ForumRules(territory, indicators, PiiGuard.load(config.piiDir(), territory, Countries.load(config.referenceDir())))
                .withInstitutions(al.antitrafficking.warehouse.access.Institutions.load(config.referenceDir()));
    }

    /** A forum's checked values. */
    public record ForumValues(LocalDate heldOn, String municipalityCode, String title, String context, List<String> organisers,
                              List<String> objectives, List<String> institutions, List<String> findings, String sourceNote,
                              String editor) {}

    /** An action's checked values. */
    public record ActionValues(long forumId, String text, String finding, String responsibleInstitution, String countyCode,
                               LocalDate dueDate, List<String> indicators, String editor) {}

    public ForumValues forum(ForumForm form) {
        Errors e = new Errors(guard);
        LocalDate heldOn = e.date("heldOn", form.heldOn());
        String municipality = null;
        if (e.required("municipality", form.municipality(), MAX_NAME) != null) {
            municipality = territory.findMunicipality(form.municipality()).map(m -> m.code()).orElse(null);
            if (municipality == null) {
                e.add("municipality", "not one of the 61 municipalities");
            }
        }
        ForumValues values = new ForumValues(heldOn, municipality,
                e.text("title", e.required("title", form.title(), MAX_NAME)),
                e.text("context", e.required("context", form.context(), MAX_TEXT)),
                e.texts("organisers", e.list("organisers", form.organisers(), true)),
                e.texts("objectives", e.list("objectives", form.objectives(), true)),
                e.texts("institutions", e.list("institutions", form.institutions(), true)),
                e.texts("findings", e.list("findings", form.findings(), false)),
                e.text("sourceNote", e.optional("sourceNote", form.sourceNote(), MAX_TEXT)),
                e.required("editor", form.editor(), MAX_NAME));
        e.throwIfAny("forum");
        return values;
    }

    public ActionValues action(ActionForm form, Optional<Forum> forum) {
        Errors e = new Errors(guard);
        if (form.forumId() == null) {
            e.add("forumId", "required");
        } else if (forum.isEmpty()) {
            e.add("forumId", "no such forum");
        }
        String finding = e.text("finding", e.required("finding", form.finding(), MAX_TEXT));
        if (finding != null && forum.isPresent() && !forum.get().findings().contains(finding)) {
            e.add("finding", "not one of the forum's findings");
        }
        String county = e.required("county", form.county(), MAX_NAME);
        if (county != null && territory.findCounty(county).isEmpty()) {
            e.add("county", "not a county code (AL-01 to AL-12)");
        }
        LocalDate due = e.date("dueDate", form.dueDate());
        if (due != null && forum.isPresent() && due.isBefore(forum.get().heldOn())) {
            e.add("dueDate", "before the forum was held (" + forum.get().heldOn() + ")");
        }
        List<String> named = form.indicators() == null ? List.of() : form.indicators();
        for (String indicator : named) {
            if (indicator == null || !indicators.contains(indicator)) {
                e.add("indicators", "unknown indicator; known: " + new java.util.TreeSet<>(indicators));
            }
        }
        String institution = e.text("responsibleInstitution", e.required("responsibleInstitution", form.responsibleInstitution(), MAX_NAME));
        if (institution != null && institutions != null) {
            java.util.Optional<al.antitrafficking.warehouse.access.Institutions.Institution> known = institutions.byName(institution);
            if (known.isEmpty()) {
                e.add("responsibleInstitution", "not one of the institutions of conf/reference/institutions.csv");
            }
            institution = known.map(al.antitrafficking.warehouse.access.Institutions.Institution::name).orElse(institution);
        }
        ActionValues values = new ActionValues(form.forumId() == null ? 0 : form.forumId(),
                e.text("text", e.required("text", form.text(), MAX_TEXT)), finding, institution, county, due,
                List.copyOf(new java.util.LinkedHashSet<>(named.stream().filter(i -> i != null).toList())),
                e.required("editor", form.editor(), MAX_NAME));
        e.throwIfAny("action");
        return values;
    }

    /** Checks a status change against the workflow; returns the target status. */
    public ActionStatus statusChange(Action action, StatusChange change) {
        Errors e = new Errors(guard);
        ActionStatus target = null;
        if (e.required("status", change.status(), MAX_NAME) != null) {
            try {
                target = ActionStatus.valueOf(change.status().trim().toUpperCase(java.util.Locale.ROOT));
                if (!action.status().canMoveTo(target)) {
                    e.add("status", "cannot move from " + action.status() + " to " + target + "; allowed: " + action.status().next());
                }
            } catch (IllegalArgumentException ex) {
                e.add("status", "not a status; known: " + List.of(ActionStatus.values()));
            }
        }
        if (target == ActionStatus.DROPPED) {
            e.required("reason", change.reason(), MAX_TEXT);
        }
        e.text("reason", change.reason());
        e.required("editor", change.editor(), MAX_NAME);
        e.throwIfAny("status change");
        return target;
    }

    /**
     * A translation's checked values: the source as stored (stripped), the language, the translation stripped or null
     * (none), of at most {@link #translationLimit(String)} characters. The translation passes the personal-data guard
     * like the text it translates.
     */
    public TranslationForm translation(TranslationForm form) {
        Errors e = new Errors(guard);
        String source = e.required("source", form.source(), MAX_TEXT);
        String language = e.required("language", form.language(), 2);
        if (language != null && !List.of("sq", "en").contains(language)) {
            e.add("language", "must be sq or en");
        }
        String translation = e.text("translation", e.optional("translation", form.translation(), translationLimit(source)));
        e.throwIfAny("translation");
        return new TranslationForm(source, language, translation);
    }

    /**
     * How long a translation of {@code source} may be: three times its text, at least what a title may be, at most what a
     * text may be (a title of 200 characters is not translated into a page of 4,000).
     */
    static int translationLimit(String source) {
        return source == null ? MAX_TEXT : Math.min(MAX_TEXT, Math.max(MAX_NAME, 3 * source.length()));
    }

    public NoteForm note(NoteForm note) {
        Errors e = new Errors(guard);
        NoteForm checked = new NoteForm(e.text("text", e.required("text", note.text(), MAX_TEXT)), e.required("author", note.author(), MAX_NAME));
        e.throwIfAny("note");
        return checked;
    }

    /** Collects field errors; each method returns the cleaned value, or null when it broke a rule. */
    private static final class Errors {
        private final Map<String, String> errors = new LinkedHashMap<>();
        private final PiiGuard guard;

        Errors(PiiGuard guard) {
            this.guard = guard;
        }

        void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        String required(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                add(field, "required");
                return null;
            }
            return optional(field, value, max);
        }

        String optional(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            if (value.length() > max) {
                add(field, "longer than " + max + " characters");
                return null;
            }
            return value.strip();
        }

        /** Free text as typed: null (and the field's error) when it may hold personal data. */
        String text(String field, String value) {
            Optional<PiiRule> hit = value == null ? Optional.empty() : guard.checkText(value);
            if (hit.isPresent()) {
                add(field, personalData(hit.get()));
                return null;
            }
            return value;
        }

        /** Each entry of a list of free text; the error says which entry, by its place in the list. */
        List<String> texts(String field, List<String> values) {
            for (int i = 0; i < values.size(); i++) {
                Optional<PiiRule> hit = guard.checkText(values.get(i));
                if (hit.isPresent()) {
                    add(field, "entry " + (i + 1) + " " + personalData(hit.get()));
                }
            }
            return values;
        }

        private static String personalData(PiiRule rule) {
            return "may contain personal data (" + rule.described() + "): write about cases without naming or identifying anyone";
        }

        LocalDate date(String field, String value) {
            if (required(field, value, 10) == null) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException ex) {
                add(field, "not a date as yyyy-MM-dd");
                return null;
            }
        }

        List<String> list(String field, List<String> values, boolean atLeastOne) {
            List<String> cleaned = new ArrayList<>();
            for (String v : values == null ? List.<String>of() : values) {
                if (v == null || v.isBlank()) {
                    add(field, "has an empty entry");
                } else if (v.length() > MAX_TEXT) {
                    add(field, "has an entry longer than " + MAX_TEXT + " characters");
                } else {
                    cleaned.add(v.strip());
                }
            }
            if (atLeastOne && cleaned.isEmpty()) {
                add(field, "at least one entry required");
            }
            if (cleaned.size() > MAX_ITEMS) {
                add(field, "more than " + MAX_ITEMS + " entries");
            }
            return cleaned;
        }

        void throwIfAny(String what) {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(what, errors);
            }
        }
    }
}
