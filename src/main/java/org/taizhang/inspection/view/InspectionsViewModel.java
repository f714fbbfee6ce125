package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Ids;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.RecordPage;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.core.ui.UnsavedEdits;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.model.VisitMethod;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * 督查安排: the rounds as a list + form + history page (the shared pattern), and for the chosen round its teams,
 * the units in scope (each with the team that visits it) and the teams' visits with their photos.
 */
public final class InspectionsViewModel {
    private final InspectionService service;
    private final RegistryService registryService;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    final InspectionFormModel form = new InspectionFormModel();
    final RecordPage<Inspection> page;
    final ObservableList<Inspection> rounds = FXCollections.observableArrayList();
    final ObservableList<InspectionTeam> teams = FXCollections.observableArrayList();
    final ObservableList<ScopeRow> scope = FXCollections.observableArrayList();
    final ObservableList<Visit> visits = FXCollections.observableArrayList();
    final ObservableList<FindingService.Evidence> photos = FXCollections.observableArrayList();
    final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Registry> registry = new ReadOnlyObjectWrapper<>(Registry.empty());
    private Map<String, Inspection> byId = Map.of();

    /** A unit in the round's scope and the team that visits it (or none yet). */
    public record ScopeRow(Unit unit, InspectionTeam team) {}

    public InspectionsViewModel(
            InspectionService service,
            RegistryService registryService,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages) {
        this.service = service;
        this.registryService = registryService;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        page = new RecordPage<>(
                form,
                RecordPage.Actions.of(
                                Inspection::id,
                                Inspection::title,
                                service::save,
                                service::delete,
                                service::restore,
                                service::history,
                                service::checkDelete)
                        .withConflicts(id -> readable(service.conflicts(id))),
                tasks,
                dialogs,
                messages);
        page.connect(id -> Optional.ofNullable(byId.get(id)), (id, then) -> reload(then));
        page.selectedProperty().addListener((o, was, now) -> loadDetails());
    }

    /** Joins the round's form (督查安排) to the question closing the window asks. */
    public void joinClosePrompt(UnsavedEdits edits) {
        edits.add(m.get("nav.inspections"), page);
    }

    /** The dialogs the page's small forms (检查组, 走访) go through. */
    DialogService dialogs() {
        return dialogs;
    }

    public Messages messages() {
        return m;
    }

    public ReadOnlyObjectProperty<Registry> registryProperty() {
        return registry.getReadOnlyProperty();
    }

    private record Loaded(List<Inspection> rounds, Registry registry, int year) {}

    public void reload() {
        reload(() -> {});
    }

    public void reload(Runnable then) {
        tasks.run(
                "inspection.task.rounds",
                p -> new Loaded(
                        service.inspections(),
                        registryService.load(),
                        registryService.today().getYear()),
                loaded -> {
                    form.setDefaultYear(loaded.year());
                    if (form.isNewProperty().get() && !form.isDirty() && form.original() == null) {
                        form.startNew(); // the empty 新增 form shows this year and the first kind, not blanks
                    }
                    registry.set(loaded.registry());
                    units.setAll(loaded.registry().units());
                    byId = loaded.rounds().stream().collect(Collectors.toMap(Inspection::id, Function.identity()));
                    rounds.setAll(loaded.rounds());
                    page.refresh();
                    loadDetails();
                    then.run();
                });
    }

    private String roundId() {
        Inspection i = page.selectedProperty().get();
        return i == null || !byId.containsKey(i.id()) ? null : i.id();
    }

    private record Details(List<InspectionTeam> teams, Map<String, String> scope, List<Visit> visits) {}

    /** The chosen round's teams, scope and visits (empty for a round not saved yet). */
    void loadDetails() {
        String id = roundId();
        if (id == null) {
            teams.clear();
            scope.clear();
            visits.clear();
            photos.clear();
            return;
        }
        tasks.run(
                "inspection.task.rounds",
                p -> new Details(service.teams(id), service.scope(id), service.visits(id)),
                d -> {
                    if (!id.equals(roundId())) {
                        return; // another round was chosen meanwhile
                    }
                    teams.setAll(d.teams());
                    Map<String, InspectionTeam> byTeam =
                            d.teams().stream().collect(Collectors.toMap(InspectionTeam::id, t -> t));
                    List<ScopeRow> rows = new ArrayList<>();
                    d.scope()
                            .forEach((unitId, teamId) -> registry.get()
                                    .unit(unitId)
                                    .ifPresent(u ->
                                            rows.add(new ScopeRow(u, teamId == null ? null : byTeam.get(teamId)))));
                    rows.sort(java.util.Comparator.comparing(r -> r.unit().sortOrder()));
                    scope.setAll(rows);
                    visits.setAll(d.visits());
                    photos.clear();
                });
    }

    private void write(Runnable work) {
        tasks.run(
                "inspection.task.saving",
                p -> {
                    work.run();
                    return null;
                },
                done -> loadDetails());
    }

