package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.view.AssessmentsViewModel.BranchRow;
import org.taizhang.checklist.view.AssessmentsViewModel.ItemRow;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.model.Community;

/**
 * 支部测评: the branches of a year on the left, the chosen branch's scoring sheet on the right. The sheet is
 * filled by keyboard alone in the entry under it: Enter saves the answer and moves to the next item (so an
 * inspector types 是 ⏎ 8 ⏎ 2 ⏎ …), ↑/↓ move, Ctrl+N jumps to the next unscored item. Unscored items are
 * marked; the team's score beside the branch's own is highlighted where they differ.
 */
public final class AssessmentsView {
    private final AssessmentsViewModel vm;
    private final DialogService dialogs;
    private final Messages m;
    private final BorderPane root = new BorderPane();
    private final TableView<ItemRow> sheet = new TableView<>();
    private TableColumn<ItemRow, String> inputColumn;
    private final AnswerEntry entry;

    public AssessmentsView(AssessmentsViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.m = messages;
        this.entry = new AnswerEntry(vm, sheet, dialogs, messages);
        root.setTop(toolbar());
        SplitPane split = new SplitPane(branchList(), sheetPane());
        split.setDividerPositions(0.36);
        root.setCenter(split);
    }

    public Node node() {
        return root;
    }

