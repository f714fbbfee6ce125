package org.taizhang.organization.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.ImportReport;
import org.taizhang.organization.ImportReports;
import org.taizhang.organization.Organization;
import org.taizhang.organization.OrganizationKind;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.view.RegistryFilter.Scope;

/**
 * The registry window's state: the loaded registry, the filtered rows, the selection and the form, and the
 * actions (save, delete, import, export) run as background tasks. It never touches a control.
 */
public final class RegistryViewModel {
    private final RegistryService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;

    private final ReadOnlyObjectWrapper<Registry> registry = new ReadOnlyObjectWrapper<>(Registry.empty());
    private final ObservableList<OrganizationRow> rows = FXCollections.observableArrayList();
    private final FilteredList<OrganizationRow> filtered = new FilteredList<>(rows);
    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<OrganizationKind> kindFilter = new SimpleObjectProperty<>();
    final BooleanProperty issuesOnly = new SimpleBooleanProperty();
    final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);
    final ObjectProperty<OrganizationRow> selected = new SimpleObjectProperty<>();
    final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    final OrganizationFormModel form = new OrganizationFormModel();
    /** The form pane takes a third of a 1366 px screen, so it opens on demand: a chosen row, 新增, or the toggle. */
    final BooleanProperty formShown = new SimpleBooleanProperty(false);

    private LocalDate today = LocalDate.now();

    public RegistryViewModel(RegistryService service, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        search.addListener(o -> refilter());
        kindFilter.addListener(o -> refilter());
        issuesOnly.addListener(o -> refilter());
        scope.addListener(o -> refilter());
        selected.addListener((obs, old, row) -> {
            if (row != null) {
                formShown.set(true);
                form.edit(row.organization());
                loadHistory(row.organization().id());
            }
        });
    }

    private void refilter() {
        filtered.setPredicate(new RegistryFilter(scope.get(), search.get(), kindFilter.get(), issuesOnly.get()));
    }

    /** Loads the registry in the background; {@code then} runs on the JavaFX thread afterwards. */
    public void reload(Runnable then) {
        tasks.run(
                "registry.task.load",
                p -> {
                    Registry r = service.load();
                    LocalDate day = service.today();
                    return new Loaded(r, day, OrganizationRow.build(r, day, messages));
                },
                loaded -> {
                    apply(loaded);
                    then.run();
                });
    }

    private record Loaded(Registry registry, LocalDate today, List<OrganizationRow> rows) {}

    private void apply(Loaded loaded) {
        String selectedId =
                selected.get() == null ? null : selected.get().organization().id();
        today = loaded.today();
        registry.set(loaded.registry());
        form.setContext(loaded.registry(), today);
        rows.setAll(loaded.rows());
        if (selectedId != null) {
            rows.stream()
                    .filter(r -> r.organization().id().equals(selectedId))
                    .findFirst()
                    .ifPresentOrElse(
                            r -> {
                                selected.set(null);
                                selected.set(r);
                            },
                            () -> selected.set(null));
        }
    }

    private void loadHistory(String id) {
        history.clear();
        tasks.run("registry.task.history", p -> service.historyOfOrganization(id), list -> {
            if (selected.get() != null && selected.get().organization().id().equals(id)) {
                history.setAll(list);
            }
        });
    }

    public void newOrganization() {
        formShown.set(true);
        selected.set(null);
        history.clear();
        Scope s = scope.get();
        Registry r = registry.get();
        var unit = switch (s.type()) {
            case UNIT -> r.unit(s.id()).orElse(null);
            case ORGANIZATION ->
                r.organization(s.id()).flatMap(o -> r.unit(o.unitId())).orElse(null);
            default -> null;
        };
        Organization parent = s.type() == Scope.Type.ORGANIZATION
                ? r.organization(s.id()).filter(o -> o.kind().canHaveChildren()).orElse(null)
                : null;
        form.startNew(unit, parent);
    }

    /** Saves the form; the warnings that remain are shown, errors keep the form open with its messages. */
    public void save() {
        form.validate();
        if (form.hasErrorsProperty().get()) {
            return;
        }
        Organization o = form.toOrganization();
        tasks.run("registry.task.save", p -> service.save(o), warnings -> {
            form.markSaved();
            reload(() -> rows.stream()
                    .filter(r -> r.organization().id().equals(o.id()))
                    .findFirst()
                    .ifPresent(selected::set));
        });
    }

    public void deleteSelected() {
        OrganizationRow row = selected.get();
        if (row == null) {
            return;
        }
        if (!dialogs.confirm(
                messages.get("registry.delete.header", row.organization().name()),
                messages.get("registry.delete.message"))) {
            return;
        }
        tasks.run(
                "registry.task.delete",
                p -> {
                    service.deleteOrganization(row.organization().id());
                    return row;
                },
                r -> {
                    selected.set(null);
                    reload(() -> {});
                });
    }

    public void importFrom(Path file) {
        tasks.run("registry.task.import", p -> service.importWorkbook(file, p), report -> {
            showReport(report);
            if (report.applied()) {
                reload(() -> {});
            }
        });
    }

    public void importSample() {
        tasks.run("registry.task.sample", service::importSampleIntoEmptyRegistry, report -> reload(() -> {}));
    }

    void showReport(ImportReport report) {
        if (!report.applied()) {
            dialogs.showLines(
                    messages.get("registry.task.import"),
                    messages.get("cli.import.rejected", report.errors().size()),
                    ImportReports.lines(report.errors(), messages));
        } else {
            dialogs.showLines(
                    messages.get("registry.task.import"),
                    messages.get(
                            "cli.import.done",
                            report.created(),
                            report.updated(),
                            report.unchanged(),
                            report.warnings().size()),
                    ImportReports.lines(report.warnings(), messages));
        }
    }

    public void exportTo(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        tasks.run(
                "registry.task.export",
                p -> {
                    if (name.endsWith(".csv")) {
                        service.exportCsv(file);
                    } else if (name.endsWith(".pdf")) {
                        service.exportPdf(file, null, messages, p);
                    } else {
                        service.exportWorkbook(file, p);
                    }
                    return file;
                },
                f -> dialogs.showInfo(
                        messages.get("registry.task.export"),
                        messages.get(
                                "cli.export.done",
                                f.toAbsolutePath(),
                                registry.get().organizationCount())));
    }

    public void exportTemplate(Path file) {
        tasks.run(
                "registry.task.template",
                p -> {
                    RegistryService.exportTemplate(file);
                    return file;
                },
                f -> dialogs.showInfo(
                        messages.get("registry.task.template"), messages.get("cli.template.done", f.toAbsolutePath())));
    }

    public ObservableList<OrganizationRow> rows() {
        return filtered;
    }

    public int totalCount() {
        return rows.size();
    }

    public ReadOnlyObjectProperty<Registry> registryProperty() {
        return registry.getReadOnlyProperty();
    }

    public OrganizationFormModel form() {
        return form;
    }

    public RegistryService service() {
        return service;
    }

    TaskRunner tasks() {
        return tasks;
    }

    DialogService dialogs() {
        return dialogs;
    }

    Messages messages() {
        return messages;
    }
}
