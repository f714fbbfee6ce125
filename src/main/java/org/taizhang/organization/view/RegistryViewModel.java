package org.taizhang.organization.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.RecordPage;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.core.ui.UnsavedEdits;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;
import org.taizhang.organization.view.RegistryFilter.Scope;

/**
 * The registry window's state: the loaded registry, the filtered rows, and one {@link RecordPage} per tab
 * (organizations, units, communities) with its form and history; import and export run as background tasks.
 * It never touches a control, so it is tested without a window.
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
    final ObjectProperty<RegistryFilter.Quick> quick = new SimpleObjectProperty<>(RegistryFilter.Quick.NONE);
    /** The tab in front: 0 organizations, 1 units, 2 communities. */
    final javafx.beans.property.IntegerProperty tab = new javafx.beans.property.SimpleIntegerProperty(0);
    /** The form pane takes a third of a 1366 px screen, so it opens on demand: a chosen row, 新增, or the toggle. */
    final BooleanProperty formShown = new SimpleBooleanProperty(false);

    final OrganizationFormModel form = new OrganizationFormModel();
    final UnitFormModel unitForm = new UnitFormModel();
    final CommunityFormModel communityForm = new CommunityFormModel();
    final RecordPage<Organization> organizations;
    final RecordPage<Unit> units;
    final RecordPage<Community> communities;
    final ObservableList<Unit> unitItems = FXCollections.observableArrayList();
    final ObservableList<Community> communityItems = FXCollections.observableArrayList();

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
        quick.addListener(o -> refilter());
        organizations = new RecordPage<>(
                form,
                RecordPage.Actions.of(
                                Organization::id,
                                Organization::name,
                                service::save,
                                service::deleteOrganization,
                                service::restoreOrganization,
                                service::historyOfOrganization,
                                o -> RegistryRules.checkDelete(registry.get(), o))
                        .withConflicts(service::conflictsOfOrganization),
                tasks,
                dialogs,
                messages);
        units = new RecordPage<>(
                unitForm,
                RecordPage.Actions.of(
                                Unit::id,
                                Unit::name,
                                service::save,
                                service::deleteUnit,
                                service::restoreUnit,
                                service::historyOfUnit,
                                u -> RegistryRules.checkDelete(registry.get(), u))
                        .withConflicts(service::conflictsOfUnit),
                tasks,
                dialogs,
                messages);
        communities = new RecordPage<>(
                communityForm,
                RecordPage.Actions.of(
                                Community::id,
                                Community::name,
                                service::save,
                                service::deleteCommunity,
                                service::restoreCommunity,
                                service::historyOfCommunity,
                                c -> RegistryRules.checkDelete(registry.get(), c))
                        .withConflicts(service::conflictsOfCommunity),
                tasks,
                dialogs,
                messages);
        organizations.connect(id -> registry.get().organization(id), this::reloadThen);
        units.connect(id -> registry.get().unit(id), this::reloadThen);
        communities.connect(id -> registry.get().community(id), this::reloadThen);
    }

    private void reloadThen(String id, Runnable then) {
        reload(then);
    }

    private void refilter() {
        filtered.setPredicate(
                new RegistryFilter(scope.get(), search.get(), kindFilter.get(), issuesOnly.get(), quick.get(), today));
    }

    /** Loads the registry in the background; {@code then} runs on the JavaFX thread afterwards. */
    public void reload(Runnable then) {
        tasks.run("registry.task.load", p -> read(service, messages), loaded -> {
            apply(loaded);
            then.run();
        });
    }

    /** 刷新: reads the registry again, after asking about unsaved edits. */
    public void refresh() {
        whenSettled(() -> reload(() -> {}));
    }

    /** Joins the three tabs' forms to the question closing the window asks. */
    public void joinClosePrompt(UnsavedEdits edits) {
        String page = messages.get("nav.registry");
        edits.add(place(page, "registry.tab.organizations"), organizations);
        edits.add(place(page, "registry.tab.units"), units);
        edits.add(place(page, "registry.tab.communities"), communities);
    }

    private String place(String page, String tabKey) {
        return messages.get("page.unsaved.place", page, messages.get(tabKey));
    }

    /** Runs {@code then} once no tab holds unsaved edits (each asks 保存 / 放弃 / 取消 in turn). */
    public void whenSettled(Runnable then) {
        organizations.whenSettled(() -> units.whenSettled(() -> communities.whenSettled(then)));
    }

    /** The registry as read, with its table rows built: made off the JavaFX thread, then shown. */
    public record Loaded(Registry registry, LocalDate today, List<OrganizationRow> rows) {}

    /** Reads the registry and builds its rows; for the worker (the start reads it right after opening the store). */
    public static Loaded read(RegistryService service, Messages messages) {
        Registry r = service.load();
        LocalDate day = service.today();
        var rows = OrganizationRow.build(r, day, messages);
        return new Loaded(r, day, rows);
    }

    /** Shows what {@link #read} gave, as {@link #reload} does. */
    public void show(Loaded loaded) {
        apply(loaded);
    }

    private void apply(Loaded loaded) {
        today = loaded.today();
        refilter();
        // the forms' context first, so their lists hold the new records before anything listens to the registry
        form.setContext(loaded.registry(), today);
        unitForm.setContext(loaded.registry());
        communityForm.setContext(loaded.registry());
        registry.set(loaded.registry());
        rows.setAll(loaded.rows());
        unitItems.setAll(loaded.registry().units());
        communityItems.setAll(loaded.registry().communities());
        organizations.refresh();
        units.refresh();
        communities.refresh();
    }

    /** What a 工作台 tile opens. */
    public enum Shown {
        UNITS,
        ORGANIZATIONS,
        BRANCHES,
        COMMUNITIES,
        TERM_EXPIRED,
        /** 党员总数: the organizations it adds up. */
        MEMBERS
    }

    /** Opens the list behind a 工作台 tile: the tab, with every other filter cleared. */
    public void show(Shown what) {
        search.set("");
        kindFilter.set(null);
        issuesOnly.set(false);
        scope.set(Scope.ALL);
        quick.set(
                switch (what) {
                    case BRANCHES -> RegistryFilter.Quick.BRANCHES;
                    case TERM_EXPIRED -> RegistryFilter.Quick.TERM_EXPIRED;
                    case MEMBERS -> RegistryFilter.Quick.MEMBERS_COUNTED;
                    default -> RegistryFilter.Quick.NONE;
                });
        tab.set(
                switch (what) {
                    case UNITS -> 1;
                    case COMMUNITIES -> 2;
                    default -> 0;
                });
    }

    /** Shows the organization of {@code row} in the form (asking about unsaved edits first). */
    void select(OrganizationRow row) {
        if (row != null) {
            formShown.set(true);
            organizations.select(row.organization());
        }
    }

    /** The row of the organization in the form, if it is in the table. */
    Optional<OrganizationRow> selectedRow() {
        Organization o = organizations.selectedProperty().get();
        return o == null
                ? Optional.empty()
                : rows.stream()
                        .filter(r -> r.organization().id().equals(o.id()))
                        .findFirst();
    }

    /** 新增 under what the tree shows: the chosen unit, or the chosen 机关党委 / 党总支. */
    public void newOrganization() {
        formShown.set(true);
        Scope s = scope.get();
        Registry r = registry.get();
        Unit unit = switch (s.type()) {
            case UNIT -> r.unit(s.id()).orElse(null);
            case ORGANIZATION ->
                r.organization(s.id()).flatMap(o -> r.unit(o.unitId())).orElse(null);
            default -> null;
        };
        Organization parent = s.type() == Scope.Type.ORGANIZATION
                ? r.organization(s.id()).filter(o -> o.kind().canHaveChildren()).orElse(null)
                : null;
        form.prepareNew(unit, parent);
        organizations.startNew();
    }

    public void save() {
        organizations.save();
    }

    public void deleteSelected() {
        organizations.delete();
    }

    public void importFrom(Path file) {
        whenSettled(() -> tasks.run("registry.task.import", p -> service.importWorkbook(file, p), report -> {
            if (report.applied()) {
                reload(() -> showReport(report));
            } else {
                showReport(report);
            }
        }));
    }

    public void importSample() {
        tasks.run("registry.task.sample", service::importSampleIntoEmptyRegistry, report -> reload(() -> {}));
    }

    /**
     * A rejected import is an error listing every row error in a table that can be copied; an applied one names
     * its counts and its notes grouped by kind (re-importing an unchanged file repeats no 49 lines).
     */
    void showReport(ImportReport report) {
        if (!report.applied()) {
            org.taizhang.core.ui.Rejections.show(
                    dialogs,
                    messages,
                    messages.get("registry.task.import"),
                    messages.get("cli.import.rejected", report.errors().size()),
                    report.errors());
            return;
        }
        String done = messages.get(
                "cli.import.done",
                report.created(),
                report.updated(),
                report.unchanged(),
                report.warnings().size());
        if (report.warnings().isEmpty()) {
            dialogs.showInfo(messages.get("registry.task.import"), done);
            return;
        }
        java.util.Map<String, List<RowIssue>> byKind = new java.util.LinkedHashMap<>();
        report.warnings()
                .forEach(w -> byKind.computeIfAbsent(w.issue().messageKey(), k -> new java.util.ArrayList<>())
                        .add(w));
        List<List<String>> lines = byKind.values().stream()
                .map(group -> {
                    var first = group.get(0);
                    List<String> rowNumbers = group.stream()
                            .filter(w -> w.sheet() != null)
                            .map(w -> w.sheet() + w.row())
                            .limit(8)
                            .toList();
                    String where = String.join(messages.get("registry.pdf.listSeparator"), rowNumbers);
                    return List.of(
                            messages.get(
                                    first.issue().messageKey(), first.issue().args()),
                            String.valueOf(group.size()),
                            group.size() > rowNumbers.size() ? messages.get("registry.import.rowsMore", where) : where);
                })
                .toList();
        dialogs.showTable(
                messages.get("registry.task.import"),
                done + "\n"
                        + messages.get(
                                "registry.import.hintsSummary",
                                report.warnings().size()),
                false,
                List.of(
                        messages.get("registry.import.column.hint"),
                        messages.get("registry.import.column.count"),
                        messages.get("registry.import.column.rows")),
                lines);
    }

    /** The file formats of 导出. */
    public enum ExportFormat {
        XLSX("xlsx", "file.filter.xlsx", "registry.action.exportXlsx"),
        CSV("csv", "file.filter.csv", "registry.action.exportCsv"),
        PDF("pdf", "file.filter.pdf", "registry.action.exportPdf");

        final String extension;
        final String filterKey;
        final String titleKey;

        ExportFormat(String extension, String filterKey, String titleKey) {
            this.extension = extension;
            this.filterKey = filterKey;
            this.titleKey = titleKey;
        }
    }

    /**
     * 导出: when the table is filtered, asks whether to write what is shown or everything; for the PDF asks for
     * its title (as {@code --title} does); then where to save; afterwards offers to open the file or its folder.
     */
    public void export(ExportFormat format) {
        java.util.Set<String> only = null;
        int count = totalCount();
        if (filtered.size() < rows.size()) {
            Optional<Integer> which = dialogs.choose(
                    messages.get("registry.export.which.header"),
                    messages.get("registry.export.which.message", filtered.size(), rows.size()),
                    List.of(
                            messages.get("registry.export.shown", filtered.size()),
                            messages.get("registry.export.all", rows.size()),
                            messages.get("registry.export.cancel")));
            if (which.isEmpty() || which.get() == 2) {
                return;
            }
            if (which.get() == 0) {
                only = filtered.stream().map(r -> r.organization().id()).collect(java.util.stream.Collectors.toSet());
                count = only.size();
            }
        }
        String title = null;
        if (format == ExportFormat.PDF) {
            Optional<String> asked = dialogs.askText(
                    messages.get("registry.export.title.header"),
                    messages.get("registry.export.title.message"),
                    messages.get("registry.pdf.title"));
            if (asked.isEmpty()) {
                return;
            }
            title = asked.get();
        }
        Optional<Path> file = dialogs.chooseFileToSave(
                messages.get(format.titleKey),
                messages.get("registry.file.exportName") + "." + format.extension,
                messages.get(format.filterKey),
                "*." + format.extension);
        if (file.isPresent()) {
            write(format, file.get(), only, title, count);
        }
    }

    private void write(ExportFormat format, Path file, java.util.Set<String> only, String title, int count) {
        tasks.run(
                "registry.task.export",
                p -> {
                    switch (format) {
                        case CSV -> service.exportCsv(file, only);
                        case PDF -> service.exportPdf(file, title, only, messages, p);
                        case XLSX -> service.exportWorkbook(file, only, p);
                    }
                    return file;
                },
                f -> offerToOpen(messages.get("cli.export.done", f.toAbsolutePath(), count), f));
    }

    private void offerToOpen(String done, Path file) {
        dialogs.offerToOpen(messages, messages.get("registry.task.export"), done, file);
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

    DialogService dialogs() {
        return dialogs;
    }

    Messages messages() {
        return messages;
    }
}
