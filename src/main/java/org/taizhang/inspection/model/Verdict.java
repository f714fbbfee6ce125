package org.taizhang.inspection.model;

/** A verifier's rating of the rectification: 好 and 较好 close it, 一般 and 差 call for 二次整改. */
public enum Verdict {
    GOOD("inspection.verdict.GOOD", "好"),
    FAIRLY_GOOD("inspection.verdict.FAIRLY_GOOD", "较好"),
    FAIR("inspection.verdict.FAIR", "一般"),
    POOR("inspection.verdict.POOR", "差");

    private final String labelKey;
    private final String fileLabel;

    Verdict(String labelKey, String fileLabel) {
        this.labelKey = labelKey;
        this.fileLabel = fileLabel;
    }

    /** The word files use, whatever the window's language (Excel columns, the ledger report). */
    public String fileLabel() {
        return fileLabel;
    }

    public boolean closes() {
        return this == GOOD || this == FAIRLY_GOOD;
    }

    public String labelKey() {
        return labelKey;
    }
}
