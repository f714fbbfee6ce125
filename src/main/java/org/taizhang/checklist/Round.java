package org.taizhang.checklist;

/** Which assessment of a branch in a year: its own, the committee team's, or the acceptance (达标验收). */
public enum Round {
    SELF("checklist.round.self"),
    REVIEW("checklist.round.review"),
    ACCEPTANCE("checklist.round.acceptance");

    private final String messageKey;

    Round(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
