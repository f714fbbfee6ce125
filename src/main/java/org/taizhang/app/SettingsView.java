package org.taizhang.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;

/** 设置: where the data lives and this device's id; the features' own settings below (backups: BackupsPane). */
final class SettingsView {
    private final VBox root = new VBox(12);

    SettingsView(Store store, Messages m) {
        Label title = new Label(m.get("nav.settings"));
        title.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        row(grid, 0, m.get("settings.database"), store.database().toString());
        row(grid, 1, m.get("settings.dataFolder"), store.dataFolder().toString());
        row(
                grid,
                2,
                m.get("settings.backups"),
                store.dataFolder().resolve("backups").toString());
        row(grid, 3, m.get("settings.deviceId"), store.deviceId());
        root.getChildren().addAll(title, grid);
        root.setPadding(new Insets(16));
    }

    /** Adds a feature's own settings below (each feature keeps its settings and texts). */
    SettingsView with(Node section) {
        root.getChildren().add(section);
        return this;
    }

    private static void row(GridPane grid, int row, String label, String value) {
        TextField field = new TextField(value);
        field.setEditable(false);
        field.setPrefColumnCount(50);
        grid.addRow(row, new Label(label), field);
    }

    /** The page scrolls: 1366×768 office screens do not hold every section at once. */
    Node node() {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
