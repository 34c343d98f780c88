package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.ingest.QuarantineNotes.BadRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarantineNotesTest {
    private static BadRow row(String file, long record) {
        return new BadRow(file, record, "encounter_date", "BAD_DATE");
    }

    private static QuarantineNotes task(QuarantineNotes driver) {
        return (QuarantineNotes) driver.copyAndReset();
    }

    @Test
    void aRowNotedTwiceIsOneRowOfTheQuarantine() {
        QuarantineNotes driver = new QuarantineNotes(10, 10);
        QuarantineNotes task = task(driver);
        task.add(row("a.csv", 1));
        task.add(row("a.csv", 1));
        task.add(row("b.csv", 1));
        driver.merge(task);
        driver.merge(task);

        assertThat(driver.value()).containsExactlyInAnyOrder(row("a.csv", 1), row("b.csv", 1));
        assertThat(driver.overflowed()).isFalse();
    }

    @Test
    void aTaskPastItsLimitOverflowsTheNotesAndTheFilesWithBadRowsAreStillKnown() {
        QuarantineNotes driver = new QuarantineNotes(2, 100);
        QuarantineNotes task = task(driver);
        task.add(row("a.csv", 1));
        task.add(row("a.csv", 2));
        assertThat(task.overflowed()).isFalse();
        task.add(row("b.csv", 3));
        assertThat(task.overflowed()).isTrue();
        assertThat(task.value()).isEmpty();
        task.add(row("c.csv", 1));
        driver.merge(task);

        assertThat(driver.overflowed()).isTrue();
        assertThat(driver.value()).isEmpty();
        assertThat(driver.badRows()).isEqualTo(Map.of("a.csv", 2L, "b.csv", 1L, "c.csv", 1L));
        assertThat(driver.isZero()).isFalse();
    }

    @Test
    void tasksUnderTheirLimitCanOverflowTheWholeTogether() {
        QuarantineNotes driver = new QuarantineNotes(2, 2);
        QuarantineNotes task1 = task(driver);
        QuarantineNotes task2 = task(driver);
        task1.add(row("a.csv", 1));
        task1.add(row("a.csv", 2));
        task2.add(row("b.csv", 1));
        driver.merge(task1);
        assertThat(driver.overflowed()).isFalse();
        driver.merge(task2);

        assertThat(driver.overflowed()).isTrue();
        assertThat(driver.badRows()).isEqualTo(Map.of("a.csv", 2L, "b.csv", 1L));
        driver.reset();
        assertThat(driver.isZero()).isTrue();
    }

    @Test
    void theNotesNeverGoWithAHeartbeat() {
        assertThat(new QuarantineNotes(1, 1).excludeFromHeartbeat()).isTrue();
    }
}
