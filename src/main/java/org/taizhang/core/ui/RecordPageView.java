package org.taizhang.core.ui;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;

/**
 * The form side of a list + form + history page, built the same way for every page: a title, the fields and
 * their checks and the history in a scrolling area, and 保存 / 新增 / 删除 / 恢复 in a bar that stays visible below
 * it (at 768 px and 125 % the fields scroll, the buttons do not). Controls get ids {@code <prefix>Save},
 * {@code <prefix>New}, {@code <prefix>Delete}, {@code <prefix>Restore}, {@code <prefix>Issues},
 * {@code <prefix>History}.
 */
public final class RecordPageView {
    private RecordPageView() {}

    /** The label + field grid of a form; a field turns red while the rules find an error in its column. */
    public static final class FormGrid {
        private final GridPane grid = new GridPane();
        private final FormModel<?> form;
        private int rows;

        public FormGrid(FormModel<?> form) {
            this.form = form;
            grid.setHgap(6);
            grid.setVgap(6);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints fields = new ColumnConstraints();
            fields.setHgrow(Priority.ALWAYS);
            fields.setFillWidth(true);
            grid.getColumnConstraints().setAll(labels, fields);
            // a deleted record can be read, not changed
            grid.disableProperty().bind(form.deletedProperty());
        }

        /** A labelled field; {@code column} is the name the rules give its errors (null: none). */
        public FormGrid field(String label, Control field, String column) {
            Label l = new Label(label);
            l.setLabelFor(field);
            l.setMinWidth(Region.USE_PREF_SIZE);
            field.setMaxWidth(Double.MAX_VALUE);
            grid.add(l, 0, rows);
            grid.add(field, 1, rows++);
            if (column != null) {
                Runnable mark = () -> {
                    field.getStyleClass().remove("field-error");
                    if (form.issuesShown().get() && form.fieldHasError(column)) {
                        field.getStyleClass().add("field-error");
                    }
                };
                form.issues().addListener((ListChangeListener<Object>) c -> mark.run());
                form.issuesShown().addListener(o -> mark.run());
            }
            return this;
        }

        /** A field with no label of its own (a check box). */
        public FormGrid unlabelled(Node node) {
            grid.add(node, 1, rows++);
            return this;
        }

        public GridPane node() {
            return grid;
        }
    }

