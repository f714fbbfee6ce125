package org.taizhang.report;

import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;

/**
 * 销号确认单 for one finding: what was found, the measures and how far they went, the evidence the unit sent, the
 * application for closing, the verifier's opinion and the day it was closed — one row per part, with room to sign
 * and seal. Made once a unit has applied for closing (a form for the verifier to fill) and after 销号 (the record).
 */
public final class CloseConfirmation {
    private CloseConfirmation() {}

    public static ReportTable of(LedgerEntry e, List<FindingService.Evidence> evidence, Messages m) {
        var f = e.finding();
        var t = e.timeline();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(m.get("report.close.row.number"), f.number()));
        rows.add(row(m.get("report.close.row.unit"), e.unitName()));
        if (e.organizationName() != null) {
            rows.add(row(m.get("report.close.row.branch"), e.organizationName()));
        }
        rows.add(row(m.get("report.close.row.category"), f.category()));
        rows.add(row(m.get("report.close.row.found"), f.description()));
        if (f.basis() != null && !f.basis().isBlank()) {
            rows.add(row(m.get("report.close.row.basis"), f.basis()));
        }
        rows.add(row(
                m.get("report.close.row.deadline"),
                m.get(f.type().labelKey()) + (t.deadline() == null ? "" : "，" + OfficialDocument.date(t.deadline()))));
        rows.add(row(
                m.get("report.close.row.responsible"),
                String.join("／", nonBlank(t.leader(), t.department(), t.person()))));
        List<String> measures = new ArrayList<>();
        int i = 0;
        for (Measure measure : e.measures()) {
            measures.add(++i + ". " + measure.text()
                    + (measure.isDone()
                            ? m.get("report.close.measureDone", OfficialDocument.date(measure.doneOn()))
                            : ""));
        }
        rows.add(row(m.get("report.close.row.measures"), String.join("\n", measures)));
        rows.add(row(m.get("report.close.row.progress"), t.latestProgress() == null ? "" : t.latestProgress()));
        List<String> files = new ArrayList<>();
        i = 0;
        for (FindingService.Evidence ev : evidence) {
            files.add(++i + ". " + ev.attachment().fileName());
        }
        rows.add(row(
                m.get("report.close.row.evidence"),
                files.isEmpty() ? m.get("report.close.noEvidence") : String.join("\n", files)));
        rows.add(row(
                m.get("report.close.row.requested"),
                t.closeRequestedOn() == null ? "" : OfficialDocument.date(t.closeRequestedOn())));
        rows.add(row(
                m.get("report.close.row.opinion"),
                String.join(
                        "；",
                        nonBlank(
                                // 整改评价：好, not a bare 好 before the opinion
                                t.verdict() == null
                                        ? null
                                        : m.get(
                                                "report.close.verdict",
                                                m.get(t.verdict().labelKey())),
                                t.verifierOpinion()))));
        rows.add(row(m.get("report.close.row.verifier"), t.verifier() == null ? "" : t.verifier()));
        rows.add(
                row(m.get("report.close.row.closed"), t.closedOn() == null ? "" : OfficialDocument.date(t.closedOn())));
        return new ReportTable(
                m.get("report.close.title"),
                m.get("report.close.title"),
                List.of(Column.text(m.get("report.close.item"), 7), Column.wrapped(m.get("report.close.content"), 33)),
                rows,
                null,
                List.of(),
                m.get("report.close.signatures"));
    }

    private static List<Object> row(String label, String value) {
        return java.util.Arrays.asList(label, value == null ? "" : value);
    }

    private static List<String> nonBlank(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }
}
