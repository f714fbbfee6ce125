package org.taizhang.inspection.model;

/** Where a finding came from: a visit, an assessment item, 述职, 自查, 上级交办, or elsewhere. */
public enum FindingSource {
    VISIT("inspection.source.VISIT", "督查走访"),
    ASSESSMENT("inspection.source.ASSESSMENT", "测评条目"),
    REPORT("inspection.source.REPORT", "述职评议"),
    SELF_CHECK("inspection.source.SELF_CHECK", "自查"),
    ASSIGNED("inspection.source.ASSIGNED", "上级交办"),
    OTHER("inspection.source.OTHER", "其他");

    private final String labelKey;
    private final String fileLabel;

    FindingSource(String labelKey, String fileLabel) {
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
