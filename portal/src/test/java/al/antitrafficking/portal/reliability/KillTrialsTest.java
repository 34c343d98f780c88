package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ETL and the build killed (SIGKILL) at random moments while the portal answers (see {@link KillTrials} for what is
 * checked after each kill). The default suite runs two trials, one kill of each; {@code bin/kill-trials} runs more
 * ({@code -Dkill.trials=N}, {@code -Dkill.seed=S} to repeat a run) and keeps the report.
 */
class KillTrialsTest {
    @TempDir
    Path dir;

    @Test
    void aKilledEtlRunOrBuildLeavesTheCompletePreviousOrNewSnapshotPublishedTheNextRunRecoversAndThePortalNeverFails() throws Exception {
        int count = Integer.getInteger("kill.trials", 2);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        KillTrials.Result result = new KillTrials(dir, seed).run(count);
        String report = report(result);
        System.out.print(report);
        Files.writeString(Path.of("target", "kill-trials.md"), report, UTF_8);

        assertThat(result.trials()).hasSize(count);
        assertThat(result.failures()).as("portal failures during the trials").isEmpty();
        assertThat(result.requests()).isPositive();
        // The portal followed the publications: it saw more than the first release.
        assertThat(result.releasesSeen()).hasSizeGreaterThan(1);
    }

    private static String report(KillTrials.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Kill trials, seed %d: uncut ETL run %.1f s, uncut build %.1f s%n%n", r.seed(),
                r.uncutMillis().get(KillTrials.Target.INGEST) / 1000.0, r.uncutMillis().get(KillTrials.Target.BUILD) / 1000.0));
        s.append("| trial | killed | corrected file | killed after | still running | published after the kill | recovery |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (KillTrials.Trial t : r.trials()) {
            s.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f s | %s | %s | %.1f s |%n", t.number(), t.target(), t.correctedFile(),
                    t.killAfterMillis() / 1000.0, t.killedRunning() ? "yes" : "no (had finished)", t.afterKill(), t.recoveryMillis() / 1000.0));
        }
        long killed = r.trials().stream().filter(KillTrials.Trial::killedRunning).count();
        s.append(String.format(Locale.ROOT, "%n%d trials, %d processes killed while running; every check passed; portal: %,d requests, %d failed, "
                + "%,d refused a breakdown the release then read did not publish; releases seen by the portal: %d%n", r.trials().size(), killed,
                r.requests(), r.failures().size(), r.refusals(), r.releasesSeen().size()));
        r.failures().stream().limit(20).forEach(f -> s.append("  failure: ").append(f).append('\n'));
        return s.toString();
    }
}
