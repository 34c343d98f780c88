package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.TestProject;
import al.antitrafficking.etl.ingest.PiiRules.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiRulesTest {
    private final PiiRules rules = PiiRules.load(TestProject.CONFIG.givenNamesFile());

    private boolean finds(Rule rule, String text) {
        return rules.pattern(rule).matcher(text).find();
    }

    @Test
    void findsAlbanianPersonalNumbers() {
        assertThat(finds(Rule.PERSONAL_NUMBER, "J12345678K")).isTrue();
        assertThat(finds(Rule.PERSONAL_NUMBER, "nr. I05101999A ")).isTrue();
        assertThat(finds(Rule.PERSONAL_NUMBER, "BORDER-AL07-202503-000017")).isFalse();
        assertThat(finds(Rule.PERSONAL_NUMBER, "a12345678b" + "0".repeat(54))).isFalse();
    }

    @Test
    void findsPhoneNumbersButNotDatesOrRecordIds() {
        for (String phone : List.of("069 123 4567", "0691234567", "+355 69 123 4567", "00355691234567", "+30 210 123 4567")) {
            assertThat(finds(Rule.PHONE_NUMBER, phone)).as(phone).isTrue();
        }
        for (String other : List.of("2025-03-14", "CPU-AL07-202503-000004", "AL-07", "150", "NRM-AL11-202503-000002")) {
            assertThat(finds(Rule.PHONE_NUMBER, other)).as(other).isFalse();
        }
    }

    @Test
    void findsEmailAddresses() {
        assertThat(finds(Rule.EMAIL_ADDRESS, "arta.hoxha@example.com")).isTrue();
        assertThat(finds(Rule.EMAIL_ADDRESS, "kontakt: x@mail.gov.al")).isTrue();
        assertThat(finds(Rule.EMAIL_ADDRESS, "a@b")).isFalse();
    }

    @Test
    void findsAGivenNameFollowedByASurnameButNotPlaceNames() {
        assertThat(finds(Rule.PERSON_NAME, "Arta Hoxha")).isTrue();
        assertThat(finds(Rule.PERSON_NAME, "Gëzim Kola")).isTrue();
        for (String place : List.of("Malësi e Madhe", "Vau i Dejës", "Fushë-Arrëz", "Kukës", "Tiranë", "Arta", "Kristiansand")) {
            assertThat(finds(Rule.PERSON_NAME, place)).as(place).isFalse();
        }
    }
}
