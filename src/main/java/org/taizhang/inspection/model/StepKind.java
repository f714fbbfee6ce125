package org.taizhang.inspection.model;

import org.taizhang.inspection.Lifecycle;

/** One kind of step in a finding's timeline; {@link Lifecycle} says in which states each is allowed. */
public enum StepKind {
    /** 发现: recorded on site, imported, or taken over from an assessment. */
    FOUND("inspection.step.FOUND", "发现"),
    /** 挂号: given its number (on the hub only). */
    REGISTER("inspection.step.REGISTER", "挂号"),
    /** 交办: sent to the unit with a deadline and the people responsible. */
    NOTIFY("inspection.step.NOTIFY", "交办"),
    /** 签收: the unit signed for it. */
    RECEIPT("inspection.step.RECEIPT", "签收"),
    /** 整改进展: the unit reports what it has done (with evidence). */
    PROGRESS("inspection.step.PROGRESS", "整改进展"),
    /** 申请销号: the unit says it is done (needs evidence and every measure done). */
    REQUEST_CLOSE("inspection.step.REQUEST_CLOSE", "申请销号"),
    /** 销号: a verifier found the work good and closed it. */
    CLOSE("inspection.step.CLOSE", "销号"),
    /** 退回: a verifier sent it back with the reason. */
    REJECT("inspection.step.REJECT", "退回"),
    /** 二次整改: a verifier rated the work 一般/差; rectify again by a new deadline. */
    REWORK("inspection.step.REWORK", "二次整改"),
    /** 延期: the deadline moved, with the reason and who approved it. */
    EXTEND("inspection.step.EXTEND", "延期"),
    /** 督办 / 预警 / 提醒 / 告诫 / 约谈 / 通报 / 问责. */
    ESCALATE("inspection.step.ESCALATE", "督办"),
    /** 回头看: a follow-up visit after closing. */
    FOLLOW_UP("inspection.step.FOLLOW_UP", "回头看"),
    /** 合并: this finding is the same problem as another (other_id), which carries it on. */
    MERGE("inspection.step.MERGE", "合并"),
    /** 备注: a remark in the timeline. */
    NOTE("inspection.step.NOTE", "备注");

    private final String labelKey;
    private final String fileLabel;

    StepKind(String labelKey, String fileLabel) {
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
