package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taizhang.checklist.Scoring.Result;
import org.taizhang.checklist.Scoring.Score;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.organization.model.OrganizationKind;

/** Scoring rules with hand-computed cases (deductions, floors, veto, 不适用, bands, bonus cap). */
class ScoringTest {
    private static ChecklistItem item(String key, int max, ScoringMode mode) {
        return new ChecklistItem(
                key,
                key,
                "条目" + key,
                BigDecimal.valueOf(max),
                mode,
                null,
                null,
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of());
    }

    private static ChecklistItem deduction(String key, int max, String per, String floor) {
        return new ChecklistItem(
                key,
                key,
                "条目" + key,
                BigDecimal.valueOf(max),
                ScoringMode.DEDUCTION,
                new BigDecimal(per),
                new BigDecimal(floor),
                false,
                Set.of(),
                false,
                false,
                Set.of(),
                List.of());
    }

    private static ChecklistItem veto(String key, int max) {
        return new ChecklistItem(
                key,
                key,
                "条目" + key,
                BigDecimal.valueOf(max),
                ScoringMode.YES_NO,
                null,
                null,
                false,
                Set.of(),
                true,
                false,
                Set.of(),
                List.of());
    }

    private static ChecklistItem bonus(String key, int max) {
        return new ChecklistItem(
                key,
                key,
                "条目" + key,
                BigDecimal.valueOf(max),
                ScoringMode.GRADED,
                null,
                null,
                false,
                Set.of(),
                false,
                true,
                Set.of(),
                List.of());
    }

    /** 100 points: Y yes/no 40, G graded 30, D deduction 20 (−0.2 each, floor 5), V veto 10; bonus X up to 5, cap 3. */
    private static ChecklistTemplate template(NotApplicablePolicy policy) {
        ChecklistCategory c = new ChecklistCategory(
                "c",
                "A",
                "类别",
                new BigDecimal("100"),
                List.of(
                        item("Y", 40, ScoringMode.YES_NO),
                        item("G", 30, ScoringMode.GRADED),
                        deduction("D", 20, "0.2", "5"),
                        veto("V", 10),
                        bonus("X", 5)));
        return new ChecklistTemplate(
                "t",
                "测试细则",
                1,
                2026,
                ChecklistTemplate.Status.DRAFT,
                List.of(c),
                new BigDecimal("60"),
                List.of(
                        new RatingBand("五星", new BigDecimal("90"), true),
                        new RatingBand("四星", new BigDecimal("80"), false),
                        new RatingBand("一星", BigDecimal.ZERO, false)),
                new BigDecimal("3"),
                policy);
    }

    private static Map<String, ItemAnswer> answers(ItemAnswer... list) {
        Map<String, ItemAnswer> map = new HashMap<>();
        for (ItemAnswer a : list) {
            map.put(a.itemKey(), a);
        }
        return map;
    }

    private static Score score(NotApplicablePolicy policy, ItemAnswer... list) {
        return Scoring.score(template(policy), OrganizationKind.BRANCH, answers(list));
    }

    @Test
    void aFullyMetAssessmentScoresFullMarksAndPasses() {
        Score s = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.met("Y", true),
                ItemAnswer.scored("G", "30"),
                ItemAnswer.occurrences("D", 0),
                ItemAnswer.met("V", true));

