package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Issue;

class TemplateRulesTest {
    private static List<String> errors(List<Issue> issues) {
        return issues.stream().filter(Issue::isError).map(Issue::messageKey).toList();
    }

    @Test
    void theBuiltInTemplatesHaveNoErrorAndAddUpToAHundred() {
        for (ChecklistTemplate t : BuiltInTemplates.all(2026)) {
            assertThat(TemplateRules.check(t)).as(t.name()).isEmpty();
            assertThat(t.fullMarks()).isEqualByComparingTo("100");
        }
        assertThat(BuiltInTemplates.standard(2026).items()).hasSize(41);
        assertThat(BuiltInTemplates.standard(2026).categories()).hasSize(6);
        assertThat(BuiltInTemplates.standard(2026).id())
                .isEqualTo(BuiltInTemplates.standard(2027).id());
    }

    @Test
    void categoryPointsMustEqualTheirItems() {
        ChecklistTemplate t = BuiltInTemplates.standard(2026);
        ChecklistCategory a = t.categories().getFirst();
        List<ChecklistCategory> categories = new ArrayList<>(t.categories());
        categories.set(0, new ChecklistCategory(a.key(), a.code(), a.name(), new BigDecimal("16"), a.items()));

        assertThat(errors(TemplateRules.check(withCategories(t, categories))))
                .containsExactly("checklist.error.categoryPoints");
    }

    @Test
    void bandsFromTheSameScoreOverlap() {
        ChecklistTemplate t = BuiltInTemplates.site(2026);
        List<RatingBand> bands = new ArrayList<>(t.bands());
        bands.add(new RatingBand("良好", new BigDecimal("60.0"), false));

        ChecklistTemplate overlapping = t.withBands(bands);

        assertThat(errors(TemplateRules.check(overlapping))).containsExactly("checklist.error.bandsOverlap");
    }

    @Test
    void aVetoItemIsScoredYesOrNoAndADeductionNeedsItsAmountAndAFloorBelowTheMaximum() {
        ChecklistItem gradedVeto = new ChecklistItem(
                "k1",
                "Z1",
                "换届",
                new BigDecimal("5"),
                ScoringMode.GRADED,
                null,
                null,
                false,
                Set.of(),
                true,
                false,
                Set.of(),
                List.of());
        ChecklistItem badDeduction = new ChecklistItem(
                "k2",
                "Z2",
                "会议",
                new BigDecimal("5"),
                ScoringMode.DEDUCTION,
                null,
                new BigDecimal("5"),
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of());
        ChecklistTemplate t = BuiltInTemplates.site(2026);
        List<ChecklistCategory> categories = new ArrayList<>(t.categories());
        categories.add(new ChecklistCategory("z", "Z", "其他", new BigDecimal("10"), List.of(gradedVeto, badDeduction)));

        assertThat(errors(TemplateRules.check(withCategories(t, categories))))
                .containsExactlyInAnyOrder(
                        "checklist.error.vetoYesNo", "checklist.error.deduction", "checklist.error.floor");
    }

    @Test
    void aNewVersionMayRenumberSplitAndMergeButNeverDropAnItem() {
        ChecklistTemplate v1 = BuiltInTemplates.site(2026).published();
        ChecklistCategory a = v1.categories().getFirst(); // A1 明确阵地管理责任人 8, A2 管理制度上墙 7
        ChecklistItem a1 = a.items().get(0);
        ChecklistItem a2 = a.items().get(1);
        // A1 split in two (4 + 4, both continuing A1); A2 renumbered A3, same key
        ChecklistItem part1 = new ChecklistItem(
                "site-A1a",
                "A1",
                "明确阵地管理责任人",
                new BigDecimal("4"),
                ScoringMode.YES_NO,
                null,
                null,
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of(a1.key()));
        ChecklistItem part2 = new ChecklistItem(
                "site-A1b",
                "A2",
                "责任人履职到位",
                new BigDecimal("4"),
                ScoringMode.YES_NO,
                null,
                null,
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of(a1.key()));
        ChecklistItem renumbered = new ChecklistItem(
                a2.key(),
                "A3",
                a2.text(),
                a2.maxPoints(),
                a2.mode(),
                null,
                null,
                false,
                a2.methods(),
                false,
                false,
                Set.of(),
                List.of());
        List<ChecklistCategory> categories =
                new ArrayList<>(v1.nextVersion("v2", 2027).categories());
        categories.set(
                0,
                new ChecklistCategory(
                        a.key(), a.code(), a.name(), new BigDecimal("15"), List.of(part1, part2, renumbered)));
        ChecklistTemplate v2 = withCategories(v1.nextVersion("v2", 2027), categories);

        assertThat(TemplateRules.check(v2)).isEmpty();
        assertThat(TemplateRules.checkNextVersion(v1, v2)).isEmpty();
        assertThat(v2.previousKeysOf("site-A1b")).containsExactly(a1.key());
        assertThat(v2.previousKeysOf(a2.key())).containsExactly(a2.key());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.isPublished()).isFalse();

        List<ChecklistCategory> dropped = new ArrayList<>(categories);
        dropped.set(0, new ChecklistCategory(a.key(), a.code(), a.name(), new BigDecimal("8"), List.of(part1, part2)));
        assertThat(errors(TemplateRules.checkNextVersion(v1, withCategories(v2, dropped))))
                .containsExactly("checklist.error.itemDropped");
    }

    @Test
    void answersMustFitTheirItem() {
        ChecklistItem graded = BuiltInTemplates.standard(2026).item("std-A7").orElseThrow(); // 2 points, graded
        ChecklistItem vetoItem = BuiltInTemplates.standard(2026).item("std-A3").orElseThrow();

        assertThat(AnswerRules.check(graded, ItemAnswer.scored("std-A7", "1.5")))
                .isEmpty();
        assertThat(errors(AnswerRules.check(graded, ItemAnswer.scored("std-A7", "2.5"))))
                .containsExactly("checklist.error.scoreRange");
        assertThat(errors(AnswerRules.check(graded, ItemAnswer.scored("std-A7", "1.25"))))
                .containsExactly("checklist.error.scoreDecimals");
        assertThat(errors(AnswerRules.check(graded, ItemAnswer.notApplicable("std-A7", " "))))
                .containsExactly("checklist.error.notApplicableReason");
        assertThat(errors(AnswerRules.check(vetoItem, ItemAnswer.notApplicable("std-A3", "新成立"))))
                .containsExactly("checklist.error.vetoNotApplicable");
        assertThat(errors(AnswerRules.check(graded, ItemAnswer.occurrences("std-A7", -1))))
                .containsExactly("checklist.error.occurrencesNegative");
    }

    private static ChecklistTemplate withCategories(ChecklistTemplate t, List<ChecklistCategory> categories) {
        return t.withCategories(categories);
    }
}
