package al.antitrafficking.warehouse.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import al.antitrafficking.warehouse.disclosure.CellStatus;
import al.antitrafficking.warehouse.indicator.Audience;
import al.antitrafficking.warehouse.indicator.IndicatorResult;
import al.antitrafficking.warehouse.indicator.PeriodType;
import al.antitrafficking.warehouse.indicator.ResultRow;
import al.antitrafficking.warehouse.indicator.Unit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotebookOutputTest {
    static ResultRow row(String period, String county, Double value, CellStatus status) {
        return new ResultRow(period, Map.of("county", county), value, value == null ? null : value.longValue(), null, status, Set.of());
    }

    // Kukës: 12, then a withheld month, then 7; a county named with markup to show escaping.
    static final IndicatorResult RESULT = new IndicatorResult("children_encountered", Unit.COUNT, PeriodType.MONTH, List.of("county"),
            List.of(row("2025-01", "AL-07", 12.0, CellStatus.PUBLISHED), row("2025-02", "AL-07", null, CellStatus.WITHHELD),
                    row("2025-03", "AL-07", 7.0, CellStatus.PUBLISHED), row("2025-01", "<b>x</b>", null, CellStatus.NOT_REPORTED),
                    row("2025-02", "<b>x</b>", 0.0, CellStatus.PUBLISHED), row("2025-03", "<b>x</b>", null, CellStatus.WITHHELD)),
            5, Audience.PUBLIC, "20250401T000000Z");

    @Test
    void aTableMarksEveryWithheldCellAlikeAndEscapesEveryText() {
        String html = Html.table(RESULT, g -> g.get("county"));

        assertThat(html).contains("<th>2025-01</th><th>2025-02</th><th>2025-03</th>")
                .contains("<th>AL-07</th><td style=\"text-align:right\">12</td><td style=\"text-align:right\">x</td>")
                .contains("<th>&lt;b&gt;x&lt;/b&gt;</th><td style=\"text-align:right\">–</td><td style=\"text-align:right\">0</td>"
                        + "<td style=\"text-align:right\">x</td>")
                .doesNotContain("<b>x</b>")
                .contains("x = withheld to protect children&#39;s privacy: a count from 1 to 4").contains("release 20250401T000000Z");
    }

    @Test
    void anInternalTableSaysItIsNotForPublication() {
        IndicatorResult internal = new IndicatorResult("children_encountered", Unit.COUNT, PeriodType.MONTH, List.of(), List.of(),
                5, Audience.INTERNAL, "s");

        assertThat(Html.note(internal)).contains("INTERNAL").contains("not for publication");
    }

    @Test
    void aLineLeavesAGapWhereAValueIsWithheldNeverAZero() {
        String svg = Svg.lines("Kukës", List.of("2025-01", "2025-02", "2025-03"), Map.of("Kukës", Arrays.asList(12.0, null, 7.0)));

        // Two separate strokes (each starting with M), on a 0-20 axis.
        assertThat(svg).containsPattern("d=\"M[0-9. ]+ M[0-9. ]+\"").contains(">20<").startsWith("<svg");
    }

    @Test
    void barsRankLargestFirstAndHighlightOne() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("Vlorë", 3.0);
        values.put("Kukës", 9.5);
        values.put("Albania", 5.0);
        values.put("Korçë", null);

        String svg = Svg.bars("Rates", values, "Albania");

        assertThat(svg.indexOf(">Kukës<")).isLessThan(svg.indexOf(">Albania<"));
        assertThat(svg.indexOf(">Albania<")).isLessThan(svg.indexOf(">Vlorë<"));
        assertThat(svg).contains("fill=\"" + Svg.PALETTE[1] + "\"").contains("withheld or not reported");
    }

    @Test
    void axesEndOnARoundNumber() {
        assertThat(Svg.niceCeiling(12)).isEqualTo(20);
        assertThat(Svg.niceCeiling(4.2)).isEqualTo(5);
        assertThat(Svg.niceCeiling(100)).isEqualTo(100);
        assertThat(Svg.niceCeiling(0)).isEqualTo(1);
    }
}
