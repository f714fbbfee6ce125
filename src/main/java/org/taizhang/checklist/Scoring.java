package org.taizhang.checklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.organization.model.OrganizationKind;

/**
 * Computes an assessment's total, result and rating from its answers by the template's rules — never typed.
 * Works on partial answers too (the live total while an inspector scores): unscored items count 0 and the
 * result stays {@link Result#INCOMPLETE}.
 */
public final class Scoring {
    private Scoring() {}

    public enum Result {
        PASSED,
        FAILED,
        INCOMPLETE
    }

    /**
     * @param total the score shown (regular points, rescaled when items were 不适用 and the template says so,
     *     plus the capped bonus), one decimal
     * @param maximum full marks of the items that count (before rescaling)
     * @param points each counted item's points (key → points; bonus items too)
     * @param unscored keys of applicable items without an answer
     * @param vetoedBy keys of veto items not met
     * @param rating the band reached; null while incomplete or when no band fits
     */
    public record Score(
            BigDecimal total,
            BigDecimal maximum,
            BigDecimal bonus,
            Map<String, BigDecimal> points,
            List<String> unscored,
            List<String> vetoedBy,
            Result result,
            RatingBand rating) {

        /** For an assessment that cannot be scored (its template or branch is gone). */
        static final Score INCOMPLETE =
                new Score(null, null, null, Map.of(), List.of(), List.of(), Result.INCOMPLETE, null);

        public boolean vetoed() {
            return !vetoedBy.isEmpty();
        }
    }

    public static Score score(ChecklistTemplate template, OrganizationKind kind, Map<String, ItemAnswer> answers) {
        BigDecimal raw = BigDecimal.ZERO;
        BigDecimal maximum = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        List<String> unscored = new ArrayList<>();
        List<String> vetoedBy = new ArrayList<>();
        boolean otherKindsItems = false;
        for (ChecklistItem item : template.items()) {
            if (!item.appliesTo(kind)) {
                otherKindsItems |= !item.bonus();
                continue; // not part of this organization's standard: out of the total and the maximum
            }
            ItemAnswer answer = answers.get(item.key());
            if (answer != null && answer.notApplicable()) {
                if (!item.bonus() && template.notApplicable() == NotApplicablePolicy.FULL_MARKS) {
                    raw = raw.add(item.maxPoints());
                    maximum = maximum.add(item.maxPoints());
                    points.put(item.key(), item.maxPoints());
                }
                continue;
            }
            if (item.bonus()) {
                if (answer != null && answer.answers(item.mode())) {
                    BigDecimal p = pointsOf(item, answer);
                    bonus = bonus.add(p);
                    points.put(item.key(), p);
                }
                continue; // a bonus item left empty simply adds nothing
            }
            maximum = maximum.add(item.maxPoints());
            if (answer == null || !answer.answers(item.mode())) {
                unscored.add(item.key());
                continue;
            }
            BigDecimal p = pointsOf(item, answer);
            points.put(item.key(), p);
            raw = raw.add(p);
            if (item.veto() && p.compareTo(item.maxPoints()) < 0) {
                vetoedBy.add(item.key());
            }
        }
        BigDecimal full = template.fullMarks();
        BigDecimal regular = raw;
        // 不适用 answers are rescaled or counted full, as the template says; items of another kind of organization
        // are not this one's standard at all, so its total is on the template's full scale either way
        if ((template.notApplicable() == NotApplicablePolicy.RESCALE || otherKindsItems)
                && maximum.signum() > 0
                && maximum.compareTo(full) != 0) {
            regular = raw.multiply(full).divide(maximum, 4, RoundingMode.HALF_UP);
        }
        BigDecimal cappedBonus = bonus.min(template.bonusCap() == null ? BigDecimal.ZERO : template.bonusCap());
        BigDecimal total = regular.add(cappedBonus).setScale(1, RoundingMode.HALF_UP);
        Result result;
        if (!unscored.isEmpty()) {
            result = Result.INCOMPLETE;
        } else if (!vetoedBy.isEmpty() || total.compareTo(template.passScore()) < 0) {
            result = Result.FAILED;
        } else {
            result = Result.PASSED;
        }
        RatingBand rating = result == Result.INCOMPLETE ? null : rating(template, total, cappedBonus, vetoedBy);
        return new Score(
                total, maximum, cappedBonus, points, List.copyOf(unscored), List.copyOf(vetoedBy), result, rating);
    }

    /** The highest band reached; a failed veto gives the lowest band, whatever the total. */
    private static RatingBand rating(
            ChecklistTemplate template, BigDecimal total, BigDecimal bonus, List<String> vetoedBy) {
        List<RatingBand> bands = new ArrayList<>(template.bands());
        bands.sort(Comparator.comparing(RatingBand::minScore).reversed());
        if (bands.isEmpty()) {
            return null;
        }
        if (!vetoedBy.isEmpty()) {
            return bands.getLast();
        }
        for (RatingBand band : bands) {
            if (total.compareTo(band.minScore()) >= 0 && (!band.needsInnovation() || bonus.signum() > 0)) {
                return band;
            }
        }
        return null;
    }

    /** The points one answer earns on one item (the answer must fit the item: {@link AnswerRules}). */
    static BigDecimal pointsOf(ChecklistItem item, ItemAnswer answer) {
        return switch (item.mode()) {
            case YES_NO -> Boolean.TRUE.equals(answer.met()) ? item.maxPoints() : BigDecimal.ZERO;
            case GRADED -> answer.score().max(BigDecimal.ZERO).min(item.maxPoints());
            case DEDUCTION -> {
                BigDecimal floor = item.floor() == null ? BigDecimal.ZERO : item.floor();
                BigDecimal taken = item.deduction().multiply(BigDecimal.valueOf(answer.occurrences()));
                yield item.maxPoints().subtract(taken).max(floor);
            }
        };
    }
}
