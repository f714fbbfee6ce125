package org.taizhang.checklist.files;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.taizhang.checklist.AnswerRules;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Issue;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.files.FormWorkbook.Check;
import org.taizhang.core.files.FormWorkbook.Column;
import org.taizhang.core.files.FormWorkbook.FilledRow;
import org.taizhang.core.files.FormWorkbook.Type;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.model.Organization;

/**
 * A branch's assessment form (自评表 …) on the shared form mechanism ({@link FormWorkbook}): one row per item that
 * applies to the branch's kind; the branch fills 评分 (a score, or 达到/未达到), 扣分次数, 不适用 with its reason,
 * and 备注. Reading turns the rows back into answers, each cell's mistake named in the clerk's words.
 */
public final class AssessmentFormWorkbook {
    /** The signature's kind and layout: a form of another kind, or of a layout this program does not know, is refused. */
    public static final String KIND = "assessment-form";

    public static final int LAYOUT = 1;

    public static final String ORGANIZATION = "organization";
    public static final String ORGANIZATION_NAME = "organizationName";
    public static final String TEMPLATE = "template";
    public static final String TEMPLATE_NAME = "templateName";
    public static final String ROUND = "round";
    public static final String YEAR = "year";

    /** The words of the drop-downs: terms of the practice, the same in both languages (like 查资料). */
    static final String MET = ItemAnswer.MET;

    static final String NOT_MET = ItemAnswer.NOT_MET;
    static final String NOT_APPLICABLE = "不适用";
    /** Typed by hand instead of the drop-down's words, and meaning the same. */
    private static final List<String> NOT_APPLICABLE_WORDS = List.of(NOT_APPLICABLE, "是", "√");

    static final int MAX_TEXT = 1_000;

    private static final String NUMBER = "number";
    private static final String CATEGORY = "category";
    private static final String TEXT = "text";
    private static final String POINTS = "points";
    private static final String MODE = "mode";
    private static final String METHODS = "methods";
    private static final String SCORE = "score";
    private static final String OCCURRENCES = "occurrences";
    private static final String NA = "notApplicable";
    private static final String REASON = "reason";
    private static final String NOTE = "note";

    private AssessmentFormWorkbook() {}

    /** What the form is for, with the names shown in its title block. */
    public record Subject(
            Organization organization,
            String unitName,
            ChecklistTemplate template,
            Round round,
            int year,
            Map<String, ItemAnswer> answers) {}

    public static int write(Subject s, String formId, Path file, Messages m, Progress progress) {
        List<Column> columns = List.of(
                new Column(NUMBER, m.get("checklist.form.col.number"), 5, false, Type.TEXT),
                new Column(CATEGORY, m.get("checklist.form.col.category"), 7, false, Type.TEXT),
                new Column(TEXT, m.get("checklist.form.col.text"), 26, false, Type.TEXT),
                new Column(POINTS, m.get("checklist.form.col.points"), 4, false, Type.NUMBER),
                new Column(MODE, m.get("checklist.form.col.mode"), 10, false, Type.TEXT),
                new Column(METHODS, m.get("checklist.form.col.methods"), 7, false, Type.TEXT),
                new Column(SCORE, m.get("checklist.form.col.score"), 6, true, Type.NUMBER),
                new Column(OCCURRENCES, m.get("checklist.form.col.occurrences"), 5, true, Type.NUMBER),
                new Column(NA, m.get("checklist.form.col.notApplicable"), 5, true, Type.TEXT),
                new Column(REASON, m.get("checklist.form.col.reason"), 10, true, Type.TEXT),
                new Column(NOTE, m.get("checklist.form.col.note"), 12, true, Type.TEXT));
        ChecklistTemplate t = s.template();
        List<FormWorkbook.Row> rows = new ArrayList<>();
        for (ChecklistCategory category : t.categories()) {
            for (ChecklistItem item : category.items()) {
                if (item.appliesTo(s.organization().kind())) {
                    rows.add(row(category, item, s.answers().get(item.key()), m));
                }
            }
        }
        Map<String, String> subject = new LinkedHashMap<>();
        subject.put(ORGANIZATION, s.organization().id());
        subject.put(ORGANIZATION_NAME, s.organization().name());
        subject.put(TEMPLATE, t.id());
        subject.put(TEMPLATE_NAME, t.name());
        subject.put(ROUND, s.round().name());
        subject.put(YEAR, Integer.toString(s.year()));
        String round = m.get(s.round().messageKey());
        FormWorkbook.Form form = new FormWorkbook.Form(
                KIND,
                LAYOUT,
                formId,
                subject,
                m.get("checklist.form.sheet", round),
                m.get("checklist.form.title", Integer.toString(s.year()), t.name(), round),
                List.of(
                        m.get(
                                "checklist.form.who",
                                s.unitName(),
                                s.organization().name(),
                                m.get(s.organization().kind().messageKey())),
                        m.get(
                                "checklist.form.what",
                                t.name(),
                                t.version(),
                                round,
                                Integer.toString(s.year()),
                                t.fullMarks().toPlainString(),
                                t.passScore().toPlainString()),
                        m.get("checklist.form.howTo")),
                columns,
                rows);
        FormWorkbook.write(form, file, m, progress);
        return rows.size();
    }

