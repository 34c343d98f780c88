package al.antitrafficking.etl.ingest.fuzz;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The mutation generator: writes {@code count} files into an incoming folder, each derived from a distinct valid file
 * of the project's sample generator (so each names its own slice, across counties and years of past months) by one
 * {@link Mutation}, drawn by weight after every mutation has been used once. Everything follows from the seed: the
 * same seed and count give the same files.
 */
public final class MutatedFiles {
    /** The last month of the base files; runs of the test are made after it. */
    public static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    private static final Set<Mutation> NEED_ROWS = EnumSet.complementOf(EnumSet.of(Mutation.UNCHANGED, Mutation.UTF8_WITH_BOM,
            Mutation.CR_LINE_ENDS, Mutation.NO_FINAL_NEWLINE, Mutation.BLANK_LINES, Mutation.SEMICOLONS,
            Mutation.MISSING_COLUMN, Mutation.EXTRA_COLUMN, Mutation.ZERO_BYTES, Mutation.BINARY_GARBAGE, Mutation.BROKEN_NAME));
    private static final Set<Mutation> NEED_NON_ASCII = EnumSet.of(Mutation.STRAY_BYTE_IN_UTF8, Mutation.TRUNCATED_MID_UTF8);

    /**
     * What was written: the files, the markers planted in them (no output may repeat one), the record ids and
     * pseudonyms of the base files used (values from files: no output may repeat one either), and the base span.
     */
    public record Written(List<MutatedFile> files, List<String> planted, Set<String> identifiers, YearMonth firstMonth, long baseRows,
                          int baseFiles) {}

    private MutatedFiles() {}

    public static Written write(Territory territory, DataContract contract, Path work, Path incoming, int count, long seed,
                                long maxFileBytes, int maxRowFields, YearMonth runMonth) {
        int months = Math.max(36, Math.min(120, count / 8));
        long rows = Math.max(8_000L, 25L * count);
        List<BaseFile> bases = new ArrayList<>(BaseFile.generate(territory, contract, work.resolve("base"), LAST_MONTH, months, rows, seed));
        int generated = bases.size();
        Random random = new Random(seed);
        Collections.shuffle(bases, random);
        List<Mutation> mutations = plan(count, random);
        List<String> planted = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> identifiers = new LinkedHashSet<>();
        List<MutatedFile> files = new ArrayList<>();
        try {
            Files.createDirectories(incoming);
            for (int i = 0; i < count; i++) {
                Mutation m = mutations.get(i);
                BaseFile base = take(bases, b -> (!NEED_ROWS.contains(m) || !b.rows().isEmpty())
                        && (!NEED_NON_ASCII.contains(m) || b.hasNonAscii()));
                Random r = new Random(seed * 1_000_003L + i);
                Mutator mutator = new Mutator(r, maxFileBytes, maxRowFields, planted);
                String name;
                Expected expected;
                byte[] bytes;
                if (m == Mutation.BROKEN_NAME) {
                    BrokenNames.Broken broken = new BrokenNames(r, mutator, runMonth).next(base, names);
                    name = broken.name();
                    bytes = Mutator.utf8(base);
                    expected = Expected.refused(null, broken.problem());
                } else {
                    Mutator.Mutant mutant = mutator.apply(m, base);
                    name = base.slice() + (mutant.excel() ? ".xlsx" : ".csv");
                    names.add(name);
                    bytes = mutant.bytes();
                    expected = mutant.expected();
                }
                Path file = Files.write(incoming.resolve(name), bytes);
                // Arrival times of the past, like a region's files: a rerun sees them unchanged.
                Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-10T09:00:00Z").plusSeconds(i)));
                identifiers.addAll(base.identifiers());
                files.add(new MutatedFile(name, m, base.slice(), expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the mutated files into " + incoming, e);
        }
        return new Written(files, planted, identifiers, LAST_MONTH.minusMonths(months - 1L), rows, generated);
    }

    /** Every mutation once (when there is room), then draws by weight; in a shuffled order. */
    private static List<Mutation> plan(int count, Random random) {
        List<Mutation> plan = new ArrayList<>();
        if (count >= Mutation.values().length) {
            plan.addAll(List.of(Mutation.values()));
        }
        int total = 0;
        for (Mutation m : Mutation.values()) {
            total += m.weight();
        }
        while (plan.size() < count) {
            int draw = random.nextInt(total);
            for (Mutation m : Mutation.values()) {
                draw -= m.weight();
                if (draw < 0) {
                    plan.add(m);
                    break;
                }
            }
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    private static BaseFile take(List<BaseFile> bases, Predicate<BaseFile> fits) {
        for (int i = 0; i < bases.size(); i++) {
            if (fits.test(bases.get(i))) {
                return bases.remove(i);
            }
        }
        throw new IllegalStateException("Cannot mutate more files: no base file left that fits");
    }
}
