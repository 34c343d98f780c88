package al.antitrafficking.etl.ingest;

import al.antitrafficking.warehouse.intake.Landed;
import al.antitrafficking.warehouse.intake.FileRejection;
import al.antitrafficking.warehouse.intake.FileProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides each slice's fate from the previous snapshot's records and the files that landed. A loaded slice stays
 * until a newer file for it is loaded or the region withdraws it with a {@code .withdraw} file: a refused
 * correction keeps the earlier slice (and says so), a file gone from the incoming folder keeps its slice, and two
 * files for one slice refuse the newcomers while an unchanged loaded file keeps its slice.
 *
 * <p>First {@link #plan}: what is carried as it was, what is refused for a conflict, what must be processed. Then,
 * once processed files have their records, {@link #settle} gives each slice its holder.
 */
final class SlicePlan {
    /** A previous record whose slice (and quarantine rows) this snapshot carries over. */
    record Carry(InputRecord record, boolean facts) {}

    private final List<InputRecord> records = new ArrayList<>();
    private final List<Carry> carries = new ArrayList<>();
    private final List<Landed> toProcess = new ArrayList<>();
    private final Map<String, InputRecord> holderOfProcessed = new HashMap<>();

    /** {@code sameRules}: the previous snapshot was made under the same rules, so an unchanged file need not be read. */
    static SlicePlan plan(List<InputRecord> previous, List<Landed> landed, Set<String> refusedAtLanding, boolean sameRules,
                          String snapshotId) {
        SlicePlan p = new SlicePlan();
        Map<String, InputRecord> holders = new HashMap<>();
        for (InputRecord r : previous) {
            if (r.holdsSlice() && r.slice() != null) {
                holders.put(r.slice(), r);
            }
        }
        Map<String, List<Landed>> bySlice = new LinkedHashMap<>();
        for (Landed l : landed) {
            bySlice.computeIfAbsent(l.slice(), s -> new ArrayList<>()).add(l);
        }
        Set<String> slices = new TreeSet<>(bySlice.keySet());
        slices.addAll(holders.keySet());
        for (String slice : slices) {
            List<Landed> files = bySlice.getOrDefault(slice, List.of());
            InputRecord holder = holders.get(slice);
            if (files.isEmpty()) {
                if (holder != null) {
                    p.keep(holder, refusedAtLanding.contains(slice) ? SliceFate.KEPT_AFTER_REFUSAL : SliceFate.KEPT_WITHOUT_FILE);
                }
            } else if (files.size() > 1) {
                p.conflict(previous, files, holder, sameRules, snapshotId);
            } else {
                p.single(files.get(0), holder, unchanged(previous, files.get(0), sameRules), snapshotId);
            }
        }
        return p;
    }

    private void single(Landed file, InputRecord holder, Optional<InputRecord> unchanged, String snapshotId) {
        if (file.withdrawal()) {
            records.add(unchanged.orElseGet(() -> new InputRecord(file.fileName(), file.source().code(), file.countyCode(),
                    file.month().toString(), file.checksum(), file.sizeBytes(), file.modifiedAt(), InputRecord.WITHDRAWN, null,
                    "Withdrawn: " + file.slice() + " is no longer in the warehouse"
                            + (holder == null ? " (it held nothing)" : " (it held " + holder.fileName() + ")"),
                    null, null, null, snapshotId, null)).withFate(SliceFate.WITHDRAWN));
        } else if (unchanged.isPresent() && unchanged.get().holdsSlice()) {
            keep(unchanged.get(), SliceFate.CARRIED);
        } else if (unchanged.isPresent()) {
            records.add(unchanged.get().withFate(SliceFate.REFUSED));
            carries.add(new Carry(unchanged.get(), false));
            if (holder != null) {
                keep(holder, SliceFate.KEPT_AFTER_REFUSAL);
            }
        } else {
            toProcess.add(file);
            if (holder != null) {
                holderOfProcessed.put(file.slice(), holder);
            }
        }
    }

    private void conflict(List<InputRecord> previous, List<Landed> files, InputRecord holder, boolean sameRules, String snapshotId) {
        Landed kept = files.stream().filter(f -> sameRules && holder != null && !f.withdrawal()
                && f.fileName().equals(holder.fileName()) && f.checksum().equals(holder.checksum())).findFirst().orElse(null);
        for (Landed f : files) {
            if (f != kept) {
                FileRejection r = FileRejection.of(f, FileProblem.DUPLICATE_SUBMISSION, "Cannot load submission: " + f.fileName()
                        + " and another file both claim " + f.slice() + "; send one file (or one withdrawal) per source, county and month"
                        + (holder != null ? "; the slice loaded from " + holder.fileName() + " stays" : ""));
                // Refused the same way before: the same record, so that an unchanged rerun changes nothing.
                records.add(previous.stream().filter(p -> p.rejected() && p.fileName().equals(f.fileName())
                                && p.checksum().equals(f.checksum()) && FileProblem.DUPLICATE_SUBMISSION.name().equals(p.problem()))
                        .findFirst().map(p -> p.withFate(SliceFate.REFUSED))
                        .orElseGet(() -> InputRecord.refused(r, f.checksum(), f.sizeBytes(), f.modifiedAt(), snapshotId)));
            }
        }
        if (holder != null) {
            keep(holder, kept != null ? SliceFate.CARRIED : SliceFate.KEPT_AFTER_REFUSAL);
        }
    }

    private void keep(InputRecord holder, SliceFate fate) {
        records.add(holder.withFate(fate));
        carries.add(new Carry(holder, true));
    }

    private static Optional<InputRecord> unchanged(List<InputRecord> previous, Landed file, boolean sameRules) {
        if (!sameRules && !file.withdrawal()) {
            return Optional.empty();
        }
        return previous.stream().filter(r -> r.fileName().equals(file.fileName()) && r.checksum().equals(file.checksum())
                && (file.withdrawal() == r.status().equals(InputRecord.WITHDRAWN))).findFirst();
    }

    /** Gives each processed file's slice its holder: the file when loaded, else the earlier slice if there was one. */
    void settle(List<InputRecord> processed) {
        Set<String> seen = new HashSet<>();
        for (InputRecord r : processed) {
            InputRecord holder = holderOfProcessed.get(r.slice());
            if (r.holdsSlice()) {
                records.add(r.withFate(holder == null ? SliceFate.NEW : SliceFate.REPLACED));
            } else {
                records.add(r.withFate(SliceFate.REFUSED));
                if (holder != null && seen.add(r.slice())) {
                    keep(holder, SliceFate.KEPT_AFTER_REFUSAL);
                }
            }
        }
    }

    List<Landed> toProcess() {
        return List.copyOf(toProcess);
    }

    List<InputRecord> records() {
        return List.copyOf(records);
    }

    List<Carry> carries() {
        return List.copyOf(carries);
    }
}
