package org.taizhang.organization.view;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FileButtons;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.Pickers;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.RecordPageView.FormGrid;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.RegistryHistory;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;
import org.taizhang.organization.view.RegistryFilter.Scope;

/**
 * 组织台账: the tree of units and organizations on the left, the filtered, sortable table in the middle, the
 * form on the right; units and communities on their own tabs. Thin: state and rules live in the view models.
 */
public final class RegistryView {
    private final RegistryViewModel vm;
    private final Messages m;
    private final TabPane tabs = new TabPane();
    private final TreeView<TreeEntry> tree = new TreeView<>();
    private final TableView<OrganizationRow> table = new TableView<>();
    private final CustomTextField searchField = (CustomTextField) TextFields.createClearableTextField();
    private final Label countLabel = new Label();

    /** What a tree node stands for. */
    record TreeEntry(Scope scope, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public RegistryView(RegistryViewModel vm) {
        this.vm = vm;
        this.m = vm.messages();
        Tab orgTab = new Tab(m.get("registry.tab.organizations"), organizationsPane());
        // the units' and communities' tabs are built when first chosen: the start shows the organizations only
        Tab unitTab = lazyTab(m.get("registry.tab.units"), () -> new UnitsView(vm).node());
        Tab communityTab = lazyTab(m.get("registry.tab.communities"), () -> new CommunitiesView(vm).node());
        for (Tab t : List.of(orgTab, unitTab, communityTab)) {
            t.setClosable(false);
        }
        tabs.setId("registryTabs");
        tabs.getTabs().setAll(orgTab, unitTab, communityTab);
        vm.tab.addListener((o, old, i) -> tabs.getSelectionModel().select(i.intValue()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, old, i) -> vm.tab.set(i.intValue()));
        vm.registryProperty().addListener((obs, old, r) -> rebuildTree(r));
        tabs.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                    tabs.getSelectionModel().select(orgTab);
                    searchField.requestFocus();
                });
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), vm::newOrganization);
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveShownTab);
            }
        });
    }

    public Node node() {
        return tabs;
    }

    private static Tab lazyTab(String text, Supplier<Node> content) {
        Tab tab = new Tab(text);
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content.get());
            }
        });
        return tab;
    }

    /** Ctrl+S saves the form of the tab in front. */
    private void saveShownTab() {
        switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> vm.units.save();
            case 2 -> vm.communities.save();
            default -> vm.save();
        }
    }

    private Node organizationsPane() {
        Button add = button("registry.action.new", "newOrganization", e -> vm.newOrganization());
        add.setTooltip(new Tooltip("Ctrl+N"));
        Button importButton = FileButtons.open(
                vm.dialogs(),
                m.get("registry.action.import"),
                "importRegistry",
                m.get("file.filter.xlsx"),
                "*.xlsx",
                vm::importFrom);
        Button exportXlsx =
                button("registry.action.exportXlsx", "exportXlsx", e -> vm.export(RegistryViewModel.ExportFormat.XLSX));
        Button exportCsv =
                button("registry.action.exportCsv", "exportCsv", e -> vm.export(RegistryViewModel.ExportFormat.CSV));
        Button exportPdf =
                button("registry.action.exportPdf", "exportPdf", e -> vm.export(RegistryViewModel.ExportFormat.PDF));
        Button template = FileButtons.save(
                vm.dialogs(),
                m.get("registry.action.template"),
                "exportTemplate",
                m.get("registry.file.templateName"),
                m.get("file.filter.xlsx"),
                "xlsx",
                vm::exportTemplate);
        Button refresh = button("registry.action.refresh", "refreshRegistry", e -> vm.refresh());
        ToggleButton showForm = new ToggleButton(m.get("registry.action.showForm"));
        showForm.setId("showForm");
        showForm.setTooltip(new Tooltip(m.get("registry.action.showForm.tip")));
        showForm.selectedProperty().bindBidirectional(vm.formShown);
        ToolBar toolbar = new ToolBar(add, importButton, exportXlsx, exportCsv, exportPdf, template, refresh, showForm);

        tree.setId("registryTree");
        tree.setShowRoot(false);
        tree.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, item) ->
                        vm.scope.set(item == null ? Scope.ALL : item.getValue().scope()));
        tree.setMinWidth(150);

        SplitPane split = new SplitPane(tree, tablePane());
        split.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(tree, false);
        // the form is built the first time it is shown: the start shows the table only
        Node[] built = {null};
        Supplier<Node> form = () -> {
            if (built[0] == null) {
                built[0] = formPane();
                SplitPane.setResizableWithParent(built[0], false);
            }
            return built[0];
        };
        Runnable placeForm = () -> {
            fitColumns(vm.formShown.get());
            double treeDivider = split.getDividerPositions()[0];
            if (vm.formShown.get() && !split.getItems().contains(form.get())) {
                split.getItems().add(form.get());
                // the tree gives up its width to the table, so the key columns stay in view at 1366 px
                double narrowTree = split.getWidth() > 0 ? tree.getMinWidth() / split.getWidth() : treeDivider;
                split.setDividerPositions(Math.min(treeDivider, narrowTree), 0.74);
            } else if (!vm.formShown.get() && built[0] != null) {
                split.getItems().remove(built[0]);
                split.setDividerPositions(treeDivider);
            }
        };
        vm.formShown.addListener(o -> placeForm.run());
        placeForm.run();
        BorderPane pane = new BorderPane(split);
        pane.setTop(toolbar);
        return pane;
    }

    /** Column widths with the form closed, and with it open (1366 px: every column stays in view, 提示 narrow). */
    private static final double[] WIDE = {210, 66, 150, 66, 52, 90, 110, 260};

    private static final double[] NARROW = {150, 62, 116, 56, 46, 84, 92, 70};

    private void fitColumns(boolean formOpen) {
        double[] widths = formOpen ? NARROW : WIDE;
        for (int i = 0; i < widths.length && i < table.getColumns().size(); i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
    }

    private Node tablePane() {
        searchField.setId("registrySearch");
        searchField.setPromptText(m.get("registry.search.prompt"));
        searchField.textProperty().bindBidirectional(vm.search);
        HBox.setHgrow(searchField, Priority.ALWAYS);
        ComboBox<OrganizationKind> kind = new ComboBox<>();
        kind.setId("kindFilter");
        kind.getItems().add(null);
        kind.getItems().addAll(OrganizationKind.values());
        kind.setConverter(Tables.converter(k -> k == null ? m.get("registry.filter.allKinds") : m.get(k.messageKey())));
        kind.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(OrganizationKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? m.get("registry.filter.allKinds") : m.get(item.messageKey()));
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindFilter);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox issuesOnly = new CheckBox(m.get("registry.filter.issuesOnly"));
        issuesOnly.setId("issuesOnly");
        issuesOnly.selectedProperty().bindBidirectional(vm.issuesOnly);
        issuesOnly.setMinWidth(Region.USE_PREF_SIZE);
        searchField.setMinWidth(160);
        // a 工作台 tile's filter, named, with ✕ to drop it
        Button quick = new Button();
        quick.setId("quickFilter");
        quick.setMinWidth(Region.USE_PREF_SIZE);
        quick.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> switch (vm.quick.get()) {
                            case BRANCHES -> m.get("registry.filter.quick", m.get("registry.filter.branches"));
                            case TERM_EXPIRED -> m.get("registry.filter.quick", m.get("registry.filter.termExpired"));
                            case MEMBERS_COUNTED ->
                                m.get("registry.filter.quick", m.get("registry.filter.membersCounted"));
                            default -> "";
                        },
                        vm.quick));
        quick.visibleProperty().bind(vm.quick.isNotEqualTo(RegistryFilter.Quick.NONE));
        quick.managedProperty().bind(quick.visibleProperty());
        quick.setOnAction(e -> vm.quick.set(RegistryFilter.Quick.NONE));
        HBox filters = new HBox(6, searchField, kind, issuesOnly, quick);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setId("registryTable");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getColumns()
                .setAll(List.<javafx.scene.control.TableColumn<OrganizationRow, ?>>of(
                        Tables.textColumn(
                                m.get("registry.column.name"),
                                210,
                                (OrganizationRow r) -> r.organization().name()),
                        Tables.textColumn(m.get("registry.column.kind"), 66, OrganizationRow::kindLabel),
                        Tables.textColumn(m.get("registry.column.unit"), 150, OrganizationRow::unitName),
                        Tables.textColumn(
                                m.get("registry.column.secretary"),
                                66,
                                (OrganizationRow r) -> r.organization().secretary()),
                        Tables.valueColumn(
                                m.get("registry.column.members"),
                                52,
                                (OrganizationRow r) -> r.organization().memberCount(),
                                String::valueOf),
                        Tables.valueColumn(
                                m.get("registry.column.termEnd"),
                                90,
                                (OrganizationRow r) -> r.organization().termEnd(),
                                LocalDate::toString),
                        Tables.textColumn(m.get("registry.column.community"), 110, OrganizationRow::communityName),
                        Tables.textColumn(m.get("registry.column.issues"), 260, OrganizationRow::issueText)));
        SortedList<OrganizationRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(OrganizationRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("row-warning");
                if (!empty && item != null && item.hasIssues()) {
                    getStyleClass().add("row-warning");
                }
            }
        });
        RecordPageView.follow(
                table,
                vm.organizations,
                OrganizationRow::organization,
                (row, o) -> row.organization().id().equals(o.id()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                vm.formShown.set(true);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                vm.deleteSelected();
            }
        });
        countLabel.getStyleClass().add("count-label");
        countLabel.setId("registryCount");
        Runnable count = () -> {
            countLabel.setText(m.get("registry.count", vm.rows().size(), vm.totalCount()));
            placeholder.setText(m.get(vm.totalCount() == 0 ? "registry.table.nothingYet" : "registry.table.empty"));
        };
        vm.rows().addListener((ListChangeListener<OrganizationRow>) c -> count.run());
        count.run();
        VBox box = new VBox(6, filters, table, countLabel);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private Node formPane() {
        OrganizationFormModel f = vm.form();
        Button close = new Button(m.get("registry.form.close"));
        close.setId("closeForm");
        close.setTooltip(new Tooltip(m.get("registry.action.showForm.tip")));
        close.setOnAction(e -> vm.formShown.set(false));

        ComboBox<OrganizationKind> kind = new ComboBox<>();
        kind.setId("orgKind");
        kind.getItems().setAll(OrganizationKind.values());
        kind.setConverter(Tables.converter(k -> k == null ? "" : m.get(k.messageKey())));
        kind.valueProperty().bindBidirectional(f.kind);
        // 62 units: typing part of the name finds one
        SearchableComboBox<Unit> unit = new SearchableComboBox<>(f.unitChoices);
        unit.setId("orgUnit");
        unit.setConverter(Tables.converter(u -> u == null ? "" : u.name()));
        Pickers.pinyin(unit, m);
        unit.valueProperty().bindBidirectional(f.unit);
        SearchableComboBox<Organization> parent = new SearchableComboBox<>(f.parentChoices);
        parent.setId("orgParent");
        parent.setConverter(Tables.converter(o -> o == null ? m.get("registry.form.noParent") : o.name()));
        Pickers.pinyin(parent, m);
        parent.valueProperty().bindBidirectional(f.parent);
        ComboBox<Community> community = new ComboBox<>(f.communityChoices);
        community.setId("orgCommunity");
        community.setConverter(Tables.converter(c -> c == null ? m.get("registry.form.noCommunity") : c.name()));
        community.valueProperty().bindBidirectional(f.community);
        TextField members = RecordPageView.text("orgMembers", f.members);
        members.setPrefColumnCount(6);
        CheckBox committee = new CheckBox(m.get("registry.form.committee"));
        committee.setId("orgCommittee");
        committee.selectedProperty().bindBidirectional(f.committee);
        String prompt = m.get("form.date.prompt");

        FormGrid grid = new FormGrid(f)
                .field(m.get("registry.form.name"), RecordPageView.text("orgName", f.name), RegistryColumns.ORG_NAME)
                .field(m.get("registry.form.kind"), kind, RegistryColumns.ORG_KIND)
                .field(m.get("registry.form.unit"), unit, RegistryColumns.ORG_UNIT)
                .field(m.get("registry.form.parent"), parent, RegistryColumns.ORG_PARENT)
                .field(
                        m.get("registry.form.secretary"),
                        RecordPageView.text("orgSecretary", f.secretary),
                        RegistryColumns.ORG_SECRETARY)
                .field(
                        m.get("registry.form.deputy"),
                        RecordPageView.text("orgDeputy", f.deputy),
                        RegistryColumns.ORG_DEPUTY)
                .field(m.get("registry.form.members"), members, RegistryColumns.ORG_MEMBERS)
                .unlabelled(committee)
                .field(
                        m.get("registry.form.termStart"),
                        DateFields.picker("orgTermStart", f.termStart, prompt, m),
                        RegistryColumns.ORG_TERM_START)
                .field(
                        m.get("registry.form.termEnd"),
                        DateFields.picker("orgTermEnd", f.termEnd, prompt, m),
                        RegistryColumns.ORG_TERM_END)
                .field(m.get("registry.form.community"), community, RegistryColumns.ORG_COMMUNITY)
                .field(
                        m.get("registry.form.contactPerson"),
                        RecordPageView.text("orgContactPerson", f.contactPerson),
                        RegistryColumns.CONTACT_PERSON)
                .field(
                        m.get("registry.form.contactPhone"),
                        RecordPageView.text("orgContactPhone", f.contactPhone),
                        RegistryColumns.CONTACT_PHONE)
                .field(
                        m.get("registry.form.remark"),
                        RecordPageView.text("orgRemark", f.remark),
                        RegistryColumns.REMARK);
        return RecordPageView.formPane(
                vm.organizations,
                m,
                "org",
                m.get("registry.form.newTitle"),
                m.get("registry.form.editTitle"),
                grid,
                h -> HistoryText.describe(
                        h,
                        RegistryHistory.ofOrganization(h, vm.registryProperty().get()),
                        m,
                        ZoneId.systemDefault()),
                close);
    }

    private void rebuildTree(Registry r) {
        TreeItem<TreeEntry> units = new TreeItem<>(new TreeEntry(Scope.ALL, m.get("registry.tree.all")));
        units.setExpanded(true);
        for (Unit u : r.units()) {
            TreeItem<TreeEntry> unitItem = new TreeItem<>(new TreeEntry(
                    new Scope(Scope.Type.UNIT, u.id()), u.shortName() != null ? u.shortName() : u.name()));
            for (Organization top : r.topLevel(u.id())) {
                unitItem.getChildren().add(organizationItem(r, top));
            }
            units.getChildren().add(unitItem);
        }
        // the few 共同体 first, so they are not below sixty units; the group itself filters nothing
        TreeItem<TreeEntry> communities = new TreeItem<>(new TreeEntry(Scope.ALL, m.get("registry.tree.communities")));
        for (Community c : r.communities()) {
            communities
                    .getChildren()
                    .add(new TreeItem<>(new TreeEntry(new Scope(Scope.Type.COMMUNITY, c.id()), c.name())));
        }
        TreeItem<TreeEntry> root = new TreeItem<>(new TreeEntry(Scope.ALL, ""));
        if (!communities.getChildren().isEmpty()) {
            root.getChildren().add(communities);
        }
        root.getChildren().add(units);
        Scope keep = vm.scope.get();
        tree.setRoot(root);
        if (!selectScope(units, keep)) {
            selectScope(communities, keep);
        }
    }

    private boolean selectScope(TreeItem<TreeEntry> item, Scope scope) {
        if (item.getValue().scope().equals(scope)) {
            tree.getSelectionModel().select(item);
            return true;
        }
        for (TreeItem<TreeEntry> child : item.getChildren()) {
            if (selectScope(child, scope)) {
                item.setExpanded(true);
                return true;
            }
        }
        return false;
    }

    private TreeItem<TreeEntry> organizationItem(Registry r, Organization o) {
        TreeItem<TreeEntry> item = new TreeItem<>(new TreeEntry(new Scope(Scope.Type.ORGANIZATION, o.id()), o.name()));
        for (Organization child : r.children(o.id())) {
            if (child.kind().canHaveChildren()) { // branches are the table's job; the tree stays short
                item.getChildren().add(organizationItem(r, child));
            }
        }
        return item;
    }

    private Button button(String key, String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(m.get(key));
        b.setId(id);
        b.setOnAction(action);
        return b;
    }
}
