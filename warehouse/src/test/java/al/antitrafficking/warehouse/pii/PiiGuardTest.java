package al.antitrafficking.warehouse.pii;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.reference.Countries;
import al.antitrafficking.warehouse.reference.Territory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's rules on single values (as the ingestion checks every field of a file; the column-aware part is the ETL's ColumnGuardTest). */
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
}
