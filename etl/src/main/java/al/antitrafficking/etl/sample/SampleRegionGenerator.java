package al.antitrafficking.etl.sample;

import static al.antitrafficking.warehouse.contract.Source.BORDER;
import static al.antitrafficking.warehouse.contract.Source.CPU;
import static al.antitrafficking.warehouse.contract.Source.NRM;
import static al.antitrafficking.warehouse.contract.Source.SERVICES;

import al.antitrafficking.warehouse.contract.DataContract;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.reference.County;
import al.antitrafficking.warehouse.reference.Crossing;
import al.antitrafficking.warehouse.reference.Municipality;
import al.antitrafficking.warehouse.reference.Territory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes the files the regions would send, from a simulation of children's pathways through the
 * mechanisms. Deterministic: each child is simulated from its own random stream derived from the seed
 * and the child's number, so the same seed, span and size give byte-identical files.
 *
 * <p>Shapes that look like life: counties weighted by census population; border encounters at the real
 * crossings, main crossings busiest, with a summer peak at the southern (Greek) border; the same
 * pseudonym re-appearing at a CPU, the NRM and services with plausible delays; and the gaps that matter:
 * most children seen at the border never reach a CPU, and some NRM victims never had a CPU case.
 */
public final class SampleRegionGenerator {
    private static final String[] OTHER_CITIZENSHIPS = {"GR", "XK", "MK", "SY", "AF", "IQ", "MA", "PK"};
    private static final String[] EXPLOITATION_COUNTRIES = {"GR", "IT", "XK", "MK", "DE", "GB", "FR", "ME"};

    private final Territory territory;
    private final DataContract contract;
    private final long seed;
    private final YearMonth first;
    private final YearMonth last;
    private final Weighted<County> countiesByPopulation = new Weighted<>();
    private final Weighted<Crossing> crossings = new Weighted<>();

    /** Rows are written in the column order of contract version 1; the writer checks each row's width. */
    public SampleRegionGenerator(Territory territory, DataContract contract, long seed, YearMonth first, YearMonth last) {
        this.territory = territory;
        this.contract = contract;
        this.seed = seed;
        this.first = first;
        this.last = last;
        territory.counties().forEach(c -> countiesByPopulation.add(c, c.population2023()));
        for (Crossing c : territory.crossings()) {
            if (c.countyCode().isPresent()) {
                crossings.add(c, crossingWeight(c));
            }
        }
    }

    /** Writes the files into an empty folder, simulating children until at least {@code targetRows} rows are written. */
    public SampleSummary generate(Path dir, long targetRows) {
        requireEmpty(dir);
        SubmissionWriter writer = new SubmissionWriter(dir, contract);
        List<String> countyCodes = territory.counties().stream().map(County::code).toList();
        writer.createAll(countyCodes, first, last);
        Map<Source, Long> rows = new EnumMap<>(Source.class);
        for (Source s : Source.values()) {
            rows.put(s, 0L);
        }
        long child = 0;
        while (rows.values().stream().mapToLong(Long::longValue).sum() < targetRows) {
            new Child(writer, rows, new SplittableRandom(mix(seed, child))).simulate();
            child++;
        }
        writer.flush();
        stampArrivals(dir);
        int files = countyCodes.size() * Source.values().length * (int) (ChronoUnit.MONTHS.between(first, last) + 1);
        return new SampleSummary(files, child, rows);
    }

