package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.Lifecycle;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.organization.model.Unit;

/**
 * The steps of a finding's life from the 整改台账 page: the steps the chosen finding's state allows, why one is
 * blocked for this operator, each step's form filled as far as it can be and sent to the service, and the batch
 * steps (全部挂号, 向单位交办). The service decides and refuses; this only asks.
 */
public final class FindingStepsModel {
    private final FindingService service;
    private final LedgerPage page;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final ObservableList<StepKind> actions = FXCollections.observableArrayList();

    FindingStepsModel(FindingService service, LedgerPage page, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.page = page;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = page.messages();
    }

    /** Offers the steps a finding's state allows (none for null). */
    void show(LedgerEntry e) {
        if (e == null) {
            actions.clear();
            return;
        }
        // 合并 needs the duplicate pair it belongs to: not offered from here
        actions.setAll(Lifecycle.allowed(e.state()).stream()
                .filter(k -> k != StepKind.MERGE)
                .toList());
    }

    /** The steps offered for the chosen finding. */
    public ObservableList<StepKind> actions() {
        return actions;
    }

    /**
     * Why the chosen finding's step {@code kind} cannot be taken by this operator now (shown beside its disabled
     * button), or empty: a clerk learns it before filling the form, not from a refusal after it. The service still
     * decides.
     */
    public Optional<String> blockedReason(StepKind kind) {
        LedgerEntry e = page.chosen();
        InspectionSettings s = page.settings();
        if (e == null) {
            return Optional.empty();
        }
        if ((kind == StepKind.CLOSE || kind == StepKind.REJECT || kind == StepKind.REWORK)
                && s != null
                && !s.verifier()) {
            return Optional.of(m.get("ledger.action.verifierOnly", s.operator()));
        }
        long open = e.measures().stream().filter(x -> !x.isDone()).count();
        if (kind == StepKind.REQUEST_CLOSE && open > 0) {
            return Optional.of(m.get("inspection.error.measuresOpen", open));
        }
        return Optional.empty();
    }

    /**
     * The form of a step for the chosen finding, filled as far as it can be: today, the proposed deadline for a
     * notice, the people of the notice in force. Null for 挂号, which asks for nothing.
     */
    public ActionForm actionForm(StepKind kind) {
        LedgerEntry e = page.chosen();
        if (e == null || kind == StepKind.REGISTER) {
            return null;
        }
        LocalDate today = page.today();
        Timeline t = e.timeline();
        ActionForm f =
                new ActionForm(kind, false, t.deadline(), today, e.finding().foundOn());
        f.measureChoices.setAll(e.measures().stream().filter(x -> !x.isDone()).toList());
        LocalDate deadline = switch (kind) {
            case NOTIFY -> service.proposedDeadline(e.finding(), today);
            case EXTEND -> t.deadline() == null ? null : t.deadline().plusDays(30);
            case REWORK -> today.plusDays(e.finding().type().defaultDays());
            default -> null;
        };
        f.edit(
                new ActionForm.Input(
                        kind,
                        null,
                        today,
                        deadline,
                        null,
                        null,
                        t.leader(),
                        t.department(),
                        t.person(),
                        null,
                        null,
                        null,
                        List.of()),
                false);
        return f;
    }

    /** Runs the step the form describes for the chosen finding; {@code done} once it is written. */
    public void submit(ActionForm form, Runnable done) {
        LedgerEntry e = page.chosen();
        if (form.hasErrorsProperty().get() || (e == null && !form.isBatch())) {
            return;
        }
        ActionForm.Input in = form.read();
        if (form.isBatch()) {
            notifyUnit(in, done);
            return;
        }
        String id = e.id();
        tasks.run(
                in.kind().labelKey(),
                p -> {
                    switch (in.kind()) {
                        case NOTIFY ->
                            service.notify(
                                    id,
                                    new FindingService.Notice(
                                            in.deadline(), in.leader(), in.department(), in.person(), in.text()),
                                    in.on());
                        case RECEIPT -> service.receipt(id, in.on());
                        case PROGRESS ->
                            service.progress(
                                    id,
                                    in.text(),
                                    in.measure() == null ? null : in.measure().id(),
                                    in.evidence(),
                                    in.on());
                        case REQUEST_CLOSE -> service.requestClose(id, in.text(), in.evidence(), in.on());
                        case CLOSE -> service.close(id, in.verdict(), in.text(), in.on());
                        case REJECT -> service.reject(id, in.text(), in.on());
                        case REWORK -> service.rework(id, in.verdict(), in.text(), in.deadline(), in.on());
                        case EXTEND -> service.extend(id, in.deadline(), in.text(), in.approver(), in.on());
                        case ESCALATE -> service.escalate(id, in.escalation(), in.text(), in.on());
                        case FOLLOW_UP -> service.followUp(id, in.text(), in.on());
                        case NOTE -> service.note(id, in.text(), in.on());
                        default -> throw new IllegalArgumentException("no form for " + in.kind());
                    }
                    return id;
                },
                x -> {
                    done.run();
                    page.reload();
                });
    }

