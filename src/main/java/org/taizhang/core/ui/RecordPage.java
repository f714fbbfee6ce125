package org.taizhang.core.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;

/**
 * The view model of a list + form + history page, the one pattern every page follows: which record the form
 * shows, its history, and the actions 保存 / 新增 / 删除 / 恢复, run in the background through {@link TaskRunner}.
 * Unsaved edits are never dropped silently: moving away asks 保存 / 放弃 / 取消 ({@link #whenSettled}), and a
 * reload keeps them. A deleted record stays in the form, read-only, until 恢复. It never touches a control.
 *
 * @param <T> the record
 */
public final class RecordPage<T> {
    /** What the feature supplies: its service calls (run on the worker) and its rules (pure). */
    public interface Actions<T> {
        String id(T record);

        /** How the record is named in a question (its name; blank when not typed yet). */
        String name(T record);

        /** Saves through the feature's service; returns the warnings that remain. */
        List<Issue> save(T record);

        void delete(String id);

        void restore(String id);

        List<HistoryEntry> history(String id);

        /** Why the record cannot be deleted now (empty: it can), against the data on screen. */
        List<Issue> checkDelete(T record);

        /**
         * The record's fields that hold another device's value beside the one shown (field name, value shown, other
         * value), as a clerk reads them; none by default.
         */
        default List<HistoryEntry.FieldChange> conflicts(String id) {
            return List.of();
        }

        /** These actions, with the record's conflicts read by {@code conflicts}. */
        default Actions<T> withConflicts(Function<String, List<HistoryEntry.FieldChange>> conflicts) {
            return new Functions<>(
                    this::id,
                    this::name,
                    this::save,
                    this::delete,
                    this::restore,
                    this::history,
                    this::checkDelete,
                    conflicts);
        }

        /** The actions of a page whose service has one method for each (a page needs no class of its own). */
        static <T> Actions<T> of(
                Function<T, String> id,
                Function<T, String> name,
                Function<T, List<Issue>> save,
                java.util.function.Consumer<String> delete,
                java.util.function.Consumer<String> restore,
                Function<String, List<HistoryEntry>> history,
                Function<T, List<Issue>> checkDelete) {
            return new Functions<>(id, name, save, delete, restore, history, checkDelete, recordId -> List.of());
        }
    }

    /** {@link Actions} as one function each. */
    private record Functions<T>(
            Function<T, String> idOf,
            Function<T, String> nameOf,
            Function<T, List<Issue>> saving,
            java.util.function.Consumer<String> deleting,
            java.util.function.Consumer<String> restoring,
            Function<String, List<HistoryEntry>> historyOf,
            Function<T, List<Issue>> deleteCheck,
            Function<String, List<HistoryEntry.FieldChange>> conflictsOf)
            implements Actions<T> {
        @Override
        public String id(T record) {
            return idOf.apply(record);
        }

        @Override
        public String name(T record) {
            return nameOf.apply(record);
        }

        @Override
        public List<Issue> save(T record) {
            return saving.apply(record);
        }

        @Override
        public void delete(String recordId) {
            deleting.accept(recordId);
        }

        @Override
        public void restore(String recordId) {
            restoring.accept(recordId);
        }

        @Override
        public List<HistoryEntry> history(String recordId) {
            return historyOf.apply(recordId);
        }

        @Override
        public List<Issue> checkDelete(T record) {
            return deleteCheck.apply(record);
        }

        @Override
        public List<HistoryEntry.FieldChange> conflicts(String recordId) {
            return conflictsOf.apply(recordId);
        }
    }

    private final FormModel<T> form;
    private final Actions<T> actions;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<T> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry.FieldChange> conflicts = FXCollections.observableArrayList();
    /** Reloads the data after a write, then runs the continuation (set by the feature's view model). */
    private BiConsumer<String, Runnable> afterWrite = (id, then) -> then.run();
    /** Finds a record in the data on screen. */
    private Function<String, Optional<T>> lookup = id -> Optional.empty();
    /** The id of the record in the form (a new one has its id from the start). */
    private String shownId;

