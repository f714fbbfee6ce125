package org.taizhang.inspection.files;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.files.FormWorkbook.Check;
import org.taizhang.core.files.FormWorkbook.Column;
import org.taizhang.core.files.FormWorkbook.FilledRow;
import org.taizhang.core.files.FormWorkbook.Type;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingRules;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;

/**
 * A unit's 整改情况反馈表 on the shared form mechanism ({@link FormWorkbook}): one row per finding sent to the unit
 * and not yet handed in (已交办, 整改中), labelled by its number. Given (locked): what the unit was told — the
 * number, category, description, basis, type, deadline, the measures, and the reason of the last 退回. Filled in:
 * 整改进展情况 and 报告日期. Internal fields (internal notes, verifiers' opinions other than a 退回 reason) never go
 * out. Reading turns each filled row into a progress report.
 *
 * <p>No 申请销号 from the form: it needs evidence, which a spreadsheet cannot carry; the unit sends its evidence
 * with the form and the clerk attaches it and records the request in the window.
 */
public final class FeedbackFormWorkbook {
    static final String KIND = "feedback-form";
    static final int LAYOUT = 1;

    static final String UNIT = "unit";
    static final String UNIT_NAME = "unitName";

    static final int MAX_TEXT = FindingRules.MAX_LENGTHS.get("description");

    private static final String NUMBER = "number";
    private static final String CATEGORY = "category";
    private static final String DESCRIPTION = "description";
    private static final String BASIS = "basis";
    private static final String TYPE = "type";
    private static final String DEADLINE = "deadline";
    private static final String MEASURES = "measures";
    private static final String REJECTION = "rejection";
    static final String PROGRESS = "progress";
    static final String DATE = "date";

    private FeedbackFormWorkbook() {}

    /** The findings a unit's form lists: sent to it and still the unit's to work on, in ledger order. */
    static boolean listed(LedgerEntry e) {
        return e.state() == FindingState.NOTIFIED || e.state() == FindingState.RECTIFYING;
    }

    static int write(
            String unitId,
            String unitName,
            List<LedgerEntry> entries,
            LocalDate today,
            String formId,
            Path file,
            Messages m,
            Progress progress) {
        List<Column> columns = List.of(
                new Column(NUMBER, m.get("feedback.col.number"), 10, false, Type.TEXT),
                new Column(CATEGORY, m.get("feedback.col.category"), 6, false, Type.TEXT),
                new Column(DESCRIPTION, m.get("feedback.col.description"), 22, false, Type.TEXT),
                new Column(BASIS, m.get("feedback.col.basis"), 12, false, Type.TEXT),
                new Column(TYPE, m.get("feedback.col.type"), 5, false, Type.TEXT),
                new Column(DEADLINE, m.get("feedback.col.deadline"), 6, false, Type.DATE),
                new Column(MEASURES, m.get("feedback.col.measures"), 18, false, Type.TEXT),
                new Column(REJECTION, m.get("feedback.col.rejection"), 12, false, Type.TEXT),
                new Column(PROGRESS, m.get("feedback.col.progress"), 24, true, Type.TEXT),
                new Column(DATE, m.get("feedback.col.date"), 7, true, Type.DATE));
        List<FormWorkbook.Row> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            Finding f = e.finding();
            Timeline t = e.timeline();
            List<String> values = List.of(
                    f.number(),
                    orBlank(f.category()),
                    f.description(),
                    orBlank(f.basis()),
                    f.type().fileLabel(),
                    t.deadline() == null ? "" : t.deadline().toString(),
                    LedgerReport.measures(e.measures()),
                    orBlank(t.lastRejection()),
                    "",
                    "");
            Map<String, Check> checks = new LinkedHashMap<>();
            checks.put(PROGRESS, new Check.TextLength(MAX_TEXT));
            checks.put(DATE, new Check.Date());
            rows.add(new FormWorkbook.Row(f.id(), values, checks));
        }
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put(UNIT, unitId);
        subject.put(UNIT_NAME, unitName);
        FormWorkbook.Form form = new FormWorkbook.Form(
                KIND,
                LAYOUT,
                formId,
                subject,
                m.get("feedback.sheet"),
                m.get("feedback.title"),
                List.of(m.get("feedback.who", unitName, today.toString(), rows.size()), m.get("feedback.howTo")),
                columns,
                rows);
        FormWorkbook.write(form, file, m, progress);
        return rows.size();
    }

    /**
     * The progress report a row gives (its id from the form, the finding and what the row says, so the same
     * form read twice gives the same ids), or null when the row is empty; mistakes go to {@code errors}.
     */
    static Step report(
            FormWorkbook.Filled form, FilledRow row, LocalDate today, LocalDate notifiedOn, List<RowIssue> errors) {
        String text = row.value(PROGRESS);
        String dateText = row.value(DATE);
        if (text.isEmpty() && dateText.isEmpty()) {
            return null;
        }
        int before = errors.size();
        if (text.isEmpty()) {
            errors.add(cell(form, row, PROGRESS, "feedback.error.progressMissing"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(cell(form, row, PROGRESS, "feedback.error.tooLong", MAX_TEXT, text.length()));
        }
        LocalDate on = today;
        if (!dateText.isEmpty()) {
            java.util.Optional<LocalDate> parsed = org.taizhang.core.text.CellValues.date(dateText);
            if (parsed.isEmpty()) {
                errors.add(cell(form, row, DATE, "feedback.error.notDate", dateText));
            } else {
                on = parsed.get();
                if (on.isAfter(today)) {
                    errors.add(cell(form, row, DATE, "feedback.error.dateAfterToday", dateText));
                } else if (notifiedOn != null && on.isBefore(notifiedOn)) {
                    errors.add(
                            cell(form, row, DATE, "feedback.error.dateBeforeNotice", dateText, notifiedOn.toString()));
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        // the blank date is part of the id as blank: the same form read on another day is still the same report
        String id = Ids.forKey("feedback", form.signature().id(), row.key(), text, dateText);
        return Step.of(id, row.key(), StepKind.PROGRESS, on, null, text);
    }

    static RowIssue cell(FormWorkbook.Filled form, FilledRow row, String column, String key, Object... args) {
        return new RowIssue(form.sheet(), row.number(), form.columns().get(column), Issue.error(column, key, args));
    }

    static RowIssue row(FormWorkbook.Filled form, FilledRow row, String key, Object... args) {
        return new RowIssue(form.sheet(), row.number(), null, Issue.error(null, key, args));
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}
