package al.antitrafficking.portal.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers and a writer against the portal while the ETL and the build publish a new snapshot (see {@link Soak}). The
 * default suite soaks for {@value #DEFAULT_SECONDS} seconds and one publication; {@code bin/soak} for longer
 * ({@code -Dsoak.seconds=S}) and keeps the report in {@code portal/target/soak.md}. Bounds: no error, the portal alive
 * with its heap within the {@value #HEAP} it was given, at most {@value #MAX_OPEN_FILES} files open, and no more open at
 * the end than at the start give or take {@value #FILES_SLACK}.
 */
class SoakTest {
    static final int DEFAULT_SECONDS = 30;
    /** Each reader asks again this long after an answer: busy, without taking both cores from the ETL and the build. */
    static final long READER_PAUSE_MS = 20;
    static final String HEAP = "512m";
    static final long HEAP_BYTES = 512L * 1024 * 1024;
    static final int MAX_OPEN_FILES = 1_000;
    static final int FILES_SLACK = 50;

    @TempDir
    Path dir;

    @Test
    void readersAndAWriterSeeNoErrorWhileANewSnapshotIsPublishedAndThePortalKeepsItsHeapAndFilesBounded() throws Exception {
        long seconds = Long.getLong("soak.seconds", DEFAULT_SECONDS);
        Soak.Result r = new Soak(dir, HEAP, Long.getLong("soak.reader-pause-ms", READER_PAUSE_MS), Long.getLong("soak.seed", 17))
                .run(Duration.ofSeconds(seconds));
        String report = report(r);
        System.out.print(report);
        Files.writeString(Path.of("target", "soak.md"), report, UTF_8);

        assertThat(r.errors()).as("errors").isEmpty();
        assertThat(r.portalAlive()).isTrue();
        assertThat(r.publications()).isNotEmpty();
        assertThat(r.releasesSeen()).as("releases the readers saw").hasSizeGreaterThan(r.publications().size());
        assertThat(r.latency().get(Soak.Phase.BEFORE).requests()).isPositive();
        assertThat(r.latency().get(Soak.Phase.DURING).requests()).isPositive();
        assertThat(r.latency().get(Soak.Phase.AFTER).requests()).isPositive();
        assertThat(r.writes()).isPositive();
        assertThat(r.resources().heapMax()).as("heap used, bytes").isLessThan(HEAP_BYTES);
        assertThat(r.resources().filesMax()).as("open files").isLessThan(MAX_OPEN_FILES);
        assertThat(r.resources().filesEnd()).as("open files at the end").isLessThanOrEqualTo(r.resources().filesStart() + FILES_SLACK);
    }

    private static String report(Soak.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Soak: %d s, %d readers (each asking again %d ms after an answer) and 1 writer (without pause) over "
                + "loopback, the portal a child process with -Xmx%s; %d publications%n%n", r.seconds(), Soak.READERS, r.pauseMillis(), r.heap(),
                r.publications().size()));
        s.append(String.format(Locale.ROOT, "Requests %,d (%.0f a second), of which writes %,d; errors %d; refusals of a breakdown the release "
                + "then read did not publish %,d; releases seen %d%n%n", r.requests(), r.requests() / (double) r.seconds(), r.writes(),
                r.errors().size(), r.refusals(), r.releasesSeen().size()));
        s.append("| phase | requests | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        r.latency().forEach((phase, l) -> s.append(String.format(Locale.ROOT, "| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.0f ms |%n",
                phase.name().toLowerCase(Locale.ROOT), l.requests(), l.p50(), l.p95(), l.p99(), l.max())));
        s.append("\n| publication | file sent again | ETL | build | served at |\n|---|---|---|---|---|\n");
        int n = 0;
        for (Soak.Publication p : r.publications()) {
            s.append(String.format(Locale.ROOT, "| %d | %s | %.1f s | %.1f s | %.0f s into the soak |%n", ++n, p.file(), p.etlMillis() / 1000.0,
                    p.buildMillis() / 1000.0, p.servedAfterMillis() / 1000.0));
        }
        Soak.Resources m = r.resources();
        s.append(String.format(Locale.ROOT, "%nPortal: heap after a full collection %d MiB at the start, %d MiB at the end; largest heap "
                + "sampled %d MiB of %s; largest resident memory %d MiB; open files %d at the start, %d at most, %d at the end (%d samples)%n",
                m.heapAfterGcStart() >> 20, m.heapAfterGcEnd() >> 20, m.heapMax() >> 20, r.heap(), m.residentMax() >> 20, m.filesStart(), m.filesMax(),
                m.filesEnd(), m.samples()));
        r.errors().stream().limit(20).forEach(e -> s.append("  error: ").append(e).append('\n'));
        return s.toString();
    }
}
