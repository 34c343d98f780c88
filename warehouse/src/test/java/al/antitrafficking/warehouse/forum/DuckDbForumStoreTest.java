package al.antitrafficking.warehouse.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.antitrafficking.warehouse.config.AppConfig;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbForumStoreTest {
    static final AppConfig CONFIG = AppConfig.load(Path.of(System.getProperty("project.root", "..")).resolve(AppConfig.DEFAULT_CONFIG_FILE),
            Map.of());
    static final Territory TERRITORY = Territory.load(CONFIG.referenceDir());
    /** With the personal-data guard of the configured conf/pii, as the portal loads it. */
    static final ForumRules RULES = ForumRules.load(CONFIG, TERRITORY, Set.of("children_encountered", "child_victims"));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final String FINDING = "coordination between different local structures is incomplete";

    @TempDir
    Path dir;
    DuckDbForumStore store;

    @BeforeEach
    void open() {
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aStoreOpenedWithinLimitsHasThem() {
        // The store of @BeforeEach has DuckDB's own limits: most of the machine's memory, every core.
        assertThat(store.setting("memory_limit")).isNotEqualTo("61.0 MiB");
        try (DuckDbForumStore bounded = DuckDbForumStore.open(dir.resolve("bounded.duckdb"), RULES, CLOCK,
                new al.antitrafficking.warehouse.config.DuckDbLimits("64MB", 1))) {
            // 64 MB are 61.0 MiB, as DuckDB reports them.
            assertThat(bounded.setting("memory_limit")).isEqualTo("61.0 MiB");
            assertThat(bounded.setting("threads")).isEqualTo("1");
            assertThat(bounded.forums()).isNotNull();
        }
    }

    static ActionForm action(String text, String due, Integer version) {
        return new ActionForm(2L, text, FINDING, "Regional Anti-trafficking Committee Kukës", "AL-07", due,
                List.of("children_encountered"), "Arben", version);
    }

    @Test
    void startsWithTheTwoForumsOfOctober2014AsTheSeedReportsThem() {
        List<Forum> forums = store.forums();

        assertThat(forums).extracting(Forum::heldOn).containsExactly(LocalDate.of(2014, 10, 23), LocalDate.of(2014, 10, 20));
        assertThat(forums).extracting(Forum::municipalityCode).containsExactly("AL132", "AL332");
        Forum kukes = forums.get(0);
        assertThat(kukes.organisers()).containsExactly("Terre des hommes", "Save the Children");
        assertThat(kukes.objectives()).hasSize(3).first().asString()
                .isEqualTo("to raise the awareness of local public authorities on the vulnerabilities of children on the move to trafficking and other forms of abuse");
        assertThat(kukes.institutions()).contains("Border Police", "Regional Anti-trafficking Committee");
        assertThat(kukes.findings()).containsExactly("efforts in child protection are still very fragmented", FINDING,
                "there are still issues with the convergence between the different established mechanisms such as the Child Protection System and the National Referral Mechanism of Victims of Trafficking");
        assertThat(kukes.context()).contains("National Anti-trafficking Week").contains("Mario project");
        assertThat(store.actions(ActionFilter.all())).isEmpty();
    }

    @Test
    void writesPlacesOneWayAndHasEveryTextOfTheSeededForumsInAlbanian() {
        List<Forum> forums = store.forums();
        Map<String, String> albanian = store.translations("sq");

        assertThat(forums.get(0).objectives().get(1))
                .isEqualTo("to analyse the local situation in both Gjirokastër (in the south, bordering with Greece) and Kukës (in the north, bordering Kosovo)");
        for (Forum f : forums) {
            List<String> texts = new java.util.ArrayList<>(List.of(f.title(), f.context(), f.sourceNote()));
            texts.addAll(f.objectives());
            texts.addAll(f.institutions());
            texts.addAll(f.findings());
            assertThat(texts).allSatisfy(t -> assertThat(albanian).containsKey(t));
        }
        assertThat(albanian.get(FINDING)).isEqualTo("koordinimi ndërmjet strukturave të ndryshme vendore është i paplotë");
        assertThat(store.translations("en")).isEmpty();
    }

    @Test
    void anEditedTextLosesItsTranslationAndTheOthersKeepTheirs() {
        Forum kukes = store.forums().get(0);
        store.updateForum(kukes.id(), new ForumForm(kukes.heldOn().toString(), kukes.municipalityCode(), kukes.title() + " (revised)",
                kukes.context(), kukes.organisers(), kukes.objectives(), kukes.institutions(), kukes.findings(), kukes.sourceNote(),
                "Arben", kukes.version()));
        Map<String, String> albanian = store.translations("sq");

        assertThat(albanian).doesNotContainKey(kukes.title() + " (revised)").containsKey(kukes.context());
    }

    @Test
    void wordsEditedOutOfEveryForumAndActionLeaveNoTranslationBehind() {
        Forum kukes = store.forums().get(0);
        Action a = store.createAction(action("Review late referrals", "2015-06-30", null));
        store.translate(new TranslationForm("Review late referrals", "sq", "Rishikimi i referimeve të vonuara"));
        // Reworded by an editor (say, the old words identified someone and the guard missed it): they leave the translations too.
        store.updateAction(a.id(), new ActionForm(2L, "Review referrals made late", FINDING, "County Council Kukës", "AL-07",
                "2015-06-30", List.of(), "Drita", 1));
        store.updateForum(kukes.id(), new ForumForm(kukes.heldOn().toString(), kukes.municipalityCode(), kukes.title(), kukes.context(),
                kukes.organisers(), kukes.objectives(), kukes.institutions(), kukes.findings().subList(1, kukes.findings().size()),
                kukes.sourceNote(), "Drita", kukes.version()));

        assertThat(store.translations("sq")).doesNotContainKey("Review late referrals")
                .containsKey(kukes.title()).containsKey(kukes.findings().get(1));
        // A finding dropped from this forum keeps its translation while the other forum still holds the same words.
        Forum other = store.forums().get(1);
        assertThat(store.translations("sq").containsKey(kukes.findings().get(0))).isEqualTo(other.findings().contains(kukes.findings().get(0)));
    }

    @Test
    void aTranslationIsSavedReplacedAndRemovedByItsExactWords() {
        Forum kukes = store.forums().get(0);
        String finding = kukes.findings().get(0);

        store.translate(new TranslationForm(kukes.title(), "en", "  Local forum in Kukës  "));
        store.translate(new TranslationForm(finding, "sq", "përpjekjet janë ende të shpërndara"));

        assertThat(store.translations("en")).containsExactly(Map.entry(kukes.title(), "Local forum in Kukës"));
        assertThat(store.translations("sq").get(finding)).isEqualTo("përpjekjet janë ende të shpërndara");

        store.translate(new TranslationForm(kukes.title(), "en", ""));
        assertThat(store.translations("en")).isEmpty();
        assertThat(store.translations("sq").get(finding)).isEqualTo("përpjekjet janë ende të shpërndara");
    }

    @Test
    void aTranslationPassesThePersonalDataGuardAndNamesOnlyTheField() {
        Forum kukes = store.forums().get(0);
        Map<String, String> before = store.translations("sq");

        InvalidInputException phone = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> store.translate(new TranslationForm(kukes.title(), "sq", "telefononi 0692345678")));
        assertRefused(phone, "translation", "a phone number", "0692345678");
        InvalidInputException language = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> store.translate(new TranslationForm(kukes.title(), "it", "Forum locale")));
        assertThat(language.fieldErrors()).containsOnlyKeys("language");
        assertThat(store.translations("sq")).isEqualTo(before);
    }

    @Test
    void aTitlesTranslationIsNoLongerThanThreeTimesTheTitleOrTheLengthOfATitle() {
        Forum kukes = store.forums().get(0);
        int title = kukes.title().length();
        int limit = Math.max(200, 3 * title);
        Map<String, String> before = store.translations("en");

        InvalidInputException tooLong = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> store.translate(new TranslationForm(kukes.title(), "en", "x".repeat(limit + 1))));
        assertThat(tooLong.fieldErrors()).containsOnlyKeys("translation");
        assertThat(tooLong.fieldErrors().get("translation")).isEqualTo("longer than " + limit + " characters");
        assertThat(store.translations("en")).isEqualTo(before);

        store.translate(new TranslationForm(kukes.title(), "en", "y".repeat(limit)));
        assertThat(store.translations("en").get(kukes.title())).hasSize(limit);
        // A long finding may have a long translation, up to what any text may be.
        String finding = kukes.findings().get(2);
        store.translate(new TranslationForm(finding, "en", "z".repeat(3 * finding.length())));
        assertThat(store.translations("en").get(finding)).hasSize(3 * finding.length());
    }

    @Test
    void createsAProposedActionWithAHistoryRow() {
        Action a = store.createAction(action("Joint monthly case review of border and CPU staff", "2015-06-30", null));

        assertThat(a.status()).isEqualTo(ActionStatus.PROPOSED);
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.example()).isFalse();
        assertThat(store.history(a.id())).extracting(ActionChange::field, ActionChange::newValue, ActionChange::editor)
                .containsExactly(org.assertj.core.api.Assertions.tuple("created", "PROPOSED", "Arben"));
    }

    @Test
    void editsWriteOneHistoryRowPerChangedFieldWithOldAndNewValues() {
        Action a = store.createAction(action("First text", "2015-06-30", null));

        Action edited = store.updateAction(a.id(), new ActionForm(2L, "Second text", FINDING,
                "Regional Anti-trafficking Committee Kukës", "AL-07", "2015-09-30", List.of("children_encountered"), "Drita", 1));

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.updatedBy()).isEqualTo("Drita");
        assertThat(store.history(a.id())).extracting(ActionChange::field, ActionChange::oldValue, ActionChange::newValue)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("created", null, "PROPOSED"),
                        org.assertj.core.api.Assertions.tuple("text", "First text", "Second text"),
                        org.assertj.core.api.Assertions.tuple("dueDate", "2015-06-30", "2015-09-30"));
    }

    @Test
    void followsTheWorkflowAndRefusesAJump() {
        Action a = store.createAction(action("x", "2015-06-30", null));
        a = store.changeStatus(a.id(), new StatusChange("under_review", null, "Coordinator", 1));
        a = store.changeStatus(a.id(), new StatusChange("INTEGRATED", null, "Coordinator", 2));
        long id = a.id();

        assertThatThrownBy(() -> store.changeStatus(id, new StatusChange("DONE", null, "Arben", 3)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("status"))
                        .isEqualTo("cannot move from INTEGRATED to DONE; allowed: [IN_PROGRESS, DROPPED]"));
        assertThat(store.findAction(id).orElseThrow().status()).isEqualTo(ActionStatus.INTEGRATED);
        assertThat(store.history(id)).extracting(ActionChange::field, ActionChange::oldValue, ActionChange::newValue)
                .endsWith(org.assertj.core.api.Assertions.tuple("status", "UNDER_REVIEW", "INTEGRATED"));
    }

    @Test
    void droppingNeedsAReasonWhichIsKept() {
        Action a = store.createAction(action("x", "2015-06-30", null));

        assertThatThrownBy(() -> store.changeStatus(a.id(), new StatusChange("DROPPED", " ", "Coordinator", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("reason"));
        Action dropped = store.changeStatus(a.id(), new StatusChange("DROPPED", "Merged into the national plan", "Coordinator", 1));

        assertThat(dropped.dropReason()).isEqualTo("Merged into the national plan");
    }

    @Test
    void aSecondSaveOnTheSameVersionIsAConflictAndTheFirstSaveStays() {
        Action a = store.createAction(action("Original", "2015-06-30", null));
        store.updateAction(a.id(), action("Saved first", "2015-06-30", 1));

        assertThatThrownBy(() -> store.updateAction(a.id(), action("Saved second", "2015-06-30", 1)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(((Action) e.current()).text()).isEqualTo("Saved first");
                    assertThat(((Action) e.current()).version()).isEqualTo(2);
                });
        assertThat(store.findAction(a.id()).orElseThrow().text()).isEqualTo("Saved first");
        assertThatThrownBy(() -> store.changeStatus(a.id(), new StatusChange("UNDER_REVIEW", null, "Coordinator", 1)))
                .isInstanceOf(VersionConflictException.class);
    }

    @Test
    void refusesBadInputListingEveryFieldAndSavesNothing() {
        ActionForm bad = new ActionForm(2L, " ", "a finding nobody made", "", "AL-13", "2014-10-01", List.of("made_up"), "", null);

        assertThatThrownBy(() -> store.createAction(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.fieldErrors()).containsOnlyKeys("text", "finding", "responsibleInstitution", "county", "dueDate",
                        "indicators", "editor").containsEntry("dueDate", "before the forum was held (2014-10-23)"));
        assertThat(store.actions(ActionFilter.all())).isEmpty();
    }

    @Test
    void refusesAnActionForAForumThatDoesNotExist() {
        assertThatThrownBy(() -> store.createAction(new ActionForm(99L, "x", FINDING, "y", "AL-07", "2015-01-01", List.of(), "z", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsEntry("forumId", "no such forum"));
    }

    @Test
    void aNameTypedIntoANoteIsRefusedWithoutEchoingItAndNothingIsSaved() {
        Action a = store.createAction(action("Joint monthly case review", "2015-06-30", null));
        List<ActionChange> history = store.history(a.id());

        for (String typed : List.of("Met with Arben Hoxha's mother", "Met the mother of HOXHA Arben at school",
                "U takuam me nënën e ARBEN HOXHËS")) {
            assertThatThrownBy(() -> store.addNote(a.id(), new NoteForm(typed, "Ana"))).as(typed)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertRefused(e, "text", "a person's name", "Arben", "Hoxha"));
        }
        assertThat(store.notes(a.id())).isEmpty();
        assertThat(store.history(a.id())).isEqualTo(history);
    }

    @Test
    void aPhoneNumberInAnActionTextIsRefusedWithoutEchoingItAndNoActionIsSaved() {
        assertThatThrownBy(() -> store.createAction(action("Call the boy's mother on 069 123 4567 every week", "2015-06-30", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertRefused(e, "text", "a phone number", "069", "123", "4567"));
        Action a = store.createAction(action("Joint monthly case review", "2015-06-30", null));

        assertThatThrownBy(() -> store.updateAction(a.id(), action("Joint review; the CPU worker answers on +355 68 765 4321", "2015-06-30", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertRefused(e, "text", "a phone number", "355", "765", "4321"));
        assertThat(store.actions(ActionFilter.all())).containsExactly(a);
    }

    @Test
    void anEmailAddressInAForumFindingIsRefusedWithoutEchoingItAndNoForumIsSaved() {
        ForumForm form = new ForumForm("2026-02-20", "Kukës", "Local forum on children on the move: Kukës", "A follow-up forum",
                List.of("Terre des hommes"), List.of("to review the referral protocol"), List.of("Border Police"),
                List.of("referrals are late", "the CPU answers at arta.hoxha@example.com only"), null, "Coordinator", null);

        assertThatThrownBy(() -> store.createForum(form)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertRefused(e, "findings", "an e-mail address", "arta", "hoxha", "example"));
        assertThat(refusal(form).fieldErrors().get("findings")).startsWith("entry 2 ");
        assertThat(store.forums()).hasSize(2);
    }

    @Test
    void everyFreeTextFieldIsCheckedAndNamesOfEditorsAreNot() {
        String name = "Arben Hoxha";
        ForumForm forum = new ForumForm("2026-02-20", "Kukës", name, name, List.of(name), List.of(name), List.of(name), List.of(name),
                name, name, null);
        assertThat(refusal(forum).fieldErrors()).containsOnlyKeys("title", "context", "organisers", "objectives", "institutions",
                "findings", "sourceNote");
        ActionForm action = new ActionForm(2L, name, name, name, "AL-07", "2015-06-30", List.of(), name, null);
        assertThatThrownBy(() -> store.createAction(action)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("text", "finding", "responsibleInstitution"));

        Action a = store.createAction(action("Joint monthly case review", "2015-06-30", null));
        assertThatThrownBy(() -> store.changeStatus(a.id(), new StatusChange("DROPPED", "Arben Hoxha moved to Greece", "Coordinator", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertRefused(e, "reason", "a person's name", "Arben", "Hoxha"));
        assertThat(store.findAction(a.id()).orElseThrow().status()).isEqualTo(ActionStatus.PROPOSED);
        assertThat(store.addNote(a.id(), new NoteForm("first meeting held", name)).author()).isEqualTo(name);
    }

    @Test
    void theFreeTextOfBothForumsOf2014PassesTheGuardUnchanged() {
        List<Forum> forums = store.forums();
        assertThat(forums).hasSize(2);
        for (Forum f : forums) {
            ForumForm unchanged = new ForumForm(f.heldOn().toString(), f.municipalityCode(), f.title(), f.context(), f.organisers(),
                    f.objectives(), f.institutions(), f.findings(), f.sourceNote(), "Coordinator", f.version());

            assertThat(RULES.forum(unchanged).title()).isEqualTo(f.title());
            assertThat(store.updateForum(f.id(), unchanged).version()).isEqualTo(f.version() + 1);
            for (int i = 0; i < f.findings().size(); i++) {
                // Each finding as the finding of an action and its text, the context as a note and the source note as the
                // reason to drop it (the forum's institutions passed as its own field above; a responsible institution is
                // one of the reference list).
                String finding = f.findings().get(i);
                Action a = store.createAction(new ActionForm(f.id(), finding, finding, "County Council Kukës", "AL-07", "2015-06-30",
                        List.of(), "Coordinator", null));
                store.addNote(a.id(), new NoteForm(f.context(), "Coordinator"));
                store.changeStatus(a.id(), new StatusChange("DROPPED", f.sourceNote(), "Coordinator", 1));
            }
        }
    }

    /** The refusal of one field, naming the kind of personal data and none of what was typed. */
    private static void assertRefused(InvalidInputException e, String field, String kind, String... typed) {
        assertThat(e.fieldErrors()).containsOnlyKeys(field);
        assertThat(e.fieldErrors().get(field)).contains("may contain personal data (" + kind + ")");
        for (String part : typed) {
            assertThat(e.fieldErrors().get(field)).doesNotContainIgnoringCase(part);
            assertThat(e.getMessage()).doesNotContainIgnoringCase(part);
        }
    }

    private InvalidInputException refusal(ForumForm form) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class, () -> store.createForum(form));
    }

    @Test
    void overdueIsComputedFromTheDueDateAndStatus() {
        Action open = store.createAction(action("open", "2026-02-28", null));
        Action dueToday = store.createAction(action("due today", "2026-03-01", null));
        Action done = store.createAction(action("done", "2026-01-31", null));
        for (String s : List.of("UNDER_REVIEW", "INTEGRATED", "IN_PROGRESS", "DONE")) {
            done = store.changeStatus(done.id(), new StatusChange(s, null, "Coordinator", done.version()));
        }
        LocalDate today = LocalDate.of(2026, 3, 1);

        assertThat(open.overdueOn(today)).isTrue();
        assertThat(open.overdueOn(today.minusDays(1))).isFalse();
        assertThat(dueToday.overdueOn(today)).isFalse();
        assertThat(done.overdueOn(today)).isFalse();
        assertThat(store.actions(new ActionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(today)))).extracting(Action::text).containsExactly("open");
    }

    @Test
    void filtersByCountyInstitutionAndStatus() {
        store.createAction(action("Kukës action", "2015-06-30", null));
        store.createAction(new ActionForm(1L, "Gjirokastër action", FINDING, "Border Police Directorate Gjirokastër", "AL-05", "2015-06-30", List.of(), "Arben", null));

        assertThat(store.actions(new ActionFilter(Optional.empty(), Optional.of("AL-05"), Optional.empty(), Optional.empty(), Optional.empty())))
                .extracting(Action::text).containsExactly("Gjirokastër action");
        assertThat(store.actions(new ActionFilter(Optional.empty(), Optional.empty(), Optional.of("border police directorate gjirokastër"), Optional.empty(), Optional.empty())))
                .extracting(Action::text).containsExactly("Gjirokastër action");
        assertThat(store.actions(new ActionFilter(Optional.of(2L), Optional.empty(), Optional.empty(), Optional.of(ActionStatus.PROPOSED), Optional.empty())))
                .extracting(Action::text).containsExactly("Kukës action");
    }

    @Test
    void keepsFreeTextExactlyAsTyped() {
        String typed = "<script>alert('x')</script> Fëmijët në lëvizje; \"citim\" & më shumë";
        Action a = store.createAction(action(typed, "2015-06-30", null));
        store.addNote(a.id(), new NoteForm(typed, "Ana"));

        assertThat(store.findAction(a.id()).orElseThrow().text()).isEqualTo(typed);
        assertThat(store.notes(a.id())).extracting(ActionNote::text).containsExactly(typed);
    }

    @Test
    void everythingSurvivesClosingAndReopeningTheStore() {
        Action a = store.createAction(action("kept", "2015-06-30", null));
        store.addNote(a.id(), new NoteForm("first meeting held", "Ana"));
        List<ActionChange> history = store.history(a.id());
        store.close();

        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK);

        assertThat(store.findAction(a.id())).contains(a);
        assertThat(store.history(a.id())).isEqualTo(history);
        assertThat(store.notes(a.id())).extracting(ActionNote::text).containsExactly("first meeting held");
        assertThat(store.forums()).hasSize(2);
    }

    @Test
    void aBackupOpensAsAStoreEqualToTheOriginal() {
        Action a = store.createAction(action("backed up", "2015-06-30", null));
        store.changeStatus(a.id(), new StatusChange("UNDER_REVIEW", null, "Coordinator", 1));
        store.addNote(a.id(), new NoteForm("note", "Ana"));
        Path backup = dir.resolve("backups/forums-1.duckdb");

        store.backupTo(backup);

        try (DuckDbForumStore copy = DuckDbForumStore.open(backup, RULES, CLOCK)) {
            assertThat(copy.forums()).isEqualTo(store.forums());
            assertThat(copy.actions(ActionFilter.all())).isEqualTo(store.actions(ActionFilter.all()));
            assertThat(copy.history(a.id())).isEqualTo(store.history(a.id()));
            assertThat(copy.notes(a.id())).isEqualTo(store.notes(a.id()));
            // New rows in the copy continue the numbering instead of reusing ids.
            assertThat(copy.createAction(action("after restore", "2015-06-30", null)).id()).isEqualTo(a.id() + 1);
        }
        assertThatThrownBy(() -> store.backupTo(backup)).hasMessageContaining("already exists");
    }

    @Test
    void restoreReplacesTheStoreWithTheBackupAndKeepsTheReplacedFile() throws Exception {
        Action kept = store.createAction(action("in the backup", "2015-06-30", null));
        Path backup = ForumBackups.backup(store, dir.resolve("backups"), CLOCK);
        store.createAction(action("after the backup", "2015-06-30", null));
        List<Action> beforeBackupRestore = List.of(kept);
        store.close();

        Path replaced = RestoreCommand.restore(backup, dir.resolve("forums.duckdb"), RULES);

        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK);
        assertThat(store.actions(ActionFilter.all())).isEqualTo(beforeBackupRestore);
        try (DuckDbForumStore old = DuckDbForumStore.open(replaced, RULES, CLOCK)) {
            assertThat(old.actions(ActionFilter.all())).extracting(Action::text).containsExactly("in the backup", "after the backup");
        }
    }

    @Test
    void restoreRefusesAFileThatIsNotABackup() throws Exception {
        Path junk = java.nio.file.Files.writeString(dir.resolve("junk.duckdb"), "not a database");
        store.close();

        assertThatThrownBy(() -> RestoreCommand.restore(junk, dir.resolve("forums.duckdb"), RULES))
                .hasMessageContaining("Cannot open forum store");
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK);
        assertThat(store.forums()).hasSize(2);
    }

    @Test
    void restoreRefusesWhileAProcessHoldsTheStoreAndChangesNothing() throws Exception {
        Action kept = store.createAction(action("typed before", "2015-06-30", null));
        Path backup = ForumBackups.backup(store, dir.resolve("backups"), CLOCK);
        store.createAction(action("typed after the backup", "2015-06-30", null));

        assertThatThrownBy(() -> RestoreCommand.restore(backup, dir.resolve("forums.duckdb"), RULES))
                .hasMessageContaining("is in use (stop the portal first); nothing was changed");
        // The running store is untouched and still takes writes.
        assertThat(store.actions(ActionFilter.all())).extracting(Action::text).containsExactly("typed before", "typed after the backup");
        assertThat(store.changeStatus(kept.id(), new StatusChange("UNDER_REVIEW", null, "Coordinator", 1)).version()).isEqualTo(2);
        assertThat(java.nio.file.Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("replaced") || n.contains("restoring"));
    }

    @Test
    void aStoreCannotBeOpenedWhileARestoreHoldsIt() {
        store.close();
        try (var restoring = al.antitrafficking.warehouse.snapshot.FileLease.take(DuckDbForumStore.lockFile(dir.resolve("forums.duckdb")),
                java.time.Duration.ZERO, false).orElseThrow()) {
            assertThatThrownBy(() -> DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK))
                    .hasMessageContaining("another process holds it");
        }
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK);
        assertThat(store.forums()).hasSize(2);
    }

    @Test
    void backupsBeyondTheNumberKeptAreDeletedOldestFirstAndOtherFilesAreLeftAlone() throws Exception {
        Path backups = java.nio.file.Files.createDirectories(dir.resolve("backups"));
        java.nio.file.Files.writeString(backups.resolve("notes.txt"), "the operator's own file");
        List<Path> written = new java.util.ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            Clock at = Clock.fixed(Instant.parse("2026-03-0" + day + "T02:00:00Z"), ZoneOffset.UTC);
            written.add(ForumBackups.backup(store, backups, at, 2));
        }

        assertThat(ForumBackups.list(backups)).containsExactly(written.get(2), written.get(3));
        assertThat(backups.resolve("notes.txt")).exists();
        assertThat(written.get(3).getFileName().toString()).isEqualTo("forums-20260304T020000000Z.duckdb");
    }

    @Test
    void aBackupTakenWhileEditsAreSavedHoldsEachActionWholeAtSomeMomentOfItsHistory() throws Exception {
        int writers = 3;
        List<Action> actions = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            actions.add(store.createAction(action("edit 0", "2015-06-30", null)));
        }
        int created = store.history(actions.get(0).id()).size();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentHashMap<Long, Integer> lastSaved = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new java.util.ArrayList<>();
        for (Action a : actions) {
            Thread t = new Thread(() -> {
                for (int n = 1; running.get(); n++) {
                    // Each edit changes one field, so version n + 1 has text "edit n" and n history rows after those of its creation.
                    Action saved = store.updateAction(a.id(), action("edit " + n, "2015-06-30", n));
                    lastSaved.put(a.id(), saved.version());
                }
            });
            t.start();
            threads.add(t);
        }
        List<Path> backups = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread.sleep(50);
            backups.add(dir.resolve("backups/during-" + i + ".duckdb"));
            store.backupTo(backups.get(i));
        }
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }

        for (Path backup : backups) {
            try (DuckDbForumStore copy = DuckDbForumStore.open(backup, RULES, CLOCK)) {
                for (Action a : actions) {
                    Action copied = copy.findAction(a.id()).orElseThrow();
                    int edits = copied.version() - 1;
                    assertThat(copied.text()).as(backup + " action " + a.id()).isEqualTo("edit " + edits);
                    assertThat(copy.history(a.id())).as(backup + " history of " + a.id()).hasSize(created + edits);
                    assertThat(copied.version()).isLessThanOrEqualTo(lastSaved.get(a.id()));
                }
            }
        }
        // Restored, the last backup is a store that takes the next edit where it left off.
        store.close();
        RestoreCommand.restore(backups.get(4), dir.resolve("forums.duckdb"), RULES);
        store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), RULES, CLOCK);
        Action first = store.findAction(actions.get(0).id()).orElseThrow();
        assertThat(store.updateAction(first.id(), action("after restore", "2015-06-30", first.version())).version()).isEqualTo(first.version() + 1);
    }
}
