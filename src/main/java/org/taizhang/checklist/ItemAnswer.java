package org.taizhang.checklist;

import java.math.BigDecimal;

/**
 * The answer to one item in one assessment: met or not ({@link ScoringMode#YES_NO}), a score
 * ({@link ScoringMode#GRADED}) or a number of occurrences ({@link ScoringMode#DEDUCTION}); or 不适用 with a reason.
 * Nothing set means not scored yet.
 */
public record ItemAnswer(
        String itemKey,
        Boolean met,
        BigDecimal score,
        Integer occurrences,
        boolean notApplicable,
        String notApplicableReason,
        String note) {

    public static ItemAnswer met(String key, boolean met) {
        return new ItemAnswer(key, met, null, null, false, null, null);
    }

    public static ItemAnswer scored(String key, String score) {
        return new ItemAnswer(key, null, new BigDecimal(score), null, false, null, null);
    }

    public static ItemAnswer occurrences(String key, int n) {
        return new ItemAnswer(key, null, null, n, false, null, null);
    }

    public static ItemAnswer notApplicable(String key, String reason) {
        return new ItemAnswer(key, null, null, null, true, reason, null);
    }

    /** Whether the answer scores an item of this mode (or marks it 不适用). */
    public boolean answers(ScoringMode mode) {
        if (notApplicable) {
            return true;
        }
        return switch (mode) {
            case YES_NO -> met != null;
            case GRADED -> score != null;
            case DEDUCTION -> occurrences != null;
        };
    }
}
