package org.taizhang.checklist;

import java.util.Arrays;
import java.util.Optional;

/** What an item marked 不适用 does to the score (the template says; cities differ). */
public enum NotApplicablePolicy {
    /** It leaves the total and the maximum, and the score is scaled back to the template's full marks. */
    RESCALE("按比例折算"),
    /** It counts as fully met. */
    FULL_MARKS("视为满分");

    private final String fileLabel;

    NotApplicablePolicy(String fileLabel) {
        this.fileLabel = fileLabel;
    }

    /** The words in the template workbook (不适用项), the same in both languages. */
    public String fileLabel() {
        return fileLabel;
    }

    public static Optional<NotApplicablePolicy> ofFileLabel(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(p -> p.fileLabel.equals(t)).findFirst();
    }
}