    /** 挂号 of the chosen finding: it gets the next number of the year. */
    public void register() {
        LedgerEntry e = page.chosen();
        if (e == null) {
            return;
        }
        String id = e.id();
        tasks.run("ledger.task.register", p -> service.register(id), number -> page.reload());
    }

    // ---- batch steps

    /** 全部挂号: numbers every 待挂号 finding in the order found, after the clerk agrees; says which numbers. */
    public void registerAll() {
        long pending = page.entries().stream()
                .filter(e -> e.state() == FindingState.PENDING)
                .count();
        String title = m.get("ledger.action.registerAll");
        if (pending == 0) {
            dialogs.showInfo(title, m.get("ledger.info.nonePending"));
            return;
        }
        if (!dialogs.confirm(title, m.get("ledger.question.registerAll", pending))) {
            return;
        }
        tasks.run("ledger.task.registerAll", p -> service.registerPending(), r -> {
            page.reload();
            dialogs.showInfo(
                    title,
                    r.count() == 0
                            ? m.get("ledger.info.nonePending")
                            : m.get("ledger.info.registered", r.count(), r.first(), r.last()));
        });
    }

    /** The form of 向单位交办: the unit (the filtered one, or the chosen finding's) and one notice for all. */
    public ActionForm notifyUnitForm() {
        LocalDate today = page.today();
        ActionForm f = new ActionForm(StepKind.NOTIFY, true, null, today, null);
        List<String> withRegistered = page.entries().stream()
                .filter(e -> e.state() == FindingState.REGISTERED)
                .map(e -> e.finding().unitId())
                .distinct()
                .toList();
        f.unitChoices.setAll(page.registry().units().stream()
                .filter(u -> withRegistered.contains(u.id()))
                .toList());
        LedgerEntry chosen = page.chosen();
        String startId = page.filter().unitId() != null
                ? page.filter().unitId()
                : chosen == null ? null : chosen.finding().unitId();
        Unit start = page.registry().unit(startId).orElse(null);
        if (start != null && !f.unitChoices.contains(start)) {
            start = null;
        }
        f.edit(
                new ActionForm.Input(
                        StepKind.NOTIFY,
                        start,
                        today,
                        proposedFor(start),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of()),
                false);
        // a deadline proposed for the unit chosen, unless the clerk typed one
        boolean[] typed = {false};
        f.deadline.addListener((o, a, b) -> typed[0] = !Objects.equals(b, proposedText(f.unit.get())));
        f.unit.addListener((o, a, u) -> {
            if (!typed[0]) {
                f.deadline.set(proposedText(u));
            }
        });
        return f;
    }

    /** The latest deadline the unit's 已挂号 findings propose (the longest rectification type among them). */
    private LocalDate proposedFor(Unit u) {
        if (u == null) {
            return null;
        }
        return page.entries().stream()
                .filter(e -> e.state() == FindingState.REGISTERED
                        && e.finding().unitId().equals(u.id()))
                .map(e -> service.proposedDeadline(e.finding(), page.today()))
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    private String proposedText(Unit u) {
        LocalDate d = proposedFor(u);
        return d == null ? "" : d.toString();
    }

    /** Counts the 已挂号 findings of a unit (what 向单位交办 will send). */
    public long registeredOf(Unit u) {
        return u == null
                ? 0
                : page.entries().stream()
                        .filter(e -> e.state() == FindingState.REGISTERED
                                && e.finding().unitId().equals(u.id()))
                        .count();
    }

    private void notifyUnit(ActionForm.Input in, Runnable done) {
        Unit u = in.unit();
        String title = m.get("ledger.action.notifyUnit");
        tasks.run(
                "ledger.task.notifyUnit",
                p -> service.notifyUnit(
                        u.id(),
                        new FindingService.Notice(in.deadline(), in.leader(), in.department(), in.person(), in.text()),
                        in.on()),
                n -> {
                    done.run();
                    page.reload();
                    dialogs.showInfo(title, m.get("ledger.info.notified", n, u.name()));
                });
    }
}
