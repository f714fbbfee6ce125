package org.taizhang.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;

/**
 * 整改通知书 for one unit: the findings sent to it and not yet handed in (已交办, 整改中), each with its 问题编号, what was
 * found, the 依据, the kind of rectification, its measures and its deadline; then what the unit must report and by
 * when, the 落款 (the settings' 填报单位) and the date. The same findings as the unit's 整改情况反馈表.
 */
public final class RectificationNotice {
    private RectificationNotice() {}

    /** Whether a finding belongs in its unit's notice: sent to the unit and not yet handed in. */
    public static boolean listed(LedgerEntry e) {
        return e.state() == FindingState.NOTIFIED || e.state() == FindingState.RECTIFYING;
    }

    public static OfficialDocument of(
            String unitName, List<LedgerEntry> findings, String committee, LocalDate today, Messages m) {
        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(new OfficialDocument.Paragraph(m.get(
                "report.notice.intro", committee.isEmpty() ? m.get("report.notice.we") : committee, findings.size())));
        int i = 0;
        for (LedgerEntry e : findings) {
            var f = e.finding();
            var t = e.timeline();
            body.add(new OfficialDocument.Heading(m.get(
                    "report.notice.item",
                    OfficialDocument.chineseNumber(++i),
                    f.number() == null ? m.get("report.notice.unnumbered") : f.number(),
                    f.category() == null ? "" : f.category())));
            body.add(new OfficialDocument.Paragraph(m.get("report.notice.found", f.description())));
            if (f.basis() != null && !f.basis().isBlank()) {
                body.add(new OfficialDocument.Paragraph(m.get("report.notice.basis", f.basis())));
            }
            if (!e.measures().isEmpty()) {
                List<String> measures = new ArrayList<>();
                for (Measure measure : e.measures()) {
                    measures.add(measure.text());
                }
                body.add(new OfficialDocument.Paragraph(m.get("report.notice.measures", String.join("；", measures))));
            }
            if (t.deadline() != null && t.deadline().isBefore(today)) {
                // a deadline already passed is not asked for again: the notice says it is overdue, and since when
                body.add(new OfficialDocument.Paragraph(m.get(
                        "report.notice.overdue",
                        m.get(f.type().labelKey()),
                        OfficialDocument.date(t.deadline()),
                        java.time.temporal.ChronoUnit.DAYS.between(t.deadline(), today))));
            } else {
                body.add(new OfficialDocument.Paragraph(m.get(
                        "report.notice.deadline",
                        m.get(f.type().labelKey()),
                        t.deadline() == null
                                ? m.get("report.notice.noDeadline")
                                : OfficialDocument.date(t.deadline()))));
            }
        }
        body.add(new OfficialDocument.Paragraph(m.get("report.notice.report")));
        body.add(new OfficialDocument.Paragraph(m.get("report.notice.contact")));
        return new OfficialDocument(committee, "", m.get("report.notice.title"), unitName, body, today, "");
    }
}
