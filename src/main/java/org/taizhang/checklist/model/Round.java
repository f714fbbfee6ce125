package org.taizhang.checklist.model;

import java.util.Arrays;
import java.util.Optional;

/** Which assessment of a branch in a year: its own, the committee team's, or the acceptance (达标验收). */
public enum Round {
    SELF("checklist.round.self", "自评"),
    REVIEW("checklist.round.review", "检查组评估"),
    ACCEPTANCE("checklist.round.acceptance", "达标验收");

    private final String messageKey;
    private final String fileLabel;

    Round(String messageKey, String fileLabel) {
        this.messageKey = messageKey;
        this.fileLabel = fileLabel;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The word in a workbook (轮次), the same in both languages: files travel between offices as they are. */
    public String fileLabel() {
        return fileLabel;
    }

    public static Optional<Round> ofFileLabel(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(r -> r.fileLabel.equals(t)).findFirst();
    }
}
