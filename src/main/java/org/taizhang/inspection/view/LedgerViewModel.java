package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.model.Registry;

/**
 * The 整改台账 page's state, with no controls: every finding as the ledger shows it, the chosen finding, and the
 * form of a new or changed finding. Its parts: the filters and counts ({@link LedgerFilterModel}), the chosen
 * finding's timeline, measures and evidence ({@link FindingDetailModel}), the steps of its life and the batch steps
 * ({@link FindingStepsModel}), and 疑似重复 / 屡查屡犯 ({@link DuplicatesModel}). Every read and write runs through
 * {@link TaskRunner} (the worker in the window); the service decides and refuses, this only asks.
 */
public final class LedgerViewModel implements LedgerPage {
    private final FindingService service;
    private final InspectionService inspections;
    private final TaskRunner tasks;
    private final Messages m;

    private final ObservableList<LedgerEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LedgerEntry> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<InspectionSettings> settings = new ReadOnlyObjectWrapper<>();

    private final LedgerFilterModel filters;
    private final FindingDetailModel detail;
    private final FindingStepsModel steps;
    private final DuplicatesModel duplicates;

    private Registry registry = Registry.empty();
    private LocalDate today = LocalDate.now();
    private final FindingFormModel findingForm = new FindingFormModel();

    /** A finding to choose once the ledger is read (opened from a reminder), or null. */
    private String wanted;

    public LedgerViewModel(
            FindingService service,
            InspectionService inspections,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages) {
        this.service = service;
        this.inspections = inspections;
        this.tasks = tasks;
        this.m = messages;
        this.filters = new LedgerFilterModel(entries, messages);
        this.detail = new FindingDetailModel(service, this, tasks, dialogs);
        this.steps = new FindingStepsModel(service, this, tasks, dialogs);
        this.duplicates = new DuplicatesModel(service, this, tasks, dialogs);
    }

    // ---- loading

    private record Loaded(
            List<LedgerEntry> ledger,
            List<Inspection> rounds,
            Registry registry,
            List<String> categories,
            InspectionSettings settings,
            LocalDate today) {}

    /** Reads the whole ledger (on the worker), shows it, keeps the chosen finding chosen; {@code then} after. */
    @Override
    public void load(Runnable then) {
        tasks.run(
                "ledger.task.load",
                p -> new Loaded(
                        service.ledger(),
                        inspections.inspections(),
                        service.registry(),
                        service.categories(),
                        service.settings(),
                        service.today()),
                loaded -> {
                    apply(loaded);
                    then.run();
                });
    }

    @Override
    public void reload() {
        load(() -> {});
    }

    private void apply(Loaded l) {
        registry = l.registry();
        today = l.today();
        settings.set(l.settings());
        List<String> dictionary = l.categories().isEmpty() ? FindingService.COMMON_CATEGORIES : l.categories();
        filters.refill(l.ledger(), l.rounds(), l.registry().units(), dictionary);
        findingForm.setContext(registry, dictionary, l.rounds(), today);
        String chosen = wanted != null
                ? wanted
                : selected.get() == null ? null : selected.get().id();
        wanted = null;
        entries.setAll(l.ledger());
        filters.refilter();
        select(chosen == null ? null : entry(chosen));
    }

    /** Shows what a reminder tile counts: the filters set to it, every other filter cleared. */
    public void show(RemindersModel.Kind kind) {
        filters.show(kind);
    }

    /** Shows one finding (from a reminder): chosen when the ledger is next read, with no filter hiding it. */
    public void showFinding(String findingId) {
        filters.clear();
        wanted = findingId;
        LedgerEntry e = entry(findingId);
        if (e != null) {
            select(e);
        }
    }

    // ---- the chosen finding

    @Override
    public void select(LedgerEntry e) {
        selected.set(e);
        steps.show(e);
        detail.show(e);
    }

