package org.taizhang.inspection.model;

import org.taizhang.inspection.Lifecycle;

/**
 * Where a finding stands in 挂号反馈、整改销号. Never stored: {@link Lifecycle} derives it from the finding's
 * steps, so steps recorded on several devices merge and the state follows. 逾期 is not a state (see {@link Warning}).
 */
public enum FindingState {
    /** 待挂号: recorded (on a laptop, or imported), not yet given its number on the hub. */
    PENDING("inspection.state.PENDING", "待挂号"),
    /** 已挂号: numbered, not yet sent to the unit. */
    REGISTERED("inspection.state.REGISTERED", "已挂号"),
    /** 已交办: sent to the unit with a deadline, not yet signed for or acted on. */
    NOTIFIED("inspection.state.NOTIFIED", "已交办"),
    /** 整改中: the unit is rectifying (signed for, reported progress, or sent back). */
    RECTIFYING("inspection.state.RECTIFYING", "整改中"),
    /** 待核查: the unit asked to close it (申请销号); the committee verifies. */
    CLOSE_REQUESTED("inspection.state.CLOSE_REQUESTED", "待核查"),
    /** 已销号: verified and closed. */
    CLOSED("inspection.state.CLOSED", "已销号"),
    /** 已合并: the same problem as another finding, whose number and timeline carry it on. */
    MERGED("inspection.state.MERGED", "已合并");

    private final String labelKey;
    private final String fileLabel;

    FindingState(String labelKey, String fileLabel) {
        this.labelKey = labelKey;
        this.fileLabel = fileLabel;
    }

    /** The word files use, whatever the window's language (Excel columns, the ledger report). */
    public String fileLabel() {
        return fileLabel;
    }

    /** Still the unit's or the committee's to act on. */
    public boolean isOpen() {
        return this != CLOSED && this != MERGED;
    }

    /** Sent to the unit and not yet closed: the deadline runs. */
    public boolean deadlineRuns() {
        return this == NOTIFIED || this == RECTIFYING;
    }

    public String labelKey() {
        return labelKey;
    }
}
