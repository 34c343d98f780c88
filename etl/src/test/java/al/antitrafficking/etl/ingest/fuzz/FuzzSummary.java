package al.antitrafficking.etl.ingest.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import al.antitrafficking.etl.ingest.IngestReport;
import al.antitrafficking.etl.ingest.InputRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a run over mutated files, as bin/fuzz-files prints it: files tried, outcomes by reason code, outcomes
 * by mutation, the violations of every check (errors) and the rows lost (must be 0), and the time each phase took.
 * Files are named by mutation and base slice, never by a name that may have broken the rule.
 */
public final class FuzzSummary {
    private FuzzSummary() {}

    public static String of(MutatedFiles.Written written, RunChecks checks, IngestReport run, long seed,
                            Map<String, List<String>> violations, Map<String, Double> seconds, String failure) {
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<Mutation, Map<String, Integer>> byMutation = new TreeMap<>();
        for (MutatedFile f : written.files()) {
            InputRecord r = checks == null ? null : checks.record(f);
            String outcome = r == null ? "NO RECORD" : r.rejected() ? "REJECTED " + r.problem() : r.status();
            outcomes.merge(outcome, 1, Integer::sum);
            byMutation.computeIfAbsent(f.mutation(), m -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        int errors = violations.values().stream().mapToInt(List::size).sum() + (failure == null ? 0 : 1);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "# Mutated regional files: %,d files, seed %d%n%n", written.files().size(), seed));
        s.append(String.format(Locale.ROOT, "Command: `bin/fuzz-files %d %d`%n%n", written.files().size(), seed));
        s.append(String.format(Locale.ROOT, "- files tried: %,d (from %,d valid files of the sample generator, %s..%s, %,d rows)%n",
                written.files().size(), written.baseFiles(), written.firstMonth(), MutatedFiles.LAST_MONTH, written.baseRows()));
        s.append(String.format(Locale.ROOT, "- run: %s%n", failure == null ? "completed" : "FAILED: " + failure));
        s.append(String.format(Locale.ROOT, "- errors: %d%n", errors));
        s.append(String.format(Locale.ROOT, "- rows lost: %d%n", checks == null ? -1 : checks.rowsLost()));
        if (run != null) {
            s.append(String.format(Locale.ROOT, "- rows of held files: %,d in = %,d loaded + %,d quarantined; %,d rows in the fact tables%n",
                    run.rowsIn(), run.rowsLoaded(), run.rowsIn() - run.rowsLoaded(),
                    run.rowsByTable().values().stream().mapToLong(Long::longValue).sum()));
        }
        s.append(String.format(Locale.ROOT, "- files whose records this test counted itself: %,d%n", checks == null ? 0 : checks.countedFiles()));
        seconds.forEach((phase, t) -> s.append(String.format(Locale.ROOT, "- %s: %.1f s%n", phase, t)));
        s.append("\n## Outcomes\n\n| outcome | files |\n|---|---:|\n");
        outcomes.forEach((o, n) -> s.append("| ").append(o).append(" | ").append(n).append(" |\n"));
        s.append("\n## By mutation\n\n| mutation | family | files | outcomes |\n|---|---|---:|---|\n");
        byMutation.forEach((m, o) -> s.append("| ").append(m).append(" | ").append(m.family()).append(" | ")
                .append(o.values().stream().mapToInt(Integer::intValue).sum()).append(" | ").append(o).append(" |\n"));
        s.append("\n## Checks\n\n");
        violations.forEach((check, list) -> {
            s.append("- ").append(check).append(": ").append(list.isEmpty() ? "ok" : list.size() + " violations").append('\n');
            list.stream().limit(30).forEach(v -> s.append("  - ").append(v.replace('\n', ' ')).append('\n'));
        });
        return s.toString();
    }

    public static void write(Path file, String summary) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
