package org.taizhang.report.model;

/**
 * Which findings a report counts; null leaves a part out. Findings merged into another (已合并) are never counted
 * (as in the ledger report).
 *
 * @param year the year a finding was found in
 * @param round the title of the inspection round (督查)
 * @param unit the unit's full name
 * @param community the 共同体's name
 */
public record ReportFilter(Integer year, String round, String unit, String community) {
    public static final ReportFilter ALL = new ReportFilter(null, null, null, null);
}
