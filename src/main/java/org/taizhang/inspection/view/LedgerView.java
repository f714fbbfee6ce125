package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Pickers;
import org.taizhang.core.ui.Tables;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;
import org.taizhang.inspection.view.FindingDetailModel.TimelineRow;
import org.taizhang.inspection.view.LedgerFilter.WarningFilter;
import org.taizhang.organization.model.Unit;

/**
 * 整改台账: the bar (新增问题, 全部挂号, 向单位交办, search), the filters, the counts per state (each a filter), the
 * findings coloured by warning, and the chosen finding beside them with the steps its state allows. At 1366×768
 * the key columns (编号, 单位, 问题描述, 整改时限, 状态, 预警) come first; the others scroll.
 */
public final class LedgerView {
    private final LedgerViewModel vm;
    private final Messages m;
    private final DialogService dialogs;
    private final LedgerForms forms;
    private final BorderPane root = new BorderPane();

    public LedgerView(LedgerViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.m = messages;
        this.dialogs = dialogs;
        this.forms = new LedgerForms(messages, dialogs);
        root.setId("ledgerPage");
        root.setTop(new VBox(toolbar(), filters(), stateCounts()));
        SplitPane split = new SplitPane(new LedgerTable(vm, messages).node(), detailPane());
        split.setDividerPositions(0.63);
        root.setCenter(split);
        // read again each time the page is shown: another page or an import may have changed findings
        boolean[] shownBefore = {false};
        root.parentProperty().addListener((o, a, parent) -> {
            if (parent != null && shownBefore[0]) {
                vm.reload();
            }
            shownBefore[0] |= parent != null;
        });
        vm.reload();
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                newFinding();
            }
        });
    }

    public Node node() {
        return root;
    }

    private HBox toolbar;

    /** Adds the 文件 menu: feedback forms out and back, a team's 问题清单 in, the ledger out. */
    public LedgerView withFiles(LedgerFilesModel files) {
        javafx.scene.control.MenuItem exportFeedback = item("exportFeedback", "ledger.files.exportFeedback", () -> {
            var unit = files.unitForFeedback();
            if (unit == null) {
                files.exportFeedback(null, null);
                return;
            }
            dialogs.chooseFileToSave(
                            m.get("ledger.files.exportFeedback"),
                            m.get("ledger.files.feedbackFileName", unit.name()),
                            "Excel",
                            "*.xlsx")
                    .ifPresent(f -> files.exportFeedback(unit, f));
        });
        javafx.scene.control.MenuItem importFeedback = item(
                "importFeedback",
                "ledger.files.importFeedback",
                () -> dialogs.chooseFileToOpen(m.get("ledger.files.importFeedback"), "Excel", "*.xlsx")
                        .ifPresent(files::importFeedback));
        javafx.scene.control.MenuItem importFindings = item(
                "importFindings",
                "ledger.files.importFindings",
                () -> dialogs.chooseFileToOpen(m.get("ledger.files.importFindings"), "Excel", "*.xlsx", "*.xls")
                        .ifPresent(files::importFindings));
        javafx.scene.control.MenuItem exportShown = item(
                "exportLedgerShown",
                "ledger.files.exportShown",
                () -> dialogs.chooseFileToSave(
                                m.get("ledger.files.exportLedger"),
                                m.get("ledger.files.ledgerFileName"),
                                "Excel / PDF / CSV",
                                "*.xlsx",
                                "*.pdf",
                                "*.csv")
                        .ifPresent(f -> files.exportLedger(f, true)));
        javafx.scene.control.MenuItem exportAll = item(
                "exportLedgerAll",
                "ledger.files.exportAll",
                () -> dialogs.chooseFileToSave(
                                m.get("ledger.files.exportLedger"),
                                m.get("ledger.files.ledgerFileName"),
                                "Excel / PDF / CSV",
                                "*.xlsx",
                                "*.pdf",
                                "*.csv")
                        .ifPresent(f -> files.exportLedger(f, false)));
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(
                m.get("ledger.files.menu"),
                null,
                exportFeedback,
                importFeedback,
                new javafx.scene.control.SeparatorMenuItem(),
                importFindings,
                new javafx.scene.control.SeparatorMenuItem(),
                exportShown,
                exportAll);
        menu.setId("ledgerFiles");
        toolbar.getChildren().add(4, menu);
        return this;
    }

    private javafx.scene.control.MenuItem item(String id, String key, Runnable action) {
        javafx.scene.control.MenuItem i = new javafx.scene.control.MenuItem(m.get(key));
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    // ---- the bar, the filters, the counts

    private Node toolbar() {
        Button create = new Button(m.get("ledger.action.newFinding"));
        create.setId("newFinding");
        create.setTooltip(new Tooltip(m.get("ledger.action.newFinding.tip")));
        create.setOnAction(e -> newFinding());
        Button registerAll = new Button(m.get("ledger.action.registerAll"));
        registerAll.setId("registerAll");
        registerAll.setTooltip(new Tooltip(m.get("ledger.action.registerAll.tip")));
        registerAll.setOnAction(e -> vm.steps().registerAll());
        Button notifyUnit = new Button(m.get("ledger.action.notifyUnit"));
        notifyUnit.setId("notifyUnit");
        notifyUnit.setTooltip(new Tooltip(m.get("ledger.action.notifyUnit.tip")));
        notifyUnit.setOnAction(e -> {
            ActionForm f = vm.steps().notifyUnitForm();
            forms.action(f, null, vm.steps()::registeredOf, close -> vm.steps().submit(f, close));
        });
        Button refresh = new Button(m.get("ledger.action.refresh"));
        refresh.setId("refreshLedger");
        refresh.setOnAction(e -> vm.reload());
        TextField search = TextFields.createClearableTextField();
        search.setId("ledgerSearch");
        search.setPromptText(m.get("ledger.search"));
        search.textProperty().bindBidirectional(vm.filters().searchProperty());
        search.setPrefWidth(260);
        Label count = new Label();
        count.setId("ledgerCount");
        count.getStyleClass().add("count-label");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> m.get(
                                "ledger.count",
                                vm.filters().shown().size(),
                                vm.entries().size()),
                        vm.filters().shown(),
                        vm.entries()));
        HBox bar = new HBox(8, create, registerAll, notifyUnit, refresh, search, count);
        toolbar = bar;
        Button duplicates = new Button(m.get("ledger.duplicates.action"));
        duplicates.setId("reviewDuplicates");
        duplicates.setOnAction(e -> vm.duplicates().reviewDuplicates());
        bar.getChildren().add(4, duplicates);
        HBox.setHgrow(search, Priority.SOMETIMES);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private Node filters() {
        ComboBox<Inspection> round = choice(
                "roundFilter",
                vm.filters().rounds(),
                vm.filters().roundFilterProperty(),
                i -> i.title(),
                "ledger.filter.allRounds");
        round.setPrefWidth(150);
        SearchableComboBox<Unit> unit = new SearchableComboBox<>();
        unit.setId("unitFilter");
        unit.setConverter(Tables.converter(u -> u == null ? m.get("ledger.filter.allUnits") : u.name()));
        Pickers.pinyin(unit, m);
        withNone(unit.getItems(), vm.filters().units());
        vm.filters().units().addListener((ListChangeListener<Unit>) c -> {
            Unit chosen = vm.filters().unitFilterProperty().get();
            withNone(unit.getItems(), vm.filters().units());
            unit.setValue(chosen);
        });
        unit.valueProperty()
                .addListener((o, a, u) -> vm.filters().unitFilterProperty().set(u));
        vm.filters().unitFilterProperty().addListener((o, a, u) -> unit.setValue(u));
        unit.setPrefWidth(170);
        ComboBox<String> community = choice(
                "communityFilter",
                vm.filters().communities(),
                vm.filters().communityFilterProperty(),
                s -> s,
                "ledger.filter.allCommunities");
        community.setPrefWidth(130);
        ComboBox<String> category = choice(
                "categoryFilter",
                vm.filters().categories(),
                vm.filters().categoryFilterProperty(),
                s -> s,
                "ledger.filter.allCategories");
        category.setPrefWidth(110);
        ComboBox<WarningFilter> warning = new ComboBox<>();
        warning.setId("warningFilter");
        warning.getItems().add(null);
        warning.getItems().addAll(WarningFilter.values());
        warning.setConverter(
                Tables.converter(w -> w == null ? m.get("ledger.filter.allWarnings") : m.get(w.labelKey())));
        warning.valueProperty().bindBidirectional(vm.filters().warningFilterProperty());
        warning.setPrefWidth(110);
        DatePicker from = datePicker("foundFrom", vm.filters().foundFromProperty());
        DatePicker to = datePicker("foundTo", vm.filters().foundToProperty());
        Button clear = new Button(m.get("ledger.filter.clear"));
        clear.setId("clearFilters");
        clear.setOnAction(e -> vm.filters().clear());
        Label found = new Label(m.get("ledger.filter.found"));
        found.setMinWidth(Region.USE_PREF_SIZE);
        Label until = new Label(m.get("ledger.filter.to"));
        until.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        HBox dates = new HBox(6, found, from, until, to, clear);
        dates.setAlignment(Pos.CENTER_LEFT);
        // a filter is never cut to "…": what does not fit in one line (125%, a narrow window) goes to the next
        FlowPane bar = new FlowPane(6, 4, round, unit, community, category, warning, dates);
        bar.setId("ledgerFilters");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 4, 8));
        bar.setPrefWrapLength(600);
        return bar;
    }

    private DatePicker datePicker(String id, javafx.beans.property.ObjectProperty<LocalDate> value) {
        DatePicker p = DateFields.picker(id, value, m.get("ledger.filter.datePrompt"), m);
        p.setPrefWidth(124);
        return p;
    }

    /** A filter choice with 全部 (null) first, kept in step with the view model's list and value. */
    private <T> ComboBox<T> choice(
            String id,
            ObservableList<T> items,
            javafx.beans.property.ObjectProperty<T> value,
            java.util.function.Function<T, String> name,
            String allKey) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.setConverter(Tables.converter(x -> x == null ? m.get(allKey) : name.apply(x)));
        withNone(c.getItems(), items);
        items.addListener((ListChangeListener<T>) ch -> {
            T chosen = value.get();
            withNone(c.getItems(), items);
            c.setValue(chosen);
        });
        c.valueProperty().addListener((o, a, v) -> value.set(v));
        value.addListener((o, a, v) -> c.setValue(v));
        return c;
    }

    private static <T> void withNone(ObservableList<T> target, List<T> items) {
        List<T> all = new ArrayList<>(Collections.singleton(null));
        all.addAll(items);
        target.setAll(all);
    }

    /** 全部 N · 待挂号 N · 已挂号 N …: each a filter on its state; the numbers follow the other filters. */
    private Node stateCounts() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(4);
        box.setId("stateCounts");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 8, 6, 8));
        ToggleButton all = new ToggleButton();
        all.setId("state-ALL");
        all.setToggleGroup(group);
        all.getStyleClass().add("state-count");
        box.getChildren().add(all);
        // 未销号: every state but 已销号 and 已合并, the figure the 工作台 opens the ledger on
        ToggleButton open = new ToggleButton();
        open.setId("state-OPEN");
        open.setToggleGroup(group);
        open.getStyleClass().add("state-count");
        box.getChildren().add(open);
        List<ToggleButton> buttons = new ArrayList<>();
        for (FindingState s : FindingState.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("state-" + s.name());
            b.setUserData(s);
            b.setToggleGroup(group);
            b.getStyleClass().add("state-count");
            buttons.add(b);
            box.getChildren().add(b);
        }
        Runnable label = () -> {
            Map<FindingState, Integer> c = vm.filters().countsProperty().get();
            int total = c.values().stream().mapToInt(Integer::intValue).sum();
            all.setText(m.get("ledger.state.all", total));
            int closedOrMerged = c.getOrDefault(FindingState.CLOSED, 0) + c.getOrDefault(FindingState.MERGED, 0);
            open.setText(m.get("ledger.state.open", total - closedOrMerged));
            for (ToggleButton b : buttons) {
                FindingState s = (FindingState) b.getUserData();
                b.setText(m.get("ledger.state.count", m.get(s.labelKey()), c.getOrDefault(s, 0)));
            }
        };
        vm.filters().countsProperty().addListener(o -> label.run());
        label.run();
        Runnable choose = () -> {
            FindingState s = vm.filters().stateFilterProperty().get();
            group.selectToggle(
                    vm.filters().openOnlyProperty().get()
                            ? open
                            : s == null
                                    ? all
                                    : buttons.stream()
                                            .filter(b -> b.getUserData() == s)
                                            .findFirst()
                                            .orElse(all));
        };
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                group.selectToggle(old); // one is always chosen
            } else if (t == open) {
                vm.filters().openOnlyProperty().set(true);
            } else {
                vm.filters().openOnlyProperty().set(false);
                vm.filters().stateFilterProperty().set((FindingState) t.getUserData());
            }
        });
        vm.filters().stateFilterProperty().addListener(o -> choose.run());
        vm.filters().openOnlyProperty().addListener(o -> choose.run());
        choose.run();
        return box;
    }

    // ---- the chosen finding

    private Node detailPane() {
        Label title = new Label(m.get("ledger.detail.choose"));
        title.setId("detailTitle");
        title.getStyleClass().add("form-title");
        title.setWrapText(true);
        Label status = new Label();
        status.setId("detailState");
        status.setWrapText(true);
        FlowPane actions = new FlowPane(6, 6);
        actions.setId("detailActions");
        // a disabled button shows no tooltip: the reasons are written under the buttons
        Label blocked = new Label();
        blocked.setId("actionsBlocked");
        blocked.setWrapText(true);
        blocked.getStyleClass().add("count-label");
        blocked.managedProperty().bind(blocked.textProperty().isNotEmpty());
        blocked.visibleProperty().bind(blocked.managedProperty());
        Runnable fillActions = () -> {
            actions.getChildren().clear();
            java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
            for (StepKind k : vm.steps().actions()) {
                Button b = new Button(m.get(k.labelKey()));
                b.setId("action-" + k.name());
                b.setOnAction(e -> act(k));
                vm.steps().blockedReason(k).ifPresent(r -> {
                    b.setDisable(true);
                    b.setTooltip(new Tooltip(r));
                    reasons.add(r);
                });
                actions.getChildren().add(b);
            }
            blocked.setText(String.join("\n", reasons));
            if (vm.selectedProperty().get() != null
                    && vm.selectedProperty().get().state().isOpen()) {
                Button edit = new Button(m.get("ledger.action.editFinding"));
                edit.setId("action-edit");
                edit.setOnAction(e -> {
                    FindingFormModel f = vm.editFinding();
                    if (f != null) {
                        forms.finding(
                                f, m.get("ledger.action.editFinding"), close -> vm.saveFinding(false, close), null);
                    }
                });
                actions.getChildren().add(edit);
            }
            if (!vm.duplicates().earlierOfSameKind().isEmpty()) {
                Button repeat = new Button(m.get("ledger.repeat.action"));
                repeat.setId("action-repeat");
                repeat.setOnAction(e -> vm.duplicates().markRepeat());
                actions.getChildren().add(repeat);
            }
        };
        vm.steps().actions().addListener((ListChangeListener<StepKind>) c -> fillActions.run());

        GridPane record = new GridPane();
        record.setId("detailRecord");
        record.setHgap(8);
        record.setVgap(4);
        record.setPadding(new Insets(6));
        vm.selectedProperty().addListener((o, a, e) -> {
            title.setText(e == null ? m.get("ledger.detail.choose") : vm.numberOf(e.finding()) + " · " + e.unitName());
            status.setText(e == null ? "" : statusText(e));
            status.getStyleClass().removeAll(LedgerTable.WARNING_CLASSES);
            if (e != null && e.warning() != Warning.NONE) {
                status.getStyleClass().add(LedgerTable.warningClass(e.warning()));
            }
            fillRecord(record, e);
        });

        // another device's value of a field, named as the record pages name it
        Label conflictNote =
                org.taizhang.core.ui.RecordPageView.conflictNote(vm.detail().conflicts(), m);
        conflictNote.setId("detailConflicts");
        javafx.scene.layout.VBox recordBox = new javafx.scene.layout.VBox(6, conflictNote, record);
        recordBox.setPadding(new Insets(4, 0, 0, 6));
        Tab recordTab = new Tab(m.get("ledger.tab.record"), scroll(recordBox));
        recordTab.setId("tab-record");
        Tab timelineTab = new Tab(m.get("ledger.tab.timeline"), timelineTable());
        timelineTab.setId("tab-timeline");
        Tab measuresTab = new Tab(m.get("ledger.tab.measures"), measuresPane());
        measuresTab.setId("tab-measures");
        Tab evidenceTab = new Tab(m.get("ledger.tab.evidence"), evidencePane());
        evidenceTab.setId("tab-evidence");
        TabPane tabs = new TabPane(recordTab, timelineTab, measuresTab, evidenceTab);
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        measuresTab
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> m.get(
                                "ledger.tab.measuresCount",
                                vm.detail().measures().size()),
                        vm.detail().measures()));
        evidenceTab
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> m.get(
                                "ledger.tab.evidenceCount",
                                vm.detail().evidence().size()),
                        vm.detail().evidence()));

        VBox top = new VBox(6, title, status, actions, blocked);
        top.setPadding(new Insets(6, 8, 6, 8));
        BorderPane pane = new BorderPane(tabs);
        pane.setTop(top);
        pane.setMinWidth(340);
        tabs.disableProperty().bind(vm.selectedProperty().isNull());
        return pane;
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        return s;
    }

    /** 整改中 · 临期 · 时限 2026-08-14（已延期 1 次）. */
    private String statusText(LedgerEntry e) {
        Timeline t = e.timeline();
        List<String> parts = new ArrayList<>();
        parts.add(m.get("ledger.detail.state", m.get(e.state().labelKey())));
        if (e.warning() != Warning.NONE) {
            parts.add(m.get(e.warning().labelKey()));
        }
        if (t.deadline() != null) {
            parts.add(m.get("ledger.detail.deadline", t.deadline().toString()));
        }
        if (t.extensions() > 0) {
            parts.add(m.get("ledger.detail.extensions", t.extensions()));
        }
        if (t.reworks() > 0) {
            parts.add(m.get("ledger.detail.reworks", t.reworks()));
        }
        return String.join(" · ", parts);
    }

    private void fillRecord(GridPane grid, LedgerEntry e) {
        grid.getChildren().clear();
        if (e == null) {
            return;
        }
        Finding f = e.finding();
        Timeline t = e.timeline();
        int[] row = {0};
        java.util.function.BiConsumer<String, Object> line = (key, value) -> {
            if (value == null || value.toString().isBlank()) {
                return;
            }
            Label k = new Label(m.get(key));
            k.getStyleClass().add("count-label");
            k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label v = new Label(value.toString());
            v.setWrapText(true);
            GridPane.setValignment(k, javafx.geometry.VPos.TOP);
            grid.add(k, 0, row[0]);
            grid.add(v, 1, row[0]++);
        };
        line.accept("ledger.column.source", LedgerTable.sourceText(e, m));
        line.accept("ledger.column.unit", e.unitName());
        line.accept("ledger.column.organization", e.organizationName());
        line.accept("ledger.column.community", e.communityName());
        line.accept("ledger.column.category", f.category());
        line.accept("ledger.column.description", f.description());
        line.accept("ledger.form.basis", f.basis());
        line.accept("ledger.form.severity", m.get(f.severity().labelKey()));
        line.accept("ledger.column.type", m.get(f.type().labelKey()));
        line.accept("ledger.detail.found", m.get("ledger.detail.foundBy", f.foundOn(), nz(f.foundBy())));
        line.accept("ledger.detail.registeredOn", t.registeredOn());
        line.accept("ledger.detail.notifiedOn", t.notifiedOn());
        line.accept("ledger.column.leader", t.leader());
        line.accept("ledger.column.department", t.department());
        line.accept("ledger.column.person", t.person());
        line.accept("ledger.column.deadline", t.deadline());
        if (t.firstDeadline() != null && !t.firstDeadline().equals(t.deadline())) {
            line.accept("ledger.detail.firstDeadline", t.firstDeadline());
        }
        line.accept("ledger.detail.receivedOn", t.receivedOn());
        line.accept("ledger.column.progress", t.latestProgress());
        line.accept("ledger.detail.closeRequestedOn", t.closeRequestedOn());
        line.accept("ledger.detail.verifier", t.verifier());
        line.accept(
                "ledger.detail.verdict",
                t.verdict() == null ? null : m.get(t.verdict().labelKey()));
        line.accept("ledger.detail.opinion", t.verifierOpinion());
        line.accept("ledger.column.closedOn", t.closedOn());
        line.accept("ledger.detail.lastRejection", t.lastRejection());
        line.accept("ledger.detail.internalNotes", f.internalNotes());
        grid.getColumnConstraints()
                .setAll(new javafx.scene.layout.ColumnConstraints(), new javafx.scene.layout.ColumnConstraints() {
                    {
                        setHgrow(Priority.ALWAYS);
                        setFillWidth(true);
                    }
                });
    }

    private Node timelineTable() {
        TableView<TimelineRow> steps = new TableView<>(vm.detail().timeline());
        steps.setId("timelineTable");
        steps.setPlaceholder(new Label(m.get("ledger.timeline.empty")));
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TimelineRow, LocalDate> date =
                Tables.valueColumn(m.get("ledger.timeline.date"), 84, TimelineRow::date, LocalDate::toString);
        date.setMinWidth(84);
        date.setMaxWidth(84);
        TableColumn<TimelineRow, String> kind = Tables.textColumn(
                m.get("ledger.timeline.kind"),
                86,
                r -> r.applied() ? r.kind() : m.get("ledger.timeline.notApplied", r.kind()));
        kind.setMaxWidth(120);
        TableColumn<TimelineRow, String> operator =
                Tables.textColumn(m.get("ledger.timeline.operator"), 56, TimelineRow::operator);
        operator.setMaxWidth(90);
        TableColumn<TimelineRow, String> text = new TableColumn<>(m.get("ledger.timeline.text"));
        text.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(
                cd.getValue().mergedFrom() == null
                        ? cd.getValue().text()
                        : m.get(
                                "ledger.timeline.merged",
                                cd.getValue().mergedFrom(),
                                cd.getValue().text())));
        text.setCellFactory(c -> new TableCell<>() {
            private final Label l = new Label();

            {
                l.setWrapText(true);
                setGraphic(l);
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                l.setText(empty ? null : s);
                l.maxWidthProperty().bind(getTableColumn().widthProperty().subtract(10));
                setGraphic(empty ? null : l);
            }
        });
        text.setSortable(false);
        steps.getColumns().addAll(List.of(date, kind, operator, text));
        steps.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("step-not-applied", "step-merged");
                if (!empty && r != null) {
                    if (!r.applied()) {
                        getStyleClass().add("step-not-applied");
                    } else if (r.mergedFrom() != null) {
                        getStyleClass().add("step-merged");
                    }
                }
            }
        });
        return steps;
    }

    private Node measuresPane() {
        ListView<Measure> list = new ListView<>(vm.detail().measures());
        list.setId("measureList");
        list.setPlaceholder(new Label(m.get("ledger.measures.empty")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Measure x, boolean empty) {
                super.updateItem(x, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || x == null ? null : measureText(x));
            }
        });
        Button add = new Button(m.get("ledger.action.addMeasure"));
        add.setId("addMeasure");
        add.setOnAction(e -> editMeasure(null));
        Button edit = new Button(m.get("ledger.action.editMeasure"));
        edit.setId("editMeasure");
        edit.setOnAction(e -> editMeasure(list.getSelectionModel().getSelectedItem()));
        Button done = new Button(m.get("ledger.action.toggleDone"));
        done.setId("toggleMeasureDone");
        done.setOnAction(e -> vm.detail().toggleDone(list.getSelectionModel().getSelectedItem()));
        Button delete = new Button(m.get("ledger.action.deleteMeasure"));
        delete.setId("deleteMeasure");
        delete.setOnAction(
                e -> vm.detail().deleteMeasure(list.getSelectionModel().getSelectedItem()));
        // a closed or merged finding's measures are part of a finished record: shown, not changed
        javafx.beans.binding.BooleanBinding finished = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null
                        || !vm.selectedProperty().get().state().isOpen(),
                vm.selectedProperty());
        add.disableProperty().bind(finished);
        for (Button b : List.of(edit, done, delete)) {
            b.disableProperty()
                    .bind(list.getSelectionModel()
                            .selectedItemProperty()
                            .isNull()
                            .or(finished));
        }
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                editMeasure(list.getSelectionModel().getSelectedItem());
            }
        });
        FlowPane bar = new FlowPane(6, 6, add, edit, done, delete);
        VBox box = new VBox(6, list, bar);
        box.setPadding(new Insets(6));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    private String measureText(Measure x) {
        List<String> parts = new ArrayList<>();
        parts.add((x.isDone() ? "✓ " : "○ ") + x.text());
        if (x.owner() != null) {
            parts.add(m.get("ledger.measures.owner", x.owner()));
        }
        if (x.deadline() != null) {
            parts.add(m.get("ledger.measures.deadline", x.deadline().toString()));
        }
        parts.add(
                x.isDone() ? m.get("ledger.measures.doneOn", x.doneOn().toString()) : m.get("ledger.measures.notDone"));
        return String.join("  ", parts);
    }

    private void editMeasure(Measure existing) {
        MeasureForm f = vm.detail().measureForm(existing);
        if (f != null) {
            forms.measure(f, existing == null, close -> vm.detail().saveMeasure(f, close));
        }
    }

    private Node evidencePane() {
        ListView<FindingService.Evidence> list = new ListView<>(vm.detail().evidence());
        list.setId("evidenceList");
        list.setPlaceholder(new Label(m.get("ledger.evidence.empty")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FindingService.Evidence x, boolean empty) {
                super.updateItem(x, empty);
                setText(empty || x == null ? null : x.attachment().fileName());
            }
        });
        Button add = new Button(m.get("ledger.action.addEvidence"));
        add.setId("addEvidence");
        add.setOnAction(
                e -> dialogs.chooseFileToOpen(m.get("ledger.action.addEvidence"), m.get("ledger.form.anyFile"), "*.*")
                        .ifPresent(vm.detail()::attachEvidence));
        Button open = new Button(m.get("ledger.action.openEvidence"));
        open.setId("openEvidence");
        open.setOnAction(e -> vm.detail().openEvidence(list.getSelectionModel().getSelectedItem()));
        Button remove = new Button(m.get("ledger.action.removeEvidence"));
        remove.setId("removeEvidence");
        remove.setOnAction(
                e -> vm.detail().removeEvidence(list.getSelectionModel().getSelectedItem()));
        for (Button b : List.of(open, remove)) {
            b.disableProperty()
                    .bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                vm.detail().openEvidence(list.getSelectionModel().getSelectedItem());
            }
        });
        FlowPane bar = new FlowPane(6, 6, add, open, remove);
        VBox box = new VBox(6, list, bar);
        box.setPadding(new Insets(6));
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    // ---- actions

    private void act(StepKind kind) {
        LedgerEntry e = vm.selectedProperty().get();
        if (e == null) {
            return;
        }
        if (kind == StepKind.REGISTER) {
            vm.steps().register();
            return;
        }
        ActionForm f = vm.steps().actionForm(kind);
        forms.action(
                f,
                vm.numberOf(e.finding()),
                vm.steps()::registeredOf,
                close -> vm.steps().submit(f, close));
    }

    private void newFinding() {
        FindingFormModel f = vm.newFinding();
        forms.finding(f, close -> vm.saveFinding(false, close), next -> vm.saveFinding(true, next));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
