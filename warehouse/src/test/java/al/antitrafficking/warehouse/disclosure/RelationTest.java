package al.antitrafficking.warehouse.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A relation names each cell once: the auditor gives each of its cells one coefficient. */
class RelationTest {
    @Test
    void aPartNamedTwiceIsRefused() {
        // 10 = 5 + 5 as cells {1, 1} would be modelled as 10 = x: the reader's relation says 10 = 2x.
        assertThatThrownBy(() -> new Relation(0, new int[] {1, 2, 1}, Relation.Kind.EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell 1 is named twice");
    }

    @Test
    void aTotalAmongItsOwnPartsIsRefused() {
        // t = t + x says x = 0; modelled with one coefficient for t it would say x = t.
        assertThatThrownBy(() -> new Relation(3, new int[] {3, 4}, Relation.Kind.DISTINCT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cell 3 is named twice");
    }

    @Test
    void distinctCellsMakeARelation() {
        assertThat(new Relation(0, new int[] {1, 2}, Relation.Kind.IF_ADDITIVE).cells()).containsExactly(0, 1, 2);
    }
}
