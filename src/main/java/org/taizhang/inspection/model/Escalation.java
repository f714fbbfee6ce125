package org.taizhang.inspection.model;

/** The measures taken against a unit whose rectification lags, mildest first (DOMAIN.md). */
public enum Escalation {
    SUPERVISION_LETTER("inspection.escalation.SUPERVISION_LETTER", "督办函"),
    WARNING_LETTER("inspection.escalation.WARNING_LETTER", "预警函"),
    REMINDER("inspection.escalation.REMINDER", "提醒"),
    ADMONITION("inspection.escalation.ADMONITION", "告诫"),
    TALK("inspection.escalation.TALK", "约谈"),
    CIRCULAR("inspection.escalation.CIRCULAR", "通报"),
    ACCOUNTABILITY("inspection.escalation.ACCOUNTABILITY", "问责");

    private final String labelKey;
    private final String fileLabel;

    Escalation(String labelKey, String fileLabel) {
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
