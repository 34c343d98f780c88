package al.antitrafficking.etl.partner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.reference.Countries;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CTDC adapter over the real CTDC 2018 release the project carries, its counts checked against the test's own
 * reading of the file with commons-csv and the mapping's rules written out here by hand; then hostile and broken files.
 */
class CtdcIntakeTest {
    static final Path REAL = TestProject.ROOT.resolve("conf/international/ctdc_individual_database_sure2018.csv");
    static final CtdcMapping MAPPING = CtdcMapping.load(TestProject.ROOT.resolve("conf").resolve(CtdcMapping.FILE));
    static final Countries COUNTRIES = Countries.load(TestProject.CONFIG.referenceDir());
    // The forms as conf/international/ctdc-mapping.yaml documents them, written out independently of the adapter.
    static final Map<String, List<String>> FORMS = Map.of(
            "sexual", List.of("isSexualExploit", "typeOfSexProstitution", "typeOfSexPornography", "typeOfSexRemoteInteractiveServices",
                    "typeOfSexPrivateSexualServices"),
            "labour", List.of("isForcedLabour", "typeOfLabourAgriculture", "typeOfLabourAquafarming", "typeOfLabourConstruction",
                    "typeOfLabourDomesticWork", "typeOfLabourHospitality", "typeOfLabourManufacturing", "typeOfLabourMiningOrDrilling",
                    "typeOfLabourPeddling", "typeOfLabourTransportation", "typeOfLabourOther", "typeOfLabourNotSpecified"),
            "begging", List.of("typeOfLabourBegging"),
            "criminality", List.of("typeOfLabourIllicitActivities"),
            "forced_marriage", List.of("isForcedMarriage"),
            "other", List.of("isOtherExploit", "isOrganRemoval", "isForcedMilitary"));

    @TempDir
    static Path warehouse;
    static CtdcIntake.Report real;
    static List<CSVRecord> records = new ArrayList<>();

