package org.taizhang.checklist.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.RecordPage;
import org.taizhang.core.ui.Rejections;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.core.ui.UnsavedEdits;

/**
 * 测评细则: the templates as a list + form + history page (the shared pattern), plus what only templates have:
 * 发布 (a published template never changes) and 新版本 (a draft copy whose items keep their keys).
 */
public final class TemplatesViewModel {
    private final ChecklistService service;
    /** The same service's files (templates, 往年结果, assessment forms). */
    private final ChecklistFiles files;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final TemplateFormModel form = new TemplateFormModel();
    private final RecordPage<ChecklistTemplate> page;
    private final ObservableList<ChecklistTemplate> templates = FXCollections.observableArrayList();
    private Map<String, ChecklistTemplate> byId = Map.of();
    private Set<String> inUse = Set.of();

    public TemplatesViewModel(ChecklistService service, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.service = service;
        this.files = new ChecklistFiles(service);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        page = new RecordPage<>(
                form,
                RecordPage.Actions.of(
                                ChecklistTemplate::id,
                                ChecklistTemplate::name,
                                service::saveDraft,
                                service::deleteTemplate,
                                service::restoreTemplate,
                                service::historyOfTemplate,
                                this::checkDelete)
                        // another device's value of a field: named in the form, decided in 数据交换 → 待处理
                        .withConflicts(id -> readable(service.conflictsOfTemplate(id))),
                tasks,
                dialogs,
                messages);
        page.connect(id -> Optional.ofNullable(byId.get(id)), (id, then) -> reload(then));
    }

    private List<Issue> checkDelete(ChecklistTemplate t) {
        return inUse.contains(t.id()) ? List.of(Issue.error("name", "checklist.error.templateInUse")) : List.of();
    }

    private record Loaded(List<ChecklistTemplate> templates, Set<String> inUse, int year) {}

    public void reload() {
        reload(() -> {});
    }

    public void reload(Runnable then) {
        tasks.run(
                "checklist.task.templates",
                p -> new Loaded(
                        service.templates(),
                        service.templatesInUse(),
                        service.today().getYear()),
                loaded -> {
                    form.setDefaultYear(loaded.year());
                    byId = loaded.templates().stream()
                            .collect(Collectors.toMap(ChecklistTemplate::id, Function.identity()));
                    inUse = loaded.inUse();
                    templates.setAll(loaded.templates());
                    page.refresh();
                    then.run();
                });
    }

    /** 发布: saves unsaved edits first, then publishes; refused with the rules' errors. */
    public void publish() {
        ChecklistTemplate shown = page.selectedProperty().get();
        if (shown == null || shown.isPublished()) {
            return;
        }
        Runnable publish = () -> {
            if (!dialogs.confirm(
                    m.get("checklist.action.publish"), m.get("checklist.question.publish", shown.name()))) {
                return;
            }
            tasks.run("checklist.task.publish", p -> service.publish(shown.id()), published -> reload(() -> {}));
        };
        if (form.isDirty()) {
            page.save(publish);
        } else {
            publish.run();
        }
    }

    /** 新版本: a draft copy of the published template in the form, for this year. */
    /** Whether a later version of {@code t}'s template exists: 新版本 is made from the newest one only. */
    public boolean hasNewerVersion(ChecklistTemplate t) {
        return t != null
                && byId.values().stream().anyMatch(o -> o.name().equals(t.name()) && o.version() > t.version());
    }

    public void newVersion() {
        ChecklistTemplate shown = page.selectedProperty().get();
        if (shown == null || !shown.isPublished()) {
            return;
        }
        page.whenSettled(() -> tasks.run(
                "checklist.task.newVersion",
                p -> service.newVersion(shown.id(), service.today().getYear()),
                next -> reload(() -> byId.values().stream()
                        .filter(t -> t.id().equals(next.id()))
                        .findFirst()
                        .ifPresent(page::select))));
    }

    /** 导入 Excel: a template workbook becomes a draft (a new template, or the next version of a published one). */
    public void importTemplate(java.nio.file.Path file) {
        page.whenSettled(() -> tasks.run("checklist.task.importTemplate", p -> files.importTemplate(file), report -> {
            if (!report.applied()) {
                Rejections.show(dialogs, m, m.get("checklist.task.importTemplate"), report.errors());
                return;
            }
            ChecklistTemplate draft = report.draft();
            reload(() -> {
                Optional.ofNullable(byId.get(draft.id())).ifPresent(page::select);
                dialogs.showInfo(
                        m.get("checklist.task.importTemplate"),
                        m.get("checklist.view.templateImported", draft.name(), draft.version()));
            });
        }));
    }

    /** 导出 Excel: the template in the form as a workbook a clerk can edit and import again. */
    public void exportTemplate(java.nio.file.Path file) {
        ChecklistTemplate shown = page.selectedProperty().get();
        if (shown == null) {
            return;
        }
        tasks.run(
                "checklist.task.exportTemplate",
                p -> {
                    files.exportTemplate(shown.id(), file);
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("checklist.task.exportTemplate"), m.get("checklist.info.exported", written), written));
    }

    /** A template row's changes in the clerk's words: field labels, and 草稿/已发布 for the status. */
    public List<HistoryEntry.FieldChange> readableChanges(HistoryEntry h) {
        return readable(h.changes());
    }

    private List<HistoryEntry.FieldChange> readable(List<HistoryEntry.FieldChange> changes) {
        List<HistoryEntry.FieldChange> list = new java.util.ArrayList<>();
        for (HistoryEntry.FieldChange c : changes) {
            String label = switch (c.field()) {
                case "name" -> "checklist.view.templateName";
                case "version" -> "checklist.view.templateVersion";
                case "year" -> "checklist.view.year";
                case "status" -> "checklist.view.templateStatus";
                case "pass_score" -> "checklist.view.passScore";
                case "bonus_cap" -> "checklist.view.bonusCap";
                case "not_applicable" -> "checklist.view.notApplicablePolicy";
                default -> null; // bookkeeping (deleted is the action itself)
            };
            if (label != null) {
                list.add(new HistoryEntry.FieldChange(
                        m.get(label), value(c.field(), c.before()), value(c.field(), c.after())));
            }
        }
        return list;
    }

    private String value(String field, String stored) {
        if (stored == null) {
            return null;
        }
        return switch (field) {
            case "status" -> m.get("PUBLISHED".equals(stored) ? "checklist.view.published" : "checklist.view.draft");
            case "not_applicable" -> m.get(NotApplicablePolicy.valueOf(stored).messageKey());
            default -> stored;
        };
    }

    /** Joins the template form to the question closing the window asks. */
    public void joinClosePrompt(UnsavedEdits edits) {
        edits.add(m.get("page.unsaved.place", m.get("nav.checklists"), m.get("checklist.tab.templates")), page);
    }

    public RecordPage<ChecklistTemplate> page() {
        return page;
    }

    public TemplateFormModel form() {
        return form;
    }

    public ObservableList<ChecklistTemplate> templates() {
        return templates;
    }

    public Messages messages() {
        return m;
    }
}