    public RecordPage(
            FormModel<T> form, Actions<T> actions, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.form = form;
        this.actions = actions;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** How the page finds records on screen and reloads them after a write. */
    public void connect(Function<String, Optional<T>> lookup, BiConsumer<String, Runnable> afterWrite) {
        this.lookup = lookup;
        this.afterWrite = afterWrite;
    }

    /** Shows {@code record} in the form, asking first when the form has unsaved edits. */
    public void select(T record) {
        if (record == null
                || actions.id(record).equals(shownId) && !form.isNewProperty().get()) {
            return;
        }
        whenSettled(() -> show(record));
    }

    private void show(T record) {
        shownId = actions.id(record);
        form.edit(record, false);
        selected.set(record);
        loadHistory();
    }

    /** Starts a new record (after asking about unsaved edits). */
    public void startNew() {
        whenSettled(() -> {
            form.startNew();
            shownId = actions.id(form.read());
            selected.set(null);
            history.clear();
            conflicts.clear();
        });
    }

    /**
     * Runs {@code then} once the form holds no unsaved edits: at once when it has none, otherwise after the
     * clerk chose 保存 (and the save succeeded) or 放弃; 取消 (or closing the question) runs nothing.
     */
    public void whenSettled(Runnable then) {
        if (!form.isDirty()) {
            then.run();
            return;
        }
        Optional<Integer> choice = dialogs.choose(
                messages.get("page.unsaved.header", editedName()),
                messages.get("page.unsaved.message"),
                List.of(
                        messages.get("page.unsaved.save"),
                        messages.get("page.unsaved.discard"),
                        messages.get("page.unsaved.cancel")));
        if (choice.isEmpty() || choice.get() == 2) {
            return;
        }
        if (choice.get() == 0) {
            save(then);
        } else {
            form.discard();
            then.run();
        }
    }

    /** How the record in the form is named in a question: its name as typed, or 新记录. */
    public String editedName() {
        String name = actions.name(form.read());
        return name == null || name.isBlank() ? messages.get("page.unsaved.unnamed") : name;
    }

    public void save() {
        save(() -> {});
    }

    /** Saves the form when its checks find no error; {@code then} runs after the data was reloaded. */
    public void save(Runnable then) {
        form.validate();
        if (form.hasErrorsProperty().get()) {
            showErrors(messages.get("page.task.save"), form.issues());
            return;
        }
        if (form.deletedProperty().get()) {
            return; // read-only: 恢复 is its own action
        }
        T record = form.read();
        String id = actions.id(record);
        tasks.run("page.task.save", p -> actions.save(record), warnings -> {
            form.markSaved();
            shownId = id;
            afterWrite.accept(id, then);
        });
    }

    /** Deletes the record in the form: refused first with the reason; otherwise asked, 否 being the default. */
    public void delete() {
        T record = selected.get();
        if (record == null || form.deletedProperty().get()) {
            return;
        }
        String name = actions.name(record);
        List<Issue> refusal = actions.checkDelete(record);
        if (!refusal.isEmpty()) {
            showErrors(messages.get("page.delete.refused", name), refusal);
            return;
        }
        if (!dialogs.confirm(messages.get("page.delete.header", name), messages.get("page.delete.message"))) {
            return;
        }
        String id = actions.id(record);
        tasks.run(
                "page.task.delete",
                p -> {
                    actions.delete(id);
                    return id;
                },
                x -> afterWrite.accept(id, () -> {}));
    }

    /** Brings the deleted record in the form back (an explicit action, kept in its history). */
    public void restore() {
        if (!form.deletedProperty().get() || shownId == null) {
            return;
        }
        String id = shownId;
        tasks.run(
                "page.task.restore",
                p -> {
                    actions.restore(id);
                    return id;
                },
                x -> afterWrite.accept(id, () -> {}));
    }

    /**
     * After the data was reloaded: the form shows the record as stored now, unless the clerk has unsaved edits
     * (they are kept). A record that is gone was deleted: it stays, read-only, with 恢复.
     */
    public void refresh() {
        if (shownId == null || form.isDirty()) {
            return;
        }
        Optional<T> current = lookup.apply(shownId);
        if (current.isPresent()) {
            form.edit(current.get(), false);
            selected.set(current.get());
            loadHistory();
        } else if (!form.isNewProperty().get() && form.original() != null) {
            form.edit(form.original(), true);
            selected.set(form.original());
            loadHistory();
        }
    }

    private record Loaded(List<HistoryEntry> history, List<HistoryEntry.FieldChange> conflicts) {}

    private void loadHistory() {
        String id = shownId;
        history.clear();
        conflicts.clear();
        tasks.run("page.task.history", p -> new Loaded(actions.history(id), actions.conflicts(id)), loaded -> {
            if (id.equals(shownId)) {
                history.setAll(loaded.history());
                conflicts.setAll(loaded.conflicts());
            }
        });
    }

    private void showErrors(String header, List<Issue> issues) {
        dialogs.showError(
                header,
                String.join(
                        "\n",
                        issues.stream()
                                .filter(Issue::isError)
                                .map(i -> messages.get(i.messageKey(), i.args()))
                                .toList()));
    }

    /** The record in the form (null while a new one is typed, or none was chosen). */
    public ReadOnlyObjectProperty<T> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public FormModel<T> form() {
        return form;
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    /** The shown record's fields that hold another device's value too (read with its history). */
    public ObservableList<HistoryEntry.FieldChange> conflicts() {
        return conflicts;
    }

    /** The id of the record in the form, new or stored; null when the form shows nothing yet. */
    public String shownId() {
        return shownId;
    }
}
