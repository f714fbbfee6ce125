package org.taizhang.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Warning;

/**
 * 上年问题整改情况 of one unit, for the year-end 述职评议: the findings found at the unit in a year (merged ones left
 * out, as everywhere), their figures (发现, 已销号, 整改中, 逾期, 销号率), then each finding with its number, what was
 * found, the measures taken and where it stands today — 已销号 on a day, or still open with its deadline and how late.
 * The same findings and figures as 问题整改情况统计表 with the unit and year chosen.
 */
public final class LastYearReport {
    private LastYearReport() {}

    /** The unit's findings of {@code year}, in ledger order, merged ones left out. */
    public static List<LedgerEntry> findings(List<LedgerEntry> ledger, String unitName, int year) {
        return RectificationStats.select(
                ledger, new org.taizhang.report.model.ReportFilter(year, null, unitName, null));
    }

    public static OfficialDocument of(
            String unitName, int year, List<LedgerEntry> found, String committee, LocalDate today, Messages m) {
        LedgerStats.Figures f = LedgerStats.total(found);
        List<OfficialDocument.Block> body = new ArrayList<>();
        String rate = f.closureRate().isPresent()
                ? String.format(java.util.Locale.ROOT, "%.1f%%", f.closureRate().getAsDouble() * 100)
                : "—";
        if (!found.isEmpty()) { // a year without findings says so once, below, not as figures of nothing
            body.add(new OfficialDocument.Paragraph(m.get(
                    "report.lastYear.intro",
                    Integer.toString(year),
                    found.size(),
                    f.closed(),
                    found.size() - f.closed(),
                    f.overdue(),
                    rate)));
        }
        int i = 0;
        for (LedgerEntry e : found) {
            var finding = e.finding();
            var t = e.timeline();
            body.add(new OfficialDocument.Heading(m.get(
                    "report.notice.item",
                    OfficialDocument.chineseNumber(++i),
                    finding.number() == null ? m.get("report.notice.unnumbered") : finding.number(),
                    finding.category() == null ? "" : finding.category())));
            body.add(new OfficialDocument.Paragraph(m.get("report.notice.found", finding.description())));
            List<String> done = new ArrayList<>();
            for (Measure measure : e.measures()) {
                done.add(measure.text());
            }
            if (!done.isEmpty()) {
                body.add(new OfficialDocument.Paragraph(m.get("report.notice.measures", String.join("；", done))));
            }
            body.add(new OfficialDocument.Paragraph(standing(e, today, m)));
        }
        if (found.isEmpty()) {
            body.add(new OfficialDocument.Paragraph(m.get("report.lastYear.nothing", Integer.toString(year))));
        }
        return new OfficialDocument(
                committee,
                "",
                m.get("report.lastYear.title", unitName, Integer.toString(year)),
                unitName,
                body,
                today,
                "");
    }

    /** Where a finding stands today, in one sentence. */
    static String standing(LedgerEntry e, LocalDate today, Messages m) {
        var t = e.timeline();
        if (e.state() == FindingState.CLOSED) {
            return m.get("report.lastYear.closed", t.closedOn() == null ? "" : OfficialDocument.date(t.closedOn()));
        }
        if ((e.warning() == Warning.OVERDUE || e.warning() == Warning.SEVERE) && t.deadline() != null) {
            return m.get(
                    "report.lastYear.overdue",
                    OfficialDocument.date(t.deadline()),
                    java.time.temporal.ChronoUnit.DAYS.between(t.deadline(), today));
        }
        if (t.deadline() != null) {
            return m.get("report.lastYear.open", e.state().fileLabel(), OfficialDocument.date(t.deadline()));
        }
        return m.get("report.lastYear.openNoDeadline", e.state().fileLabel());
    }
}
