package al.antitrafficking.etl.pii;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.etl.contract.Countries;
import al.antitrafficking.etl.contract.Field;
import al.antitrafficking.etl.contract.Source;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PiiGuardTest {
    static final PiiGuard GUARD = PiiGuard.load(TestProject.CONFIG.piiDir(), TestProject.TERRITORY,
            Countries.load(TestProject.CONFIG.referenceDir()), TestProject.CONTRACT);

    static Field field(Source source, String name) {
        return TestProject.CONTRACT.fields(source).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Optional<PiiRule> inId(String value) {
        return GUARD.check(field(Source.NRM, "nrm_id"), value);
    }

    private static Optional<PiiRule> inMunicipality(String value) {
        return GUARD.check(field(Source.NRM, "municipality"), value);
    }

    @Test
    void findsNamesInAnyOrderCaseJoinerAndSpelling() {
        for (String name : List.of("Arta Hoxha", "Hoxha Arta", "ARTA HOXHA", "arta_hoxha", "ARTA-HOXHA", "ArtaHoxha", "artahoxha",
                "Gëzim Kola", "Gezim Kola", "Hoxha, Arta", "Arta.Hoxha")) {
            assertThat(inId(name)).as(name).contains(PiiRule.PERSON_NAME);
        }
    }

    @Test
    void findsAGivenNameBesideASurnameNotOnAnyList() {
        // "Qerkezaj" is on no list: a listed given name beside an unknown word reads as a name.
        assertThat(inMunicipality("Arta Qerkezaj")).contains(PiiRule.PERSON_NAME);
        // and a listed surname beside a given name that is on no list
        assertThat(inMunicipality("Xhulietta Krasniqi")).contains(PiiRule.PERSON_NAME);
    }

    @Test
    void findsAGivenNameAloneInAFreeColumn() {
        assertThat(inId("Arta")).contains(PiiRule.PERSON_NAME);
        assertThat(inMunicipality("ERMIRA")).contains(PiiRule.PERSON_NAME);
    }

    @Test
    void aPlaceInAPlaceColumnIsNoAlarmEvenWhenItIsASurname() {
        for (String place : List.of("Dibër", "Dibra", "Mat", "Mati", "Kukës", "KUKES", "Malësi e Madhe", "Vau i Dejës", "Fushë-Arrëz",
                "Tiranë", "Tirana", "Shkodra", "Berat", "Has")) {
            assertThat(inMunicipality(place)).as(place).isEmpty();
        }
        assertThat(GUARD.check(field(Source.BORDER, "crossing_code"), "Hani i Hotit")).isEmpty();
        assertThat(GUARD.check(field(Source.BORDER, "citizenship"), "Greece")).isEmpty();
        assertThat(GUARD.check(field(Source.BORDER, "citizenship"), "Maqedonia e Veriut")).isEmpty();
    }

    @Test
    void findsPhoneNumbersInTheFormsAlbaniansWriteThem() {
        for (String phone : List.of("069 123 4567", "0691234567", "+355 69 123 4567", "00355691234567", "355691234567",
                "(069) 123-4567", "691234567", "69 123 4567", "+30 210 123 4567", "042 234 567", "(04) 2234567", "+383 44 123 456",
                "044 123 456", "tel. 068/123.45.67")) {
            assertThat(inId(phone)).as(phone).contains(PiiRule.PHONE_NUMBER);
        }
        for (String other : List.of("2025-03-14", "CPU-AL07-202503-000004", "AL-07", "150", "NRM-AL11-202503-000002", "20250314",
                "BORDER-AL07-202503-000017")) {
            assertThat(inId(other)).as(other).isEmpty();
        }
    }

    @Test
    void findsPersonalNumbersAndEmailAddressesOfAnyDomain() {
        for (String nid : List.of("J12345678K", "j12345678k", "nr. I05101999A", "J 1234 5678 K")) {
            assertThat(inId(nid)).as(nid).contains(PiiRule.PERSONAL_NUMBER);
        }
        for (String email : List.of("arta.hoxha@example.com", "x@mail.gov.al", "arta@shqipëri.al", "ана@пример.рф", "arta.hoxha@gmail")) {
            assertThat(inId(email)).as(email).contains(PiiRule.EMAIL_ADDRESS);
        }
        assertThat(inId("a@b")).isEmpty();
    }

    @Test
    void valuesValidForTheirColumnAreNotChecked() {
        assertThat(GUARD.check(field(Source.BORDER, "child_pseudonym"), "f".repeat(64))).isEmpty();
        assertThat(GUARD.check(field(Source.BORDER, "encounter_date"), "2025-03-14")).isEmpty();
        assertThat(GUARD.check(field(Source.BORDER, "referred_to"), "none")).isEmpty();
        assertThat(GUARD.check(field(Source.BORDER, "citizenship"), "AL")).isEmpty();
    }

    @Test
    void aSurplusFieldIsCheckedForEverything() {
        assertThat(GUARD.check(null, "Arta Hoxha")).contains(PiiRule.PERSON_NAME);
        assertThat(GUARD.check(null, "0691234567")).contains(PiiRule.PHONE_NUMBER);
    }
}
