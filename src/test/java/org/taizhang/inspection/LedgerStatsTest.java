package org.taizhang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Warning;

/** The published figures on eight findings counted by hand. */
class LedgerStatsTest {
    private static final String A = "市财政局";
    private static final String B = "市委办";

    private final List<LedgerEntry> ledger = List.of(
            aFinding()
                    .of("a", A)
                    .category("党费")
                    .in(FindingState.CLOSED)
                    .described("1")
                    .build(),
            aFinding()
                    .of("a", A)
                    .category("党费")
                    .in(FindingState.RECTIFYING)
                    .overdue()
                    .repeating("f-earlier")
                    .described("2")
                    .build(),
            aFinding().of("a", A).category("三会一课").in(FindingState.PENDING).build(),
            aFinding().of("a", A).category("三会一课").in(FindingState.MERGED).build(),
            aFinding()
                    .of("b", B)
                    .category("三会一课")
                    .in(FindingState.CLOSE_REQUESTED)
                    .build(),
            aFinding()
                    .of("b", B)
                    .category("三会一课")
                    .in(FindingState.NOTIFIED)
                    .warned(Warning.SEVERE)
                    .described("6")
                    .build(),
            aFinding().of("b", B).category("作风").in(FindingState.REGISTERED).build(),
            aFinding()
                    .of("b", B)
                    .category("作风")
                    .in(FindingState.CLOSED)
                    .repeating("x")
                    .described("8")
                    .build());

    @Test
    void totals() {
        LedgerStats.Figures t = LedgerStats.of(ledger).total();
        // found 8 = pending 2 (待挂号, 已挂号) + in progress 3 (整改中, 待核查, 已交办) + closed 2 + merged 1
        assertThat(t).isEqualTo(new LedgerStats.Figures(8, 2, 3, 2, 1, 2, 2));
        assertThat(t.closureRate().orElseThrow()).isCloseTo(2.0 / 7, within(1e-12)); // closed ÷ (found − merged)
        assertThat(t.repeatRate().orElseThrow()).isEqualTo(0.25); // 反弹率: 2 of 8
    }

    @Test
    void perUnitInChineseOrder() {
        LedgerStats s = LedgerStats.of(ledger);
        assertThat(s.byUnit().keySet()).containsExactly(A, B); // cái before wěi
        assertThat(s.byUnit().get(A)).isEqualTo(new LedgerStats.Figures(4, 1, 1, 1, 1, 1, 1));
        assertThat(s.byUnit().get(A).closureRate().orElseThrow()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.byUnit().get(B)).isEqualTo(new LedgerStats.Figures(4, 1, 2, 1, 0, 1, 1));
        assertThat(s.byUnit().get(B).closureRate().orElseThrow()).isEqualTo(0.25);
        assertThat(s.byUnit().get(B).repeatRate().orElseThrow()).isEqualTo(0.25);
    }

    @Test
    void perCategoryInChineseOrder() {
        LedgerStats s = LedgerStats.of(ledger);
        assertThat(s.byCategory().keySet()).containsExactly("党费", "三会一课", "作风"); // dǎng, sān, zuò
        assertThat(s.byCategory().get("党费")).isEqualTo(new LedgerStats.Figures(2, 1, 1, 0, 0, 1, 1));
        assertThat(s.byCategory().get("党费").repeatRate().orElseThrow()).isEqualTo(0.5);
        assertThat(s.byCategory().get("三会一课")).isEqualTo(new LedgerStats.Figures(4, 0, 2, 1, 1, 1, 0));
        assertThat(s.byCategory().get("三会一课").closureRate().orElseThrow()).isZero();
        assertThat(s.byCategory().get("作风")).isEqualTo(new LedgerStats.Figures(2, 1, 0, 1, 0, 0, 1));
    }

    @Test
    void ratesOfNothingAreEmptyNotZero() {
        LedgerStats none = LedgerStats.of(List.of());
        assertThat(none.total().found()).isZero();
        assertThat(none.total().closureRate()).isEmpty();
        assertThat(none.total().repeatRate()).isEmpty();
        assertThat(none.byUnit()).isEmpty();
        LedgerStats onlyMerged = LedgerStats.of(List.of(
                aFinding().of("a", A).category("党费").in(FindingState.MERGED).build()));
        assertThat(onlyMerged.total().closureRate()).isEmpty();
        assertThat(onlyMerged.total().repeatRate().orElseThrow()).isZero();
    }
}
