package al.antitrafficking.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.etl.ingest.QuarantineNotes.BadRow;
import org.junit.jupiter.api.Test;

class QuarantineNotesTest {
    private static BadRow row(String file, long record) {
        return new BadRow(file, record, "encounter_date", "BAD_DATE");
    }

    @Test
    void aRowNotedTwiceCountsOnce() {
        QuarantineNotes notes = new QuarantineNotes(10);
        notes.add(row("a.csv", 1));
        notes.add(row("a.csv", 1));
        notes.add(row("b.csv", 1));
        QuarantineNotes again = notes.copy();
        notes.merge(again);

        assertThat(notes.value()).containsExactlyInAnyOrder(row("a.csv", 1), row("b.csv", 1));
        assertThat(notes.overflowed()).isFalse();
    }

    @Test
    void pastItsLimitTheNotesSayTheyOverflowedAndKeepNoRow() {
        QuarantineNotes notes = new QuarantineNotes(2);
        notes.add(row("a.csv", 1));
        notes.add(row("a.csv", 2));
        assertThat(notes.overflowed()).isFalse();
        notes.add(row("a.csv", 3));

        assertThat(notes.overflowed()).isTrue();
        assertThat(notes.value()).isEmpty();
        assertThat(notes.isZero()).isFalse();
    }

    @Test
    void tasksUnderTheLimitEachCanOverflowItTogether() {
        QuarantineNotes driver = new QuarantineNotes(2);
        QuarantineNotes task1 = (QuarantineNotes) driver.copyAndReset();
        QuarantineNotes task2 = (QuarantineNotes) driver.copyAndReset();
        task1.add(row("a.csv", 1));
        task1.add(row("a.csv", 2));
        task2.add(row("b.csv", 1));
        driver.merge(task1);
        assertThat(driver.overflowed()).isFalse();
        driver.merge(task2);

        assertThat(driver.overflowed()).isTrue();
    }

    @Test
    void anOverflowedTaskOverflowsTheWhole() {
        QuarantineNotes driver = new QuarantineNotes(1);
        QuarantineNotes task = (QuarantineNotes) driver.copyAndReset();
        task.add(row("a.csv", 1));
        task.add(row("a.csv", 2));
        driver.merge(task);

        assertThat(driver.overflowed()).isTrue();
        driver.reset();
        assertThat(driver.isZero()).isTrue();
    }
}
