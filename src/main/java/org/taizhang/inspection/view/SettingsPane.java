package org.taizhang.inspection.view;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;

/** The ledger's part of 设置 (see {@link SettingsModel}). */
public final class SettingsPane {
    private final VBox root = new VBox(8);

    public SettingsPane(SettingsModel model) {
        Messages m = model.messages();
        Label title = new Label(m.get("inspection.settings.title"));
        title.getStyleClass().add("form-title");
        TextField operator = field("settingsOperator", model.operator, 16);
        TextField committee = field("settingsCommittee", model.committee, 24);
        committee.setPromptText(m.get("inspection.settings.committeePrompt"));
        CheckBox verifier = new CheckBox(m.get("inspection.settings.verifier"));
        verifier.setId("settingsVerifier");
        verifier.selectedProperty().bindBidirectional(model.verifier);
        operator.disableProperty().bind(model.operatorManaged);
        verifier.disableProperty().bind(model.operatorManaged);
        javafx.scene.control.Tooltip managed =
                new javafx.scene.control.Tooltip(m.get("inspection.settings.operatorManaged"));
        operator.setTooltip(managed);
        verifier.setTooltip(managed);
        ToggleGroup role = new ToggleGroup();
        RadioButton hub = new RadioButton(m.get("inspection.settings.hub"));
        hub.setId("settingsHub");
        RadioButton field = new RadioButton(m.get("inspection.settings.field"));
        field.setId("settingsField");
        hub.setToggleGroup(role);
        field.setToggleGroup(role);
        hub.setSelected(model.hub.get());
        field.setSelected(!model.hub.get());
        model.hub.addListener((o, was, now) -> (now ? hub : field).setSelected(true));
        hub.selectedProperty().addListener((o, was, now) -> model.hub.set(now));
        TextField format = field("settingsNumberFormat", model.numberFormat, 24);
        Label preview = new Label();
        preview.textProperty().bind(model.preview);
        TextField attention = field("settingsAttentionDays", model.attentionDays, 4);
        TextField soon = field("settingsSoonDays", model.soonDays, 4);
        TextField severe = field("settingsSevereDays", model.severeDays, 4);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(m.get("inspection.settings.operator")), new HBox(12, operator, verifier));
        grid.addRow(1, new Label(m.get("inspection.settings.committee")), committee);
        grid.addRow(2, new Label(m.get("inspection.settings.role")), new HBox(12, hub, field));
        grid.addRow(3, new Label(m.get("inspection.settings.numberFormat")), new HBox(12, format, preview));
        grid.addRow(
                4,
                new Label(m.get("inspection.settings.warnings")),
                new HBox(
                        6,
                        new Label(m.get("inspection.settings.attention")),
                        attention,
                        new Label(m.get("inspection.settings.soon")),
                        soon,
                        new Label(m.get("inspection.settings.severe")),
                        severe,
                        new Label(m.get("inspection.settings.severeAfter"))));
        VBox problems = new VBox(2);
        model.problems.addListener((javafx.collections.ListChangeListener<String>) c -> problems.getChildren()
                .setAll(model.problems.stream()
                        .map(p -> {
                            Label l = new Label(p);
                            l.getStyleClass().add("issue-error");
                            return (Node) l;
                        })
                        .toList()));
        Button save = new Button(m.get("inspection.settings.save"));
        save.setId("settingsSave");
        save.setOnAction(e -> model.save());
        root.getChildren().addAll(title, grid, problems, save);
        root.setPadding(new Insets(16, 0, 0, 0));
        model.load();
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    public Node node() {
        return root;
    }
}