    /**
     * Gives each file the time it would have arrived: most within the first two weeks of the next month, about
     * one in eight after the 15th (late), derived from the seed and the file name so that runs repeat.
     */
    private void stampArrivals(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                YearMonth month = YearMonth.parse(name.substring(name.lastIndexOf('_') + 1, name.length() - 4));
                SplittableRandom random = new SplittableRandom(mix(seed, name.hashCode()));
                int day = random.nextDouble() < 0.12 ? 16 + random.nextInt(12) : 1 + random.nextInt(14);
                java.time.Instant arrival = month.plusMonths(1).atDay(day).atTime(8 + random.nextInt(9), random.nextInt(60))
                        .atZone(java.time.ZoneId.of("Europe/Tirane")).toInstant();
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(arrival));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stamp arrival times in " + dir, e);
        }
    }

    private static double crossingWeight(Crossing c) {
        return switch (c.kind()) {
            case SEA, AIR -> 4;
            case LAND -> c.name().startsWith("Kakavij") || c.name().equals("Morinë") || c.name().equals("Han i Hotit")
                    || c.name().equals("Qafë Thanë") || c.name().equals("Kapshticë") ? 8 : 1;
        };
    }

    /** Southern (Greek) border: a summer peak of seasonal work and travel. */
    private static double seasonWeight(Crossing crossing, int month) {
        if (!crossing.neighbourCountry().orElse("").equals("GR")) {
            return 1.0;
        }
        return switch (month) {
            case 6, 7, 8 -> 2.4;
            case 5, 9 -> 1.5;
            default -> 0.8;
        };
    }

    private static long mix(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void requireEmpty(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("Cannot generate sample files: folder is not empty: " + dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate sample files into " + dir, e);
        }
    }

    /** One child's pathway through the mechanisms, written as rows. */
    private final class Child {
        private final SubmissionWriter writer;
        private final Map<Source, Long> rows;
        private final SplittableRandom random;
        private final String pseudonym;
        private final String sex;
        private final String citizenship;
        private final LocalDate birth;

        Child(SubmissionWriter writer, Map<Source, Long> rows, SplittableRandom random) {
            this.writer = writer;
            this.rows = rows;
            this.random = random;
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            this.pseudonym = HexFormat.of().formatHex(hash);
            this.sex = Weighted.<String>of("F", 44, "M", 55, "U", 1).draw(random);
            this.citizenship = random.nextDouble() < 0.86 ? "AL" : OTHER_CITIZENSHIPS[random.nextInt(OTHER_CITIZENSHIPS.length)];
            this.birth = spanStart().minusDays(random.nextInt(365 * 3, 365 * 18));
        }

        void simulate() {
            double path = random.nextDouble();
            if (path < 0.55) {
                borderFirst();
            } else if (path < 0.88) {
                cpuCase(randomDay(), municipalityIn(countiesByPopulation.draw(random).code()), null, "other");
            } else {
                nrmIdentification(randomDay(), municipalityIn(countiesByPopulation.draw(random).code()), false);
            }
        }

        private void borderFirst() {
            boolean inland = random.nextDouble() < 0.12;
            Crossing crossing = crossings.draw(random);
            LocalDate day = randomDay();
            // Seasonal shape by rejection: redraw the day until accepted with probability weight / max weight.
            while (!inland && random.nextDouble() * 2.4 > seasonWeight(crossing, day.getMonthValue())) {
                day = randomDay();
            }
            String county = inland ? countiesByPopulation.draw(random).code() : crossing.countyCode().orElseThrow();
            Municipality place = inland ? municipalityIn(county) : null;
            boolean foreign = !citizenship.equals("AL");
            String accompaniment = Weighted.<String>of("accompanied", foreign ? 30 : 65, "unaccompanied", foreign ? 50 : 24,
                    "separated", foreign ? 20 : 11).draw(random);
            boolean indicators = random.nextDouble() < (accompaniment.equals("accompanied") ? 0.05 : 0.22);
            String referredTo = indicators
                    ? Weighted.<String>of("nrm", 35, "cpu", 45, "police", 15, "none", 5).draw(random)
                    : Weighted.<String>of("cpu", 28, "police", 10, "none", 62).draw(random);
            if (!emit(BORDER, county, day, List.of(
                    pseudonym, day.toString(), inland ? "" : crossing.code(), inland ? place.name() : "",
                    inland ? "inland" : (random.nextBoolean() ? "entry" : "exit"), sex, age(day), citizenship,
                    accompaniment, indicators ? "y" : "n", referredTo))) {
                return;
            }
            double reachesCpu = switch (referredTo) {
                case "cpu" -> 0.8;
                case "nrm" -> 0.35;
                case "police" -> 0.3;
                default -> 0.04;
            };
            if (random.nextDouble() < reachesCpu) {
                String cpuCounty = random.nextDouble() < 0.7 ? county : countiesByPopulation.draw(random).code();
                cpuCase(day.plusDays(1 + geometric(6)), municipalityIn(cpuCounty), indicators ? "trafficking_risk" : null, "border_police");
            } else if (referredTo.equals("nrm") && random.nextDouble() < 0.7) {
                nrmIdentification(day.plusDays(3 + geometric(20)), municipalityIn(county), false);
            }
        }

        private void cpuCase(LocalDate opened, Municipality municipality, String risk, String referralSource) {
            String category = risk != null ? risk : Weighted.<String>of("child_on_the_move", 15, "street_situation", 12,
                    "begging", 12, "child_labour", 15, "trafficking_risk", 12, "violence", 20, "neglect", 14).draw(random);
            String source = referralSource.equals("other") ? Weighted.<String>of("state_police", 25, "school", 20, "health", 10,
                    "ngo", 15, "family", 15, "self", 5, "other", 10).draw(random) : referralSource;
            LocalDate assessed = random.nextDouble() < 0.85 ? opened.plusDays(geometric(8)) : null;
            LocalDate plan = assessed != null && random.nextDouble() < 0.7 ? assessed.plusDays(5 + geometric(15)) : null;
            double toNrm = switch (category) {
                case "trafficking_risk" -> 0.45;
                case "begging", "child_labour", "street_situation" -> 0.08;
                default -> 0.01;
            };
            LocalDate nrmReferral = random.nextDouble() < toNrm ? opened.plusDays(2 + geometric(25)) : null;
            LocalDate closed = random.nextDouble() < 0.5 ? opened.plusDays(30 + geometric(120)) : null;
            String closedReason = closed == null ? "" : Weighted.<String>of("goals_met", 50, "transferred", 15,
                    "moved_away", 15, "aged_out", 5, "other", 15).draw(random);
            if (!emit(CPU, municipality.countyCode(), opened, List.of(
                    pseudonym, municipality.name(), opened.toString(), source, category, sex, age(opened),
                    text(assessed), text(plan), text(nrmReferral), text(closed), closedReason))) {
                return;
            }
            if (nrmReferral != null && random.nextDouble() < 0.8) {
                nrmIdentification(nrmReferral.plusDays(geometric(20)), municipality, true);
            } else if (random.nextDouble() < 0.3) {
                service(opened.plusDays(geometric(20)), municipality.countyCode());
            }
        }

        private void nrmIdentification(LocalDate day, Municipality municipality, boolean hasCpuCase) {
            boolean adult = !hasCpuCase && random.nextDouble() < 0.15;
            String ageText = adult ? String.valueOf(18 + random.nextInt(13)) : age(day);
            String status = Weighted.<String>of("potential", 45, "presumed", 35, "identified", 20).draw(random);
            String form = Weighted.<String>of("sexual", 35, "labour", 20, "begging", 25, "criminality", 5,
                    "forced_marriage", 5, "other", 10).draw(random);
            boolean transnational = random.nextDouble() < 0.4;
            String agency = hasCpuCase ? "cpu" : Weighted.<String>of("state_police", 45, "border_police", 20,
                    "social_services", 15, "ngo", 20).draw(random);
            boolean shelter = random.nextDouble() < 0.35;
            List<String> values = List.of(pseudonym, day.toString(), status, form, transnational ? "transnational" : "internal",
                    transnational ? EXPLOITATION_COUNTRIES[random.nextInt(EXPLOITATION_COUNTRIES.length)] : "",
                    agency, sex, ageText, citizenship, municipality.name(), shelter ? "y" : "n");
            if (!emit(NRM, municipality.countyCode(), day, values)) {
                return;
            }
            if (!status.equals("identified") && random.nextDouble() < 0.25) {
                LocalDate later = day.plusDays(30 + geometric(60));
                List<String> confirmed = new ArrayList<>(values);
                confirmed.set(1, later.toString());
                confirmed.set(2, "identified");
                confirmed.set(8, adult ? ageText : age(later));
                emit(NRM, municipality.countyCode(), later, confirmed);
            }
            if (random.nextDouble() < 0.7) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    service(day.plusDays(geometric(15)), municipality.countyCode());
                }
            }
        }

        private void service(LocalDate start, String county) {
            LocalDate end = start.plusDays(10 + geometric(90));
            boolean ongoing = end.isAfter(spanEnd()) || random.nextDouble() < 0.1;
            emit(SERVICES, county, start, List.of(pseudonym,
                    Weighted.<String>of("shelter", 15, "psychosocial", 30, "legal", 15, "education", 15, "health", 15,
                            "reintegration", 10).draw(random),
                    random.nextDouble() < 0.55 ? "state" : "ngo", start.toString(), ongoing ? "" : end.toString(), county));
        }

        /** Writes a row in the file of its month, if that month lies in the span; returns whether it did. */
        private boolean emit(Source source, String county, LocalDate day, List<String> valuesAfterId) {
            YearMonth month = YearMonth.from(day);
            if (month.isBefore(first) || month.isAfter(last)) {
                return false;
            }
            List<String> values = new ArrayList<>(valuesAfterId.size() + 1);
            values.add(writer.nextId(source, county, month));
            values.addAll(valuesAfterId);
            writer.add(source, county, month, values);
            rows.merge(source, 1L, Long::sum);
            return true;
        }

        private Municipality municipalityIn(String countyCode) {
            List<Municipality> options = territory.municipalitiesOf(countyCode);
            // The county seat (the municipality named like its county) carries more cases.
            Weighted<Municipality> w = new Weighted<>();
            String countyName = territory.findCounty(countyCode).orElseThrow().name();
            options.forEach(m -> w.add(m, m.name().equals(countyName) ? 4 : 1));
            return w.draw(random);
        }

        /** Age in years at the day; one row in twenty gives an age band instead, as some systems do. */
        private String age(LocalDate day) {
            long years = ChronoUnit.YEARS.between(birth, day);
            if (random.nextDouble() >= 0.05) {
                return String.valueOf(years);
            }
            return years <= 5 ? "0-5" : years <= 11 ? "6-11" : years <= 14 ? "12-14" : years <= 17 ? "15-17" : "18+";
        }

        private LocalDate randomDay() {
            long days = ChronoUnit.DAYS.between(spanStart(), spanEnd()) + 1;
            return spanStart().plusDays(random.nextLong(days));
        }

        private long geometric(int mean) {
            return (long) Math.floor(-Math.log(1 - random.nextDouble()) * mean);
        }

        private String text(LocalDate date) {
            return date == null || date.isAfter(spanEnd()) ? "" : date.toString();
        }

        private LocalDate spanStart() {
            return first.atDay(1);
        }

        private LocalDate spanEnd() {
            return last.atEndOfMonth();
        }
    }
}
