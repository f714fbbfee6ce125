package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.DomainException;

/** What an inspector types in the 评分 field, for each scoring mode. */
class AnswerInputTest {
    private static ChecklistItem item(ScoringMode mode) {
        return new ChecklistItem(
                "k",
                "B1",
                "按期召开支部委员会",
                new BigDecimal("3"),
                mode,
                mode == ScoringMode.DEDUCTION ? new BigDecimal("0.5") : null,
                mode == ScoringMode.DEDUCTION ? BigDecimal.ZERO : null,
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of());
    }

    /** A text that answers {@code item} (for tests that only need some answer). */
    static String fitting(ChecklistItem item) {
        return switch (item.mode()) {
            case YES_NO -> "是";
            case GRADED -> item.maxPoints().toPlainString();
            case DEDUCTION -> "0";
        };
    }

    @Test
    void yesAndNoInTheWaysClerksWriteThem() {
        for (String yes : List.of("是", "1", "√", "Y", "yes", "达到", "符合")) {
            assertThat(AnswerInput.parse(item(ScoringMode.YES_NO), yes, null)
                            .orElseThrow()
                            .met())
                    .as(yes)
                    .isTrue();
        }
        for (String no : List.of("否", "0", "×", "n", "未达到", "不符合")) {
            assertThat(AnswerInput.parse(item(ScoringMode.YES_NO), no, null)
                            .orElseThrow()
                            .met())
                    .as(no)
                    .isFalse();
        }
        assertThatThrownBy(() -> AnswerInput.parse(item(ScoringMode.YES_NO), "好", null))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.input.yesNo");
    }

    @Test
    void aGradedItemTakesTheScoreAndADeductionItemTheOccurrences() {
        assertThat(AnswerInput.parse(item(ScoringMode.GRADED), " 2.5 ", null)
                        .orElseThrow()
                        .score())
                .isEqualByComparingTo("2.5");
        assertThat(AnswerInput.parse(item(ScoringMode.DEDUCTION), "3", null)
                        .orElseThrow()
                        .occurrences())
                .isEqualTo(3);
        assertThatThrownBy(() -> AnswerInput.parse(item(ScoringMode.GRADED), "两分", null))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> AnswerInput.parse(item(ScoringMode.DEDUCTION), "1.5", null))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void anEmptyFieldMeansNoAnswerAndTheNoteIsKept() {
        ItemAnswer withNote = new ItemAnswer("k", true, null, null, false, null, "记录齐全");
        assertThat(AnswerInput.parse(item(ScoringMode.YES_NO), "  ", withNote)).isEmpty();
        assertThat(AnswerInput.cleared(item(ScoringMode.YES_NO), withNote).note())
                .isEqualTo("记录齐全");
        assertThat(AnswerInput.parse(item(ScoringMode.YES_NO), "否", withNote)
                        .orElseThrow()
                        .note())
                .isEqualTo("记录齐全");
    }

    @Test
    void writesTheAnswerBackAsItWouldBeTyped() {
        assertThat(AnswerInput.format(item(ScoringMode.YES_NO), ItemAnswer.met("k", true), "是", "否"))
                .isEqualTo("是");
        assertThat(AnswerInput.format(item(ScoringMode.GRADED), ItemAnswer.scored("k", "2.50"), "是", "否"))
                .isEqualTo("2.5");
        assertThat(AnswerInput.format(item(ScoringMode.DEDUCTION), ItemAnswer.occurrences("k", 2), "是", "否"))
                .isEqualTo("2");
        assertThat(AnswerInput.format(item(ScoringMode.GRADED), ItemAnswer.notApplicable("k", "无"), "是", "否"))
                .isEmpty();
    }
}
