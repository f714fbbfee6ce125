package org.taizhang.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.taizhang.checklist.Scoring;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.organization.model.Organization;

/**
 * 评估明细表: one branch's items of one template in a year with its 自评, 检查组评估 and 达标验收 side by side — the points
 * each round gave each item (不适用, or empty where the item was not answered; "—" for a round that did not assess the
 * branch against that template) — and each round's total as the 合计, as the scoring computes it.
 */
public final class AssessmentDetail {
    private AssessmentDetail() {}

    /**
     * The table of {@code o}'s assessments of {@code template} (those of the year, one per round at most); the caller
     * picked the template (the newest one the branch was assessed against).
     */
    public static ReportTable of(
            Organization o,
            String unitName,
            int year,
            ChecklistTemplate template,
            List<Assessment> assessments,
            Messages m) {
        Map<Round, Assessment> byRound = new EnumMap<>(Round.class);
        for (Assessment a : assessments) {
            if (a.organizationId().equals(o.id()) && a.templateId().equals(template.id()) && a.year() == year) {
                byRound.put(a.round(), a);
            }
        }
        Map<Round, Scoring.Score> scores = new EnumMap<>(Round.class);
        byRound.forEach((r, a) -> scores.put(r, a.score(template, o.kind())));
        List<List<Object>> rows = new ArrayList<>();
        for (ChecklistCategory c : template.categories()) {
            List<ChecklistItem> items =
                    c.items().stream().filter(i -> i.appliesTo(o.kind())).toList();
            if (items.isEmpty()) {
                continue;
            }
            rows.add(Arrays.asList(
                    c.code() == null ? "" : c.code(),
                    m.get("report.blank.category", c.name(), BlankChecklist.points(c.points())),
                    "",
                    "",
                    "",
                    ""));
            for (ChecklistItem i : items) {
                List<Object> row = new ArrayList<>(Arrays.asList(
                        i.number() == null ? "" : i.number(), i.text(), BlankChecklist.points(i.maxPoints())));
                for (Round r : Round.values()) {
                    row.add(cell(byRound.get(r), scores.get(r), i, m));
                }
                rows.add(row);
            }
        }
        List<Object> total = new ArrayList<>(
                Arrays.asList(m.get("report.table.total"), "", BlankChecklist.points(template.fullMarks())));
        for (Round r : Round.values()) {
            Scoring.Score s = scores.get(r);
            total.add(s == null ? "—" : s.total() == null ? "" : BlankChecklist.points(s.total()));
        }
        List<String> notes = new ArrayList<>();
        notes.add(m.get("report.detail.template", template.name(), template.version()));
        for (Round r : Round.values()) {
            Assessment a = byRound.get(r);
            Scoring.Score s = scores.get(r);
            if (a == null) {
                notes.add(m.get("report.detail.none", r.fileLabel()));
            } else if (!s.unscored().isEmpty()) {
                notes.add(m.get(
                        "report.detail.unscored", r.fileLabel(), s.unscored().size()));
            }
        }
        return new ReportTable(
                m.get("report.detail.title", unitName, o.name(), Integer.toString(year)),
                m.get("report.detail.sheet"),
                List.of(
                        Column.text(m.get("report.blank.number"), 5),
                        Column.wrapped(m.get("report.blank.content"), 34),
                        Column.text(m.get("report.blank.points"), 5),
                        Column.text(Round.SELF.fileLabel(), 7),
                        Column.text(Round.REVIEW.fileLabel(), 9),
                        Column.text(Round.ACCEPTANCE.fileLabel(), 8)),
                rows,
                total,
                notes);
    }

    private static String cell(Assessment a, Scoring.Score s, ChecklistItem i, Messages m) {
        if (a == null) {
            return "—";
        }
        ItemAnswer answer = a.answers().get(i.key());
        if (answer != null && answer.notApplicable()) {
            return m.get("report.detail.notApplicable");
        }
        BigDecimal p = s.points().get(i.key());
        return p == null ? "" : BlankChecklist.points(p);
    }
}