        assertThat(s.total()).isEqualByComparingTo("100");
        assertThat(s.result()).isEqualTo(Result.PASSED);
        assertThat(s.rating().name()).isEqualTo("四星"); // 五星 needs an innovation (bonus) item
    }

    @Test
    void deductionsArePerOccurrenceAndStopAtTheFloor() {
        // D: 20 − 0.2 × 7 = 18.6 ; total 40 + 25.5 + 18.6 + 10 = 94.1
        Score s = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.met("Y", true),
                ItemAnswer.scored("G", "25.5"),
                ItemAnswer.occurrences("D", 7),
                ItemAnswer.met("V", true));
        assertThat(s.points().get("D")).isEqualByComparingTo("18.6");
        assertThat(s.total()).isEqualByComparingTo("94.1");

        // 200 missed: 20 − 40 < floor 5 → 5
        Score floored = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.met("Y", true),
                ItemAnswer.scored("G", "30"),
                ItemAnswer.occurrences("D", 200),
                ItemAnswer.met("V", true));
        assertThat(floored.points().get("D")).isEqualByComparingTo("5");
        assertThat(floored.total()).isEqualByComparingTo("85");
    }

    @Test
    void aFailedVetoItemFailsWhateverTheTotalAndGivesTheLowestBand() {
        Score s = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.met("Y", true),
                ItemAnswer.scored("G", "30"),
                ItemAnswer.occurrences("D", 0),
                ItemAnswer.met("V", false),
                ItemAnswer.scored("X", "5"));

        assertThat(s.total()).isEqualByComparingTo("93"); // 40 + 30 + 20 + 0 + bonus capped at 3
        assertThat(s.vetoedBy()).containsExactly("V");
        assertThat(s.result()).isEqualTo(Result.FAILED);
        assertThat(s.rating().name()).isEqualTo("一星");
    }

    @Test
    void bonusPointsAreCappedAndOpenTheInnovationBand() {
        Score s = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.met("Y", true),
                ItemAnswer.scored("G", "20"),
                ItemAnswer.occurrences("D", 5),
                ItemAnswer.met("V", true),
                ItemAnswer.scored("X", "4.5"));

        // 40 + 20 + 19 + 10 = 89, + min(4.5, 3) = 92
        assertThat(s.bonus()).isEqualByComparingTo("3");
        assertThat(s.total()).isEqualByComparingTo("92");
        assertThat(s.rating().name()).isEqualTo("五星");
    }

    @Test
    void aNotApplicableItemLeavesTotalAndMaximumAndTheScoreIsRescaled() {
        // Y 不适用: 30 + 18 + 10 = 58 of 60 → 58 × 100 / 60 = 96.67 → 96.7
        Score s = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.notApplicable("Y", "无党小组"),
                ItemAnswer.scored("G", "30"),
                ItemAnswer.occurrences("D", 10),
                ItemAnswer.met("V", true));

        assertThat(s.maximum()).isEqualByComparingTo("60");
        assertThat(s.total()).isEqualByComparingTo("96.7");
        assertThat(s.result()).isEqualTo(Result.PASSED);
    }

    @Test
    void underTheFullMarksPolicyANotApplicableItemCountsAsMet() {
        Score s = score(
                NotApplicablePolicy.FULL_MARKS,
                ItemAnswer.notApplicable("Y", "无党小组"),
                ItemAnswer.scored("G", "30"),
                ItemAnswer.occurrences("D", 10),
                ItemAnswer.met("V", true));

        assertThat(s.total()).isEqualByComparingTo("98"); // 40 + 30 + 18 + 10
    }

    @Test
    void unscoredItemsAreListedAndTheLiveTotalCountsThemAsZero() {
        Score s = score(NotApplicablePolicy.RESCALE, ItemAnswer.met("Y", true), ItemAnswer.scored("G", "12"));

        assertThat(s.unscored()).containsExactly("D", "V");
        assertThat(s.total()).isEqualByComparingTo("52");
        assertThat(s.result()).isEqualTo(Result.INCOMPLETE);
        assertThat(s.rating()).isNull();
    }

    @Test
    void belowThePassScoreFails() {
        Score s = score(
                NotApplicablePolicy.RESCALE,
                ItemAnswer.met("Y", false),
                ItemAnswer.scored("G", "10"),
                ItemAnswer.occurrences("D", 0),
                ItemAnswer.met("V", true));

        assertThat(s.total()).isEqualByComparingTo("40");
        assertThat(s.result()).isEqualTo(Result.FAILED);
        assertThat(s.rating().name()).isEqualTo("一星");
    }

    /** Every item that is not a bonus answered with full points. */
    private static Map<String, ItemAnswer> everyItemMet(ChecklistTemplate t) {
        Map<String, ItemAnswer> all = new HashMap<>();
        for (ChecklistItem i : t.items()) {
            if (!i.bonus()) {
                all.put(
                        i.key(),
                        switch (i.mode()) {
                            case YES_NO -> ItemAnswer.met(i.key(), true);
                            case GRADED -> new ItemAnswer(i.key(), null, i.maxPoints(), null, false, null, null);
                            case DEDUCTION -> ItemAnswer.occurrences(i.key(), 0);
                        });
            }
        }
        return all;
    }

    @Test
    void anItemForAnotherOrganizationKindIsNotPartOfTheStandard() {
        ChecklistTemplate t = BuiltInTemplates.standard(2026);
        Map<String, ItemAnswer> all = everyItemMet(t);
        all.remove("std-A6"); // 党小组: scored for a 党支部 only

        Score joint = Scoring.score(t, OrganizationKind.JOINT_BRANCH, all);
        Score branch = Scoring.score(t, OrganizationKind.BRANCH, all);

        assertThat(joint.result()).isEqualTo(Result.PASSED);
        assertThat(joint.maximum()).isEqualByComparingTo("98");
        assertThat(joint.total()).isEqualByComparingTo("100");
        assertThat(branch.unscored()).containsExactly("std-A6");
    }

    @Test
    void underFullMarksAnItemForAnotherKindStillLeavesAFullScaleOf100() {
        ChecklistTemplate builtIn = BuiltInTemplates.standard(2026);
        ChecklistTemplate t = builtIn.withNotApplicable(NotApplicablePolicy.FULL_MARKS);
        Map<String, ItemAnswer> all = everyItemMet(t);
        all.remove("std-A6");

        Score joint = Scoring.score(t, OrganizationKind.JOINT_BRANCH, all);

        assertThat(joint.maximum()).isEqualByComparingTo("98");
        assertThat(joint.total()).isEqualByComparingTo("100");
    }
}