    /** Adds a team, or changes one: name, leader, members ("、"-separated). */
    public void saveTeam(InspectionTeam existing, String name, String leader, String members) {
        String id = roundId();
        if (id == null) {
            dialogs.showInfo(m.get("inspection.dialog.saveRoundFirst"), m.get("inspection.dialog.saveRoundFirstText"));
            return;
        }
        if (name == null || name.isBlank()) {
            dialogs.showError(m.get("inspection.dialog.refused"), m.get("inspection.error.teamNameRequired"));
            return;
        }
        InspectionTeam t = new InspectionTeam(
                existing == null ? Ids.newId() : existing.id(), id, name.strip(), blank(leader), blank(members));
        write(() -> service.save(t));
    }

    public void removeTeam(InspectionTeam t) {
        if (dialogs.confirm(
                m.get("inspection.dialog.removeTeam"), m.get("inspection.dialog.removeTeamText", t.name()))) {
            write(() -> service.deleteTeam(t.id()));
        }
    }

    /** Puts a unit in the round's scope, visited by {@code team} (or none yet). */
    public void putInScope(Unit u, InspectionTeam team) {
        String id = roundId();
        if (id == null || u == null) {
            return;
        }
        write(() -> service.putInScope(id, u.id(), team == null ? null : team.id()));
    }

    public void removeFromScope(ScopeRow row) {
        String id = roundId();
        if (id != null) {
            write(() -> service.removeFromScope(id, row.unit().id()));
        }
    }

    /** Records a visit (or changes one): the unit, the team, the day, how it was checked, notes. */
    public void saveVisit(
            Visit existing, Unit unit, InspectionTeam team, LocalDate day, Set<VisitMethod> methods, String notes) {
        String id = roundId();
        if (id == null) {
            dialogs.showInfo(m.get("inspection.dialog.saveRoundFirst"), m.get("inspection.dialog.saveRoundFirstText"));
            return;
        }
        if (unit == null || day == null) {
            dialogs.showError(m.get("inspection.dialog.refused"), m.get("inspection.error.visitIncomplete"));
            return;
        }
        Visit v = new Visit(
                existing == null ? Ids.newId() : existing.id(),
                id,
                team == null ? null : team.id(),
                unit.id(),
                day,
                methods.isEmpty() ? EnumSet.noneOf(VisitMethod.class) : EnumSet.copyOf(methods),
                blank(notes));
        write(() -> service.save(v));
    }

    public void removeVisit(Visit v) {
        if (dialogs.confirm(m.get("inspection.dialog.removeVisit"), m.get("inspection.dialog.removeVisitText"))) {
            write(() -> service.deleteVisit(v.id()));
        }
    }

    /** Shows the photos of a visit. */
    public void showPhotos(Visit v) {
        if (v == null) {
            photos.clear();
            return;
        }
        tasks.run("inspection.task.rounds", p -> service.photos(v.id()), photos::setAll);
    }

    public void addPhoto(Visit v) {
        if (v == null) {
            return;
        }
        dialogs.chooseFileToOpen(
                        m.get("inspection.dialog.addPhoto"),
                        m.get("inspection.dialog.photoFiles"),
                        "*.jpg",
                        "*.jpeg",
                        "*.png",
                        "*.pdf",
                        "*.doc",
                        "*.docx")
                .ifPresent(file -> tasks.run(
                        "inspection.task.saving", p -> service.attachToVisit(v.id(), file), added -> showPhotos(v)));
    }

    public void openPhoto(FindingService.Evidence e, Function<FindingService.Evidence, Path> where) {
        dialogs.open(where.apply(e));
    }

    public void removePhoto(Visit v, FindingService.Evidence e) {
        tasks.run(
                "inspection.task.saving",
                p -> {
                    service.removePhoto(e.id());
                    return null;
                },
                done -> showPhotos(v));
    }

    public String teamName(String teamId) {
        return teams.stream()
                .filter(t -> t.id().equals(teamId))
                .map(InspectionTeam::name)
                .findFirst()
                .orElse("");
    }

    public String unitName(String unitId) {
        return registry.get().unit(unitId).map(Unit::name).orElse("");
    }

    public String methods(Visit v) {
        return v.methods().stream().sorted().map(x -> m.get(x.labelKey())).collect(Collectors.joining("、"));
    }

    /** A history entry's changes with the form's labels (bookkeeping fields left out). */
    public List<org.taizhang.core.store.HistoryEntry.FieldChange> readableChanges(
            org.taizhang.core.store.HistoryEntry h) {
        return readable(h.changes());
    }

    /** Changes (or conflicts) of a round's fields as the form names them; bookkeeping columns left out. */
    private List<org.taizhang.core.store.HistoryEntry.FieldChange> readable(
            List<org.taizhang.core.store.HistoryEntry.FieldChange> changes) {
        List<org.taizhang.core.store.HistoryEntry.FieldChange> list = new ArrayList<>();
        for (var c : changes) {
            String label = switch (c.field()) {
                case "title" -> "inspection.form.title";
                case "kind" -> "inspection.form.kind";
                case "year" -> "inspection.form.year";
                case "starts_on" -> "inspection.form.startsOn";
                case "ends_on" -> "inspection.form.endsOn";
                case "notes" -> "inspection.form.notes";
                default -> null;
            };
            if (label != null) {
                list.add(new org.taizhang.core.store.HistoryEntry.FieldChange(m.get(label), c.before(), c.after()));
            }
        }
        return list;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
