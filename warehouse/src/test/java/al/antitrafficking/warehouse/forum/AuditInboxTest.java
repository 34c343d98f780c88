package al.antitrafficking.warehouse.forum;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.access.AuditEvent;
import al.antitrafficking.warehouse.access.AuditInbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses of internal figures outside the portal reach the audit trail through the warehouse's inbox, whole and once. */
class AuditInboxTest {
    @TempDir
    Path dir;

    @Test
    void eachLineBecomesOneEventOfTheTrailWithItsOwnTimeAndTheInboxIsEmptiedAfter() throws Exception {
        AuditInbox inbox = AuditInbox.of(dir.resolve("warehouse"));
        Clock nine = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
        inbox.append(new AuditEvent(0, null, "notebook:ana", null, AuditEvent.INTERNAL_FIGURES, "notebook",
                "reason=check \"Kukës\", 2025\nsecond line", "20261130T102504034Z", "notebook", "ok"), nine);
        inbox.append(new AuditEvent(0, null, "notebook:ben", null, AuditEvent.INTERNAL_FIGURES, "notebook", "reason=plan", null, "notebook",
                null), Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC));

        try (DuckDbForumStore store = DuckDbForumStore.open(dir.resolve("forums.duckdb"), DuckDbForumStoreTest.RULES, DuckDbForumStoreTest.CLOCK)) {
            assertThat(inbox.takeInto(store.audit())).isEqualTo(2);
            assertThat(inbox.takeInto(store.audit())).isZero();

            assertThat(store.audit().newest(10, null, null)).extracting(AuditEvent::at, AuditEvent::actor, AuditEvent::details, AuditEvent::outcome)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("2026-11-30T10:00:00Z", "notebook:ben", "reason=plan", "ok"),
                            org.assertj.core.groups.Tuple.tuple("2026-11-30T09:00:00Z", "notebook:ana", "reason=check \"Kukës\", 2025\nsecond line", "ok"));
        }
        assertThat(Files.size(inbox.file())).isZero();
    }
}
