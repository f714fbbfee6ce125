package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.Tables;

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
    private final TemplateTree nodes;

    public TemplatesView(TemplatesViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.form = vm.form();
        this.m = messages;
        this.nodes = new TemplateTree(form, messages);
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
        TreeView<String> tree = nodes.tree;
        form.categoriesProperty().addListener((o, a, b) -> nodes.rebuild());
        // another template in the form: its node fields are not the last one's, even when the tree has the same shape
        vm.page().selectedProperty().addListener(o -> tree.getSelectionModel().clearSelection());
        nodes.rebuild();

        Button addCategory = new Button(m.get("checklist.action.addCategory"));
        addCategory.setId("addCategory");
        addCategory.setOnAction(e -> nodes.select(form.addCategory(
                Character.toString((char) ('A' + form.categoriesProperty().get().size())),
                m.get("checklist.view.newCategory"))));
        Button addItem = new Button(m.get("checklist.action.addItem"));
        addItem.setId("addItem");
        addItem.setOnAction(e -> {
            ChecklistCategory c = nodes.categoryOfSelection();
            if (c != null) {
                nodes.select(form.addItem(c.key(), c.code() + (c.items().size() + 1)));
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

        Node editor = new TemplateNodeEditor(form, nodes, m).node(locked);
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
}
