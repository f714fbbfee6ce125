package org.taizhang.inspection.model;

/** 立行立改 / 限期整改 / 长期整改, each with the deadline a notice proposes (the clerk may change it). */
public enum RectificationType {
    IMMEDIATE("inspection.type.IMMEDIATE", "立行立改", 15),
    DEADLINE("inspection.type.DEADLINE", "限期整改", 60),
    LONG_TERM("inspection.type.LONG_TERM", "长期整改", 180);

    private final String labelKey;
    private final String fileLabel;
    private final int defaultDays;

    RectificationType(String labelKey, String fileLabel, int defaultDays) {
        this.labelKey = labelKey;
        this.fileLabel = fileLabel;
        this.defaultDays = defaultDays;
    }

    /** The word files use, whatever the window's language. */
    public String fileLabel() {
        return fileLabel;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public String labelKey() {
        return labelKey;
    }
}
