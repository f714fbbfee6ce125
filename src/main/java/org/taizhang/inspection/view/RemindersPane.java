package org.taizhang.inspection.view;

import java.text.NumberFormat;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.inspection.model.Warning;

/**
 * 整改提醒 on the 工作台: a tile for the findings waiting for a number and for verification, and the most urgent
 * findings (overdue longest first, then due soonest). The 逾期 and 临期 counts are the key figures' tiles above, with
 * their change since last month.
 */
public final class RemindersPane {
    private final VBox root = new VBox(8);
    private final FlowPane tiles = new FlowPane(12, 12);
    private final VBox urgent = new VBox(2);
    private final Messages m;
    private final NumberFormat numbers;

    /**
     * @param open opens the ledger filtered to a tile's findings
     * @param openFinding opens the ledger on one finding
     */
    public RemindersPane(RemindersModel model, Consumer<RemindersModel.Kind> open, Consumer<String> openFinding) {
        this.m = model.messages();
        this.numbers = NumberFormat.getIntegerInstance(m.locale());
        Label title = new Label(m.get("inspection.reminder.title"));
        title.getStyleClass().add("section-title");
        urgent.setId("urgentFindings");
        root.getChildren().addAll(title, tiles, urgent);
        model.remindersProperty().addListener((o, was, r) -> show(r, open, openFinding));
        show(model.remindersProperty().get(), open, openFinding);
    }

    private void show(RemindersModel.Reminders r, Consumer<RemindersModel.Kind> open, Consumer<String> openFinding) {
        tiles.getChildren().clear();
        for (RemindersModel.Kind k : List.of(RemindersModel.Kind.PENDING, RemindersModel.Kind.CLOSE_REQUESTED)) {
            Label v = new Label(numbers.format(r.count(k)));
            v.getStyleClass().add("stat-value");
            Label l = new Label(m.get(k.labelKey()));
            l.getStyleClass().add("stat-label");
            Button tile = new Button(null, new VBox(4, v, l));
            tile.setId("tile-reminder-" + k.name());
            tile.getStyleClass().add("stat-card");
            tile.setOnAction(e -> open.accept(k));
            tiles.getChildren().add(tile);
        }
        urgent.getChildren().clear();
        for (RemindersModel.Urgent u : r.urgent()) {
            Hyperlink link = new Hyperlink(u.text());
            link.getStyleClass().add(u.warning() == Warning.SOON ? "warning-soon-text" : "warning-overdue-text");
            link.setOnAction(e -> openFinding.accept(u.findingId()));
            urgent.getChildren().add(link);
        }
    }

    public Node node() {
        return root;
    }
}
