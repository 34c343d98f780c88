package al.antitrafficking.etl.ingest.fuzz;

import al.antitrafficking.warehouse.intake.FileProblem;
import al.antitrafficking.etl.ingest.InputRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of one ingestion run over mutated files, worked out here and not by the job: every file accounted for
 * once, every refusal with a code and a message naming the file (and the line when a row caused it), each mutation's
 * expected fate, rows in = loaded + quarantined = the records counted here, and a refused file's rows nowhere in the
 * facts. Each check returns its violations (empty when it holds); {@link #rowsLost} sums the rows unaccounted for.
 */
public final class RunChecks {
    /** The naming rule's shape with a known source: only such a name may be repeated in a record or message. */
    private static final Pattern NAMED = Pattern.compile("(border|cpu|nrm|services)_[A-Z]{2}-\\d{2}_\\d{4}-\\d{2}\\.(csv|xlsx)");
    private static final Set<String> ROW_PROBLEMS = Set.of("ROW_TOO_WIDE", "MALFORMED_CSV", "INVALID_UTF8", "PERSONAL_DATA");
    private static final Pattern PLACE = Pattern.compile("(line|data row|row) \\d+");
    private static final Pattern MARKER = Pattern.compile("zq[0-9a-f]{10}");
    private static final Pattern RECORD_ID = Pattern.compile("(BORDER|CPU|NRM|SERVICES)-AL\\d{2}-\\d{6}-\\d{6}");
    private static final Pattern HEX64 = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

    private final MutatedFiles.Written written;
    private final Path incoming;
    private final Map<String, List<InputRecord>> byName = new HashMap<>();
    private final int recordCount;
    private final UnaryOperator<String> label;
    private final Map<String, Long> facts;
    private final Map<String, Long> quarantine;
    private final Map<String, InputRecord> recordOf = new HashMap<>();
    private long rowsLost;
    private int countedFiles;

    /**
     * {@code label} gives the label a refused name is listed under; {@code facts} and {@code quarantine} the rows of
     * each file (by name) in the snapshot's fact tables and quarantine, read back from its Parquet.
     */
    public RunChecks(MutatedFiles.Written written, Path incoming, List<InputRecord> records, UnaryOperator<String> label,
                     Map<String, Long> facts, Map<String, Long> quarantine) {
        this.written = written;
        this.incoming = incoming;
        records.forEach(r -> byName.computeIfAbsent(r.fileName(), n -> new ArrayList<>()).add(r));
        this.recordCount = records.size();
        this.label = label;
        this.facts = facts;
        this.quarantine = quarantine;
        for (MutatedFile f : written.files()) {
            List<InputRecord> own = byName.getOrDefault(f.name(), List.of());
            List<InputRecord> labelled = byName.getOrDefault(label.apply(f.name()), List.of());
            if (own.size() + labelled.size() == 1) {
                recordOf.put(f.name(), own.isEmpty() ? labelled.get(0) : own.get(0));
            }
        }
    }

    /** The record of a mutated file, when it has exactly one. */
    public InputRecord record(MutatedFile f) {
        return recordOf.get(f.name());
    }

    /** Every file has one record, under its name only when the name follows the rule, and no record stands for no file. */
    public List<String> accounted() {
        List<String> wrong = new ArrayList<>();
        for (MutatedFile f : written.files()) {
            List<InputRecord> own = byName.getOrDefault(f.name(), List.of());
            List<InputRecord> labelled = byName.getOrDefault(label.apply(f.name()), List.of());
            if (own.size() + labelled.size() != 1) {
                wrong.add(describe(f) + ": " + own.size() + " records under its name, " + labelled.size() + " under its label");
                continue;
            }
            InputRecord r = record(f);
            if (!Set.of(InputRecord.LOADED, InputRecord.NIL_RETURN, InputRecord.REJECTED).contains(r.status())) {
                wrong.add(describe(f) + ": status " + r.status());
            }
            if (!own.isEmpty() && !NAMED.matcher(f.name()).matches()) {
                wrong.add(describe(f) + ": a name that breaks the rule is repeated in its record");
            }
        }
        if (recordCount != written.files().size()) {
            wrong.add(recordCount + " records for " + written.files().size() + " files");
        }
        return wrong;
    }

    /** A refusal has a known code, a message that starts as every refusal does, names the file, and the line for a row. */
    public List<String> refusals() {
        List<String> wrong = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Arrays.stream(FileProblem.values()).forEach(p -> codes.add(p.name()));
        for (MutatedFile f : written.files()) {
            InputRecord r = record(f);
            if (r == null || !r.rejected()) {
                continue;
            }
            String message = Objects.requireNonNullElse(r.message(), "");
            if (r.problem() == null || !codes.contains(r.problem())) {
                wrong.add(describe(f) + ": reason code " + r.problem());
            }
            if (!message.startsWith("Cannot load submission")) {
                wrong.add(describe(f) + ": message " + message);
            }
            if (!message.contains(r.fileName())) {
                wrong.add(describe(f) + ": message does not name the file (or its label): " + message);
            }
            boolean rowCaused = ROW_PROBLEMS.contains(r.problem()) || "UNREADABLE_ENCODING".equals(r.problem()) && f.name().endsWith(".csv")
                    && !utf16Bom(bytes(f));
            if (rowCaused && !PLACE.matcher(message).find()) {
                wrong.add(describe(f) + ": a row caused " + r.problem() + " but the message names no line: " + message);
            }
        }
        return wrong;
    }

    /** Each mutation's fate: the statuses and codes it allows, its known record count, every row loaded, the line named. */
    public List<String> expectations() {
        List<String> wrong = new ArrayList<>();
        for (MutatedFile f : written.files()) {
            InputRecord r = record(f);
            Expected e = f.expected();
            if (r == null) {
                continue;
            }
            if (!e.statuses().isEmpty() && !e.statuses().contains(r.status())) {
                wrong.add(describe(f) + ": " + r.status() + " " + Objects.toString(r.problem(), "") + ", expected " + e.statuses()
                        + " (" + r.message() + ")");
            }
            if (r.rejected() && !e.problems().isEmpty() && !e.problems().contains(r.problem())) {
                wrong.add(describe(f) + ": refused for " + r.problem() + ", expected " + e.problems() + " (" + r.message() + ")");
            }
            if (e.rowsIn() != null && r.rowsIn() != null && !e.rowsIn().equals(r.rowsIn())) {
                wrong.add(describe(f) + ": " + r.rowsIn() + " records in, the mutation left " + e.rowsIn());
            }
            if (e.allRowsLoad() && r.holdsSlice() && (r.rowsQuarantined() == null || r.rowsQuarantined() != 0)) {
                wrong.add(describe(f) + ": a valid file had " + r.rowsQuarantined() + " rows quarantined");
            }
            if (e.where() != null && r.rejected() && e.problems().contains(r.problem())
                    && !Pattern.compile(Pattern.quote(e.where()) + "(?!\\d)").matcher(Objects.toString(r.message(), "")).find()) {
                wrong.add(describe(f) + ": the message does not name " + e.where() + ": " + r.message());
            }
        }
        return wrong;
    }

    /** Held: rows in = loaded + quarantined (zero for a nil return); and rows in = the records counted here, whenever both exist. */
    public List<String> rows() {
        List<String> wrong = new ArrayList<>();
        for (MutatedFile f : written.files()) {
            InputRecord r = record(f);
            if (r == null) {
                continue;
            }
            OptionalLong counted = f.name().endsWith(".csv") ? RecordCount.dataRecords(bytes(f)) : OptionalLong.empty();
            if (counted.isPresent() && r.rowsIn() != null) {
                countedFiles++;
            }
            if (r.holdsSlice()) {
                long in = r.rowsIn() == null ? -1 : r.rowsIn();
                long out = (r.rowsLoaded() == null ? 0 : r.rowsLoaded()) + (r.rowsQuarantined() == null ? 0 : r.rowsQuarantined());
                if (in != out || r.status().equals(InputRecord.NIL_RETURN) != (in == 0)) {
                    wrong.add(describe(f) + ": " + r.status() + " with " + in + " rows in, " + out + " loaded or quarantined");
                    rowsLost += Math.abs(in - out);
                }
                if (counted.isPresent() && counted.getAsLong() != out) {
                    wrong.add(describe(f) + ": " + counted.getAsLong() + " records counted here, " + out + " loaded or quarantined");
                    rowsLost += Math.abs(counted.getAsLong() - out);
                }
            } else if (r.rowsIn() != null && counted.isPresent() && counted.getAsLong() != r.rowsIn()) {
                wrong.add(describe(f) + ": refused with " + r.rowsIn() + " rows in, " + counted.getAsLong() + " records counted here");
            }
        }
        return wrong;
    }

    /** A held file has exactly its loaded rows in the facts and its quarantined rows in the quarantine; a refused file none. */
    public List<String> snapshotRows() {
        List<String> wrong = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (MutatedFile f : written.files()) {
            InputRecord r = record(f);
            if (r == null) {
                continue;
            }
            long inFacts = facts.getOrDefault(r.fileName(), 0L);
            long inQuarantine = quarantine.getOrDefault(r.fileName(), 0L);
            long loaded = r.holdsSlice() ? r.rowsLoaded() : 0;
            boolean listsBadRows = r.holdsSlice() || "TOO_MANY_BAD_ROWS".equals(r.problem());
            long quarantined = listsBadRows && r.rowsQuarantined() != null ? r.rowsQuarantined() : 0;
            if (inFacts != loaded) {
                wrong.add(describe(f) + ": " + r.status() + " with " + loaded + " rows loaded, " + inFacts + " in the facts");
                rowsLost += Math.abs(inFacts - loaded);
            }
            if (inQuarantine != quarantined) {
                wrong.add(describe(f) + ": " + r.status() + " with " + quarantined + " rows quarantined, " + inQuarantine + " in the quarantine");
            }
            if (r.holdsSlice()) {
                held.add(r.fileName());
            }
        }
        facts.keySet().stream().filter(n -> !held.contains(n)).forEach(n -> wrong.add("facts hold rows of a file that holds no slice: " + n));
        return wrong;
    }

    /**
     * What {@code text} (a console, a ledger, table values) repeats that it must not: a stack trace, a marker planted in
     * a file, a record id or pseudonym of a file, a planted direct identifier, or a name listed under a label.
     */
    public List<String> leaks(String where, String text) {
        List<String> wrong = new ArrayList<>();
        for (String trace : List.of("Exception", "\tat ", "Caused by")) {
            if (text.contains(trace)) {
                int at = text.indexOf(trace);
                wrong.add(where + ": a stack trace (" + trace.strip() + "): "
                        + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80)).replace('\n', ' '));
            }
        }
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            wrong.add(where + ": a marker planted in a file: " + m.group());
        }
        m = RECORD_ID.matcher(text);
        while (m.find()) {
            wrong.add(where + ": a record id of a file: " + m.group());
        }
        m = HEX64.matcher(text);
        while (m.find()) {
            if (written.identifiers().contains(m.group())) {
                wrong.add(where + ": a pseudonym of a file");
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String planted : Mutator.IDENTIFIERS) {
            if (lower.contains(planted.toLowerCase(Locale.ROOT))) {
                wrong.add(where + ": a planted identifier");
            }
        }
        for (MutatedFile f : written.files()) {
            if (!byName.containsKey(f.name()) && text.contains(f.name())) {
                wrong.add(where + ": a refused name listed under a label is repeated");
            }
        }
        return wrong;
    }

    /** The files whose records this test counted itself and compared with the job's (known after {@link #rows}). */
    public int countedFiles() {
        return countedFiles;
    }

    public long rowsLost() {
        return rowsLost;
    }

    byte[] bytes(MutatedFile f) {
        try {
            return Files.readAllBytes(incoming.resolve(f.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + f.name(), e);
        }
    }

    private static boolean utf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
    }

    /** How a file is named in a violation: its mutation and base slice, never its (possibly broken) name. */
    private static String describe(MutatedFile f) {
        return f.mutation() + " of " + f.base();
    }
}
