package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.Scoring;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Evidence;
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
    private final TextField answerField = new TextField();
    private final TextField noteField = new TextField();

    public AssessmentsView(AssessmentsViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.m = messages;
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

    private Node sheetPane() {
        Label title = new Label();
        title.getStyleClass().add("form-title");
        title.setId("sheetTitle");
        Label summary = new Label();
        summary.setId("scoreSummary");
        summary.getStyleClass().add("score-summary");
        Label veto = new Label();
        veto.setId("vetoNote");
        veto.getStyleClass().add("issue-error");
        veto.setWrapText(true);
        Label state = new Label();
        state.setId("assessmentState");
        state.getStyleClass().add("count-label");
        state.setWrapText(true);
        Runnable describe = () -> {
            BranchRow b = vm.branchProperty().get();
            Assessment a = vm.assessmentProperty().get();
            ChecklistTemplate t = vm.templateProperty().get();
            title.setText(
                    b == null
                            ? m.get("checklist.view.chooseBranch")
                            : b.unitName() + " · " + b.organization().name()
                                    + (t == null
                                            ? ""
                                            : " · " + t.name() + m.get("checklist.view.version", t.version())));
            Scoring.Score s = vm.scoreProperty().get();
            if (s == null) {
                summary.setText("");
                veto.setText("");
            } else {
                summary.setText(vm.summaryOf(s, t));
                veto.setText(
                        s.vetoed()
                                ? m.get(
                                        "checklist.view.vetoed",
                                        String.join(
                                                "、",
                                                s.vetoedBy().stream()
                                                        .map(k -> t.item(k)
                                                                .map(i -> i.number())
                                                                .orElse(k))
                                                        .toList()))
                                : "");
            }
            state.setText(a == null ? "" : stateText(a));
        };
        vm.branchProperty().addListener(o -> describe.run());
        vm.assessmentProperty().addListener(o -> describe.run());
        vm.scoreProperty().addListener(o -> describe.run());
        describe.run();

        sheet.setId("itemSheet");
        sheet.setItems(vm.items());
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
                answerField.requestFocus();
                e.consume();
            }
        });

        // nothing started in this round: choose the template and start
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
        sheet.visibleProperty().bind(vm.assessmentProperty().isNotNull());
        StackPane middle = new StackPane(sheet, startBox);
        StackPane.setAlignment(startBox, Pos.TOP_LEFT);

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
        nextUnscored.setOnAction(e -> jumpToUnscored());
        Button finish = new Button(m.get("checklist.action.finish"));
        finish.setId("finishAssessment");
        finish.disableProperty().bind(vm.readOnlyProperty());
        finish.setOnAction(e -> vm.finish());
        Button closePublicity = new Button(m.get("checklist.action.closePublicity"));
        closePublicity.setId("closePublicity");
        closePublicity
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.assessmentProperty().get() == null
                                || vm.assessmentProperty().get().status() != Assessment.Status.PUBLICITY,
                        vm.assessmentProperty()));
        closePublicity.setOnAction(e -> vm.closePublicity());
        Button publicityEnd = new Button(m.get("checklist.action.publicityEnd"));
        publicityEnd.setId("publicityEnd");
        publicityEnd.disableProperty().bind(closePublicity.disableProperty());
        publicityEnd.setOnAction(e -> vm.editPublicityEnd());
        Button reopen = new Button(m.get("checklist.action.reopen"));
        reopen.setId("reopenAssessment");
        reopen.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.assessmentProperty().get() == null
                                || !vm.assessmentProperty().get().isReadOnly(),
                        vm.assessmentProperty()));
        reopen.setOnAction(e -> vm.reopen());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons =
                new HBox(6, notApplicable, toFinding, nextUnscored, gap, finish, publicityEnd, closePublicity, reopen);
        buttons.setPadding(new Insets(6, 8, 6, 8));
        buttons.getStyleClass().add("form-buttons");
        buttons.visibleProperty().bind(vm.assessmentProperty().isNotNull());

        Button record = new Button(m.get("checklist.action.branchRecord"));
        record.setId("branchRecordButton");
        record.disableProperty().bind(vm.branchProperty().isNull());
        record.setOnAction(e -> vm.branchRecord(r -> {
            BranchRow b = vm.branchProperty().get();
            BranchRecordView.show(
                    root.getScene() == null ? null : root.getScene().getWindow(),
                    r,
                    b == null ? "" : b.unitName(),
                    b == null ? "" : b.communityName(),
                    m);
        }));
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        javafx.scene.control.MenuItem exportForm =
                new javafx.scene.control.MenuItem(m.get("checklist.action.exportForm"));
        exportForm.setId("exportForm");
        exportForm
                .disableProperty()
                .bind(vm.branchProperty()
                        .isNull()
                        .or(vm.readOnlyProperty().and(vm.assessmentProperty().isNotNull())));
        exportForm.setOnAction(e -> {
            BranchRow b = vm.branchProperty().get();
            dialogs.chooseFileToSave(
                            m.get("checklist.action.exportForm"),
                            m.get(
                                            "checklist.view.formFileName",
                                            b.unitName(),
                                            b.organization().name(),
                                            m.get(vm.roundProperty().get().messageKey()))
                                    + ".xlsx",
                            "Excel",
                            "*.xlsx")
                    .ifPresent(vm::exportForm);
        });
        javafx.scene.control.MenuItem importForm =
                new javafx.scene.control.MenuItem(m.get("checklist.action.importForm"));
        importForm.setId("importForm");
        importForm.disableProperty().bind(exportForm.disableProperty());
        importForm.setOnAction(
                e -> dialogs.chooseFileToOpen(m.get("checklist.action.importForm"), "Excel", "*.xlsx", "*.xls")
                        .ifPresent(vm::importForm));
        javafx.scene.control.MenuItem direct =
                new javafx.scene.control.MenuItem(m.get("checklist.action.directRating"));
        direct.setId("directRating");
        direct.disableProperty().bind(vm.branchProperty().isNull());
        direct.setOnAction(e -> vm.directRating());
        // four buttons were cut to "…" beside a long title (all four at 125%): the form's way out and back and
        // 直接定级 sit in one menu, 支部档案 stays a button; neither is ever narrower than its text
        javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton(
                m.get("checklist.action.more"), null, exportForm, importForm, direct);
        more.setId("sheetMenu");
        more.setTooltip(new Tooltip(m.get("checklist.view.formHint") + "\n" + m.get("checklist.view.directHint")));
        more.setMinWidth(Region.USE_PREF_SIZE);
        record.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0); // the title gives way (it is also in the list on the left), never a button
        HBox titleRow = new HBox(6, title, titleGap, more, record);
        titleRow.setId("sheetTitleRow");
        titleRow.setAlignment(Pos.CENTER_LEFT);
        // a branch with several assessments in this round (one per template): the page shows one, in order, and
        // names the others here to switch to
        ComboBox<Assessment> others = new ComboBox<>(vm.inRound());
        others.setId("roundAssessments");
        others.setConverter(Tables.converter(vm::describe));
        others.visibleProperty()
                .bind(javafx.beans.binding.Bindings.size(vm.inRound()).greaterThan(1));
        others.managedProperty().bind(others.visibleProperty());
        vm.assessmentProperty().addListener((o, was, now) -> others.setValue(now));
        others.setOnAction(e -> {
            Assessment chosen = others.getValue();
            if (chosen != null
                    && (vm.assessmentProperty().get() == null
                            || !chosen.id().equals(vm.assessmentProperty().get().id()))) {
                vm.switchTo(chosen);
            }
        });
        Label othersLabel = new Label(m.get("checklist.view.severalInRound"));
        othersLabel.visibleProperty().bind(others.visibleProperty());
        othersLabel.managedProperty().bind(others.visibleProperty());
        HBox switchRow = new HBox(6, othersLabel, others);
        switchRow.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(2, titleRow, switchRow, summary, veto, state);
        head.setPadding(new Insets(6, 8, 4, 8));
        BorderPane pane = new BorderPane(middle);
        pane.setTop(head);
        pane.setBottom(new VBox(entryPane(), buttons));
        pane.setMinWidth(420);
        pane.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators()
                        .put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::jumpToUnscored);
            }
        });
        return pane;
    }

    private String stateText(Assessment a) {
        String s = m.get(a.status().messageKey());
        if (a.status() == Assessment.Status.PUBLICITY && a.publicityStart() != null) {
            s = m.get(
                    "checklist.view.publicity",
                    a.publicityStart().toString(),
                    a.publicityEnd().toString());
        }
        if (a.reopenReason() != null && a.status() == Assessment.Status.SCORING) {
            s = s + " · " + m.get("checklist.view.reopened", a.reopenReason());
        }
        return s;
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

    /** Moves to row {@code index} and puts the caret in its answer field. */
    private void goTo(int index) {
        if (index < 0 || index >= sheet.getItems().size()) {
            return;
        }
        sheet.getSelectionModel().select(index);
        sheet.scrollTo(Math.max(0, index - 3));
        answerField.requestFocus();
        answerField.selectAll();
    }

    private void jumpToUnscored() {
        vm.nextUnscored(sheet.getSelectionModel().getSelectedItem())
                .ifPresent(r -> goTo(sheet.getItems().indexOf(r)));
    }

    /**
     * The entry under the sheet: the chosen item in full, what to type for its mode, the answer and the note.
     * Enter saves (autosave) and moves on to the next item with the caret in place, so a whole sheet is scored
     * as 是 ⏎ 8 ⏎ 2 ⏎ …; ↑/↓ move between items without saving.
     */
    private Node entryPane() {
        Label itemText = new Label();
        itemText.setId("entryItem");
        itemText.setWrapText(true);
        itemText.getStyleClass().add("form-title");
        Label hint = new Label();
        hint.setId("entryHint");
        hint.getStyleClass().add("count-label");
        hint.setWrapText(true);
        answerField.setId("answerField");
        answerField.setPrefColumnCount(6);
        noteField.setId("noteField");
        noteField.setPromptText(m.get("checklist.view.notePrompt"));
        // the note as last filled in from the stored answer: anything else in the field is typed and not yet saved
        String[] filledNote = {""};
        Runnable fill = () -> {
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r == null) {
                itemText.setText("");
                hint.setText("");
                answerField.setText("");
                noteField.setText("");
                filledNote[0] = "";
                return;
            }
            itemText.setText(r.item().number() + "  " + r.item().text());
            hint.setText(hintOf(r));
            answerField.setText(vm.inputText(r));
            filledNote[0] = r.answer() == null || r.answer().note() == null
                    ? ""
                    : r.answer().note();
            noteField.setText(filledNote[0]);
            answerField.selectAll();
        };
        java.util.function.Predicate<String> typedNote = text -> !text.strip().equals(filledNote[0].strip());
        // a note typed and left (another item, another field) is saved, never dropped; saving re-reads the rows
        // and the table drops the selection of a row that changed, so the row is chosen again
        sheet.getSelectionModel().selectedItemProperty().addListener((o, left, r) -> {
            if (left != null
                    && r != null
                    && typedNote.test(noteField.getText())
                    && !vm.readOnlyProperty().get()) {
                int to = sheet.getItems().indexOf(r);
                vm.note(left, noteField.getText());
                if (sheet.getSelectionModel().getSelectedIndex() != to) {
                    sheet.getSelectionModel().select(to); // its own change fills the entry
                    return;
                }
            }
            fill.run();
        });
        noteField.focusedProperty().addListener((o, had, has) -> {
            int at = sheet.getSelectionModel().getSelectedIndex();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (!has
                    && r != null
                    && typedNote.test(noteField.getText())
                    && !vm.readOnlyProperty().get()) {
                vm.note(r, noteField.getText());
                if (sheet.getSelectionModel().getSelectedIndex() != at) {
                    sheet.getSelectionModel().select(at);
                }
            }
        });
        answerField.setOnKeyPressed(e -> {
            int index = sheet.getSelectionModel().getSelectedIndex();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            switch (e.getCode()) {
                case ENTER -> {
                    e.consume();
                    boolean unchanged = answerField.getText().strip().equals(vm.inputText(r))
                            && !typedNote.test(noteField.getText());
                    if (unchanged || vm.answer(r, answerField.getText(), noteField.getText())) {
                        goTo(Math.min(index + 1, sheet.getItems().size() - 1));
                    } else {
                        answerField.selectAll(); // refused: the dialog said why; type it again
                    }
                }
                case DOWN -> {
                    e.consume();
                    goTo(index + 1);
                }
                case UP -> {
                    e.consume();
                    goTo(index - 1);
                }
                default -> {}
            }
        });
        noteField.setOnAction(e -> {
            int index = sheet.getSelectionModel().getSelectedIndex();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r != null && vm.note(r, noteField.getText())) {
                goTo(index);
            }
        });
        answerField
                .disableProperty()
                .bind(vm.readOnlyProperty()
                        .or(sheet.getSelectionModel().selectedItemProperty().isNull()));
        noteField.disableProperty().bind(answerField.disableProperty());
        Label answerLabel = new Label(m.get("checklist.view.input"));
        answerLabel.setLabelFor(answerField);
        Label noteLabel = new Label(m.get("checklist.view.note"));
        noteLabel.setLabelFor(noteField);
        HBox fields = new HBox(6, answerLabel, answerField, hint, noteLabel, noteField);
        FlowPane files = new FlowPane(8, 2);
        files.setId("evidenceFiles");
        Button attach = new Button(m.get("checklist.action.attachEvidence"));
        attach.setId("attachEvidence");
        attach.disableProperty().bind(answerField.disableProperty());
        attach.setOnAction(e -> {
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r != null) {
                dialogs.chooseFileToOpen(
                                m.get("checklist.action.attachEvidence"),
                                m.get("checklist.view.evidenceFilter"),
                                "*.jpg",
                                "*.jpeg",
                                "*.png",
                                "*.heic",
                                "*.pdf",
                                "*.doc",
                                "*.docx",
                                "*.xls",
                                "*.xlsx")
                        .ifPresent(f -> vm.attachEvidence(r, f));
            }
        });
        Runnable showFiles = () -> {
            files.getChildren().clear();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            for (Evidence ev : r.evidence()) {
                Hyperlink open = new Hyperlink(ev.attachment().fileName());
                open.setOnAction(e -> vm.openEvidence(ev));
                Button remove = new Button("×");
                remove.getStyleClass().add("evidence-remove");
                remove.setTooltip(new Tooltip(m.get("checklist.action.removeEvidence")));
                remove.disableProperty().bind(vm.readOnlyProperty());
                remove.setOnAction(e -> vm.removeEvidence(ev));
                files.getChildren().add(new HBox(0, open, remove));
            }
            if (r.lacksEvidence()) {
                Label missing = new Label(m.get("checklist.view.evidenceNeeded"));
                missing.getStyleClass().add("issue-warning");
                files.getChildren().add(missing);
            }
        };
        sheet.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showFiles.run());
        vm.items().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> showFiles.run());
        Label evidenceLabel = new Label(m.get("checklist.view.evidence"));
        HBox evidenceRow = new HBox(6, evidenceLabel, attach, files);
        evidenceRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(files, Priority.ALWAYS);
        fields.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(noteField, Priority.ALWAYS);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        VBox box = new VBox(4, itemText, fields, evidenceRow);
        box.setPadding(new Insets(6, 8, 0, 8));
        box.setId("entryPane");
        box.visibleProperty().bind(vm.assessmentProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        // a new answer re-reads the rows: keep the entry on the chosen item
        vm.items().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> {
            if (sheet.getSelectionModel().getSelectedItem() != null) {
                // evidence loaded or attached meanwhile: a note being typed stays as typed
                String typed = noteField.getText();
                boolean typing = typedNote.test(typed);
                fill.run();
                if (typing) {
                    noteField.setText(typed);
                }
            }
        });
        return box;
    }

    private String hintOf(ItemRow r) {
        var i = r.item();
        return switch (i.mode()) {
            case YES_NO -> m.get("checklist.view.hintYesNo", TemplateFormModel.plain(i.maxPoints()));
            case GRADED -> m.get("checklist.view.hintGraded", TemplateFormModel.plain(i.maxPoints()));
            case DEDUCTION ->
                m.get(
                        "checklist.view.hintDeduction",
                        TemplateFormModel.plain(i.deduction()),
                        TemplateFormModel.plain(i.floor() == null ? java.math.BigDecimal.ZERO : i.floor()));
        };
    }
}
