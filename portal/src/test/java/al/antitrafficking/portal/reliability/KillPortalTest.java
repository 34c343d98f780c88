package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.portal.PortalFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal killed (SIGKILL) while clients save action edits, then its backups and restore (see {@link PortalKills} for
 * what is checked). The default suite kills it once; {@code bin/kill-portal} kills it more often ({@code -Dkill.portal.trials=N},
 * {@code -Dkill.portal.seed=S} to repeat a run) and keeps the report in {@code portal/target/kill-portal.md}.
 */
class KillPortalTest {
    static final PortalFixture FIXTURE = PortalFixture.get();

    @TempDir
    Path dir;

    @Test
    void aKilledPortalLosesNoAnsweredEditLeavesNoneHalfAppliedAndABackupTakenWhileSavingRestoresWhole() throws Exception {
        int count = Integer.getInteger("kill.portal.trials", 1);
        long seed = Long.getLong("kill.portal.seed", System.nanoTime());
        long started = System.nanoTime();
        PortalKills.Result result = new PortalKills(dir, FIXTURE.config.warehouseDir(), seed, 300, 4_000).run(count);
        String report = report(result, (System.nanoTime() - started) / 1e9);
        System.out.print(report);
        Files.writeString(Path.of("target", "kill-portal.md"), report, UTF_8);

        assertThat(result.failures()).as("writes refused or answered wrongly").isEmpty();
        assertThat(result.trials()).hasSize(count);
        assertThat(result.trials()).allSatisfy(t -> assertThat(t.acknowledged()).as("writes answered before kill " + t.number()).isPositive());
        assertThat(result.restore().refusal()).contains("is in use (stop the portal first); nothing was changed");
        assertThat(result.restore().restored()).startsWith("Forum store restored from ");
        assertThat(result.restore().actionsInBackup()).isGreaterThanOrEqualTo(result.restore().actionsAnsweredBeforeBackup()).isPositive();
    }

    private static String report(PortalKills.Result r, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Portal kill trials, seed %d: %d clients saving action edits, the portal killed (SIGKILL) and "
                + "restarted on the same store%n%n", r.seed(), 4));
        s.append("| trial | killed after | writes answered | in flight at the kill | of which applied | of these without audit event | restart "
                + "| actions checked | files beside the store after the kill |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (PortalKills.Trial t : r.trials()) {
            s.append(String.format(Locale.ROOT, "| %d | %.1f s | %d | %d | %d | %d | %.1f s | %d | %s |%n", t.number(), t.killAfterMillis() / 1000.0,
                    t.acknowledged(), t.inFlight(), t.inFlightApplied(), t.inFlightAppliedUnaudited(), t.restartMillis() / 1000.0, t.actions(),
                    String.join(" ", t.filesBesideStore())));
        }
        PortalKills.Restore b = r.restore();
        s.append(String.format(Locale.ROOT, "%n%d kills; %,d writes answered in all, every one found after each restart as answered; "
                + "nothing half-applied; writes refused or answered wrongly: %d%n", r.trials().size(), r.acknowledged(), r.failures().size()));
        s.append(String.format(Locale.ROOT, "Backup %s taken while 4 clients saved (%d more writes answered after it): %d actions in it, "
                + "every one whole at an answered version, none of the %d actions answered before it missing an edit; changes it caught "
                + "between the change and its audit event: %d%n", b.backupFile(), b.writesAfterBackup(), b.actionsInBackup(), b.actionsAnsweredBeforeBackup(),
                b.changesWithoutAuditEvent()));
        s.append("Restore under the running portal: ").append(b.refusal()).append('\n');
        s.append("Restore after the portal stopped: ").append(b.restored()).append('\n');
        s.append(String.format(Locale.ROOT, "Time: %.0f s (the test warehouse built before)%n", seconds));
        r.failures().stream().limit(20).forEach(f -> s.append("  failure: ").append(f).append('\n'));
        return s.toString();
    }
}
