package org.taizhang.organization.view;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.text.CellValues;
import org.taizhang.organization.Community;
import org.taizhang.organization.Organization;
import org.taizhang.organization.OrganizationKind;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryColumns;
import org.taizhang.organization.RegistryHistory;
import org.taizhang.organization.Unit;
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

    public RegistryView(RegistryViewModel vm, UnitsView units, CommunitiesView communities) {
        this.vm = vm;
        this.m = vm.messages();
        Tab orgTab = new Tab(m.get("registry.tab.organizations"), organizationsPane());
        Tab unitTab = new Tab(m.get("registry.tab.units"), units.node());
        Tab communityTab = new Tab(m.get("registry.tab.communities"), communities.node());
        for (Tab t : List.of(orgTab, unitTab, communityTab)) {
            t.setClosable(false);
        }
        tabs.setId("registryTabs");
        tabs.getTabs().setAll(orgTab, unitTab, communityTab);
        vm.registryProperty().addListener((obs, old, r) -> rebuildTree(r));
        tabs.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                    tabs.getSelectionModel().select(orgTab);
                    searchField.requestFocus();
                });
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), vm::newOrganization);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
            }
        });
    }

    public Node node() {
        return tabs;
    }

    private Node organizationsPane() {
        Button add = button("registry.action.new", "newOrganization", e -> vm.newOrganization());
        add.setTooltip(new Tooltip("Ctrl+N"));
        Button importButton = button(
                "registry.action.import",
                "importRegistry",
                e -> vm.dialogs()
                        .chooseFileToOpen(m.get("registry.action.import"), m.get("file.filter.xlsx"), "*.xlsx")
                        .ifPresent(vm::importFrom));
        Button exportXlsx = saveButton(
                "registry.action.exportXlsx",
                "exportXlsx",
                "registry.file.exportName",
                "file.filter.xlsx",
                "xlsx",
                vm::exportTo);
        Button exportCsv = saveButton(
                "registry.action.exportCsv",
                "exportCsv",
                "registry.file.exportName",
                "file.filter.csv",
                "csv",
                vm::exportTo);
        Button exportPdf = saveButton(
                "registry.action.exportPdf",
                "exportPdf",
                "registry.file.exportName",
                "file.filter.pdf",
                "pdf",
                vm::exportTo);
        Button template = saveButton(
                "registry.action.template",
                "exportTemplate",
                "registry.file.templateName",
                "file.filter.xlsx",
                "xlsx",
                vm::exportTemplate);
        Button refresh = button("registry.action.refresh", "refreshRegistry", e -> vm.reload(() -> {}));
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

        Node form = formPane();
        SplitPane split = new SplitPane(tree, tablePane());
        split.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(tree, false);
        SplitPane.setResizableWithParent(form, false);
        Runnable placeForm = () -> {
            double treeDivider = split.getDividerPositions()[0];
            if (vm.formShown.get() && !split.getItems().contains(form)) {
                split.getItems().add(form);
                split.setDividerPositions(treeDivider, 0.70);
            } else if (!vm.formShown.get()) {
                split.getItems().remove(form);
                split.setDividerPositions(treeDivider);
            }
        };
        vm.formShown.addListener(o -> placeForm.run());
        placeForm.run();
        BorderPane pane = new BorderPane(split);
        pane.setTop(toolbar);
        return pane;
    }

    /** A toolbar button that asks where to save (its own label as the chooser's title), then hands the file on. */
    private Button saveButton(
            String labelKey,
            String id,
            String fileNameKey,
            String filterKey,
            String extension,
            java.util.function.Consumer<java.nio.file.Path> then) {
        return button(
                labelKey,
                id,
                e -> vm.dialogs()
                        .chooseFileToSave(
                                m.get(labelKey),
                                m.get(fileNameKey) + "." + extension,
                                m.get(filterKey),
                                "*." + extension)
                        .ifPresent(then));
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
        kind.setConverter(converter(k -> k == null ? m.get("registry.filter.allKinds") : m.get(k.messageKey())));
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
        HBox filters = new HBox(6, searchField, kind, issuesOnly);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setId("registryTable");
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getColumns()
                .setAll(List.of(
                        column(
                                "registry.column.name",
                                210,
                                r -> r.organization().name()),
                        column("registry.column.kind", 66, OrganizationRow::kindLabel),
                        column("registry.column.unit", 150, OrganizationRow::unitName),
                        column(
                                "registry.column.secretary",
                                66,
                                r -> nz(r.organization().secretary())),
                        valueColumn(
                                "registry.column.members",
                                52,
                                r -> r.organization().memberCount()),
                        valueColumn(
                                "registry.column.termEnd",
                                90,
                                r -> r.organization().termEnd()),
                        column("registry.column.community", 110, OrganizationRow::communityName),
                        column("registry.column.issues", 260, OrganizationRow::issueText)));
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
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                vm.selected.set(row);
            }
        });
        vm.selected.addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection(); // 新增: no row stays highlighted beside an empty form
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
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
        Label title = new Label();
        title.getStyleClass().add("form-title");
        title.textProperty()
                .bind(javafx.beans.binding.Bindings.when(f.isNewProperty())
                        .then(m.get("registry.form.newTitle"))
                        .otherwise(m.get("registry.form.editTitle")));
        Button close = new Button(m.get("registry.form.close"));
        close.setId("closeForm");
        close.setTooltip(new Tooltip(m.get("registry.action.showForm.tip")));
        close.setOnAction(e -> vm.formShown.set(false));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, title, gap, close);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TextField name = text("orgName", f.name);
        ComboBox<OrganizationKind> kind = new ComboBox<>();
        kind.setId("orgKind");
        kind.getItems().setAll(OrganizationKind.values());
        kind.setConverter(converter(k -> k == null ? "" : m.get(k.messageKey())));
        kind.valueProperty().bindBidirectional(f.kind);
        ComboBox<Unit> unit = new ComboBox<>();
        unit.setId("orgUnit");
        unit.setConverter(converter(u -> u == null ? "" : u.name()));
        unit.valueProperty().bindBidirectional(f.unit);
        ComboBox<Organization> parent = new ComboBox<>();
        parent.setId("orgParent");
        parent.setConverter(converter(o -> o == null ? m.get("registry.form.noParent") : o.name()));
        parent.valueProperty().bindBidirectional(f.parent);
        ComboBox<Community> community = new ComboBox<>();
        community.setId("orgCommunity");
        community.setConverter(converter(c -> c == null ? m.get("registry.form.noCommunity") : c.name()));
        community.valueProperty().bindBidirectional(f.community);
        Runnable refreshChoices = () -> {
            Registry r = f.registry();
            unit.getItems().setAll(r.units());
            Unit u = f.unit.get();
            parent.getItems().setAll(new java.util.ArrayList<Organization>(java.util.Collections.singletonList(null)));
            if (u != null) {
                r.organizations().stream()
                        .filter(o -> o.unitId().equals(u.id()) && o.kind().canHaveChildren() && !o.id().equals(f.id()))
                        .forEach(parent.getItems()::add);
            }
            parent.setValue(f.parent.get());
            community.getItems().setAll(new java.util.ArrayList<Community>(java.util.Collections.singletonList(null)));
            community.getItems().addAll(r.communities());
            community.setValue(f.community.get());
        };
        vm.registryProperty().addListener(o -> refreshChoices.run());
        f.unit.addListener(o -> refreshChoices.run());
        TextField secretary = text("orgSecretary", f.secretary);
        TextField deputy = text("orgDeputy", f.deputy);
        TextField members = text("orgMembers", f.members);
        members.setPrefColumnCount(6);
        CheckBox committee = new CheckBox(m.get("registry.form.committee"));
        committee.setId("orgCommittee");
        committee.selectedProperty().bindBidirectional(f.committee);
        DatePicker start = date("orgTermStart", f.termStart);
        DatePicker end = date("orgTermEnd", f.termEnd);
        TextField person = text("orgContactPerson", f.contactPerson);
        TextField phone = text("orgContactPhone", f.contactPhone);
        TextField remark = text("orgRemark", f.remark);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        int row = 0;
        row = addRow(grid, row, "registry.form.name", name, RegistryColumns.ORG_NAME);
        row = addRow(grid, row, "registry.form.kind", kind, RegistryColumns.ORG_KIND);
        row = addRow(grid, row, "registry.form.unit", unit, RegistryColumns.ORG_UNIT);
        row = addRow(grid, row, "registry.form.parent", parent, RegistryColumns.ORG_PARENT);
        row = addRow(grid, row, "registry.form.secretary", secretary, RegistryColumns.ORG_SECRETARY);
        row = addRow(grid, row, "registry.form.deputy", deputy, RegistryColumns.ORG_DEPUTY);
        row = addRow(grid, row, "registry.form.members", members, RegistryColumns.ORG_MEMBERS);
        grid.add(committee, 1, row++);
        row = addRow(grid, row, "registry.form.termStart", start, RegistryColumns.ORG_TERM_START);
        row = addRow(grid, row, "registry.form.termEnd", end, RegistryColumns.ORG_TERM_END);
        row = addRow(grid, row, "registry.form.community", community, RegistryColumns.ORG_COMMUNITY);
        row = addRow(grid, row, "registry.form.contactPerson", person, RegistryColumns.CONTACT_PERSON);
        row = addRow(grid, row, "registry.form.contactPhone", phone, RegistryColumns.CONTACT_PHONE);
        addRow(grid, row, "registry.form.remark", remark, RegistryColumns.REMARK);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);

        VBox issues = new VBox(2);
        issues.setId("formIssues");
        // a blank new form is not yet wrong: its messages appear once the clerk starts typing
        issues.visibleProperty().bind(f.dirtyProperty().or(f.isNewProperty().not()));
        issues.managedProperty().bind(issues.visibleProperty());
        f.issues.addListener((ListChangeListener<Issue>) c -> {
            issues.getChildren().clear();
            for (Issue i : f.issues) {
                Label l = new Label((i.isError() ? "✗ " : "! ") + m.get(i.messageKey(), i.args()));
                l.setWrapText(true);
                l.getStyleClass().add(i.isError() ? "issue-error" : "issue-warning");
                issues.getChildren().add(l);
            }
        });

        Button save = new Button(m.get("registry.action.save"));
        save.setId("saveOrganization");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip("Ctrl+S"));
        save.disableProperty().bind(f.hasErrorsProperty());
        save.setOnAction(e -> vm.save());
        Button delete = new Button(m.get("registry.action.delete"));
        delete.setId("deleteOrganization");
        delete.disableProperty().bind(f.isNewProperty());
        delete.setOnAction(e -> vm.deleteSelected());
        HBox buttons = new HBox(6, save, delete);

        ListView<HistoryEntry> history = new ListView<>(vm.history);
        history.setId("orgHistory");
        history.setPrefHeight(120);
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setText(
                        empty || h == null
                                ? null
                                : HistoryText.describe(
                                        h,
                                        RegistryHistory.ofOrganization(
                                                h, vm.registryProperty().get()),
                                        m));
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening it
            }
        });
        TitledPane historyPane = new TitledPane(m.get("registry.form.history"), history);
        historyPane.setExpanded(false);

        VBox form = new VBox(8, header, grid, issues, buttons, historyPane);
        form.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(300);
        return scroll;
    }

    private int addRow(GridPane grid, int row, String labelKey, Control field, String column) {
        Label label = new Label(m.get(labelKey));
        label.setLabelFor(field);
        field.setMaxWidth(Double.MAX_VALUE);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        vm.form().issues.addListener((ListChangeListener<Issue>) c -> {
            field.getStyleClass().remove("field-error");
            boolean shown = vm.form().dirtyProperty().get()
                    || !vm.form().isNewProperty().get();
            if (shown && vm.form().fieldHasError(column)) {
                field.getStyleClass().add("field-error");
            }
        });
        return row + 1;
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

    private TableColumn<OrganizationRow, String> column(
            String key, double width, Function<OrganizationRow, String> value) {
        TableColumn<OrganizationRow, String> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setComparator(java.text.Collator.getInstance(java.util.Locale.CHINA)::compare);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                whole.setText(item);
                setTooltip(blank ? null : whole); // a cut-off 提示 or unit name can be read in full
            }
        });
        return c;
    }

    /** A column whose values sort by their own order (numbers, dates). */
    private <V> TableColumn<OrganizationRow, V> valueColumn(
            String key, double width, Function<OrganizationRow, V> value) {
        TableColumn<OrganizationRow, V> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(property);
        return t;
    }

    private DatePicker date(String id, javafx.beans.property.ObjectProperty<LocalDate> property) {
        DatePicker d = new DatePicker();
        d.setId(id);
        d.setPromptText(m.get("form.date.prompt"));
        d.setConverter(DATES);
        d.valueProperty().bindBidirectional(property);
        return d;
    }

    /**
     * Dates as the table, the workbook and the import write them (2024-05-01), read the way the import reads
     * them (2024/5/1, 2024年5月1日 …). Unreadable text throws, so the picker keeps its old value instead of
     * silently emptying the field.
     */
    static final StringConverter<LocalDate> DATES = new StringConverter<>() {
        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : date.toString();
        }

        @Override
        public LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            return CellValues.date(text.strip())
                    .orElseThrow(() -> new java.time.format.DateTimeParseException("not a date", text, 0));
        }
    };

    static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return toText.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
