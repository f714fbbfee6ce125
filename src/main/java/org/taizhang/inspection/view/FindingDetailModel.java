package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;

/**
 * The chosen finding's detail on the 整改台账 page: its timeline as lines of text (with the steps of the findings
 * merged into it), its measures (整改措施: added, changed, marked done, deleted) and its evidence (attached, opened,
 * removed). Every write reads the ledger again through the page.
 */
public final class FindingDetailModel {
    /**
     * One line of the timeline as shown.
     *
     * @param mergedFrom the number (or 待挂号) of the merged finding the step belongs to; null for the finding's own
     */
    public record TimelineRow(
            LocalDate date, String kind, String operator, String text, boolean applied, String mergedFrom) {}

    private final FindingService service;
    private final LedgerPage page;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;

    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObservableList<FindingService.Evidence> evidence = FXCollections.observableArrayList();
    /** The finding's fields another device gave another value (named in 登记信息; 数据交换 → 待处理 decides). */
    private final ObservableList<org.taizhang.core.store.HistoryEntry.FieldChange> conflicts =
            FXCollections.observableArrayList();

    FindingDetailModel(FindingService service, LedgerPage page, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.page = page;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = page.messages();
    }

    private record Detail(
            List<FindingService.Evidence> evidence,
            Map<Finding, Timeline> merged,
            List<org.taizhang.core.store.HistoryEntry.FieldChange> conflicts) {}

    /** Shows a finding's detail (null: none): its own timeline at once, evidence and merged steps once read. */
    void show(LedgerEntry e) {
        if (e == null) {
            timeline.clear();
            measures.clear();
            evidence.clear();
            conflicts.clear();
            return;
        }
        measures.setAll(e.measures());
        timeline.setAll(rows(e.timeline(), null));
        String id = e.id();
        conflicts.clear();
        tasks.run(
                "ledger.task.detail",
                p -> new Detail(service.evidence(id), service.mergedInto(id), service.conflicts(id)),
                d -> {
                    LedgerEntry now = page.chosen();
                    if (now != null && now.id().equals(id)) {
                        evidence.setAll(d.evidence());
                        conflicts.setAll(readable(d.conflicts()));
                        List<TimelineRow> all = new ArrayList<>(rows(e.timeline(), null));
                        d.merged().forEach((f, t) -> all.addAll(rows(t, page.numberOf(f))));
                        timeline.setAll(all);
                    }
                });
    }

    /** The fields a clerk recorded, in the form's words; bookkeeping and the life cycle's own fields are left out. */
    private List<org.taizhang.core.store.HistoryEntry.FieldChange> readable(
            List<org.taizhang.core.store.HistoryEntry.FieldChange> changes) {
        List<org.taizhang.core.store.HistoryEntry.FieldChange> list = new ArrayList<>();
        for (var c : changes) {
            String label = switch (c.field()) {
                case "category" -> "ledger.form.category";
                case "description" -> "ledger.form.description";
                case "basis" -> "ledger.form.basis";
                case "severity" -> "ledger.form.severity";
                case "rectification_type" -> "ledger.form.type";
                default -> null;
            };
            if (label != null) {
                list.add(new org.taizhang.core.store.HistoryEntry.FieldChange(
                        m.get(label), word(c.field(), c.before()), word(c.field(), c.after())));
            }
        }
        return list;
    }

