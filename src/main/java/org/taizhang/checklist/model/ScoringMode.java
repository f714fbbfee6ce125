package org.taizhang.checklist.model;

/** How an item is scored: met or not, a grade from 0 to its maximum, or deductions per occurrence. */
public enum ScoringMode {
    /** 达到 → full points, 未达到 → 0. */
    YES_NO("checklist.mode.yesNo", "达到/未达到"),
    /** Any score from 0 to the maximum (one decimal). */
    GRADED("checklist.mode.graded", "按档评分"),
    /** The maximum minus a deduction per occurrence (e.g. −0.2 per missed meeting), never below the floor. */
    DEDUCTION("checklist.mode.deduction", "按次扣分");

    private final String messageKey;
    private final String fileLabel;

    ScoringMode(String messageKey, String fileLabel) {
        this.messageKey = messageKey;
        this.fileLabel = fileLabel;
    }

    /** The words in the template workbook (计分方式), the same in both languages. */
    public String fileLabel() {
        return fileLabel;
    }

    public static java.util.Optional<ScoringMode> ofFileLabel(String text) {
        String t = text == null ? "" : text.strip();
        return java.util.Arrays.stream(values())
                .filter(m -> m.fileLabel.equals(t))
                .findFirst();
    }

    public String messageKey() {
        return messageKey;
    }
}
