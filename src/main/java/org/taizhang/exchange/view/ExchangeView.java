package org.taizhang.exchange.view;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taizhang.core.files.FileNames;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.MergeBreach;
import org.taizhang.core.store.Store;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Tables;
import org.taizhang.exchange.ExchangeService;

/**
 * 数据交换: this device at the top (role, hub, key fingerprint, and on a laptop whether everything reached the hub),
 * the actions below it, and tabs — the hub's field devices, the packages chosen to import with their preview, the
 * history of packages, and 待处理 (conflicts to decide, breaches to mend). Thin: the work is the view model's.
 */
public final class ExchangeView {
    private static final String PACKAGE_PATTERN = "*.tzpkg";

    private final ExchangeViewModel vm;
    private final DialogService dialogs;
    private final Messages m;
    private final ExchangeTexts texts;
    private final ExchangeForms forms;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab devicesTab;
    private final Tab importTab;
    private final Tab pendingTab;

    public ExchangeView(ExchangeViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.m = vm.messages();
        this.texts = vm.texts();
        this.forms = new ExchangeForms(m);
        vm.setPassphrases((file, again) -> forms.passphrase(window(), file, again));
        root.setId("exchangeView");
        root.setPadding(new Insets(10, 12, 6, 12));
        VBox top = new VBox(8, header(), actions());
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        devicesTab = tab("exchangeDevicesTab", m.get("exchange.tab.devices"), devicesPane());
        importTab = tab("exchangeImportTab", m.get("exchange.tab.import"), importPane());
        Tab historyTab = tab("exchangeHistoryTab", m.get("exchange.tab.history"), historyPane());
        pendingTab = tab("exchangePendingTab", m.get("exchange.tab.pending"), pendingPane());
        tabs.getTabs().setAll(importTab, historyTab, pendingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        // the devices are the hub's: the tab comes first there, and is absent on a laptop
        vm.hub.addListener((o, was, now) -> {
            if (now && !tabs.getTabs().contains(devicesTab)) {
                tabs.getTabs().addFirst(devicesTab);
                tabs.getSelectionModel().select(devicesTab);
            } else if (!now) {
                tabs.getTabs().remove(devicesTab);
            }
        });
        Runnable pendingTitle = () -> {
            int n = vm.conflicts.size() + vm.breaches.size() + vm.duplicates.size();
            pendingTab.setText(n == 0 ? m.get("exchange.tab.pending") : m.get("exchange.tab.pendingCount", n));
        };
        vm.conflicts.addListener((ListChangeListener<Store.Conflict>) c -> pendingTitle.run());
        vm.breaches.addListener((ListChangeListener<MergeBreach>) c -> pendingTitle.run());
        vm.duplicates.addListener((ListChangeListener<ExchangeViewModel.DuplicatePair>) c -> pendingTitle.run());
    }

    /**
     * The 工作台's part of 数据交换 (issue 17): on a laptop whether the hub has everything (已同步) or how many changes
     * wait, since when; on the hub the laptops silent longer than the setting; a link to the page.
     */
    public static Node dashboardPart(ExchangeViewModel vm, Runnable openPage) {
        org.taizhang.core.i18n.Messages m = vm.messages();
        Label title = new Label(m.get("exchange.dashboard.title"));
        title.getStyleClass().add("form-title");
        Label status = new Label();
        status.setId("dashboardExchangeStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.status);
        vm.statusWarning.addListener(
                (o, was, warn) -> status.getStyleClass().setAll("label", warn ? "exchange-unsent" : "exchange-synced"));
        status.getStyleClass().add("exchange-synced");
        Label silent = new Label();
        silent.setId("dashboardExchangeSilent");
        silent.setWrapText(true);
        silent.getStyleClass().add("issue-warning");
        silent.textProperty().bind(vm.silentNote);
        silent.visibleProperty().bind(vm.silentNote.isNotEmpty());
        silent.managedProperty().bind(silent.visibleProperty());
        javafx.scene.control.Hyperlink open = new javafx.scene.control.Hyperlink(m.get("exchange.dashboard.open"));
        open.setId("dashboardExchangeOpen");
        open.setOnAction(e -> openPage.run());
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4, title, status, silent, open);
        box.setId("dashboardExchange");
        return box;
    }

    public Node node() {
        return root;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Tab tab(String id, String text, Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    // ---- this device

    private Node header() {
        Label title = new Label(m.get("exchange.title"));
        title.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        Label name = value("exchangeDeviceName");
        name.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.deviceName.get().isEmpty()
                                ? ""
                                : m.get("exchange.device.named", vm.deviceName.get(), vm.deviceId.get()),
                        vm.deviceName,
                        vm.deviceId));
        Label role = value("exchangeRole");
        role.textProperty().bind(vm.role);
        Label hub = value("exchangeHub");
        hub.textProperty().bind(vm.hubText);
        Label fingerprint = value("exchangeFingerprint");
        fingerprint.textProperty().bind(vm.fingerprint);
        grid.addRow(0, caption("exchange.device.this"), name, caption("exchange.device.role"), role);
        grid.addRow(1, caption("exchange.device.hub"), hub, caption("exchange.device.fingerprint"), fingerprint);
        Label status = new Label();
        status.setId("exchangeStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.status);
        vm.statusWarning.addListener((o, was, now) -> style(status, now));
        style(status, vm.statusWarning.get());
        return new VBox(6, title, grid, status);
    }

    private static void style(Label status, boolean warning) {
        status.getStyleClass().removeAll("exchange-synced", "exchange-unsent");
        status.getStyleClass().add(warning ? "exchange-unsent" : "exchange-synced");
    }

    private Label caption(String key) {
        Label l = new Label(m.get(key));
        l.getStyleClass().add("stat-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(200);
        return l;
    }

    private Node actions() {
        Button export = button("exchangeExport", "exchange.action.export", this::export);
        Button importing = button("exchangeImport", "exchange.action.import", this::chooseImports);
        Button prepare = button("exchangePrepare", "exchange.action.prepare", this::prepare);
        prepare.visibleProperty().bind(vm.hub);
        prepare.managedProperty().bind(vm.hub);
        Button refresh = button("exchangeRefresh", "exchange.action.refresh", vm::reload);
        for (Button b : List.of(export, importing, prepare)) {
            b.disableProperty().bind(vm.loaded.not());
        }
        HBox box = new HBox(8, export, importing, prepare, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(m.get(key));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static String stamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
    }

    private void export() {
        Optional<ExchangeForms.ExportChoice> choice = forms.export(window(), vm.receivers(), vm.hub.get());
        if (choice.isEmpty()) {
            return;
        }
        ExchangeForms.ExportChoice c = choice.get();
        String name = FileNames.safe(
                m.get("exchange.export.fileName", vm.deviceName.get(), vm.deviceLabel(c.to()), stamp()) + ".tzpkg");
        dialogs.chooseFileToSave(m.get("exchange.export.title"), name, m.get("exchange.filter"), PACKAGE_PATTERN)
                .ifPresent(file -> vm.export(c.to(), c.all(), c.protection(), file));
    }

    private void prepare() {
        forms.prepare(window()).ifPresent(c -> {
            String name = FileNames.safe(m.get("exchange.prepare.fileName", c.name(), stamp()) + ".tzpkg");
            dialogs.chooseFileToSave(m.get("exchange.prepare.title"), name, m.get("exchange.filter"), PACKAGE_PATTERN)
                    .ifPresent(file -> vm.prepareField(c.name(), c.protection(), file));
        });
    }

    private void chooseImports() {
        List<Path> files =
                dialogs.chooseFilesToOpen(m.get("exchange.import.title"), m.get("exchange.filter"), PACKAGE_PATTERN);
        if (!files.isEmpty()) {
            tabs.getSelectionModel().select(importTab);
            vm.choose(files);
        }
    }

    // ---- the hub's field devices

    private Node devicesPane() {
        TableView<ExchangeService.Device> table = new TableView<>();
        table.setId("exchangeDevices");
        table.getColumns()
                .addAll(List.of(
                        Tables.textColumn(m.get("exchange.column.device"), 200, vm::deviceLabel),
                        Tables.textColumn(m.get("exchange.column.role"), 90, d -> texts.role(d.role())),
                        Tables.valueColumn(
                                m.get("exchange.column.received"),
                                140,
                                ExchangeService.Device::receivedAt,
                                texts::time),
                        Tables.valueColumn(
                                m.get("exchange.column.sent"), 140, ExchangeService.Device::sentAt, texts::time),
                        silentColumn(),
                        Tables.textColumn(
                                m.get("exchange.column.key"),
                                90,
                                d -> d.keyKnown() ? m.get("exchange.key.known") : m.get("exchange.key.unknown"))));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ExchangeService.Device item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("warning-overdue");
                if (!empty && item != null && vm.silent(item)) {
                    getStyleClass().add("warning-overdue");
                }
            }
        });
        table.setPlaceholder(new Label(m.get("exchange.devices.none")));
        javafx.collections.transformation.SortedList<ExchangeService.Device> sorted =
                new javafx.collections.transformation.SortedList<>(vm.devices);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TextField days = new TextField();
        days.setId("silentDays");
        days.setPrefColumnCount(4);
        days.setText(Integer.toString(vm.silentDays.get()));
        vm.silentDays.addListener((o, was, now) -> days.setText(Integer.toString(now.intValue())));
        Button save = new Button(m.get("exchange.devices.save"));
        save.setId("silentDaysSave");
        Runnable keep = () -> {
            try {
                vm.saveSilentDays(Integer.parseInt(days.getText().strip()));
            } catch (NumberFormatException e) {
                dialogs.showError(m.get("exchange.devices.silentDays"), m.get("exchange.devices.badDays"));
            }
        };
        save.setOnAction(e -> keep.run());
        days.setOnAction(e -> keep.run());
        HBox setting = new HBox(
                6,
                new Label(m.get("exchange.devices.silentBefore")),
                days,
                new Label(m.get("exchange.devices.silentAfter")),
                save);
        setting.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, table, setting);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableColumn<ExchangeService.Device, Long> silentColumn() {
        TableColumn<ExchangeService.Device, Long> c = Tables.valueColumn(
                m.get("exchange.column.silent"),
                110,
                ExchangeService.Device::daysSilent,
                n -> m.get("exchange.devices.days", n));
        c.setId("silentColumn");
        return c;
    }

    // ---- packages chosen to import

    private Node importPane() {
        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.textProperty()
                .bind(Bindings.when(vm.previewing).then(vm.previewSummary).otherwise(m.get("exchange.import.hint")));
        TableView<ExchangeViewModel.PreviewRow> table = new TableView<>();
        table.setId("importPreview");
        table.getColumns()
                .addAll(List.of(
                        Tables.textColumn(m.get("exchange.column.file"), 220, ExchangeViewModel.PreviewRow::file),
                        Tables.textColumn(m.get("exchange.column.from"), 130, ExchangeViewModel.PreviewRow::from),
                        Tables.textColumn(m.get("exchange.column.kind"), 110, ExchangeViewModel.PreviewRow::kind),
                        count("exchange.column.added", ExchangeViewModel.PreviewRow::added),
                        count("exchange.column.changed", ExchangeViewModel.PreviewRow::changed),
                        count("exchange.column.conflicting", ExchangeViewModel.PreviewRow::conflicting),
                        count("exchange.column.unchanged", ExchangeViewModel.PreviewRow::unchanged),
                        Tables.textColumn(m.get("exchange.column.status"), 420, ExchangeViewModel.PreviewRow::status)));
        table.getColumns().forEach(c -> c.setSortable(false)); // the rows of one package belong together
        table.setItems(vm.preview);
        table.setPlaceholder(new Label(m.get("exchange.import.none")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ExchangeViewModel.PreviewRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("warning-overdue");
                if (!empty && item != null && item.problem()) {
                    getStyleClass().add("warning-overdue");
                }
            }
        });
        Button apply = new Button(m.get("exchange.import.apply"));
        apply.setId("importApply");
        apply.setDefaultButton(false);
        apply.disableProperty().bind(vm.canApply.not());
        apply.setOnAction(e -> vm.applyChosen());
        Button clear = new Button(m.get("exchange.import.clear"));
        clear.setId("importClear");
        clear.disableProperty().bind(vm.previewing.not());
        clear.setOnAction(e -> vm.clearChosen());
        HBox buttons = new HBox(8, apply, clear);
        VBox box = new VBox(8, summary, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private TableColumn<ExchangeViewModel.PreviewRow, Integer> count(
            String key, java.util.function.Function<ExchangeViewModel.PreviewRow, Integer> value) {
        TableColumn<ExchangeViewModel.PreviewRow, Integer> c =
                Tables.valueColumn(m.get(key), 64, value, n -> String.format("%,d", n));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    // ---- the history of packages

    private Node historyPane() {
        TableView<ExchangeService.LogLine> table = new TableView<>();
        table.setId("exchangeHistory");
        TableColumn<ExchangeService.LogLine, java.time.Instant> time =
                Tables.valueColumn(m.get("exchange.column.time"), 130, ExchangeViewModel::at, texts::time);
        time.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns()
                .addAll(List.of(
                        time,
                        Tables.textColumn(
                                m.get("exchange.column.direction"),
                                50,
                                l -> l.received() ? m.get("exchange.direction.in") : m.get("exchange.direction.out")),
                        Tables.textColumn(m.get("exchange.column.packageKind"), 80, l -> texts.kind(l.kind())),
                        Tables.textColumn(m.get("exchange.column.device"), 150, ExchangeService.LogLine::peer),
                        Tables.valueColumn(
                                m.get("exchange.column.records"),
                                70,
                                ExchangeService.LogLine::records,
                                n -> String.format("%,d", n)),
                        Tables.valueColumn(
                                m.get("exchange.column.files"),
                                60,
                                ExchangeService.LogLine::files,
                                n -> String.format("%,d", n)),
                        Tables.textColumn(m.get("exchange.column.outcome"), 80, l -> texts.outcome(l.outcome())),
                        Tables.textColumn(
                                m.get("exchange.column.reason"), 520, l -> texts.reason(l.detail(), l.file()))));
        javafx.collections.transformation.SortedList<ExchangeService.LogLine> sorted =
                new javafx.collections.transformation.SortedList<>(vm.history);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(time);
        table.setPlaceholder(new Label(m.get("exchange.history.none")));
        VBox box = new VBox(8, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    // ---- 待处理

    private Node pendingPane() {
        TableView<Store.Conflict> conflicts = new TableView<>();
        conflicts.setId("conflicts");
        conflicts
                .getColumns()
                .addAll(List.of(
                        Tables.textColumn(m.get("exchange.column.entity"), 100, c -> texts.table(c.entity())),
                        Tables.textColumn(
                                m.get("exchange.column.record"), 150, c -> vm.record(c.entity(), c.entityId())),
                        Tables.textColumn(m.get("exchange.column.field"), 110, c -> texts.field(c.field())),
                        Tables.textColumn(m.get("exchange.column.shown"), 170, c -> texts.value(c.shown())),
                        Tables.textColumn(
                                m.get("exchange.column.others"),
                                220,
                                c -> String.join(
                                        " ／ ",
                                        c.others().stream().map(texts::value).toList()))));
        javafx.collections.transformation.SortedList<Store.Conflict> sortedConflicts =
                new javafx.collections.transformation.SortedList<>(vm.conflicts);
        sortedConflicts.comparatorProperty().bind(conflicts.comparatorProperty());
        conflicts.setItems(sortedConflicts);
        conflicts.setPlaceholder(new Label(m.get("exchange.pending.noConflicts")));
        Node decision = decisionPane(conflicts);
        HBox conflictRow = new HBox(10, conflicts, decision);
        HBox.setHgrow(conflicts, Priority.ALWAYS);
        Label conflictsTitle = new Label(m.get("exchange.pending.conflicts"));
        conflictsTitle.getStyleClass().add("form-title");
        VBox top = new VBox(6, conflictsTitle, conflictRow);
        VBox.setVgrow(conflictRow, Priority.ALWAYS);

        TableView<MergeBreach> breaches = new TableView<>();
        breaches.setId("breaches");
        breaches.getColumns()
                .addAll(List.of(
                        Tables.textColumn(m.get("exchange.column.breach"), 120, b -> texts.breach(b.kind())),
                        Tables.textColumn(m.get("exchange.column.entity"), 100, b -> texts.table(b.entity())),
                        Tables.textColumn(
                                m.get("exchange.column.record"), 150, b -> vm.record(b.entity(), b.entityId())),
                        Tables.textColumn(m.get("exchange.column.detail"), 560, MergeBreach::detail)));
        javafx.collections.transformation.SortedList<MergeBreach> sortedBreaches =
                new javafx.collections.transformation.SortedList<>(vm.breaches);
        sortedBreaches.comparatorProperty().bind(breaches.comparatorProperty());
        breaches.setItems(sortedBreaches);
        breaches.setPlaceholder(new Label(m.get("exchange.pending.noBreaches")));
        Button recheck = new Button(m.get("exchange.pending.recheck"));
        recheck.setId("recheck");
        recheck.setOnAction(e -> vm.recheck());
        Label breachesTitle = new Label(m.get("exchange.pending.breaches"));
        breachesTitle.getStyleClass().add("form-title");
        HBox breachesHead = new HBox(12, breachesTitle, recheck);
        breachesHead.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, breachesHead, breaches);
        VBox.setVgrow(breaches, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, bottom, duplicatesPane());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.4, 0.7);
        split.setPadding(new Insets(8));
        return split;
    }

    /** 疑似重复: pairs of open findings that read alike, each merged or marked 不是重复 with one click. */
    private Node duplicatesPane() {
        TableView<ExchangeViewModel.DuplicatePair> table = new TableView<>();
        table.setId("duplicates");
        table.getColumns()
                .addAll(List.of(
                        Tables.textColumn(
                                m.get("exchange.duplicates.unit"), 140, ExchangeViewModel.DuplicatePair::unit),
                        Tables.textColumn(
                                m.get("exchange.duplicates.kept"), 330, ExchangeViewModel.DuplicatePair::kept),
                        Tables.textColumn(
                                m.get("exchange.duplicates.dropped"), 330, ExchangeViewModel.DuplicatePair::dropped),
                        Tables.textColumn(
                                m.get("exchange.duplicates.similarity"),
                                70,
                                d -> m.get("exchange.duplicates.percent", d.percent()))));
        javafx.collections.transformation.SortedList<ExchangeViewModel.DuplicatePair> sorted =
                new javafx.collections.transformation.SortedList<>(vm.duplicates);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(m.get("exchange.duplicates.none")));
        Button merge = new Button(m.get("exchange.duplicates.merge"));
        merge.setId("duplicateMerge");
        Button distinct = new Button(m.get("exchange.duplicates.distinct"));
        distinct.setId("duplicateDistinct");
        var chosen = table.getSelectionModel().selectedItemProperty();
        merge.disableProperty().bind(chosen.isNull());
        distinct.disableProperty().bind(chosen.isNull());
        merge.setOnAction(e -> vm.mergeDuplicate(chosen.get()));
        distinct.setOnAction(e -> vm.markDistinct(chosen.get()));
        Label title = new Label(m.get("exchange.duplicates.title"));
        title.getStyleClass().add("form-title");
        title.setWrapText(true);
        HBox head = new HBox(12, title, merge, distinct);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        VBox box = new VBox(6, head, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /**
     * The chosen conflict's values side by side as choices, and one to type; 保留 decides it (the view model writes
     * the decision as a change of its own, kept in the record's history).
     */
    private Node decisionPane(TableView<Store.Conflict> table) {
        Label title = new Label(m.get("exchange.pending.decide"));
        title.getStyleClass().add("form-title");
        Label which = new Label(m.get("exchange.pending.chooseConflict"));
        which.setWrapText(true);
        VBox choices = new VBox(6);
        choices.setId("conflictChoices");
        ToggleGroup group = new ToggleGroup();
        TextField other = new TextField();
        other.setId("conflictOther");
        other.setPromptText(m.get("exchange.pending.typeOther"));
        RadioButton typed = new RadioButton(m.get("exchange.pending.other"));
        typed.setId("conflictTyped");
        typed.setToggleGroup(group);
        other.textProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                typed.setSelected(true);
            }
        });
        Button keep = new Button(m.get("exchange.pending.keep"));
        keep.setId("conflictKeep");
        keep.disableProperty()
                .bind(table.getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(group.selectedToggleProperty().isNull()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            group.getToggles().clear();
            choices.getChildren().clear();
            other.clear();
            if (c == null) {
                which.setText(m.get("exchange.pending.chooseConflict"));
                return;
            }
            which.setText(m.get(
                    "exchange.pending.conflictOf",
                    texts.table(c.entity()),
                    vm.record(c.entity(), c.entityId()),
                    texts.field(c.field())));
            Set<Object> values = new LinkedHashSet<>();
            values.add(c.shown());
            values.addAll(c.others());
            List<Object> list = new ArrayList<>(values);
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                RadioButton r =
                        new RadioButton(i == 0 ? m.get("exchange.pending.shownValue", texts.value(v)) : texts.value(v));
                r.setId("conflictValue" + i);
                r.setUserData(new Object[] {v});
                r.setWrapText(true);
                r.setToggleGroup(group);
                choices.getChildren().add(r);
            }
            typed.setToggleGroup(group);
            choices.getChildren().addAll(typed, other);
        });
        keep.setOnAction(e -> {
            Store.Conflict c = table.getSelectionModel().getSelectedItem();
            if (c == null || group.getSelectedToggle() == null) {
                return;
            }
            Object value = group.getSelectedToggle() == typed
                    ? other.getText()
                    : ((Object[]) group.getSelectedToggle().getUserData())[0];
            vm.resolve(c, value);
        });
        VBox box = new VBox(8, title, which, choices, keep);
        box.setPrefWidth(300);
        box.setMinWidth(260);
        box.setPadding(new Insets(0, 0, 0, 4));
        return box;
    }
}
