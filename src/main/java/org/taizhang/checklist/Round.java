package org.taizhang.checklist;

/** Which assessment of a branch in a year: its own, the committee team's, or the acceptance (达标验收). */
public enum Round {
    SELF("checklist.round.self", "self"),
    REVIEW("checklist.round.review", "review"),
    ACCEPTANCE("checklist.round.acceptance", "acceptance");

    private final String messageKey;
    private final String commandName;

    Round(String messageKey, String commandName) {
        this.messageKey = messageKey;
        this.commandName = commandName;
    }

    public String messageKey() {
        return messageKey;
    }

    /** As written on the command line ({@code --round self|review|acceptance}). */
    public String commandName() {
        return commandName;
    }
}