    /**
     * @param newTitle, editTitle the form's title for a new and a stored record
     * @param describe one history entry as a clerk reads it
     * @param header extra nodes beside the title (收起)
     */
    public static <T> Node formPane(
            RecordPage<T> page,
            Messages m,
            String prefix,
            String newTitle,
            String editTitle,
            FormGrid grid,
            Function<HistoryEntry, String> describe,
            Node... header) {
        FormModel<T> form = page.form();
        Label title = new Label();
        title.getStyleClass().add("form-title");
        title.textProperty()
                .bind(Bindings.when(form.deletedProperty())
                        .then(m.get("page.deletedTitle", editTitle))
                        .otherwise((ObservableStringValue) Bindings.when(form.isNewProperty())
                                .then(newTitle)
                                .otherwise(editTitle)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, title, gap);
        top.getChildren().addAll(header);
        top.setAlignment(Pos.CENTER_LEFT);

        Label deletedNote = new Label(m.get("page.deleted"));
        deletedNote.setWrapText(true);
        deletedNote.getStyleClass().add("issue-warning");
        deletedNote.setId(prefix + "Deleted");
        deletedNote.visibleProperty().bind(form.deletedProperty());
        deletedNote.managedProperty().bind(deletedNote.visibleProperty());

        VBox issues = IssueLabels.list(prefix + "Issues", form.issues(), form.issuesShown(), m);

        // another device's value beside the one shown: said here, decided in 数据交换 → 待处理 (a save keeps it)
        Label conflictNote = conflictNote(page.conflicts(), m);
        conflictNote.setId(prefix + "Conflicts");

        ListView<HistoryEntry> history = new ListView<>(page.history());
        history.setId(prefix + "History");
        history.setPrefHeight(140);
        history.setPlaceholder(new Label(m.get("page.history.empty")));
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : describe.apply(h));
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening it
            }
        });
        TitledPane historyPane = new TitledPane(m.get("page.history"), history);
        historyPane.setId(prefix + "HistoryPane");
        historyPane.setExpanded(false);

        VBox body = new VBox(8, deletedNote, conflictNote, grid.node(), issues, historyPane);
        body.setPadding(new Insets(4, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setId(prefix + "FormScroll");

        Button save = new Button(m.get("page.action.save"));
        save.setId(prefix + "Save");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip("Ctrl+S"));
        save.disableProperty()
                .bind(form.hasErrorsProperty().or(form.deletedProperty()).or(form.readOnlyProperty()));
        save.setOnAction(e -> page.save());
        Button create = new Button(m.get("page.action.new"));
        create.setId(prefix + "New");
        create.setOnAction(e -> page.startNew());
        Button delete = new Button(m.get("page.action.delete"));
        delete.setId(prefix + "Delete");
        delete.disableProperty()
                .bind(form.isNewProperty().or(form.deletedProperty()).or(form.readOnlyProperty()));
        delete.setOnAction(e -> page.delete());
        Button restore = new Button(m.get("page.action.restore"));
        restore.setId(prefix + "Restore");
        restore.visibleProperty().bind(form.deletedProperty());
        restore.managedProperty().bind(restore.visibleProperty());
        restore.setOnAction(e -> page.restore());
        HBox buttons = new HBox(6, save, create, delete, restore);
        buttons.setPadding(new Insets(6, 8, 6, 8));
        buttons.getStyleClass().add("form-buttons");

        BorderPane pane = new BorderPane(scroll);
        top.setPadding(new Insets(8, 8, 4, 8));
        pane.setTop(top);
        pane.setBottom(buttons);
        pane.setMinWidth(300);
        return pane;
    }

    /** A text field bound both ways to a form property. */
    public static TextField text(String id, StringProperty property) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(property);
        return t;
    }

    /**
     * Keeps a table's selection and the page's form together: a click asks the page (which may ask about unsaved
     * edits), and when the form stays where it was (取消) the table's highlight goes back to it.
     */
    public static <T> void follow(TableView<T> table, RecordPage<T> page) {
        follow(table, page, Function.identity(), (r, t) -> Objects.equals(r, t));
    }

    /** {@link #follow(TableView, RecordPage)} for a table whose rows wrap the records ({@code record} of a row). */
    public static <R, T> void follow(
            TableView<R> table, RecordPage<T> page, Function<R, T> record, BiPredicate<R, T> shows) {
        boolean[] syncing = {false};
        Runnable sync = () -> {
            syncing[0] = true;
            try {
                T t = page.selectedProperty().get();
                R current = table.getSelectionModel().getSelectedItem();
                if (t == null) {
                    table.getSelectionModel().clearSelection();
                } else if (current == null || !shows.test(current, t)) {
                    table.getItems().stream()
                            .filter(r -> shows.test(r, t))
                            .findFirst()
                            .ifPresentOrElse(
                                    r -> {
                                        table.getSelectionModel().select(r);
                                        table.scrollTo(r);
                                    },
                                    () -> table.getSelectionModel().clearSelection());
                }
            } finally {
                syncing[0] = false;
            }
        };
        table.getSelectionModel().selectedItemProperty().addListener((o, old, r) -> {
            if (syncing[0] || r == null) {
                return;
            }
            page.select(record.apply(r));
            T now = page.selectedProperty().get();
            if (now == null || !shows.test(r, now)) {
                Platform.runLater(sync); // not inside the selection model's own change
            }
        });
        page.selectedProperty().addListener((o, old, t) -> sync.run());
    }

    /**
     * The note a record's form shows when another device gave some of its fields another value: each field with the
     * value shown and the other one; hidden while there is none. The ledger's 登记信息 shows the same note.
     */
    public static Label conflictNote(ObservableList<HistoryEntry.FieldChange> conflicts, Messages m) {
        Label note = new Label();
        note.setWrapText(true);
        note.getStyleClass().add("issue-warning");
        note.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> conflicts.isEmpty()
                                ? ""
                                : m.get("page.conflicts")
                                        + conflicts.stream()
                                                .map(c -> "\n"
                                                        + m.get(
                                                                "page.conflict",
                                                                c.field(),
                                                                c.before() == null
                                                                        ? m.get("page.conflict.empty")
                                                                        : c.before(),
                                                                c.after() == null
                                                                        ? m.get("page.conflict.empty")
                                                                        : c.after()))
                                                .collect(java.util.stream.Collectors.joining()),
                        conflicts));
        note.visibleProperty().bind(Bindings.isNotEmpty(conflicts));
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
