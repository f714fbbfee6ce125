package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Issue;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FormModel;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.organization.model.Unit;

/**
 * What one step of a finding's life asks for (交办: the deadline and the people; 销号: the verdict and opinion …),
 * with no controls. The checks here only say what the clerk left out; the service still decides whether the step
 * is allowed and refuses in words.
 */
public final class ActionForm extends FormModel<ActionForm.Input> {
    /** The inputs a step may ask for; {@link #fields()} says which this one does. */
    public enum Field {
        UNIT,
        DATE,
        DEADLINE,
        VERDICT,
        ESCALATION,
        LEADER,
        DEPARTMENT,
        PERSON,
        APPROVER,
        MEASURE,
        TEXT,
        EVIDENCE
    }

    /** The form's values as typed; dates that cannot be read are null (the checks say so). */
    public record Input(
            StepKind kind,
            Unit unit,
            LocalDate on,
            LocalDate deadline,
            Verdict verdict,
            Escalation escalation,
            String leader,
            String department,
            String person,
            String approver,
            Measure measure,
            String text,
            List<Path> evidence) {}

    private final StepKind kind;
    private final boolean batch;
    /** The deadline in force, which an extension must pass (null when none). */
    private final LocalDate currentDeadline;

    private final LocalDate today;
    /** The earliest day the step can have: the day the finding was found (null: several findings). */
    private final LocalDate earliest;

    public final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    public final StringProperty on = new SimpleStringProperty("");
    public final StringProperty deadline = new SimpleStringProperty("");
    public final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    public final ObjectProperty<Escalation> escalation = new SimpleObjectProperty<>();
    public final StringProperty leader = new SimpleStringProperty("");
    public final StringProperty department = new SimpleStringProperty("");
    public final StringProperty person = new SimpleStringProperty("");
    public final StringProperty approver = new SimpleStringProperty("");
    public final ObjectProperty<Measure> measure = new SimpleObjectProperty<>();
    public final StringProperty text = new SimpleStringProperty("");
    public final ObservableList<Path> evidence = FXCollections.observableArrayList();

    public final ObservableList<Unit> unitChoices = FXCollections.observableArrayList();
    public final ObservableList<Verdict> verdictChoices = FXCollections.observableArrayList();
    public final ObservableList<Measure> measureChoices = FXCollections.observableArrayList();

    /**
     * @param batch a notice to every 已挂号 finding of a unit (the unit is chosen in the form)
     */
    ActionForm(StepKind kind, boolean batch, LocalDate currentDeadline, LocalDate today, LocalDate earliest) {
        this.kind = kind;
        this.batch = batch;
        this.currentDeadline = currentDeadline;
        this.today = today;
        this.earliest = earliest;
        for (Verdict v : Verdict.values()) {
            if (kind == StepKind.CLOSE ? v.closes() : kind == StepKind.REWORK && !v.closes()) {
                verdictChoices.add(v);
            }
        }
        track(unit, on, deadline, verdict, escalation, leader, department, person, approver, measure, text, evidence);
    }

    public StepKind kind() {
        return kind;
    }

    public boolean isBatch() {
        return batch;
    }

    /** The inputs this step asks for, in the order the form shows them. */
    public Set<Field> fields() {
        Set<Field> f = EnumSet.of(Field.DATE);
        switch (kind) {
            case NOTIFY -> {
                f.addAll(List.of(Field.DEADLINE, Field.LEADER, Field.DEPARTMENT, Field.PERSON, Field.TEXT));
                if (batch) {
                    f.add(Field.UNIT);
                }
            }
            case PROGRESS -> f.addAll(List.of(Field.TEXT, Field.MEASURE, Field.EVIDENCE));
            case CLOSE -> f.addAll(List.of(Field.VERDICT, Field.TEXT));
            case REWORK -> f.addAll(List.of(Field.VERDICT, Field.DEADLINE, Field.TEXT));
            case EXTEND -> f.addAll(List.of(Field.DEADLINE, Field.APPROVER, Field.TEXT));
            case ESCALATE -> f.addAll(List.of(Field.ESCALATION, Field.TEXT));
            // the evidence is attached where it is asked for, not on another tab before the form
            case REQUEST_CLOSE -> f.addAll(List.of(Field.TEXT, Field.EVIDENCE));
            case REJECT, FOLLOW_UP, NOTE -> f.add(Field.TEXT);
            default -> {
                // 签收 asks for its day only; 挂号 asks for nothing (it is not shown as a form)
            }
        }
        return f;
    }

