package org.taizhang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;

/** Possible duplicates, with the bigram sets and Dice coefficients counted by hand. */
class DuplicatesTest {
    private static final String SAME = "支委会未按月召开";
    private static final String REWORDED = "支委会没有按月召开";

    @Test
    void bigramsLeaveOutPunctuationAndNames() {
        assertThat(Duplicates.bigrams(SAME)).containsExactlyInAnyOrder("支委", "委会", "会未", "未按", "按月", "月召", "召开");
        assertThat(Duplicates.bigrams("党费，未交")).containsExactlyInAnyOrder("党费", "未交");
        assertThat(Duplicates.bigrams("市委办第一支部党费未交", "市委办第一支部", null)).containsExactlyInAnyOrder("党费", "费未", "未交");
        assertThat(Duplicates.bigrams("")).isEmpty();
        assertThat(Duplicates.dice(Set.of(), Set.of())).isZero();
    }

    @Test
    void diceCountsSharedBigrams() {
        // 7 and 8 bigrams, 5 shared (支委 委会 按月 月召 召开): 2·5 ÷ 15
        assertThat(Duplicates.dice(Duplicates.bigrams(SAME), Duplicates.bigrams(REWORDED)))
                .isCloseTo(2.0 / 3, within(1e-12));
        // two branches of one unit: 8 of 16 and 17 bigrams shared, all from the names (16 ÷ 33) …
        String a = "市委办机关第一党支部党费未按月收缴";
        String b = "市委办机关第二党支部党员活动室被挪用";
        assertThat(Duplicates.dice(Duplicates.bigrams(a), Duplicates.bigrams(b)))
                .isCloseTo(16.0 / 33, within(1e-12));
        // … nothing once each leaves out its own organization's name
        LedgerEntry ea = aFinding()
                .of("u", "中共江海市委办公室")
                .category("党费")
                .in(FindingState.RECTIFYING)
                .described(a)
                .branch("市委办机关第一党支部")
                .build();
        LedgerEntry eb = aFinding()
                .of("u", "中共江海市委办公室")
                .category("党费")
                .in(FindingState.RECTIFYING)
                .described(b)
                .branch("市委办机关第二党支部")
                .build();
        assertThat(Duplicates.similarity(ea, eb)).isZero();
        assertThat(Duplicates.pairs(List.of(ea, eb))).isEmpty();
    }

    @Test
    void onlyOpenFindingsOfOneUnitCategoryAndRoundPair() {
        LedgerEntry first = aFinding()
                .of("a", "甲")
                .category("三会一课")
                .in(FindingState.RECTIFYING)
                .described(SAME)
                .build();
        LedgerEntry second = aFinding()
                .of("a", "甲")
                .category("三会一课")
                .in(FindingState.REGISTERED)
                .described(REWORDED)
                .build();
        List<LedgerEntry> ledger = List.of(
                first,
                aFinding()
                        .of("b", "乙")
                        .category("三会一课")
                        .in(FindingState.RECTIFYING)
                        .described(SAME)
                        .build(),
                aFinding()
                        .of("a", "甲")
                        .category("党费")
                        .in(FindingState.RECTIFYING)
                        .described(SAME)
                        .build(),
                aFinding()
                        .of("a", "甲")
                        .category("三会一课")
                        .round("r2")
                        .in(FindingState.RECTIFYING)
                        .described(SAME)
                        .build(),
                aFinding()
                        .of("a", "甲")
                        .category("三会一课")
                        .in(FindingState.CLOSED)
                        .described(SAME)
                        .build(),
                aFinding()
                        .of("a", "甲")
                        .category("三会一课")
                        .in(FindingState.MERGED)
                        .described(SAME)
                        .build(),
                aFinding()
                        .of("a", "甲")
                        .category("三会一课")
                        .in(FindingState.RECTIFYING)
                        .described("党员大会记录不全")
                        .build(),
                second);
        List<Duplicates.Pair> pairs = Duplicates.pairs(ledger);
        assertThat(pairs).hasSize(1);
        assertThat(pairs.getFirst().first()).isSameAs(first);
        assertThat(pairs.getFirst().second()).isSameAs(second);
        assertThat(pairs.getFirst().similarity()).isCloseTo(2.0 / 3, within(1e-12));
        // the threshold is inclusive
        assertThat(Duplicates.pairs(ledger, 2.0 / 3)).hasSize(1);
        assertThat(Duplicates.pairs(ledger, 0.67)).isEmpty();
    }
}