    private Node toolbar() {
        ComboBox<Integer> year = new ComboBox<>();
        year.setId("assessmentYear");
        vm.yearProperty().addListener((o, a, y) -> {
            int now = y.intValue();
            if (year.getItems().isEmpty() || !year.getItems().contains(now)) {
                year.getItems().setAll(List.of(now + 1, now, now - 1, now - 2));
            }
            year.getSelectionModel().select(Integer.valueOf(now));
        });
        year.setOnAction(e -> {
            Integer y = year.getValue();
            if (y != null && y != vm.yearProperty().get()) {
                vm.load(y, () -> {});
            }
        });
        ToggleGroup rounds = new ToggleGroup();
        HBox roundButtons = new HBox(0);
        for (Round r : Round.values()) {
            ToggleButton b = new ToggleButton(m.get(r.messageKey()));
            b.setId("round-" + r.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(rounds);
            b.setUserData(r);
            b.setSelected(r == vm.roundProperty().get());
            roundButtons.getChildren().add(b);
        }
        rounds.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                rounds.selectToggle(old); // a round is always chosen
            } else {
                vm.roundProperty().set((Round) t.getUserData());
            }
        });
        TextField search = new TextField();
        search.setId("branchSearch");
        search.setPromptText(m.get("checklist.view.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        ComboBox<AcceptanceStatus> status = new ComboBox<>();
        status.setId("statusFilter");
        status.getItems().add(null);
        status.getItems().addAll(AcceptanceStatus.values());
        status.setConverter(
                Tables.converter(s -> s == null ? m.get("checklist.view.allStatuses") : m.get(s.messageKey())));
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        ComboBox<Community> community = new ComboBox<>();
        community.setId("communityFilter");
        community.setConverter(Tables.converter(c -> c == null ? m.get("checklist.view.allCommunities") : c.name()));
        Runnable fill = () -> {
            Community chosen = vm.communityFilterProperty().get();
            community.getItems().setAll(new java.util.ArrayList<Community>(java.util.Collections.singleton(null)));
            community.getItems().addAll(vm.communities());
            community.setValue(chosen);
        };
        vm.communities().addListener((javafx.collections.ListChangeListener<Community>) c -> fill.run());
        community
                .valueProperty()
                .addListener((o, a, c) -> vm.communityFilterProperty().set(c));
        vm.communityFilterProperty().addListener((o, a, c) -> community.setValue(c));
        Label yearLabel = new Label(m.get("checklist.view.year"));
        Label roundLabel = new Label(m.get("checklist.view.round"));
        HBox bar = new HBox(8, yearLabel, year, roundLabel, roundButtons, search, status, community);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        HBox.setHgrow(search, Priority.SOMETIMES);
        return bar;
    }

    private Node branchList() {
        TableView<BranchRow> table = new TableView<>();
        table.setId("branchTable");
        table.setPlaceholder(new Label(m.get("checklist.view.noBranches")));
        table.getColumns()
                .addAll(
                        Tables.textColumn(m.get("checklist.view.unit"), 110, BranchRow::unitName),
                        Tables.textColumn(
                                m.get("checklist.view.branch"),
                                150,
                                r -> r.organization().name()),
                        Tables.textColumn(
                                m.get("checklist.view.status"),
                                64,
                                r -> m.get(r.status().messageKey())),
                        Tables.valueColumn(
                                m.get("checklist.view.score"),
                                52,
                                r -> r.latest() == null ? null : r.latest().total(),
                                BigDecimal::toPlainString),
                        Tables.textColumn(
                                m.get("checklist.view.rating"),
                                52,
                                r -> r.directlyRated() ? m.get("checklist.view.directMark", r.rating()) : r.rating()),
                        Tables.textColumn(m.get("checklist.view.community"), 110, BranchRow::communityName));
        var sorted = new javafx.collections.transformation.SortedList<>(vm.shownBranches());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != vm.branchProperty().get()) {
                vm.select(r);
            }
        });
        Label count = new Label();
        count.getStyleClass().add("count-label");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> m.get(
                                "checklist.view.branchCount",
                                vm.shownBranches().size(),
                                vm.branches().size()),
                        vm.shownBranches(),
                        vm.branches()));
        VBox box = new VBox(4, table, count);
        box.setPadding(new Insets(0, 0, 4, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setMinWidth(280);
        return box;
    }

    /** The chosen branch's sheet: its head, the items (or how to start), the entry and the buttons under it. */
    private Node sheetPane() {
        Node head = new SheetHeader(vm, dialogs, m).node();
        itemSheet();
        Node startBox = startBox();
        StackPane middle = new StackPane(sheet, startBox);
        StackPane.setAlignment(startBox, Pos.TOP_LEFT);
        Node buttons = sheetButtons();
        BorderPane pane = new BorderPane(middle);
        pane.setTop(head);
        pane.setBottom(new VBox(entry.node(), buttons));
        pane.setMinWidth(420);
        pane.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), entry::jumpToUnscored);
            }
        });
        return pane;
    }

    /** The items, marked unscored, not applicable or differing from the branch's own; Enter goes to the entry. */
    private void itemSheet() {
        sheet.setId("itemSheet");
        sheet.setItems(vm.items());
        sheet.visibleProperty().bind(vm.assessmentProperty().isNotNull());
        sheet.getSelectionModel().setCellSelectionEnabled(false);
        sheet.getColumns().addAll(itemColumns());
        sheet.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ItemRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("row-unscored", "row-differs", "row-na");
                if (!empty && r != null) {
                    if (r.answer() != null && r.answer().notApplicable()) {
                        getStyleClass().add("row-na");
                    } else if (!r.scored() && !r.item().bonus()) {
                        getStyleClass().add("row-unscored");
                    } else if (r.differsFromSelf()) {
                        getStyleClass().add("row-differs");
                    }
                }
            }
        });
        // Enter (or typing) on the sheet goes to the answer field below it
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (sheet.getSelectionModel().getSelectedItem() != null
                    && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2)) {
                entry.focus();
                e.consume();
            }
        });
    }

    /** Nothing started in this round: choose the template and start. */
    private Node startBox() {
        ComboBox<ChecklistTemplate> template = new ComboBox<>(vm.templates());
        template.setId("templateToStart");
        template.setConverter(
                Tables.converter(t -> t == null ? "" : t.name() + m.get("checklist.view.version", t.version())));
        template.valueProperty().bindBidirectional(vm.templateToStartProperty());
        Button start = new Button(m.get("checklist.action.start"));
        start.setId("startAssessment");
        start.setDefaultButton(false);
        start.disableProperty().bind(template.valueProperty().isNull());
        start.setOnAction(e -> vm.start());
        Label notStarted = new Label(m.get("checklist.view.notStarted"));
        notStarted.setWrapText(true);
        HBox startBar = new HBox(8, template, start);
        startBar.setAlignment(Pos.CENTER_LEFT);
        VBox startBox = new VBox(10, notStarted, startBar);
        startBox.setPadding(new Insets(16));
        startBox.setId("startBox");
        startBox.visibleProperty()
                .bind(vm.assessmentProperty().isNull().and(vm.branchProperty().isNotNull()));
        return startBox;
    }

    /** 不适用, 转为问题, 下一未评 and the sheet's way to finished, 公示 and back. */
    private Node sheetButtons() {
        Button notApplicable = new Button(m.get("checklist.action.notApplicable"));
        notApplicable.setId("notApplicable");
        notApplicable.setTooltip(new Tooltip(m.get("checklist.view.notApplicableHint")));
        notApplicable
                .disableProperty()
                .bind(vm.readOnlyProperty()
                        .or(sheet.getSelectionModel().selectedItemProperty().isNull()));
        notApplicable.setOnAction(e -> {
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            int index = sheet.getSelectionModel().getSelectedIndex();
            if (r != null) {
                vm.toggleNotApplicable(r);
                sheet.getSelectionModel().select(index);
            }
        });
        Button toFinding = new Button(m.get("checklist.action.toFinding"));
        toFinding.setId("toFinding");
        toFinding.setTooltip(new Tooltip(m.get("checklist.view.toFindingHint")));
        toFinding
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !vm.canMakeFinding(sheet.getSelectionModel().getSelectedItem()),
                        sheet.getSelectionModel().selectedItemProperty(),
                        vm.assessmentProperty()));
        toFinding.setOnAction(e -> vm.toFinding(sheet.getSelectionModel().getSelectedItem()));
        Button nextUnscored = new Button(m.get("checklist.action.nextUnscored"));
        nextUnscored.setId("nextUnscored");
        nextUnscored.setTooltip(new Tooltip("Ctrl+N"));
        nextUnscored.disableProperty().bind(vm.readOnlyProperty());
        nextUnscored.setOnAction(e -> entry.jumpToUnscored());
        Button finish = new Button(m.get("checklist.action.finish"));
        finish.setId("finishAssessment");
        finish.disableProperty().bind(vm.readOnlyProperty());
        finish.setOnAction(e -> vm.finish());
        // 公示 and 重新打开 are rarer than scoring: one menu, so that at 125 % no button of the row is cut
        javafx.scene.control.MenuItem closePublicity =
                new javafx.scene.control.MenuItem(m.get("checklist.action.closePublicity"));
        closePublicity.setId("closePublicity");
        closePublicity
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.assessmentProperty().get() == null
                                || vm.assessmentProperty().get().status() != Assessment.Status.PUBLICITY,
                        vm.assessmentProperty()));
        closePublicity.setOnAction(e -> vm.closePublicity());
        javafx.scene.control.MenuItem publicityEnd =
                new javafx.scene.control.MenuItem(m.get("checklist.action.publicityEnd"));
        publicityEnd.setId("publicityEnd");
        publicityEnd.disableProperty().bind(closePublicity.disableProperty());
        publicityEnd.setOnAction(e -> vm.editPublicityEnd());
        javafx.scene.control.MenuItem reopen = new javafx.scene.control.MenuItem(m.get("checklist.action.reopen"));
        reopen.setId("reopenAssessment");
        reopen.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.assessmentProperty().get() == null
                                || !vm.assessmentProperty().get().isReadOnly(),
                        vm.assessmentProperty()));
        reopen.setOnAction(e -> vm.reopen());
        javafx.scene.control.MenuButton later = new javafx.scene.control.MenuButton(
                m.get("checklist.action.publicityMenu"), null, publicityEnd, closePublicity, reopen);
        later.setId("publicityMenu");
        later.disableProperty().bind(publicityEnd.disableProperty().and(reopen.disableProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, notApplicable, toFinding, nextUnscored, gap, finish, later);
        buttons.setId("sheetButtons");
        for (javafx.scene.control.Control c : List.of(notApplicable, toFinding, nextUnscored, finish, later)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        buttons.setPadding(new Insets(6, 8, 6, 8));
        buttons.getStyleClass().add("form-buttons");
        buttons.visibleProperty().bind(vm.assessmentProperty().isNotNull());
        return buttons;
    }

    private List<TableColumn<ItemRow, ?>> itemColumns() {
        TableColumn<ItemRow, String> category = Tables.textColumn(
                m.get("checklist.view.category"),
                80,
                r -> r.category().code() + " " + r.category().name());
        TableColumn<ItemRow, String> number = Tables.textColumn(
                m.get("checklist.view.number"), 44, r -> r.item().number());
        TableColumn<ItemRow, String> text = new TableColumn<>(m.get("checklist.view.itemText"));
        text.setPrefWidth(300);
        text.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(
                cd.getValue().item().text()
                        + (cd.getValue().item().veto() ? m.get("checklist.view.vetoMark") : "")
                        + (cd.getValue().item().evidenceRequired() ? m.get("checklist.view.evidenceMark") : "")));
        text.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        TableColumn<ItemRow, String> max = Tables.textColumn(
                m.get("checklist.view.maxPoints"),
                44,
                r -> r.item().maxPoints().stripTrailingZeros().toPlainString());
        TableColumn<ItemRow, String> mode = Tables.textColumn(
                m.get("checklist.view.mode"), 86, r -> m.get(r.item().mode().messageKey()));
        TableColumn<ItemRow, String> self = Tables.textColumn(m.get("checklist.view.self"), 52, vm::selfText);
        self.visibleProperty().bind(vm.roundProperty().isNotEqualTo(Round.SELF));
        inputColumn = new TableColumn<>(m.get("checklist.view.input"));
        inputColumn.setId("inputColumn");
        inputColumn.setPrefWidth(64);
        inputColumn.setSortable(false);
        inputColumn.setCellValueFactory(
                cd -> new javafx.beans.property.ReadOnlyStringWrapper(vm.inputText(cd.getValue())));
        TableColumn<ItemRow, String> points = Tables.textColumn(
                m.get("checklist.view.points"),
                64,
                r -> r.answer() != null && r.answer().notApplicable()
                        ? m.get("checklist.view.notApplicable", r.answer().notApplicableReason())
                        : r.points() == null
                                ? (r.item().bonus() ? "" : m.get("checklist.view.unscored"))
                                : r.points().stripTrailingZeros().toPlainString());
        TableColumn<ItemRow, String> note = Tables.textColumn(
                m.get("checklist.view.note"),
                140,
                r -> r.answer() == null || r.answer().note() == null
                        ? ""
                        : r.answer().note());
        note.setSortable(false);
        TableColumn<ItemRow, String> evidence = Tables.textColumn(
                m.get("checklist.view.evidence"),
                48,
                r -> r.lacksEvidence()
                        ? m.get("checklist.view.evidenceMissing")
                        : r.evidence().isEmpty()
                                ? ""
                                : Integer.toString(r.evidence().size()));
        evidence.setSortable(false);
        return List.of(category, number, text, max, mode, self, inputColumn, points, evidence, note);
    }
}
