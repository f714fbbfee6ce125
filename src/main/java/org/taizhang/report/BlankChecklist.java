package org.taizhang.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;

/**
 * A template's 测评表 on paper, for a visit where the laptop fails: every category with its points, every item with
 * its number, text, points and whether it needs evidence, and empty boxes for the score and the reason of a deduction;
 * 满分 as the 合计; the branch, the assessor and the date to fill in by hand under it.
 */
public final class BlankChecklist {
    private BlankChecklist() {}

    public static ReportTable of(ChecklistTemplate t, Messages m) {
        List<List<Object>> rows = new ArrayList<>();
        for (ChecklistCategory c : t.categories()) {
            rows.add(Arrays.asList(
                    c.code() == null ? "" : c.code(),
                    m.get("report.blank.category", c.name(), points(c.points())),
                    "",
                    "",
                    "",
                    ""));
            for (ChecklistItem i : c.items()) {
                String text = i.text();
                if (i.veto()) {
                    text = m.get("report.blank.veto", text);
                } else if (i.bonus()) {
                    text = m.get("report.blank.bonus", text);
                }
                rows.add(Arrays.asList(
                        i.number() == null ? "" : i.number(),
                        text,
                        points(i.maxPoints()),
                        i.evidenceRequired() ? m.get("report.blank.yes") : "",
                        "",
                        ""));
            }
        }
        return new ReportTable(
                m.get("report.blank.title", t.name(), t.version()),
                m.get("report.blank.sheet"),
                List.of(
                        Column.text(m.get("report.blank.number"), 5),
                        Column.wrapped(m.get("report.blank.content"), 34),
                        Column.text(m.get("report.blank.points"), 5),
                        Column.text(m.get("report.blank.evidence"), 5),
                        Column.text(m.get("report.blank.score"), 6),
                        Column.wrapped(m.get("report.blank.reason"), 14)),
                rows,
                Arrays.asList(m.get("report.blank.full"), "", points(t.fullMarks()), "", "", ""),
                List.of(m.get("report.blank.note", points(t.passScore()))),
                m.get("report.blank.signatures"));
    }

    /** 20, 2.5: points without trailing zeros. */
    static String points(BigDecimal p) {
        return p == null ? "" : p.stripTrailingZeros().toPlainString();
    }
}
