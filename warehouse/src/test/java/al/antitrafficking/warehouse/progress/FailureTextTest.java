package al.antitrafficking.warehouse.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A command prints of a failure only what this project wrote; an engine's words, which can quote a row's value, are
 * reduced to their kind. The engines' failures here are real: DuckDB converting a value, the JDK reading a number.
 */
class FailureTextTest {
    private static final String VALUE = "ROWVALUE-7f3c1a";

    private static SQLException duckDbFailure() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            c.createStatement().executeQuery("SELECT CAST('" + VALUE + "' AS INTEGER)");
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("DuckDB converted the value");
    }

    @Test
    void aWrapperOfDuckDbKeepsItsOwnWordsAndDuckDbsKindOnly() throws SQLException {
        SQLException engine = duckDbFailure();
        assertThat(engine.getMessage()).contains(VALUE);
        IllegalStateException wrapped = new IllegalStateException("Cannot build warehouse for snapshot s1: " + engine.getMessage(), engine);

        assertThat(FailureText.of(wrapped)).isEqualTo("Cannot build warehouse for snapshot s1: Conversion Error");
    }

    @Test
    void aWrapperOfAWrapperLosesTheEnginesWordsInEveryLayer() throws SQLException {
        SQLException engine = duckDbFailure();
        IllegalStateException inner = new IllegalStateException("Cannot query the facts: " + engine.getMessage(), engine);
        IllegalStateException outer = new IllegalStateException("Cannot publish: " + inner.getMessage(), inner);

        assertThat(FailureText.of(outer)).isEqualTo("Cannot publish: Cannot query the facts: Conversion Error");
    }

    @Test
    void aKindOfSeveralWordsIsDuckDbsKind() throws SQLException {
        SQLException starved;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            c.createStatement().execute("SET memory_limit = '1MB'");
            c.createStatement().execute("SET threads = 1");
            c.createStatement().executeQuery("SELECT list(i || '" + VALUE + "') FROM range(1000000) t(i)");
            throw new AssertionError("DuckDB held a million texts in a megabyte");
        } catch (SQLException e) {
            starved = e;
        }
        assertThat(starved.getMessage()).startsWith("Out of Memory Error:");

        assertThat(FailureText.of(new IllegalStateException("Cannot query the facts: " + starved.getMessage(), starved)))
                .isEqualTo("Cannot query the facts: Out of Memory Error");
    }

    @Test
    void anExceptionTheEngineThrewIsPrintedByItsKindOnly() {
        Throwable number = catchThrowable(() -> Integer.parseInt(VALUE));
        Throwable jdkState = catchThrowable(() -> Pattern.compile("x").matcher(VALUE).group());

        assertThat(number.getMessage()).contains(VALUE);
        assertThat(FailureText.of(number)).isEqualTo("NumberFormatException");
        assertThat(jdkState).isInstanceOf(IllegalStateException.class);
        assertThat(FailureText.of(jdkState)).isEqualTo("IllegalStateException");
    }

    @Test
    void aFileFailureWrappedHereNamesItsKindNotItsText(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path missing = dir.resolve("absent.csv");
        Throwable io = catchThrowable(() -> Files.readString(missing));
        UncheckedIOException wrapped = new UncheckedIOException("Cannot read the return: " + io.getMessage(), (java.io.IOException) io);

        assertThat(FailureText.of(wrapped)).isEqualTo("Cannot read the return: NoSuchFileException");
    }

    @Test
    void aMessageWithoutAnEnginesWordsIsPrintedWhole() {
        IllegalArgumentException own = new IllegalArgumentException("Cannot read argument: --x (expected --key=value)");
        Throwable withoutMessage = new IllegalStateException();

        assertThat(FailureText.of(own)).isEqualTo("Cannot read argument: --x (expected --key=value)");
        assertThat(FailureText.of(withoutMessage)).isEqualTo("IllegalStateException");
    }
}
