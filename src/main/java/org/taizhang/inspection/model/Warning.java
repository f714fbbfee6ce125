package org.taizhang.inspection.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The warning level of a finding today: derived from its deadline, its state and the installation's
 * {@link WarningPolicy}, never stored. A finding waiting for the committee's verification (待核查) is not the
 * unit's delay and carries no warning.
 */
public enum Warning {
    NONE("inspection.warning.NONE"),
    /** 关注: the deadline is near (green in 江津's practice). */
    ATTENTION("inspection.warning.ATTENTION"),
    /** 临期: the deadline is very near (yellow). */
    SOON("inspection.warning.SOON"),
    /** 逾期: past the deadline and not done (red). */
    OVERDUE("inspection.warning.OVERDUE"),
    /** 严重超期: long past the deadline. */
    SEVERE("inspection.warning.SEVERE");

    private final String labelKey;

    Warning(String labelKey) {
        this.labelKey = labelKey;
    }

    public static Warning of(FindingState state, LocalDate deadline, LocalDate today, WarningPolicy policy) {
        if (state == null || !state.deadlineRuns() || deadline == null) {
            return NONE;
        }
        long left = ChronoUnit.DAYS.between(today, deadline);
        if (left < 0) {
            return -left > policy.severeDays() ? SEVERE : OVERDUE;
        }
        if (left <= policy.soonDays()) {
            return SOON;
        }
        if (left <= policy.attentionDays()) {
            return ATTENTION;
        }
        return NONE;
    }

    public boolean isOverdue() {
        return this == OVERDUE || this == SEVERE;
    }

    /** The 预警 column of the ledger report (in files, whatever the window's language): 逾期, 临期, or blank. */
    public String reportLabel() {
        return switch (this) {
            case OVERDUE, SEVERE -> "逾期";
            case SOON -> "临期";
            default -> "";
        };
    }

    public String labelKey() {
        return labelKey;
    }
}
