package al.antitrafficking.warehouse.pii;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guard's rules, on single values (as the ingestion checks every field of a file; the column-aware part is the
 * ETL's ColumnGuardTest) and on running text (as the forum store checks what people type).
 */
class PiiGuardTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final PiiGuard GUARD = PiiGuard.load(ROOT.resolve("conf/pii"), Territory.load(ROOT.resolve("conf/reference")),
            Countries.load(ROOT.resolve("conf/reference")));

    @Test
    void findsNamesInAnyOrderCaseJoinerAndSpelling() {
        for (String name : List.of("Arta Hoxha", "Hoxha Arta", "ARTA HOXHA", "arta_hoxha", "ARTA-HOXHA", "ArtaHoxha", "artahoxha",
                "Gëzim Kola", "Gezim Kola", "Hoxha, Arta", "Arta.Hoxha")) {
            assertThat(GUARD.check(name)).as(name).contains(PiiRule.PERSON_NAME);
        }
    }

    @Test
    void findsAGivenNameBesideASurnameNotOnAnyListAndAGivenNameAlone() {
        // "Qerkezaj" is on no list: a listed given name beside an unknown word reads as a name.
        assertThat(GUARD.check("Arta Qerkezaj")).contains(PiiRule.PERSON_NAME);
        // and a listed surname beside a given name that is on no list
        assertThat(GUARD.check("Xhulietta Krasniqi")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check("Arta")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check("ERMIRA")).contains(PiiRule.PERSON_NAME);
    }

    @Test
    void findsPhoneNumbersInTheFormsAlbaniansWriteThem() {
        for (String phone : List.of("069 123 4567", "0691234567", "+355 69 123 4567", "00355691234567", "355691234567",
                "(069) 123-4567", "691234567", "69 123 4567", "+30 210 123 4567", "042 234 567", "(04) 2234567", "+383 44 123 456",
                "044 123 456", "tel. 068/123.45.67")) {
            assertThat(GUARD.check(phone)).as(phone).contains(PiiRule.PHONE_NUMBER);
        }
        for (String other : List.of("2025-03-14", "CPU-AL07-202503-000004", "AL-07", "150", "NRM-AL11-202503-000002", "20250314",
                "BORDER-AL07-202503-000017")) {
            assertThat(GUARD.check(other)).as(other).isEmpty();
        }
    }

    @Test
    void findsPersonalNumbersAndEmailAddressesOfAnyDomain() {
        for (String nid : List.of("J12345678K", "j12345678k", "nr. I05101999A", "J 1234 5678 K")) {
            assertThat(GUARD.check(nid)).as(nid).contains(PiiRule.PERSONAL_NUMBER);
        }
        for (String email : List.of("arta.hoxha@example.com", "x@mail.gov.al", "arta@shqipëri.al", "ана@пример.рф", "arta.hoxha@gmail")) {
            assertThat(GUARD.check(email)).as(email).contains(PiiRule.EMAIL_ADDRESS);
        }
        assertThat(GUARD.check("a@b")).isEmpty();
    }

    @Test
    void findsANameInRunningTextWhereverAndHoweverItIsWritten() {
        for (String text : List.of("Met with Arben Hoxha's mother", "Met the mother of HOXHA Arben at school", "HOXHA ARBEN came back",
                "Hoxha, Arben was met at the crossing", "met arben hoxha yesterday", "Visit to Arta Qerkezaj at home",
                "U takuam me nënën e ARBEN HOXHËS", "Met Arben's mother at the CPU", "The boy (Arben) was referred", "Мет Арбен")) {
            assertThat(GUARD.checkText(text)).as(text).contains(PiiRule.PERSON_NAME);
        }
    }

    @Test
    void findsNumbersAndAddressesInRunningText() {
        for (String text : List.of("Call the mother on 069 123 4567 after the hearing", "Her number is 0691234567.",
                "Reachable on 069 123 4567 24 hours a day", "tel. (04) 2234567, the school")) {
            assertThat(GUARD.checkText(text)).as(text).contains(PiiRule.PHONE_NUMBER);
        }
        assertThat(GUARD.checkText("The CPU writes to arta.hoxha@example.com every week")).contains(PiiRule.EMAIL_ADDRESS);
        assertThat(GUARD.checkText("His card J12345678K was kept by the police")).contains(PiiRule.PERSONAL_NUMBER);
    }

    @Test
    void ordinaryProseAboutCasesRaisesNoAlarm() {
        for (String text : List.of(
                // Albanian words that are also given names, opening a sentence or in lower case
                "Drita e gjelbër për protokollin e referimit u dha nga Këshilli i Qarkut",
                "Shpresa jonë është që çdo fëmijë i pashoqëruar të referohet brenda ditës",
                "Jeta e fëmijëve në lëvizje është në rrezik kur mekanizmat nuk bashkëpunojnë",
                // English words on the international list of given names
                "Mark the date of the next meeting: 15 March 2026",
                "Caritas Albania and the Albanian Red Cross distribute information at Rinas airport",
                "Will the Ministry of Health and Social Protection fund two more social workers in Has and Tropojë?",
                // places that are also surnames, and numbers that are no phone
                "Joint case review of the CPUs of Dibër, Mat and Kukës with the Border Police at Morinë",
                "Training on Law no. 18/2017 and the Decision of the Council of Ministers no. 499, dated 29.8.2018",
                "The helpline ALO 116 111 answered 1 250 calls in 2025; a budget of 25 000 000 lekë for 2026-2028",
                "Trajnim për punonjësit socialë mbi Ligjin nr. 18/2017 \"Për të drejtat dhe mbrojtjen e fëmijës\"",
                "an advocacy event of the Mario project")) {
            assertThat(GUARD.checkText(text)).as(text).isEmpty();
        }
    }

    @Test
    void textDisguisedByPastingOrLookAlikeLettersIsStillFound() {
        // Found by attacking the portal's notes: the same number and name, typed other ways.
        assertThat(GUARD.checkText("call 069\u00a0123\u00a04567 after the meeting")).contains(PiiRule.PHONE_NUMBER);
        assertThat(GUARD.checkText("call +355\u202f69\u202f123\u202f4567")).contains(PiiRule.PHONE_NUMBER);
        assertThat(GUARD.checkText("call 069\u2013123\u20134567")).contains(PiiRule.PHONE_NUMBER);
        assertThat(GUARD.checkText("call \uff10\uff16\uff19 \uff11\uff12\uff13 \uff14\uff15\uff16\uff17")).contains(PiiRule.PHONE_NUMBER);
        assertThat(GUARD.checkText("write to arben\uff20example.com")).contains(PiiRule.EMAIL_ADDRESS);
        assertThat(GUARD.checkText("met Arb\u200ben Hox\u200bha's mother")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.checkText("met \u0410rben H\u043exha's mother")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.checkText("id J\u00a012\u00a034\u00a05678\u00a0A")).contains(PiiRule.PERSONAL_NUMBER);
        // Folding takes nothing away from ordinary text.
        assertThat(GUARD.checkText("Joint monthly case review\u00a0\u2013 every unaccompanied child met at the crossing")).isEmpty();
    }
    /**
     * The file scan checks files on several threads with one guard, and the portal's forum store checks on every request
     * thread: each thread has its own matchers, so no thread sees another's value. Values whose rules are known are
     * checked in a shuffled order from four threads at once, thousands of times, and every answer is the one the value has.
     */
    @Test
    void manyThreadsAtOnceGetEachValuesOwnAnswer() throws Exception {
        java.util.Map<String, java.util.Optional<PiiRule>> expected = new java.util.LinkedHashMap<>();
        expected.put("069 123 4567", java.util.Optional.of(PiiRule.PHONE_NUMBER));
        expected.put("+355 69 123 4567", java.util.Optional.of(PiiRule.PHONE_NUMBER));
        expected.put("J12345678K", java.util.Optional.of(PiiRule.PERSONAL_NUMBER));
        expected.put("arta.hoxha@example.com", java.util.Optional.of(PiiRule.EMAIL_ADDRESS));
        expected.put("BORDER-AL07-202503-000017", java.util.Optional.empty());
        expected.put("CPU-AL07-202503-000004", java.util.Optional.empty());
        expected.put("2025-03-14", java.util.Optional.empty());
        expected.put("20250314", java.util.Optional.empty());
        List<String> values = new java.util.ArrayList<>(expected.keySet());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> wrong = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                wrong.add(pool.submit(() -> {
                    List<String> order = new java.util.ArrayList<>(values);
                    java.util.Random random = new java.util.Random(seed);
                    List<String> mistakes = new java.util.ArrayList<>();
                    for (int round = 0; round < 3_000; round++) {
                        java.util.Collections.shuffle(order, random);
                        for (String v : order) {
                            if (!GUARD.check(v).equals(expected.get(v))) {
                                mistakes.add(v);
                            }
                        }
                    }
                    return mistakes;
                }));
            }
            for (java.util.concurrent.Future<List<String>> f : wrong) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