    private String word(String field, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return switch (field) {
                case "severity" ->
                    m.get(org.taizhang.inspection.model.Severity.valueOf(stored).labelKey());
                case "rectification_type" ->
                    m.get(org.taizhang.inspection.model.RectificationType.valueOf(stored)
                            .labelKey());
                default -> stored;
            };
        } catch (IllegalArgumentException unknown) {
            return stored; // a word of a later version of the program
        }
    }

    public ObservableList<org.taizhang.core.store.HistoryEntry.FieldChange> conflicts() {
        return conflicts;
    }

    private List<TimelineRow> rows(Timeline t, String mergedFrom) {
        List<TimelineRow> rows = new ArrayList<>();
        for (Timeline.Entry e : t.entries()) {
            Step s = e.step();
            rows.add(new TimelineRow(
                    s.occurredOn(),
                    s.kind() == StepKind.ESCALATE && s.escalation() != null
                            ? m.get(s.escalation().labelKey())
                            : m.get(s.kind().labelKey()),
                    s.operator() == null ? "" : s.operator(),
                    describe(s),
                    e.applied(),
                    mergedFrom));
        }
        return rows;
    }

    /** A step's details in one line: the deadline, the people, the verdict, the measure, then its text. */
    String describe(Step s) {
        List<String> parts = new ArrayList<>();
        if (s.deadline() != null) {
            parts.add(m.get("ledger.timeline.deadline", s.deadline().toString()));
        }
        if (s.leader() != null) {
            parts.add(m.get("ledger.timeline.leader", s.leader()));
        }
        if (s.department() != null) {
            parts.add(m.get("ledger.timeline.department", s.department()));
        }
        if (s.person() != null) {
            parts.add(m.get("ledger.timeline.person", s.person()));
        }
        if (s.approver() != null) {
            parts.add(m.get("ledger.timeline.approver", s.approver()));
        }
        if (s.verdict() != null) {
            parts.add(m.get("ledger.timeline.verdict", m.get(s.verdict().labelKey())));
        }
        if (s.measureId() != null) {
            measures.stream()
                    .filter(x -> x.id().equals(s.measureId()))
                    .findFirst()
                    .ifPresent(x -> parts.add(m.get("ledger.timeline.measure", x.text())));
        }
        if (s.text() != null && !s.text().isBlank()) {
            parts.add(s.text());
        }
        return String.join("；", parts);
    }

    // ---- measures

    /** The form of a new measure of the chosen finding, or of {@code existing}. */
    public MeasureForm measureForm(Measure existing) {
        LedgerEntry e = page.chosen();
        if (e == null) {
            return null;
        }
        MeasureForm f = new MeasureForm(e.id(), page.today(), measures.size());
        if (existing == null) {
            f.startNew();
        } else {
            f.edit(existing, false);
        }
        return f;
    }

    public void saveMeasure(MeasureForm form, Runnable done) {
        if (form.hasErrorsProperty().get()) {
            return;
        }
        Measure measure = form.read();
        tasks.run(
                "ledger.task.measure",
                p -> {
                    service.saveMeasure(measure);
                    return measure;
                },
                x -> {
                    done.run();
                    page.reload();
                });
    }

    /** Marks a measure done today (or not done again). */
    public void toggleDone(Measure measure) {
        Measure changed = measure.doneOn(measure.isDone() ? null : page.today());
        tasks.run(
                "ledger.task.measure",
                p -> {
                    service.saveMeasure(changed);
                    return changed;
                },
                x -> page.reload());
    }

    public void deleteMeasure(Measure measure) {
        if (!dialogs.confirm(m.get("ledger.question.deleteMeasure", measure.text()), "")) {
            return;
        }
        tasks.run(
                "ledger.task.measure",
                p -> {
                    service.deleteMeasure(measure.id());
                    return measure;
                },
                x -> page.reload());
    }

    // ---- evidence

    public void attachEvidence(Path file) {
        LedgerEntry e = page.chosen();
        if (e == null) {
            return;
        }
        String id = e.id();
        tasks.run("ledger.task.evidence", p -> service.attach(id, null, file), x -> page.reload());
    }

    public void openEvidence(FindingService.Evidence e) {
        tasks.run("ledger.task.openEvidence", p -> service.evidenceToOpen(e), dialogs::open);
    }

    public void removeEvidence(FindingService.Evidence e) {
        if (!dialogs.confirm(
                m.get("ledger.question.removeEvidence", e.attachment().fileName()), "")) {
            return;
        }
        tasks.run(
                "ledger.task.evidence",
                p -> {
                    service.removeEvidence(e.id());
                    return e;
                },
                x -> page.reload());
    }

    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    public ObservableList<Measure> measures() {
        return measures;
    }

    public ObservableList<FindingService.Evidence> evidence() {
        return evidence;
    }
}
