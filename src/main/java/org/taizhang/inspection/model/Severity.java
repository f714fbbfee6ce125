package org.taizhang.inspection.model;

/** 一般 / 较重 / 严重. */
public enum Severity {
    ORDINARY("inspection.severity.ORDINARY", "一般"),
    SERIOUS("inspection.severity.SERIOUS", "较重"),
    GRAVE("inspection.severity.GRAVE", "严重");

    private final String labelKey;
    private final String fileLabel;

    Severity(String labelKey, String fileLabel) {
        this.labelKey = labelKey;
        this.fileLabel = fileLabel;
    }

    /** The word files use, whatever the window's language (Excel columns, the ledger report). */
    public String fileLabel() {
        return fileLabel;
    }

    public String labelKey() {
        return labelKey;
    }
}
