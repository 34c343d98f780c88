package al.antitrafficking.etl.pii;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.pii.ColumnGuard;
import al.antitrafficking.etl.TestProject;
import al.antitrafficking.warehouse.contract.Field;
import al.antitrafficking.warehouse.contract.Source;
import al.antitrafficking.warehouse.pii.PiiRule;
import al.antitrafficking.warehouse.reference.Countries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard in the columns of the contract; the rules themselves are tested in the warehouse's PiiGuardTest. */
class ColumnGuardTest {
    static final ColumnGuard GUARD = ColumnGuard.load(TestProject.CONFIG.piiDir(), TestProject.TERRITORY,
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
    void findsNamesPhonesPersonalNumbersAndEmailAddressesInAFreeColumn() {
        assertThat(inId("Hoxha Arta")).contains(PiiRule.PERSON_NAME);
        assertThat(inId("Arta")).contains(PiiRule.PERSON_NAME);
        assertThat(inId("069 123 4567")).contains(PiiRule.PHONE_NUMBER);
        assertThat(inId("J12345678K")).contains(PiiRule.PERSONAL_NUMBER);
        assertThat(inId("arta.hoxha@example.com")).contains(PiiRule.EMAIL_ADDRESS);
        for (String other : List.of("2025-03-14", "CPU-AL07-202503-000004", "AL-07", "150", "NRM-AL11-202503-000002", "20250314",
                "BORDER-AL07-202503-000017")) {
            assertThat(inId(other)).as(other).isEmpty();
        }
    }

    @Test
    void findsAGivenNameBesideASurnameNotOnAnyListEvenInAPlaceColumn() {
        // "Qerkezaj" is on no list: a listed given name beside an unknown word reads as a name.
        assertThat(inMunicipality("Arta Qerkezaj")).contains(PiiRule.PERSON_NAME);
        // and a listed surname beside a given name that is on no list
        assertThat(inMunicipality("Xhulietta Krasniqi")).contains(PiiRule.PERSON_NAME);
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
        assertThat(GUARD.check(field(Source.SERVICES, "county"), "KUKESI")).isEmpty();
    }

    @Test
    void aKnownPlaceInAPlaceColumnIsStillCheckedForNumbers() {
        assertThat(inMunicipality("0691234567")).contains(PiiRule.PHONE_NUMBER);
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
