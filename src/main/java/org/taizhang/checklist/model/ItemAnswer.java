package org.taizhang.checklist.model;

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

    /** How a yes/no item is answered in words: the terms of the practice, the same in both languages. */
    public static final String MET = "达到";

    public static final String NOT_MET = "未达到";

    private static final java.util.Set<String> MET_WORDS = java.util.Set.of(MET, "符合", "是", "√");
    private static final java.util.Set<String> NOT_MET_WORDS = java.util.Set.of(NOT_MET, "不符合", "否", "×");

    /**
     * Met (true), not met (false) or not a yes/no word (empty), for what a clerk writes: 达到/未达到, 符合/不符合,
     * 是/否, √/× — in a form cell or in the window alike.
     */
    public static java.util.Optional<Boolean> metWord(String text) {
        String t = text == null ? "" : text.strip();
        if (MET_WORDS.contains(t)) {
            return java.util.Optional.of(true);
        }
        return NOT_MET_WORDS.contains(t) ? java.util.Optional.of(false) : java.util.Optional.empty();
    }

    /** The same answer with another note (blank: none). */
    public ItemAnswer withNote(String text) {
        String n = text == null || text.isBlank() ? null : text.strip();
        return new ItemAnswer(itemKey, met, score, occurrences, notApplicable, notApplicableReason, n);
    }

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