    /** Whether the text is required (a reason, a report) rather than an optional remark. */
    public boolean textRequired() {
        return switch (kind) {
            case PROGRESS, REJECT, EXTEND, FOLLOW_UP, NOTE -> true;
            default -> false;
        };
    }

    @Override
    protected void fill(Input in) {
        unit.set(in.unit());
        on.set(in.on() == null ? "" : in.on().toString());
        deadline.set(in.deadline() == null ? "" : in.deadline().toString());
        verdict.set(in.verdict());
        escalation.set(in.escalation());
        leader.set(nz(in.leader()));
        department.set(nz(in.department()));
        person.set(nz(in.person()));
        approver.set(nz(in.approver()));
        measure.set(in.measure());
        text.set(nz(in.text()));
        evidence.setAll(in.evidence());
    }

    @Override
    public Input read() {
        return new Input(
                kind,
                unit.get(),
                DateFields.parse(on.get()).orElse(null),
                DateFields.parse(deadline.get()).orElse(null),
                verdict.get(),
                escalation.get(),
                leader.get(),
                department.get(),
                person.get(),
                approver.get(),
                measure.get(),
                text.get(),
                List.copyOf(evidence));
    }

    @Override
    protected Input blank() {
        return new Input(kind, null, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    @Override
    protected List<Issue> check(Input in) {
        List<Issue> issues = new ArrayList<>();
        Set<Field> f = fields();
        if (f.contains(Field.UNIT) && in.unit() == null) {
            issues.add(Issue.error("unit", "inspection.error.unitRequired"));
        }
        // what happened is dated today or earlier, and not before the problem was found
        if (date(issues, "on", on.get(), "ledger.error.dateRequired") && in.on() != null) {
            if (today != null && in.on().isAfter(today)) {
                issues.add(Issue.error("on", "ledger.error.dateAfterToday", in.on()));
            } else if (earliest != null && in.on().isBefore(earliest)) {
                issues.add(Issue.error("on", "inspection.error.stepBeforeFound", in.on(), earliest));
            }
        }
        if (f.contains(Field.DEADLINE)) {
            if (date(issues, "deadline", deadline.get(), "inspection.error.deadlineRequired")
                    && in.on() != null
                    && in.deadline().isBefore(in.on())) {
                issues.add(Issue.error("deadline", "inspection.error.deadlineBeforeDay"));
            } else if (kind == StepKind.EXTEND
                    && in.deadline() != null
                    && currentDeadline != null
                    && !in.deadline().isAfter(currentDeadline)) {
                issues.add(Issue.error("deadline", "inspection.error.extensionNotLater", currentDeadline));
            }
        }
        if (f.contains(Field.VERDICT) && in.verdict() == null) {
            issues.add(Issue.error(
                    "verdict",
                    kind == StepKind.CLOSE ? "inspection.error.closeVerdict" : "inspection.error.reworkVerdict"));
        }
        if (f.contains(Field.ESCALATION) && in.escalation() == null) {
            issues.add(Issue.error("escalation", "ledger.error.escalationRequired"));
        }
        if (f.contains(Field.APPROVER) && blank(in.approver())) {
            issues.add(Issue.error("approver", "inspection.error.extensionIncomplete"));
        }
        if (textRequired() && blank(in.text())) {
            issues.add(Issue.error(
                    "text",
                    switch (kind) {
                        case PROGRESS -> "inspection.error.progressRequired";
                        case REJECT -> "inspection.error.reasonRequired";
                        case EXTEND -> "inspection.error.extensionIncomplete";
                        default -> "inspection.error.textRequired";
                    }));
        }
        return issues;
    }

    /** Adds the error of a date field that is blank or unreadable; true when it holds a date. */
    private static boolean date(List<Issue> issues, String field, String typed, String requiredKey) {
        if (typed == null || typed.isBlank()) {
            issues.add(Issue.error(field, requiredKey));
            return false;
        }
        if (DateFields.unreadable(typed)) {
            issues.add(Issue.error(field, "ledger.error.dateUnreadable", typed.strip()));
            return false;
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
