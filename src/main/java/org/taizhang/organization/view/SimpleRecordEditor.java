package org.taizhang.organization.view;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.text.Pinyin;
import org.taizhang.organization.Registry;

/**
 * The shared frame of the units and communities tabs: a searchable, sortable table on the left and a form with
 * live checks, 保存 / 新增 / 删除 on the right. The tabs supply columns, fields and the rules.
 */
final class SimpleRecordEditor<T> {
    final ObservableList<T> items = FXCollections.observableArrayList();
    final TableView<T> table = new TableView<>();
    final GridPane grid = new GridPane();
    final VBox issues = new VBox(2);
    final Button save;
    final Button create;
    final Button delete;
    final Label title = new Label();
    private final Messages m;
    private final RegistryViewModel vm;
    private final FilteredList<T> filtered = new FilteredList<>(items);
    private int rows;
    /** A new, untouched form: its "please fill in" errors wait until the clerk types (save stays off). */
    private boolean quiet;

    SimpleRecordEditor(RegistryViewModel vm, String idPrefix, String searchPromptKey, Function<T, String> searchText) {
        this.vm = vm;
        this.m = vm.messages();
        TextField search = TextFields.createClearableTextField();
        search.setId(idPrefix + "Search");
        search.setPromptText(m.get(searchPromptKey));
        search.textProperty()
                .addListener(
                        (o, a, q) -> filtered.setPredicate((Predicate<T>) t -> Pinyin.matches(searchText.apply(t), q)));
        table.setId(idPrefix + "Table");
        issues.setId(idPrefix + "Issues");
        table.setPlaceholder(new Label(m.get("registry.table.empty")));
        SortedList<T> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        save = new Button(m.get("registry.action.save"));
        save.setId(idPrefix + "Save");
        save.setDefaultButton(true);
        create = new Button(m.get("registry.action.new"));
        create.setId(idPrefix + "New");
        delete = new Button(m.get("registry.action.delete"));
        delete.setId(idPrefix + "Delete");
        grid.setHgap(6);
        grid.setVgap(6);
        title.getStyleClass().add("form-title");
        VBox left = new VBox(6, search, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        VBox right = new VBox(8, title, grid, issues, new HBox(6, save, create, delete));
        right.setPadding(new Insets(8));
        right.setMinWidth(320);
        this.node = new SplitPane(left, right);
        ((SplitPane) node).setDividerPositions(0.62);
    }

    private final Node node;

    Node node() {
        return node;
    }

    void column(String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setComparator(java.text.Collator.getInstance(java.util.Locale.CHINA)::compare);
        table.getColumns().add(c);
    }

    void field(String labelKey, Control field) {
        Label label = new Label(m.get(labelKey));
        label.setLabelFor(field);
        field.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.add(label, 0, rows);
        grid.add(field, 1, rows++);
    }

    /** What a tab supplies: how its record shows in the fields, reads back from them, is checked and kept. */
    interface Form<T> {
        String id(T record);

        String name(T record);

        List<T> all(Registry registry);

        /** The record as the registry now holds it, after a reload. */
        Optional<T> current(Registry registry, String id);

        /** Puts the record into the fields; null clears them for a new one. */
        void fill(T record);

        /** The record the fields describe, under {@code id}; {@code editing} (null when new) supplies the rest. */
        T read(String id, T editing);

        List<Issue> check(Registry registry, T record);

        void save(T record);

        void delete(String id);
    }

    private Form<T> form;
    private String newTitleKey;
    private String editTitleKey;
    private T editing;
    private String pendingId; // a new record keeps one id while it is typed, so its own name is no duplicate

    /**
     * Wires the table, the fields and the buttons to {@code form}; {@code watched} are the fields whose changes
     * count as typing. Called once the tab has added its fields.
     */
    void bind(Form<T> form, String newTitleKey, String editTitleKey, Observable... watched) {
        this.form = form;
        this.newTitleKey = newTitleKey;
        this.editTitleKey = editTitleKey;
        for (Observable o : watched) {
            o.addListener(x -> {
                quiet = false; // the clerk has typed, so the checks speak
                validate();
            });
        }
        vm.registryProperty().addListener((obs, old, r) -> {
            items.setAll(form.all(r));
            editing = editing == null ? null : form.current(r, form.id(editing)).orElse(null);
            validate();
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> {
            if (t != null) {
                edit(t);
            }
        });
        create.setOnAction(e -> edit(null));
        save.setOnAction(e -> save());
        delete.setOnAction(e -> delete());
        edit(null);
    }

    /** Shows a record in the form; null starts a new one, whose "please fill in" errors wait for typing. */
    void edit(T record) {
        editing = record;
        form.fill(record);
        quiet = record == null;
        title.setText(m.get(record == null ? newTitleKey : editTitleKey));
        delete.setDisable(record == null);
        validate();
    }

    private T current() {
        if (editing == null && pendingId == null) {
            pendingId = Ids.newId();
        }
        return form.read(editing != null ? form.id(editing) : pendingId, editing);
    }

    private boolean validate() {
        return showIssues(form.check(vm.registryProperty().get(), current()));
    }

    /** Saves in the background, reloads the registry and selects the saved record again. */
    private void save() {
        quiet = false;
        if (!validate()) {
            return;
        }
        T record = current();
        String id = form.id(record);
        vm.tasks()
                .run(
                        "registry.task.save",
                        p -> {
                            form.save(record);
                            return record;
                        },
                        r -> {
                            pendingId = null;
                            editing = record;
                            vm.reload(() -> table.getItems().stream()
                                    .filter(x -> form.id(x).equals(id))
                                    .findFirst()
                                    .ifPresent(table.getSelectionModel()::select));
                        });
    }

    /** Asks, then deletes (a tombstone) in the background and reloads. */
    private void delete() {
        if (editing == null) {
            return;
        }
        String id = form.id(editing);
        if (!vm.dialogs()
                .confirm(m.get("registry.delete.header", form.name(editing)), m.get("registry.delete.message"))) {
            return;
        }
        vm.tasks()
                .run(
                        "registry.task.delete",
                        p -> {
                            form.delete(id);
                            return id;
                        },
                        x -> {
                            edit(null);
                            vm.reload(() -> {});
                        });
    }

    /** A text field's value as stored: stripped, blank as null. */
    static String value(TextField t) {
        return t.getText() == null || t.getText().isBlank() ? null : t.getText().strip();
    }

    /** Shows the checks; returns true when none is an error. */
    private boolean showIssues(List<Issue> list) {
        issues.getChildren().clear();
        for (Issue i : quiet ? List.<Issue>of() : list) {
            Label l = new Label((i.isError() ? "✗ " : "! ") + m.get(i.messageKey(), i.args()));
            l.setWrapText(true);
            l.getStyleClass().add(i.isError() ? "issue-error" : "issue-warning");
            issues.getChildren().add(l);
        }
        boolean ok = list.stream().noneMatch(Issue::isError);
        save.setDisable(!ok);
        return ok;
    }
}
