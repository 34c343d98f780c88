package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A cell's day counts: the median read from them is DuckDB's, and they survive the kept file's text. */
class DayCountsTest {
    @Test
    void theMedianIsTheMiddleValueOrHalfwayBetweenTheTwoMiddleValues() {
        // Worked out by hand: 1 3 3 10 -> (3 + 3) / 2; 1 4 -> 2.5; -2 18 18 18 19 19 19 -> the 4th of 7; one row -> itself.
        assertThat(DayCounts.of(Map.of(1L, 1L, 3L, 2L, 10L, 1L)).median()).isEqualTo(3.0);
        assertThat(DayCounts.of(Map.of(1L, 1L, 4L, 1L)).median()).isEqualTo(2.5);
        assertThat(DayCounts.parse("-2:1 18:3 19:3").median()).isEqualTo(18.0);
        assertThat(DayCounts.parse("7:1").median()).isEqualTo(7.0);
        assertThat(DayCounts.parse("0:2 5:2").median()).isEqualTo(2.5);
    }

    @Test
    void theMedianOfDuckDbsHistogramIsDuckDbsOwnMedianOverTheSameRows() throws Exception {
        Random random = new Random(20261202);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (int set = 0; set < 40; set++) {
                int rows = 1 + random.nextInt(set < 20 ? 6 : 400);
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < rows; i++) {
                    values.append(i == 0 ? "" : ", ").append(random.nextInt(5) == 0 ? "(NULL)" : "(" + (random.nextInt(200) - 20) + "::BIGINT)");
                }
                try (ResultSet rs = s.executeQuery("SELECT histogram(d), median(d) FROM (VALUES " + values + ") AS t(d)")) {
                    rs.next();
                    DayCounts days = rs.getObject(1) instanceof Map<?, ?> h ? DayCounts.of(h) : null;
                    Object median = rs.getObject(2);
                    if (median == null) {
                        assertThat(days).as(values.toString()).isNull();
                    } else {
                        assertThat(days.median()).as(values.toString()).isEqualTo(((Number) median).doubleValue());
                    }
                }
            }
        }
    }

    @Test
    void dayCountsAddUpAndReadBackFromTheirText() {
        DayCounts old = DayCounts.parse("5:2 7:1");
        Map<Long, Long> sums = new TreeMap<>();
        old.addTo(sums, 1);
        DayCounts.parse("7:1").addTo(sums, -1);
        DayCounts.parse("9:2").addTo(sums, 1);
        DayCounts corrected = DayCounts.of(sums);

        // 5 5 9 9: the day that lost its only row is gone, and the median is halfway between 5 and 9.
        assertThat(corrected.text()).isEqualTo("5:2 9:2");
        assertThat(corrected.median()).isEqualTo(7.0);
        assertThat(DayCounts.parse(corrected.text())).isEqualTo(corrected);
        assertThat(DayCounts.of(Map.of(3L, 0L))).isNull();
        assertThat(DayCounts.parse("")).isNull();
        assertThatThrownBy(() -> DayCounts.parse("9:1 5:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DayCounts.of(Map.of(1.5, 1L))).isInstanceOf(IllegalStateException.class);
    }
}