    /**
     * The 问题编号 cell of a row: the number, or for a finding merged before it was numbered the number it lives on
     * under (并入 督改〔2026〕0012号) — 待挂号 there would read as work still to do.
     */
    public String numberShown(LedgerEntry e) {
        Finding f = e.finding();
        if (e.state() == FindingState.MERGED && !f.isNumbered() && f.mergedInto() != null) {
            LedgerEntry target = entry(f.mergedInto());
            if (target != null) {
                return m.get("ledger.mergedInto", numberOf(target.finding()));
            }
        }
        return numberOf(f);
    }

    // ---- a new finding

    /** The form of a new finding (the unit of the chosen finding or filter pre-filled). */
    public FindingFormModel newFinding() {
        if (filters.unitFilterProperty().get() != null) {
            findingForm.unit.set(filters.unitFilterProperty().get());
        }
        if (filters.roundFilterProperty().get() != null) {
            findingForm.round.set(filters.roundFilterProperty().get());
        }
        findingForm.startNew();
        return findingForm;
    }

    public FindingFormModel findingForm() {
        return findingForm;
    }

    /**
     * Records the finding in the form with its photos; {@code another} starts the next one of the same visit,
     * {@code done} runs once it is written.
     */
    public void saveFinding(boolean another, Runnable done) {
        if (findingForm.hasErrorsProperty().get()) {
            return;
        }
        if (!findingForm.isNewProperty().get()) {
            saveChanges(done);
            return;
        }
        Finding f = findingForm.read();
        List<Path> photos = List.copyOf(findingForm.photos);
        tasks.run("ledger.task.record", p -> service.record(f, photos), recorded -> {
            if (another) {
                findingForm.startNew();
            }
            done.run();
            loadAndChoose(recorded.id());
        });
    }

    // ---- 修改登记信息

    /** The form filled with the chosen finding, to change what was recorded (open findings only), or null. */
    public FindingFormModel editFinding() {
        LedgerEntry e = selected.get();
        if (e == null || !e.state().isOpen()) {
            return null;
        }
        findingForm.edit(e.finding(), false);
        return findingForm;
    }

    /**
     * Writes the changed record; what the form does not show (the visit, the item it came from, the repeat, the
     * internal notes) and what the life cycle owns (number, merge) stay as they were.
     */
    private void saveChanges(Runnable done) {
        Finding was = findingForm.original();
        Finding typed = findingForm.read();
        Finding changed = new Finding(
                was.id(),
                typed.inspectionId(),
                was.visitId(),
                typed.unitId(),
                typed.organizationId(),
                typed.category(),
                typed.description(),
                typed.basis(),
                typed.severity(),
                typed.type(),
                typed.source(),
                was.sourceRef(),
                typed.foundOn(),
                was.foundBy(),
                was.repeatOf(),
                was.mergedInto(),
                was.number(),
                was.numberYear(),
                was.numberSeq(),
                was.importBatch(),
                was.internalNotes());
        // photos added while changing the record go with the change (linked to the 发现 step)
        List<Path> photos = List.copyOf(findingForm.photos);
        tasks.run(
                "ledger.task.record",
                p -> {
                    service.edit(changed, photos);
                    return changed;
                },
                saved -> {
                    findingForm.markSaved();
                    done.run();
                    loadAndChoose(saved.id());
                });
    }

    // ---- the parts and what they share

    public LedgerFilterModel filters() {
        return filters;
    }

    public FindingDetailModel detail() {
        return detail;
    }

    public FindingStepsModel steps() {
        return steps;
    }

    public DuplicatesModel duplicates() {
        return duplicates;
    }

    @Override
    public ObservableList<LedgerEntry> entries() {
        return entries;
    }

    @Override
    public LedgerEntry chosen() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<LedgerEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    @Override
    public LedgerFilter filter() {
        return filters.filter();
    }

    @Override
    public Registry registry() {
        return registry;
    }

    @Override
    public InspectionSettings settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<InspectionSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public Messages messages() {
        return m;
    }
}
