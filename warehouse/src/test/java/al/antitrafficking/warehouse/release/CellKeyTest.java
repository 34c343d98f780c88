package al.antitrafficking.warehouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellKeyTest {
    @Test
    void theCellsOfATableByCountyAndPeriodHaveHashesOfTheirOwn() {
        // Albania and its twelve counties, every month, quarter and year of three years, three criteria: 2,457 cells of one
        // family. Hashes that differ keep a release's maps of cells flat (the record's own hash puts AL-07 in 2025-01 and
        // AL-06 in 2025-11 in one bucket).
        List<String> territories = new ArrayList<>(List.of("AL"));
        for (int county = 1; county <= 12; county++) {
            territories.add(String.format("AL-%02d", county));
        }
        List<String> periods = new ArrayList<>();
        for (int year = 2024; year <= 2026; year++) {
            periods.add(Integer.toString(year));
            for (int month = 1; month <= 12; month++) {
                periods.add(String.format("%d-%02d", year, month));
            }
            for (int quarter = 1; quarter <= 4; quarter++) {
                periods.add(year + "-Q" + quarter);
            }
        }
        Set<CellKey> keys = new HashSet<>();
        Set<Integer> hashes = new HashSet<>();
        for (String criteria : List.of("*", "age_band=0-5", "accompaniment=separated,unaccompanied")) {
            for (String territory : territories) {
                for (String period : periods) {
                    CellKey key = CellKey.of("border.encounter_date.children", criteria, territory, period);
                    keys.add(key);
                    hashes.add(key.hashCode());
                }
            }
        }

        assertThat(keys).hasSize(3 * 13 * 51);
        assertThat(hashes).hasSize(keys.size());
        assertThat(CellKey.of("f", "*", "AL-07", "2025-01").hashCode()).isNotEqualTo(CellKey.of("f", "*", "AL-06", "2025-11").hashCode());
    }

    @Test
    void equalKeysHaveEqualHashes() {
        CellKey a = new CellKey("f", "*", "age_band=0-5", "AL-07", "2025-01");
        CellKey b = new CellKey(new String("f"), "*", new String("age_band=0-5"), "AL-07", new String("2025-01"));

        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(CellKey.of("f", "*", "AL", "2025").hashCode()).isEqualTo(CellKey.of("f", "*", "AL", "2025").hashCode());
    }
}
