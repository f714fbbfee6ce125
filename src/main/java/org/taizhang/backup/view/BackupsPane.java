package org.taizhang.backup.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;

/** The 备份与恢复 section of 设置: the copies (sortable), and what can be done with them. */
public final class BackupsPane {
    private final VBox root = new VBox(8);

    public BackupsPane(BackupsViewModel model) {
        Messages m = model.messages();
        Label title = new Label(m.get("backup.view.title"));
        title.getStyleClass().add("form-title");
        TableView<BackupsViewModel.Row> table = new TableView<>(model.rows);
        table.setId("backups");
        table.getColumns().add(column(m.get("backup.view.taken"), 140, BackupsViewModel.Row::taken));
        table.getColumns().add(column(m.get("backup.view.reason"), 110, BackupsViewModel.Row::reason));
        TableColumn<BackupsViewModel.Row, String> size =
                column(m.get("backup.view.size"), 80, BackupsViewModel.Row::size);
        // "15.4 MB" sorts by its number, not as text
        size.setComparator(java.util.Comparator.comparingDouble(t -> Double.parseDouble(t.replace(" MB", ""))));
        table.getColumns().add(size);
        table.getColumns().add(column(m.get("backup.view.holdsColumn"), 260, BackupsViewModel.Row::holds));
        table.getColumns().add(column(m.get("backup.view.state"), 220, BackupsViewModel.Row::state));
        table.setPlaceholder(new Label(m.get("backup.view.none")));
        table.setPrefHeight(200);
        table.setMinHeight(160); // the page scrolls: the list keeps room for several copies
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button now = new Button(m.get("backup.view.backupNow"));
        now.setId("backupNow");
        now.setOnAction(e -> model.backupNow());
        Button restore = new Button(m.get("backup.view.restore"));
        restore.setId("restoreBackup");
        restore.disableProperty().bind(Bindings.isNull(table.getSelectionModel().selectedItemProperty()));
        restore.setOnAction(e -> model.restore(table.getSelectionModel().getSelectedItem()));
        Button check = new Button(m.get("backup.view.check"));
        check.setId("checkDatabase");
        check.setOnAction(e -> model.check());
        HBox actions = new HBox(8, now, restore, check);

        TextField daily = new TextField();
        daily.setPrefColumnCount(4);
        daily.textProperty().bindBidirectional(model.keepDaily);
        TextField monthly = new TextField();
        monthly.setPrefColumnCount(4);
        monthly.textProperty().bindBidirectional(model.keepMonthly);
        Button save = new Button(m.get("backup.view.savePolicy"));
        save.setId("saveBackupPolicy");
        save.setOnAction(e -> model.savePolicy());
        HBox policy = new HBox(
                8,
                new Label(m.get("backup.view.keepDaily")),
                daily,
                new Label(m.get("backup.view.keepMonthly")),
                monthly,
                save);
        policy.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextField second = new TextField();
        second.setId("secondFolder");
        second.setEditable(false);
        second.setPrefColumnCount(36);
        second.setPromptText(m.get("backup.view.secondNone"));
        second.textProperty().bind(model.secondFolder);
        Button chooseSecond = new Button(m.get("backup.view.chooseSecond"));
        chooseSecond.setId("chooseSecondFolder");
        chooseSecond.setOnAction(e -> model.chooseSecondFolder());
        Button clearSecond = new Button(m.get("backup.view.clearSecond"));
        clearSecond.setId("clearSecondFolder");
        clearSecond.disableProperty().bind(model.secondFolder.isEmpty());
        clearSecond.setOnAction(e -> model.clearSecondFolder());
        HBox secondRow = new HBox(8, new Label(m.get("backup.view.second")), second, chooseSecond, clearSecond);
        secondRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label secondState = new Label();
        secondState.setId("secondState");
        secondState.setWrapText(true);
        secondState.setMaxWidth(900);
        secondState.textProperty().bind(model.secondState);
        Label note = new Label(m.get("backup.view.note"));
        note.setWrapText(true);
        note.setMaxWidth(900);
        root.getChildren().addAll(title, note, table, actions, policy, secondRow, secondState);
        root.setPadding(new Insets(8, 0, 0, 0));
        model.reload();
    }

    private static TableColumn<BackupsViewModel.Row, String> column(
            String title, double width, java.util.function.Function<BackupsViewModel.Row, String> value) {
        TableColumn<BackupsViewModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    public Node node() {
        return root;
    }
}
