package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.model.OrganizationKind;

/**
 * Under 测评细则's tree, the fields of the chosen node: a category's code, name and points, or an item's number, text,
 * points, mode, deduction, marks, methods, organization kinds, key and the items it replaces. Each edit goes to the
 * form at once (so the checks run as the clerk types); a number that cannot be read is the form's error.
 */
final class TemplateNodeEditor {
    private final TemplateFormModel form;
    private final TemplateTree nodes;
    private final Messages m;

    private final TextField code = new TextField();
    private final TextField categoryName = new TextField();
    private final TextField categoryPoints = new TextField();
    private final GridPane category = grid();

    private final TextField number = new TextField();
    private final TextArea text = new TextArea();
    private final TextField points = new TextField();
    private final ComboBox<ScoringMode> mode = new ComboBox<>();
    private final TextField deduction = new TextField();
    private final TextField floor = new TextField();
    private final CheckBox evidence;
    private final CheckBox veto;
    private final CheckBox bonus;
    private final Map<CheckMethod, CheckBox> methods = new EnumMap<>(CheckMethod.class);
    private final FlowPane methodBoxes = new FlowPane(8, 4);
    private final Map<OrganizationKind, CheckBox> kinds = new EnumMap<>(OrganizationKind.class);
    private final FlowPane kindBoxes = new FlowPane(8, 4);
    private final TextField key = new TextField();
    private final TextField replaces = new TextField();
    private final GridPane item = grid();

    TemplateNodeEditor(TemplateFormModel form, TemplateTree nodes, Messages messages) {
        this.form = form;
        this.nodes = nodes;
        this.m = messages;
        evidence = new CheckBox(m.get("checklist.view.evidenceRequired"));
        veto = new CheckBox(m.get("checklist.view.veto"));
        bonus = new CheckBox(m.get("checklist.view.bonus"));
    }

