package org.taizhang.checklist;

/** How an item is scored: met or not, a grade from 0 to its maximum, or deductions per occurrence. */
public enum ScoringMode {
    /** 达到 → full points, 未达到 → 0. */
    YES_NO("checklist.mode.yesNo"),
    /** Any score from 0 to the maximum (one decimal). */
    GRADED("checklist.mode.graded"),
    /** The maximum minus a deduction per occurrence (e.g. −0.2 per missed meeting), never below the floor. */
    DEDUCTION("checklist.mode.deduction");

    private final String messageKey;

    ScoringMode(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