    @BeforeAll
    static void loadTheRealRelease() throws Exception {
        real = intake().ingest(REAL, "ctdc-2018", warehouse);
        try (Reader r = Files.newBufferedReader(REAL, UTF_8)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).forEach(records::add);
        }
    }

    static CtdcIntake intake() {
        return new CtdcIntake(TestProject.spark(), MAPPING, COUNTRIES, TestProject.CONFIG.maxFileBytes(), TestProject.CONFIG.maxBadRowShare());
    }

    /** The records the test itself finds readable: a four-digit year from 1990 to now, and not blank throughout. */
    static List<CSVRecord> good() {
        return records.stream().filter(r -> r.get("yearOfRegistration").matches("\\d{4}")
                && Integer.parseInt(r.get("yearOfRegistration")) >= 1990 && Integer.parseInt(r.get("yearOfRegistration")) <= java.time.Year.now().getValue())
                .toList();
    }

    static Map<String, Long> query(Path batch, String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql.replace("RECORDS", "read_parquet('" + batch.resolve("records/*.parquet") + "')")
                     .replace("QUARANTINE", "read_parquet('" + batch.resolve("quarantine/*.parquet") + "')"))) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static Path batch() {
        return warehouse.resolve("partner/ctdc-2018/ctdc_individual_database_sure2018");
    }

    @Test
    void everyRecordIsLoadedOrQuarantinedAndTheBadOnesAreTheFilesBrokenRows() throws Exception {
        assertEquals(records.size(), real.records());
        assertEquals(good().size(), real.loaded());
        assertEquals(records.size() - good().size(), real.quarantined());
        assertEquals(4, real.quarantined(), "the 2018 release has two blank rows and two with an impossible year");
        assertEquals(Map.of("BAD_YEAR", 2L, "EMPTY_RECORD", 2L), real.byRule());
        // The quarantine holds where and why, never the value.
        assertEquals(Map.of("record", 1L, "column", 1L, "rule", 1L), query(batch(),
                "SELECT column_name, count(*) FROM (DESCRIBE SELECT * FROM QUARANTINE) GROUP BY 1"));
    }

    @Test
    void countsByGenderEqualTheFilesOwn() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        for (CSVRecord r : good()) {
            String sex = switch (r.get("gender")) {
                case "Female" -> "F";
                case "Male" -> "M";
                default -> "U";
            };
            expected.merge(sex, 1L, Long::sum);
        }
        assertEquals(expected, query(batch(), "SELECT sex, count(*) FROM RECORDS GROUP BY 1"));
    }

    @Test
    void countsByYearEqualTheFilesOwn() throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        good().forEach(r -> expected.merge(r.get("yearOfRegistration"), 1L, Long::sum));
        assertEquals(expected, query(batch(), "SELECT CAST(year_of_registration AS VARCHAR), count(*) FROM RECORDS GROUP BY 1"));
    }

    @Test
    void countsByExploitationFlagEqualTheFilesOwn() throws Exception {
        for (Map.Entry<String, List<String>> form : FORMS.entrySet()) {
            Map<String, Long> expected = new TreeMap<>();
            for (CSVRecord r : good()) {
                boolean any = form.getValue().stream().anyMatch(f -> r.get(f).equals("1"));
                boolean allZero = form.getValue().stream().allMatch(f -> r.get(f).equals("0"));
                expected.merge(any ? "true" : allZero ? "false" : "unknown", 1L, Long::sum);
            }
            assertEquals(expected, query(batch(), "SELECT coalesce(CAST(form_" + form.getKey() + " AS VARCHAR), 'unknown'), count(*) FROM RECORDS GROUP BY 1"),
                    form.getKey());
        }
        long sexual = good().stream().filter(r -> r.get("isSexualExploit").equals("1")).count();
        assertTrue(query(batch(), "SELECT 'n', count(*) FROM RECORDS WHERE form_sexual").get("n") >= sexual);
    }

    @Test
    void whatTheStandardLacksIsExplicitlyUnknownAndAgeComesFromTheBandThenMajority() throws Exception {
        assertEquals(Map.of("unknown|unknown", real.loaded()), query(batch(), "SELECT county || '|' || month, count(*) FROM RECORDS GROUP BY 1"));
        Map<String, Long> expected = new TreeMap<>();
        long conflicts = 0;
        for (CSVRecord r : good()) {
            String band = r.get("ageBroad");
            String fromBand = band.equals("0--8") || band.equals("9--17") ? "0-17" : band.matches("\\d+--\\d+|48\\+") ? "18+" : null;
            String fromMajority = switch (r.get("majorityStatus")) {
                case "Minor" -> "0-17";
                case "Adult" -> "18+";
                default -> null;
            };
            expected.merge(fromBand != null ? fromBand : fromMajority != null ? fromMajority : "unknown", 1L, Long::sum);
            if (fromBand != null && fromMajority != null && !fromBand.equals(fromMajority)) {
                conflicts++;
            }
        }
        assertEquals(expected, query(batch(), "SELECT age_group, count(*) FROM RECORDS GROUP BY 1"));
        assertEquals(conflicts, real.ageConflicts());
        assertTrue(conflicts > 0);
    }

    @Test
    void malformedRecordsAreQuarantinedWithTheirReasons(@TempDir Path dir) throws Exception {
        String header = String.join(",", MAPPING.required()) + ",CountryOfExploitation";
        List<String> lines = new ArrayList<>(List.of(header));
        for (int i = 0; i < 16; i++) {
            lines.add("2019,Female,9--17,Minor,AL,0,1,0,GR");
        }
        lines.add("2019,Femme,9--17,Minor,AL,0,1,0,GR");   // record 17: gender
        lines.add("2019,Male,9--17,Minor,ZZ,yes,1,0,GR");  // record 18: citizenship and a flag
        lines.add("2019,Male,9--17,Minor,AL,0,1");         // record 19: two fields short
        lines.add("2019,Male,18--20,Minor,AL,1,0,0,");     // record 20: fine, age band and majority disagree
        lines.add("2019,\"Fe\nmale\",9--17,Minor,AL,0,1,0,GR"); // record 21: a line break inside a quoted value
        Path file = Files.writeString(dir.resolve("ngo-2019.csv"), String.join("\n", lines) + "\n");
        CtdcIntake.Report report = intake().ingest(file, "ngo", dir);
        assertEquals(CtdcIntake.LOADED, report.status());
        assertEquals(21, report.records());
        assertEquals(17, report.loaded());
        assertEquals(4, report.quarantined());
        assertEquals(1, report.ageConflicts());
        Path batch = dir.resolve("partner/ngo/ngo-2019");
        assertEquals(Map.of("17|gender|BAD_CHOICE", 1L, "18|citizenship|BAD_COUNTRY", 1L, "18|isForcedLabour|BAD_FLAG", 1L,
                "19|*|MALFORMED_ROW", 1L, "21|*|LINE_BREAK_IN_VALUE", 1L),
                query(batch, "SELECT record || '|' || \"column\" || '|' || rule, count(*) FROM QUARANTINE GROUP BY 1"));
        assertFalse(Files.readString(batch.resolve("report.properties")).contains("Femme"), "a value is never repeated in the report");
        assertTrue(report.summary().contains("17 loaded, 4 quarantined"), report.summary());
    }

    @Test
    void tooManyBadRecordsRefuseTheFileWholeKeepingItsQuarantine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), String.join(",", MAPPING.required()) + "\n"
                + "2019,Female,9--17,Minor,AL,0,1,0\n2019,Female,9--17,Minor,AL,0,1,0\n1850,Female,9--17,Minor,AL,0,1,0\n2019,Female,9--17,Kid,AL,0,1,0\n");
        CtdcIntake.Report report = intake().ingest(file, "ngo", dir);
        assertEquals(CtdcIntake.REFUSED, report.status());
        assertEquals(0, report.loaded());
        assertEquals(2, report.quarantined());
        Path batch = dir.resolve("partner/ngo/bad");
        assertFalse(Files.exists(batch.resolve("records")), "a refused file loads nothing");
        assertEquals(Map.of("3|yearOfRegistration|BAD_YEAR", 1L, "4|majorityStatus|BAD_CHOICE", 1L),
                query(batch, "SELECT record || '|' || \"column\" || '|' || rule, count(*) FROM QUARANTINE GROUP BY 1"));
        assertTrue(report.summary().startsWith("Refused bad.csv: 2 of 4 records (50%)"), report.summary());
    }

    @Test
    void aFileWithAColumnOutsideTheFormatIsRefusedWithoutNamingItAndNothingIsWritten(@TempDir Path dir) throws Exception {
        String header = String.join(",", MAPPING.required()) + ",Arta Hoxha";
        Path file = Files.writeString(dir.resolve("extra.csv"), header + "\n2019,Female,9--17,Minor,AL,0,1,0,x\n");
        CtdcFileRefused e = assertThrows(CtdcFileRefused.class, () -> intake().ingest(file, "ngo", dir));
        assertTrue(e.getMessage().contains("1 column not in the CTDC format (column 9)"), e.getMessage());
        assertFalse(e.getMessage().contains("Arta"), e.getMessage());
        Path missing = Files.writeString(dir.resolve("missing.csv"), "yearOfRegistration,gender\n2019,Female\n");
        e = assertThrows(CtdcFileRefused.class, () -> intake().ingest(missing, "ngo", dir));
        assertTrue(e.getMessage().contains("required columns missing: ageBroad, majorityStatus, citizenship"), e.getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (String.join(",", MAPPING.required()) + "\n2019,Female,9--17,Minor,AL,0,1,0\n2019,F\u00ebmale,,,,,,,\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(CtdcFileRefused.class, () -> intake().ingest(latin1, "ngo", dir));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        try (var left = Files.list(dir.resolve("partner/ngo"))) {
            assertEquals(List.of(), left.toList(), "a refused file leaves nothing behind");
        }
    }
}