    /** The fields of the chosen category or item; {@code locked} while the template is published or deleted. */
    Node node(BooleanBinding locked) {
        categoryFields();
        itemFields(locked);
        VBox box = new VBox(category, item);
        category.managedProperty().bind(category.visibleProperty());
        item.managedProperty().bind(item.visibleProperty());
        category.setVisible(false);
        item.setVisible(false);
        category.disableProperty().bind(locked);
        for (Node n : List.of(number, text, points, mode, evidence, veto, bonus, methodBoxes, kindBoxes, replaces)) {
            n.disableProperty().bind(locked);
        }
        nodes.tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> fill());
        writeBack();
        return box;
    }

    private void categoryFields() {
        code.setId("categoryCode");
        categoryName.setId("categoryName");
        categoryPoints.setId("categoryPoints");
        addRow(category, 0, m.get("checklist.view.categoryCode"), code);
        addRow(category, 1, m.get("checklist.view.categoryName"), categoryName);
        addRow(category, 2, m.get("checklist.view.categoryPoints"), categoryPoints);
    }

    private void itemFields(BooleanBinding locked) {
        number.setId("itemNumber");
        text.setId("itemText");
        text.setPrefRowCount(2);
        text.setWrapText(true);
        points.setId("itemPoints");
        mode.setId("itemMode");
        mode.getItems().setAll(ScoringMode.values());
        mode.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.messageKey())));
        deduction.setId("itemDeduction");
        floor.setId("itemFloor");
        veto.setId("itemVeto");
        bonus.setId("itemBonus");
        for (CheckMethod cm : CheckMethod.values()) {
            CheckBox b = new CheckBox(cm.label());
            methods.put(cm, b);
            methodBoxes.getChildren().add(b);
        }
        for (OrganizationKind k : OrganizationKind.values()) {
            CheckBox b = new CheckBox(k.fileName());
            kinds.put(k, b);
            kindBoxes.getChildren().add(b);
        }
        key.setId("itemKey");
        key.setEditable(false); // the stable key: answers, statistics and findings refer to it
        key.setFocusTraversable(false);
        replaces.setId("itemReplaces");
        replaces.setPromptText(m.get("checklist.view.replacesPrompt"));
        addRow(item, 0, m.get("checklist.view.number"), number);
        addRow(item, 1, m.get("checklist.view.itemText"), text);
        addRow(item, 2, m.get("checklist.view.maxPoints"), points);
        addRow(item, 3, m.get("checklist.view.mode"), mode);
        addRow(
                item,
                4,
                m.get("checklist.view.deduction"),
                new HBox(6, deduction, new Label(m.get("checklist.view.floor")), floor));
        addRow(item, 5, "", new HBox(12, evidence, veto, bonus));
        addRow(item, 6, m.get("checklist.view.methods"), methodBoxes);
        addRow(item, 7, m.get("checklist.view.appliesTo"), kindBoxes);
        addRow(item, 8, m.get("checklist.view.itemKey"), key);
        addRow(item, 9, m.get("checklist.view.replaces"), replaces);
        deduction
                .disableProperty()
                .bind(mode.valueProperty().isNotEqualTo(ScoringMode.DEDUCTION).or(locked));
        floor.disableProperty()
                .bind(mode.valueProperty().isNotEqualTo(ScoringMode.DEDUCTION).or(locked));
    }

    /** Fills the fields from the chosen node (without writing back). */
    private void fill() {
        nodes.filling = true;
        try {
            ChecklistItem i = nodes.selectedItem();
            ChecklistCategory c = i == null ? nodes.categoryOfSelection() : null;
            category.setVisible(c != null);
            item.setVisible(i != null);
            if (c != null) {
                code.setText(c.code());
                categoryName.setText(c.name());
                categoryPoints.setText(TemplateFormModel.plain(c.points()));
            }
            if (i != null) {
                number.setText(i.number());
                text.setText(i.text());
                points.setText(TemplateFormModel.plain(i.maxPoints()));
                mode.setValue(i.mode());
                deduction.setText(TemplateFormModel.plain(i.deduction()));
                floor.setText(TemplateFormModel.plain(i.floor()));
                evidence.setSelected(i.evidenceRequired());
                veto.setSelected(i.veto());
                bonus.setSelected(i.bonus());
                methods.forEach((k, b) -> b.setSelected(i.methods().contains(k)));
                kinds.forEach((k, b) -> b.setSelected(i.appliesTo().contains(k)));
                key.setText(i.key());
                replaces.setText(TemplateFormModel.keysText(i.replaces()));
            }
        } finally {
            nodes.filling = false;
        }
    }

    /** Each edit of a field goes to the form at once. */
    private void writeBack() {
        for (TextField f : List.of(code, categoryName, categoryPoints)) {
            f.textProperty().addListener(o -> applyCategory());
        }
        categoryPoints.textProperty().addListener((o, was, now) -> form.typed("categoryPoints", now));
        for (TextField f : List.of(number, points, deduction, floor, replaces)) {
            f.textProperty().addListener(o -> applyItem());
        }
        // a number that cannot be read is the form's error (the item keeps its last good value meanwhile)
        points.textProperty().addListener((o, was, now) -> form.typed("points", now));
        deduction.textProperty().addListener((o, was, now) -> form.typed("deduction", now));
        floor.textProperty().addListener((o, was, now) -> form.typed("floor", now));
        text.textProperty().addListener(o -> applyItem());
        mode.valueProperty().addListener(o -> applyItem());
        for (CheckBox b : List.of(evidence, veto, bonus)) {
            b.selectedProperty().addListener(o -> applyItem());
        }
        methods.values().forEach(b -> b.selectedProperty().addListener(o -> applyItem()));
        kinds.values().forEach(b -> b.selectedProperty().addListener(o -> applyItem()));
    }

    private void applyCategory() {
        ChecklistCategory c = nodes.categoryOfSelection();
        if (nodes.filling || c == null || nodes.selectedItem() != null) {
            return;
        }
        BigDecimal p = TemplateFormModel.decimal(categoryPoints.getText());
        form.updateCategory(
                c.key(),
                x -> new ChecklistCategory(
                        x.key(),
                        code.getText().strip(),
                        categoryName.getText().strip(),
                        p == null ? x.points() : p,
                        x.items()));
    }

    private void applyItem() {
        ChecklistItem i = nodes.selectedItem();
        if (nodes.filling || i == null) {
            return;
        }
        BigDecimal max = TemplateFormModel.decimal(points.getText());
        Set<CheckMethod> chosenMethods = EnumSet.noneOf(CheckMethod.class);
        methods.forEach((k, b) -> {
            if (b.isSelected()) {
                chosenMethods.add(k);
            }
        });
        Set<OrganizationKind> chosenKinds = EnumSet.noneOf(OrganizationKind.class);
        kinds.forEach((k, b) -> {
            if (b.isSelected()) {
                chosenKinds.add(k);
            }
        });
        ScoringMode chosenMode = mode.getValue() == null ? ScoringMode.YES_NO : mode.getValue();
        boolean deducts = chosenMode == ScoringMode.DEDUCTION;
        form.updateItem(
                i.key(),
                x -> new ChecklistItem(
                        x.key(),
                        number.getText().strip(),
                        text.getText().strip(),
                        max == null ? x.maxPoints() : max,
                        chosenMode,
                        deducts ? TemplateFormModel.decimal(deduction.getText()) : null,
                        deducts ? TemplateFormModel.decimal(floor.getText()) : null,
                        evidence.isSelected(),
                        chosenMethods,
                        veto.isSelected(),
                        bonus.isSelected(),
                        chosenKinds,
                        TemplateFormModel.keys(replaces.getText())));
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.setPadding(new Insets(6, 0, 0, 0));
        return g;
    }

    private static void addRow(GridPane g, int row, String label, Node field) {
        Label l = new Label(label);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.add(l, 0, row);
        g.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
        GridPane.setFillWidth(field, true);
        l.setAlignment(Pos.CENTER_LEFT);
    }
}
