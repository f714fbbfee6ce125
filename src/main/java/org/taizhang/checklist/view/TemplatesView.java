package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.model.OrganizationKind;

/**
 * 测评细则: the templates on the left; on the right the template's form (the shared page pattern) with its
 * categories and items as a tree, the chosen node's fields under it, and the live total of points. Edits apply
 * to the form at once (so the checks run as the clerk types); 保存 stores the draft, 发布 fixes it for good.
 */
public final class TemplatesView {
    private final TemplatesViewModel vm;
    private final DialogService dialogs;
    private final TemplateFormModel form;
    private final Messages m;
    private final SplitPane root;
    private final TreeView<String> tree = new TreeView<>();
    /** While the node's fields are being filled from the tree, their listeners must not write back. */
    private boolean filling;

    public TemplatesView(TemplatesViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.form = vm.form();
        this.m = messages;
        root = new SplitPane(list(), formPane());
        root.setDividerPositions(0.34);
    }

    public Node node() {
        return root;
    }

    private Node list() {
        TableView<ChecklistTemplate> table = new TableView<>(vm.templates());
        table.setId("templateTable");
        table.getColumns()
                .addAll(
                        Tables.textColumn(m.get("checklist.view.templateName"), 150, ChecklistTemplate::name),
                        Tables.valueColumn(
                                m.get("checklist.view.templateVersion"),
                                44,
                                ChecklistTemplate::version,
                                v -> Integer.toString(v)),
                        Tables.valueColumn(
                                m.get("checklist.view.year"), 52, ChecklistTemplate::year, v -> Integer.toString(v)),
                        Tables.textColumn(
                                m.get("checklist.view.templateStatus"),
                                56,
                                t -> m.get(t.isPublished() ? "checklist.view.published" : "checklist.view.draft")),
                        Tables.valueColumn(
                                m.get("checklist.view.itemCount"),
                                44,
                                t -> t.items().size(),
                                v -> Integer.toString(v)),
                        Tables.valueColumn(
                                m.get("checklist.view.fullMarks"),
                                52,
                                ChecklistTemplate::fullMarks,
                                BigDecimal::toPlainString));
        RecordPageView.follow(table, vm.page());
        Button publish = new Button(m.get("checklist.action.publish"));
        publish.setId("publishTemplate");
        publish.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.page().selectedProperty().get() == null
                                || vm.page().selectedProperty().get().isPublished()
                                || form.deletedProperty().get(),
                        vm.page().selectedProperty(),
                        form.deletedProperty()));
        publish.setOnAction(e -> vm.publish());
        Button newVersion = new Button(m.get("checklist.action.newVersion"));
        newVersion.setId("newTemplateVersion");
        newVersion
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.page().selectedProperty().get() == null
                                || !vm.page().selectedProperty().get().isPublished()
                                || vm.hasNewerVersion(
                                        vm.page().selectedProperty().get()),
                        vm.page().selectedProperty()));
        newVersion.setOnAction(e -> vm.newVersion());
        Button importFile = new Button(m.get("checklist.action.importTemplate"));
        importFile.setId("importTemplate");
        importFile.setOnAction(
                e -> dialogs.chooseFileToOpen(m.get("checklist.action.importTemplate"), "Excel", "*.xlsx", "*.xls")
                        .ifPresent(vm::importTemplate));
        Button exportFile = new Button(m.get("checklist.action.exportTemplate"));
        exportFile.setId("exportTemplate");
        exportFile.disableProperty().bind(vm.page().selectedProperty().isNull());
        exportFile.setOnAction(e -> {
            ChecklistTemplate t = vm.page().selectedProperty().get();
            dialogs.chooseFileToSave(
                            m.get("checklist.action.exportTemplate"),
                            t.name() + m.get("checklist.view.version", t.version()) + ".xlsx",
                            "Excel",
                            "*.xlsx")
                    .ifPresent(vm::exportTemplate);
        });
        HBox buttons = new HBox(6, publish, newVersion, importFile, exportFile);
        buttons.setPadding(new Insets(4, 0, 0, 0));
        Label hint = new Label(m.get("checklist.view.templatesHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("count-label");
        VBox box = new VBox(4, table, buttons, hint);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6, 0, 6, 8));
        box.setMinWidth(300);
        return box;
    }

    private Node formPane() {
        BooleanBinding locked = form.publishedProperty().or(form.deletedProperty());
        TextField name = RecordPageView.text("templateName", form.nameProperty());
        TextField year = RecordPageView.text("templateYear", form.yearProperty());
        TextField pass = RecordPageView.text("templatePassScore", form.passScoreProperty());
        TextField bonusCap = RecordPageView.text("templateBonusCap", form.bonusCapProperty());
        TextField bands = RecordPageView.text("templateBands", form.bandsProperty());
        bands.setPromptText(m.get("checklist.view.bandsPrompt"));
        ComboBox<NotApplicablePolicy> policy = new ComboBox<>();
        policy.getItems().setAll(NotApplicablePolicy.values());
        policy.setConverter(Tables.converter(p -> p == null ? "" : m.get(p.messageKey())));
        policy.valueProperty().bindBidirectional(form.notApplicableProperty());
        for (var c : List.of(name, year, pass, bonusCap, bands)) {
            c.disableProperty().bind(locked);
        }
        policy.disableProperty().bind(locked);

        Label total = new Label();
        total.setId("templateTotal");
        total.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> m.get(
                                "checklist.view.total",
                                form.itemTotal().stripTrailingZeros().toPlainString(),
                                form.categoryTotal().stripTrailingZeros().toPlainString()),
                        form.categoriesProperty()));

        // red while the items and the categories do not add up to the same points
        form.categoriesProperty().addListener((o, a, b) -> markTotal(total));
        markTotal(total);
        tree.setId("templateTree");
        tree.setShowRoot(false);
        tree.setPrefHeight(260);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                setText(empty || key == null ? null : describe(key));
            }
        });
        form.categoriesProperty().addListener((o, a, b) -> rebuildTree());
        // another template in the form: its node fields are not the last one's, even when the tree has the same shape
        vm.page().selectedProperty().addListener(o -> tree.getSelectionModel().clearSelection());
        rebuildTree();

        Button addCategory = new Button(m.get("checklist.action.addCategory"));
        addCategory.setId("addCategory");
        addCategory.setOnAction(e -> select(form.addCategory(
                Character.toString((char) ('A' + form.categoriesProperty().get().size())),
                m.get("checklist.view.newCategory"))));
        Button addItem = new Button(m.get("checklist.action.addItem"));
        addItem.setId("addItem");
        addItem.setOnAction(e -> {
            ChecklistCategory c = categoryOfSelection();
            if (c != null) {
                select(form.addItem(c.key(), c.code() + (c.items().size() + 1)));
            }
        });
        Button remove = new Button(m.get("checklist.action.removeNode"));
        remove.setId("removeNode");
        remove.setOnAction(e -> {
            TreeItem<String> s = tree.getSelectionModel().getSelectedItem();
            if (s != null) {
                form.remove(s.getValue());
            }
        });
        addItem.disableProperty()
                .bind(locked.or(tree.getSelectionModel().selectedItemProperty().isNull()));
        remove.disableProperty()
                .bind(locked.or(tree.getSelectionModel().selectedItemProperty().isNull()));
        addCategory.disableProperty().bind(locked);
        HBox treeButtons = new HBox(6, addCategory, addItem, remove);

        Node editor = nodeEditor(locked);
        VBox treeBox = new VBox(6, total, tree, treeButtons, editor);

        RecordPageView.FormGrid grid = new RecordPageView.FormGrid(form)
                .field(m.get("checklist.view.templateName"), name, "name")
                .field(m.get("checklist.view.year"), year, "year")
                .field(m.get("checklist.view.passScore"), pass, "passScore")
                .field(m.get("checklist.view.bonusCap"), bonusCap, "bonusCap")
                .field(m.get("checklist.view.notApplicablePolicy"), policy, "notApplicable")
                .field(m.get("checklist.view.bands"), bands, "bands")
                .unlabelled(treeBox);
        return RecordPageView.formPane(
                vm.page(),
                m,
                "template",
                m.get("checklist.view.newTemplate"),
                m.get("checklist.view.editTemplate"),
                grid,
                h -> HistoryText.describe(h, vm.readableChanges(h), m, java.time.ZoneId.systemDefault()));
    }

    private void markTotal(Label total) {
        total.getStyleClass().remove("issue-error");
        if (form.itemTotal().compareTo(form.categoryTotal()) != 0) {
            total.getStyleClass().add("issue-error");
        }
    }

    // ---- the tree

    private void rebuildTree() {
        if (sameShape()) {
            tree.refresh(); // an edit of a node's fields: keep the tree (and the clerk's caret) as it is
            return;
        }
        String chosen = tree.getSelectionModel().getSelectedItem() == null
                ? null
                : tree.getSelectionModel().getSelectedItem().getValue();
        TreeItem<String> top = new TreeItem<>("");
        for (ChecklistCategory c : form.categoriesProperty().get()) {
            TreeItem<String> ci = new TreeItem<>(c.key());
            ci.setExpanded(true);
            for (ChecklistItem i : c.items()) {
                ci.getChildren().add(new TreeItem<>(i.key()));
            }
            top.getChildren().add(ci);
        }
        filling = true;
        try {
            tree.setRoot(top);
            if (chosen != null) {
                select(chosen);
            }
        } finally {
            filling = false;
        }
    }

    /** Whether the tree already holds exactly these categories and items, in this order. */
    private boolean sameShape() {
        TreeItem<String> top = tree.getRoot();
        List<ChecklistCategory> categories = form.categoriesProperty().get();
        if (top == null || top.getChildren().size() != categories.size()) {
            return false;
        }
        for (int c = 0; c < categories.size(); c++) {
            TreeItem<String> ci = top.getChildren().get(c);
            ChecklistCategory category = categories.get(c);
            if (!ci.getValue().equals(category.key())
                    || ci.getChildren().size() != category.items().size()) {
                return false;
            }
            for (int i = 0; i < category.items().size(); i++) {
                if (!ci.getChildren()
                        .get(i)
                        .getValue()
                        .equals(category.items().get(i).key())) {
                    return false;
                }
            }
        }
        return true;
    }

    private void select(String key) {
        for (TreeItem<String> c : tree.getRoot().getChildren()) {
            if (c.getValue().equals(key)) {
                tree.getSelectionModel().select(c);
                return;
            }
            for (TreeItem<String> i : c.getChildren()) {
                if (i.getValue().equals(key)) {
                    tree.getSelectionModel().select(i);
                    return;
                }
            }
        }
    }

    private String describe(String key) {
        for (ChecklistCategory c : form.categoriesProperty().get()) {
            if (c.key().equals(key)) {
                BigDecimal sum = c.items().stream()
                        .filter(i -> !i.bonus() && i.maxPoints() != null)
                        .map(ChecklistItem::maxPoints)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                String points = TemplateFormModel.plain(c.points());
                return c.points() != null && sum.compareTo(c.points()) == 0
                        ? m.get("checklist.view.categoryNode", c.code(), c.name(), points)
                        : m.get(
                                "checklist.view.categoryNodeOff",
                                c.code(),
                                c.name(),
                                points,
                                TemplateFormModel.plain(sum));
            }
            for (ChecklistItem i : c.items()) {
                if (i.key().equals(key)) {
                    return m.get(
                            "checklist.view.itemNode",
                            i.number(),
                            i.text(),
                            TemplateFormModel.plain(i.maxPoints()),
                            m.get(i.mode().messageKey()));
                }
            }
        }
        return key;
    }

    private ChecklistCategory categoryOfSelection() {
        TreeItem<String> s = tree.getSelectionModel().getSelectedItem();
        if (s == null) {
            return null;
        }
        String key =
                s.getParent() == tree.getRoot() ? s.getValue() : s.getParent().getValue();
        return form.categoriesProperty().get().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    private ChecklistItem selectedItem() {
        TreeItem<String> s = tree.getSelectionModel().getSelectedItem();
        if (s == null || s.getParent() == tree.getRoot()) {
            return null;
        }
        return form.categoriesProperty().get().stream()
                .flatMap(c -> c.items().stream())
                .filter(i -> i.key().equals(s.getValue()))
                .findFirst()
                .orElse(null);
    }

    // ---- the chosen node's fields

    private Node nodeEditor(BooleanBinding locked) {
        TextField code = new TextField();
        code.setId("categoryCode");
        TextField categoryName = new TextField();
        categoryName.setId("categoryName");
        TextField categoryPoints = new TextField();
        categoryPoints.setId("categoryPoints");
        GridPane category = grid();
        addRow(category, 0, m.get("checklist.view.categoryCode"), code);
        addRow(category, 1, m.get("checklist.view.categoryName"), categoryName);
        addRow(category, 2, m.get("checklist.view.categoryPoints"), categoryPoints);

        TextField number = new TextField();
        number.setId("itemNumber");
        TextArea text = new TextArea();
        text.setId("itemText");
        text.setPrefRowCount(2);
        text.setWrapText(true);
        TextField points = new TextField();
        points.setId("itemPoints");
        ComboBox<ScoringMode> mode = new ComboBox<>();
        mode.setId("itemMode");
        mode.getItems().setAll(ScoringMode.values());
        mode.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.messageKey())));
        TextField deduction = new TextField();
        deduction.setId("itemDeduction");
        TextField floor = new TextField();
        floor.setId("itemFloor");
        CheckBox evidence = new CheckBox(m.get("checklist.view.evidenceRequired"));
        CheckBox veto = new CheckBox(m.get("checklist.view.veto"));
        veto.setId("itemVeto");
        CheckBox bonus = new CheckBox(m.get("checklist.view.bonus"));
        bonus.setId("itemBonus");
        Map<CheckMethod, CheckBox> methods = new EnumMap<>(CheckMethod.class);
        FlowPane methodBoxes = new FlowPane(8, 4);
        for (CheckMethod cm : CheckMethod.values()) {
            CheckBox b = new CheckBox(cm.label());
            methods.put(cm, b);
            methodBoxes.getChildren().add(b);
        }
        Map<OrganizationKind, CheckBox> kinds = new EnumMap<>(OrganizationKind.class);
        FlowPane kindBoxes = new FlowPane(8, 4);
        for (OrganizationKind k : OrganizationKind.values()) {
            CheckBox b = new CheckBox(k.fileName());
            kinds.put(k, b);
            kindBoxes.getChildren().add(b);
        }
        TextField key = new TextField();
        key.setId("itemKey");
        key.setEditable(false); // the stable key: answers, statistics and findings refer to it
        key.setFocusTraversable(false);
        TextField replaces = new TextField();
        replaces.setId("itemReplaces");
        replaces.setPromptText(m.get("checklist.view.replacesPrompt"));
        GridPane item = grid();
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

        VBox box = new VBox(category, item);
        category.managedProperty().bind(category.visibleProperty());
        item.managedProperty().bind(item.visibleProperty());
        category.setVisible(false);
        item.setVisible(false);
        category.disableProperty().bind(locked);
        for (Node n : List.of(number, text, points, mode, evidence, veto, bonus, methodBoxes, kindBoxes, replaces)) {
            n.disableProperty().bind(locked);
        }

        Runnable fill = () -> {
            filling = true;
            try {
                ChecklistItem i = selectedItem();
                ChecklistCategory c = i == null ? categoryOfSelection() : null;
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
                filling = false;
            }
        };
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> fill.run());

        Runnable applyCategory = () -> {
            ChecklistCategory c = categoryOfSelection();
            if (filling || c == null || selectedItem() != null) {
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
        };
        for (TextField f : List.of(code, categoryName, categoryPoints)) {
            f.textProperty().addListener(o -> applyCategory.run());
        }
        categoryPoints.textProperty().addListener((o, was, now) -> form.typed("categoryPoints", now));
        Runnable applyItem = () -> {
            ChecklistItem i = selectedItem();
            if (filling || i == null) {
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
        };
        for (TextField f : List.of(number, points, deduction, floor, replaces)) {
            f.textProperty().addListener(o -> applyItem.run());
        }
        // a number that cannot be read is the form's error (the item keeps its last good value meanwhile)
        points.textProperty().addListener((o, was, now) -> form.typed("points", now));
        deduction.textProperty().addListener((o, was, now) -> form.typed("deduction", now));
        floor.textProperty().addListener((o, was, now) -> form.typed("floor", now));
        text.textProperty().addListener(o -> applyItem.run());
        mode.valueProperty().addListener(o -> applyItem.run());
        for (CheckBox b : List.of(evidence, veto, bonus)) {
            b.selectedProperty().addListener(o -> applyItem.run());
        }
        methods.values().forEach(b -> b.selectedProperty().addListener(o -> applyItem.run()));
        kinds.values().forEach(b -> b.selectedProperty().addListener(o -> applyItem.run()));
        return box;
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
