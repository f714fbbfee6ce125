package org.taizhang.checklist;

/** What an item marked 不适用 does to the score (the template says; cities differ). */
public enum NotApplicablePolicy {
    /** It leaves the total and the maximum, and the score is scaled back to the template's full marks. */
    RESCALE("checklist.policy.rescale"),
    /** It counts as fully met. */
    FULL_MARKS("checklist.policy.fullMarks");

    private final String messageKey;

    NotApplicablePolicy(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