    private static FormWorkbook.Row row(ChecklistCategory category, ChecklistItem item, ItemAnswer a, Messages m) {
        String score = "";
        String occurrences = "";
        if (a != null && !a.notApplicable()) {
            if (a.met() != null) {
                score = a.met() ? MET : NOT_MET;
            } else if (a.score() != null) {
                score = a.score().toPlainString();
            }
            occurrences = a.occurrences() == null ? "" : a.occurrences().toString();
        }
        boolean na = a != null && a.notApplicable();
        List<String> values = List.of(
                item.number(),
                category.name(),
                item.text(),
                item.maxPoints().toPlainString(),
                mode(item, m),
                item.methods().stream().sorted().map(CheckMethod::label).collect(Collectors.joining("、")),
                score,
                occurrences,
                na ? NOT_APPLICABLE : "",
                a == null || a.notApplicableReason() == null ? "" : a.notApplicableReason(),
                a == null || a.note() == null ? "" : a.note());
        Map<String, Check> checks = new LinkedHashMap<>();
        switch (item.mode()) {
            case YES_NO -> {
                checks.put(SCORE, new Check.Choices(List.of(MET, NOT_MET)));
                checks.put(OCCURRENCES, new Check.Disabled());
            }
            case GRADED -> {
                checks.put(SCORE, new Check.Decimal(BigDecimal.ZERO, item.maxPoints()));
                checks.put(OCCURRENCES, new Check.Disabled());
            }
            case DEDUCTION -> {
                checks.put(SCORE, new Check.Disabled());
                checks.put(OCCURRENCES, new Check.Whole(0, null));
            }
        }
        // a veto item can never be 不适用 (AnswerRules): the cells stay closed rather than invite the mistake
        checks.put(NA, item.veto() ? new Check.Disabled() : new Check.Choices(List.of(NOT_APPLICABLE)));
        checks.put(REASON, item.veto() ? new Check.Disabled() : new Check.TextLength(MAX_TEXT));
        checks.put(NOTE, new Check.TextLength(MAX_TEXT));
        return new FormWorkbook.Row(item.key(), values, checks);
    }

    private static String mode(ChecklistItem item, Messages m) {
        String text = m.get(item.mode().messageKey());
        if (item.mode() == ScoringMode.DEDUCTION) {
            BigDecimal floor = item.floor() == null ? BigDecimal.ZERO : item.floor();
            text = m.get("checklist.form.deductionRule", item.deduction().toPlainString(), floor.toPlainString());
        }
        if (item.veto()) {
            text += m.get("checklist.form.veto");
        }
        if (item.bonus()) {
            text += m.get("checklist.form.bonus");
        }
        return text;
    }

