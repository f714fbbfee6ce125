package org.taizhang.operator.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Actor;
import org.taizhang.operator.model.Operator;

/** The 操作员 section of 设置: the operators (sortable) and the form for the one chosen or a new one. */
public final class OperatorsPane {
    private final VBox root = new VBox(8);

    public OperatorsPane(OperatorsViewModel model) {
        Messages m = model.messages();
        Label title = new Label(m.get("operator.view.title"));
        title.getStyleClass().add("form-title");
        Label current = new Label();
        current.setId("operatorCurrent");
        current.textProperty().bind(model.current);
        Label note = new Label(m.get("operator.view.note"));
        note.setWrapText(true);
        note.setMaxWidth(900);

        TableView<Operator> table = new TableView<>(model.rows);
        table.setId("operators");
        table.getColumns().add(column(m.get("operator.view.name"), 160, Operator::name));
        table.getColumns().add(column(m.get("operator.view.role"), 100, o -> model.roleName(o.role())));
        table.getColumns().add(column(m.get("operator.view.verifier"), 80, o -> o.verifier() ? "✓" : ""));
        table.getColumns()
                .add(column(
                        m.get("operator.view.password"),
                        80,
                        o -> o.hasPassword() ? m.get("operator.view.hasPassword") : m.get("operator.view.noPassword")));
        table.setPlaceholder(new Label(m.get("operator.view.none")));
        table.setPrefHeight(150);
        table.setMinHeight(110);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected.set(now));
        model.selected.addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });

        TextField name = new TextField();
        name.setId("operatorName");
        name.setPrefColumnCount(12);
        name.textProperty().bindBidirectional(model.name);
        ComboBox<Actor.Role> role =
                new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Actor.Role.values()));
        role.setId("operatorRole");
        role.valueProperty().bindBidirectional(model.role);
        role.setCellFactory(l -> roleCell(model));
        role.setButtonCell(roleCell(model));
        CheckBox verifier = new CheckBox(m.get("operator.view.verifier"));
        verifier.setId("operatorVerifier");
        verifier.selectedProperty().bindBidirectional(model.verifier);
        PasswordField password = new PasswordField();
        password.setId("operatorPassword");
        password.setPrefColumnCount(10);
        password.textProperty().bindBidirectional(model.password);
        password.setPromptText(m.get("operator.view.passwordPrompt"));
        PasswordField repeat = new PasswordField();
        repeat.setId("operatorPasswordRepeat");
        repeat.setPrefColumnCount(10);
        repeat.textProperty().bindBidirectional(model.repeat);
        GridPane form = new GridPane(8, 8);
        form.addRow(
                0,
                new Label(m.get("operator.view.name")),
                name,
                new Label(m.get("operator.view.role")),
                role,
                verifier);
        form.addRow(
                1,
                new Label(m.get("operator.view.password")),
                password,
                new Label(m.get("operator.view.repeat")),
                repeat);
        Label problems = new Label();
        problems.setId("operatorProblems");
        problems.getStyleClass().add("form-issues");
        problems.textProperty()
                .bind(Bindings.createStringBinding(() -> String.join("\n", model.problems), model.problems));

        Button add = new Button(m.get("operator.view.add"));
        add.setId("operatorAdd");
        add.setOnAction(e -> model.add());
        Button save = new Button(m.get("operator.view.save"));
        save.setId("operatorSave");
        save.setOnAction(e -> model.save());
        Button clear = new Button(m.get("operator.view.clearPassword"));
        clear.setId("operatorClearPassword");
        clear.setOnAction(e -> model.clearPassword());
        Button remove = new Button(m.get("operator.view.remove"));
        remove.setId("operatorRemove");
        remove.setOnAction(e -> model.remove());
        for (Button b : new Button[] {save, clear, remove}) {
            b.disableProperty().bind(model.selected.isNull().or(model.mayManage.not()));
        }
        add.disableProperty().bind(model.mayManage.not());
        for (Node n : new Node[] {name, role, verifier, password, repeat}) {
            n.disableProperty().bind(model.mayManage.not());
        }
        Button switchOperator = new Button(m.get("operator.view.switch"));
        switchOperator.setId("operatorSwitch");
        switchOperator.setOnAction(e -> model.switchOperator());
        // with operators listed, anyone may hand the computer to another (the sign-in asks their password)
        switchOperator.disableProperty().bind(Bindings.isEmpty(model.rows));
        HBox actions = new HBox(8, add, save, clear, remove, switchOperator);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label adminOnly = new Label(m.get("operator.view.adminOnly"));
        adminOnly.visibleProperty().bind(model.mayManage.not());
        adminOnly.managedProperty().bind(adminOnly.visibleProperty());
        TextField idle = new TextField();
        idle.setId("idleLockMinutes");
        idle.setPrefColumnCount(4);
        idle.textProperty().bindBidirectional(model.idleMinutes);
        Button saveIdle = new Button(m.get("operator.view.saveIdleLock"));
        saveIdle.setId("saveIdleLock");
        saveIdle.setOnAction(e -> model.saveIdleLock());
        idle.disableProperty().bind(model.mayManage.not());
        saveIdle.disableProperty().bind(model.mayManage.not());
        HBox idleRow = new HBox(
                8,
                new Label(m.get("operator.view.idleLock")),
                idle,
                new Label(m.get("operator.view.idleLockHint")),
                saveIdle);
        idleRow.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, current, note, table, form, problems, actions, adminOnly, idleRow);
        root.setPadding(new Insets(8, 0, 0, 0));
        model.reload();
    }

    private static ListCell<Actor.Role> roleCell(OperatorsViewModel model) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Actor.Role item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.roleName(item));
            }
        };
    }

    private static TableColumn<Operator, String> column(
            String title, double width, java.util.function.Function<Operator, String> value) {
        TableColumn<Operator, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    public Node node() {
        return root;
    }
}
