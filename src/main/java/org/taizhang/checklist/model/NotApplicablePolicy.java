package org.taizhang.checklist.model;

import java.util.Arrays;
import java.util.Optional;

/** What an item marked 不适用 does to the score (the template says; cities differ). */
public enum NotApplicablePolicy {
    /** It leaves the total and the maximum, and the score is scaled back to the template's full marks. */
    RESCALE("按比例折算", "checklist.policy.rescale"),
    /** It counts as fully met. */
    FULL_MARKS("视为满分", "checklist.policy.fullMarks");

    private final String fileLabel;
    private final String messageKey;

    NotApplicablePolicy(String fileLabel, String messageKey) {
        this.fileLabel = fileLabel;
        this.messageKey = messageKey;
    }

    /** The words in the template workbook (不适用项), the same in both languages. */
    public String fileLabel() {
        return fileLabel;
    }

    /** How the window names it, in the user's language. */
    public String messageKey() {
        return messageKey;
    }

    public static Optional<NotApplicablePolicy> ofFileLabel(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(p -> p.fileLabel.equals(t)).findFirst();
    }
}