    public static FormWorkbook.Filled read(Path file) {
        return FormWorkbook.read(file);
    }

    /**
     * The answer a row gives, or null when the row is left empty; every mistake goes to {@code errors} under the
     * cell it is in. The answer's own rules ({@link AnswerRules}: the same as the window's) are checked here too.
     */
    public static ItemAnswer answer(
            FormWorkbook.Filled form, FilledRow row, ChecklistItem item, List<RowIssue> errors) {
        int before = errors.size();
        String score = row.value(SCORE);
        String occurrencesText = row.value(OCCURRENCES);
        String naText = row.value(NA);
        String reason = row.value(REASON);
        String note = row.value(NOTE);
        if (score.isEmpty() && occurrencesText.isEmpty() && naText.isEmpty() && reason.isEmpty() && note.isEmpty()) {
            return null;
        }
        boolean na = false;
        if (!naText.isEmpty()) {
            if (NOT_APPLICABLE_WORDS.contains(naText)) {
                na = true;
            } else {
                errors.add(cell(form, row, NA, "checklist.form.notApplicableWord", naText, NOT_APPLICABLE));
            }
        }
        Boolean met = null;
        BigDecimal points = null;
        Integer occurrences = null;
        if (na && (!score.isEmpty() || !occurrencesText.isEmpty())) {
            errors.add(cell(form, row, NA, "checklist.form.scoredAndNotApplicable", item.number()));
        }
        switch (item.mode()) {
            case YES_NO -> {
                java.util.Optional<Boolean> word = ItemAnswer.metWord(score);
                if (word.isPresent()) {
                    met = word.get();
                } else if (!score.isEmpty()) {
                    errors.add(cell(form, row, SCORE, "checklist.form.notMetWord", score, MET, NOT_MET));
                }
            }
            case GRADED -> {
                if (!score.isEmpty()) {
                    try {
                        points = new BigDecimal(score.replace('．', '.'));
                    } catch (NumberFormatException e) {
                        errors.add(cell(form, row, SCORE, "checklist.form.notNumber", score));
                    }
                }
            }
            case DEDUCTION -> {
                if (!occurrencesText.isEmpty()) {
                    try {
                        occurrences = new BigDecimal(occurrencesText).intValueExact();
                    } catch (NumberFormatException | ArithmeticException e) {
                        errors.add(cell(form, row, OCCURRENCES, "checklist.form.notWholeNumber", occurrencesText));
                    }
                }
            }
        }
        if (note.length() > MAX_TEXT) {
            errors.add(cell(form, row, NOTE, "checklist.form.tooLong", MAX_TEXT));
        }
        if (reason.length() > MAX_TEXT) {
            errors.add(cell(form, row, REASON, "checklist.form.tooLong", MAX_TEXT));
        }
        if (errors.size() > before) {
            return null;
        }
        ItemAnswer answer = new ItemAnswer(
                item.key(),
                na ? null : met,
                na ? null : points,
                na ? null : occurrences,
                na,
                reason.isEmpty() ? null : reason,
                note.isEmpty() ? null : note);
        for (Issue issue : AnswerRules.check(item, answer)) {
            String column = switch (issue.messageKey()) {
                case "checklist.error.notApplicableReason" -> REASON;
                case "checklist.error.vetoNotApplicable" -> NA;
                case "checklist.error.occurrencesNegative" -> OCCURRENCES;
                default -> SCORE;
            };
            errors.add(new RowIssue(form.sheet(), row.number(), form.columns().get(column), issue));
        }
        return errors.size() > before ? null : answer;
    }

    private static RowIssue cell(FormWorkbook.Filled form, FilledRow row, String column, String key, Object... args) {
        return new RowIssue(form.sheet(), row.number(), form.columns().get(column), Issue.error(column, key, args));
    }
}
