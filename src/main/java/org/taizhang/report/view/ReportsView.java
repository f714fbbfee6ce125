package org.taizhang.report.view;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Pickers;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.report.model.Grouping;

/**
 * 报表: the reports on the left (name and what it counts); the chosen one's filters above its table as it will be
 * written (title, columns, rows, 合计 in bold); 导出 Excel / CSV / PDF below. A filter set to 全部 is no filter.
 */
public final class ReportsView {
    private final ReportsViewModel vm;
    private final Messages m;
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TableView<List<String>> preview = new TableView<>();
    private final FlowPane filters = new FlowPane(10, 6);

    public ReportsView(ReportsViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.m = messages;
        this.dialogs = dialogs;
        root.setLeft(list());
        root.setCenter(body());
        root.setPadding(new Insets(8));
        vm.tableProperty().addListener((o, a, t) -> showColumns(t));
    }

    public Node node() {
        return root;
    }

    private Node list() {
        ListView<ReportsViewModel.Kind> reports =
                new ListView<>(FXCollections.observableArrayList(ReportsViewModel.Kind.values()));
        reports.setId("reportList");
        reports.setPrefWidth(230);
        reports.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReportsViewModel.Kind k, boolean empty) {
                super.updateItem(k, empty);
                if (empty || k == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(m.get(k.messageKey()));
                name.setStyle("-fx-font-weight: bold;");
                Label hint = new Label(m.get(k.hintKey()));
                hint.setWrapText(true);
                hint.setMaxWidth(200);
                hint.getStyleClass().add("hint");
                setGraphic(new VBox(2, name, hint));
            }
        });
        reports.getSelectionModel().select(vm.kindProperty().get());
        reports.getSelectionModel().selectedItemProperty().addListener((o, a, k) -> {
            if (k != null) {
                vm.kindProperty().set(k);
                showFilters();
            }
        });
        VBox box = new VBox(6, new Label(m.get("report.view.reports")), reports);
        VBox.setVgrow(reports, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    private Node body() {
        Label title = new Label();
        title.setId("reportTitle");
        title.getStyleClass().add("section-title");
        title.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> vm.tableProperty().get() == null
                                ? ""
                                : vm.tableProperty().get().title(),
                        vm.tableProperty()));
        preview.setId("reportPreview");
        // the table gives way when the window is small or the text large: the 合计, notes and 导出 stay in view
        preview.setMinHeight(80);
        preview.setPlaceholder(new Label(m.get("report.view.empty")));
        preview.setItems(vm.rows());
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the 合计 in bold, as on paper
        preview.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(List<String> row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(!empty && row != null && vm.isTotal(row) ? "-fx-font-weight: bold;" : "");
            }
        });
        vm.choicesProperty().addListener((o, a, c) -> showFilters());
        showFilters();
        // the 合计 in words under the table, in view however long the table is (it is also the table's last row)
        Label total = new Label();
        total.setId("reportTotal");
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        total.setStyle("-fx-font-weight: bold;");
        total.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> totalText(vm.tableProperty().get()), vm.tableProperty()));
        Label notes = new Label();
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.setWrapText(true);
        notes.getStyleClass().add("hint");
        notes.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> vm.tableProperty().get() == null
                                ? ""
                                : String.join("\n", vm.tableProperty().get().notes()),
                        vm.tableProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox exports = new HBox(
                8,
                gap,
                exportButton("reportExportXlsx", "report.view.exportXlsx", ReportFormat.XLSX, "Excel", "*.xlsx"),
                exportButton("reportExportCsv", "report.view.exportCsv", ReportFormat.CSV, "CSV", "*.csv"),
                exportButton("reportExportPdf", "report.view.exportPdf", ReportFormat.PDF, "PDF", "*.pdf"),
                exportButton("reportExportDocx", "report.view.exportDocx", ReportFormat.DOCX, "Word", "*.docx"));
        exports.setAlignment(Pos.CENTER_RIGHT);
        // the filters wrap at the width they have, not at FlowPane's default 400 px (which asks for many rows)
        filters.prefWrapLengthProperty().bind(root.widthProperty().subtract(300));
        // the rows as a table, or the first page as the export writes it
        javafx.scene.image.ImageView page = new javafx.scene.image.ImageView();
        page.setId("reportFirstPage");
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.imageProperty().bind(vm.firstPageProperty());
        Label noPage = new Label(m.get("report.view.noPage"));
        noPage.visibleProperty().bind(vm.firstPageProperty().isNull());
        javafx.scene.layout.StackPane paper = new javafx.scene.layout.StackPane(page, noPage);
        paper.setStyle("-fx-background-color: #e8e8e8; -fx-padding: 12;");
        javafx.scene.control.ScrollPane pageScroll = new javafx.scene.control.ScrollPane(paper);
        pageScroll.setFitToWidth(true);
        // the whole page in view, as on a desk: as wide and as high as the pane allows
        page.fitWidthProperty().bind(pageScroll.widthProperty().subtract(40));
        page.fitHeightProperty().bind(pageScroll.heightProperty().subtract(30));
        javafx.scene.control.Tab data = new javafx.scene.control.Tab(m.get("report.view.tabData"), preview);
        data.setId("reportTabData");
        javafx.scene.control.Tab first = new javafx.scene.control.Tab(m.get("report.view.tabPage"), pageScroll);
        first.setId("reportTabPage");
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(data, first);
        tabs.setId("reportTabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox box = new VBox(8, title, filters, tabs, total, notes, exports);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return box;
    }

    /** 合计：发现问题 151，已销号 40 …, or "" for a table without a 合计. */
    private String totalText(ReportTable t) {
        if (t == null || t.total() == null) {
            return "";
        }
        List<String> values = t.texts(t.total());
        StringBuilder sb = new StringBuilder(m.get("report.table.total")).append(m.get("report.view.totalSeparator"));
        for (int i = 1; i < values.size(); i++) {
            if (i > 1) {
                sb.append(m.get("report.view.listSeparator"));
            }
            sb.append(t.columns().get(i).name())
                    .append(' ')
                    .append(values.get(i).isEmpty() ? "—" : values.get(i));
        }
        return sb.toString();
    }

    private Button exportButton(String id, String key, ReportFormat format, String filterName, String pattern) {
        Button b = new Button(m.get(key));
        b.setId(id);
        // a document is a PDF or a Word file; a table anything but Word
        b.disableProperty()
                .bind(vm.tableProperty()
                        .isNull()
                        .or(javafx.beans.binding.Bindings.createBooleanBinding(
                                () -> vm.kindProperty().get().isDocument()
                                        ? format != ReportFormat.PDF && format != ReportFormat.DOCX
                                                // a report of no round is no report
                                                || vm.kindProperty().get() == ReportsViewModel.Kind.INSPECTION_REPORT
                                                        && vm.roundProperty().get() == null
                                                // a letter of nothing (no unit chosen, no term ending) is none
                                                || vm.kindProperty().get().heldDocument() && !vm.hasDocument()
                                        : format == ReportFormat.DOCX,
                                vm.kindProperty(),
                                vm.roundProperty(),
                                // a held document comes with its table: counted again, it may be there or not
                                vm.tableProperty())));
        b.setOnAction(e -> {
            if (vm.kindProperty().get().heldDocument()) {
                dialogs.chooseFileToSave(m.get(key), vm.suggestedName(format), filterName, pattern)
                        .ifPresent(f -> vm.exportDocument(format, f));
            } else if (vm.kindProperty().get() == ReportsViewModel.Kind.INSPECTION_REPORT) {
                dialogs.chooseFileToSave(m.get(key), vm.suggestedName(format), filterName, pattern)
                        .ifPresent(f -> vm.exportInspectionReport(format, f));
            } else if (vm.kindProperty().get().isDocument()) {
                (vm.oneUnit()
                                ? dialogs.chooseFileToSave(m.get(key), vm.suggestedName(format), filterName, pattern)
                                : dialogs.chooseFolder(m.get("report.view.chooseFolder")))
                        .ifPresent(target -> vm.exportNotices(format, target));
            } else {
                dialogs.chooseFileToSave(m.get(key), vm.suggestedName(format), filterName, pattern)
                        .ifPresent(f -> vm.export(format, f));
            }
        });
        return b;
    }

    /** The filters the chosen report takes, with the choices read from the data. */
    private void showFilters() {
        filters.getChildren().clear();
        addFilters(vm.choicesProperty().get());
        if (vm.kindProperty().get().isDocument()) {
            // what the data cannot fill in: the 发文字号 (a numbered document gets its 版头) and the 抄送
            filters.getChildren()
                    .addAll(
                            labelled(
                                    "report.view.number",
                                    committed("reportNumber", vm.numberProperty(), "report.view.numberPrompt", 14)),
                            labelled(
                                    "report.view.copyTo",
                                    committed("reportCopyTo", vm.copyToProperty(), "report.view.copyToPrompt", 16)));
        }
    }

    /**
     * A text field for {@code property}, which takes what was typed on Enter or when the field is left (not at every
     * key: each change draws the first page again); a value set elsewhere shows in it unless it is being typed in.
     */
    private TextField committed(String id, ObjectProperty<String> property, String promptKey, int columns) {
        TextField field = new TextField(property.get());
        field.setId(id);
        field.setPromptText(m.get(promptKey));
        field.setPrefColumnCount(columns);
        Runnable commit = () -> {
            String typed = field.getText() == null ? "" : field.getText().strip();
            if (!typed.equals(property.get())) {
                property.set(typed);
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        javafx.beans.value.ChangeListener<String> shown = (o, was, now) -> {
            if (!field.isFocused()) {
                field.setText(now);
            }
        };
        field.getProperties().put("shown", shown); // held by the field: the weak listener goes with the filter bar
        property.addListener(new javafx.beans.value.WeakChangeListener<>(shown));
        return field;
    }

    private void addFilters(ReportsViewModel.Choices c) {
        switch (vm.kindProperty().get()) {
            case INSPECTION_REPORT -> {
                filters.getChildren()
                        .add(labelled("report.view.round", choice("reportRound", c.rounds(), vm.roundProperty())));
                return;
            }
            case BULLETIN -> {
                filters.getChildren()
                        .addAll(
                                labelled("report.view.year", fixed("reportYear", c.years(), vm.yearProperty(), null)),
                                labelled(
                                        "report.view.month",
                                        fixed(
                                                "reportMonth",
                                                java.util.stream.IntStream.rangeClosed(1, 12)
                                                        .boxed()
                                                        .toList(),
                                                vm.monthProperty(),
                                                "report.view.thisMonth")));
                return;
            }
            case LAST_YEAR -> {
                filters.getChildren()
                        .addAll(
                                labelled("report.view.unit", searchable("reportUnit", c.units(), vm.unitProperty())),
                                labelled("report.view.year", fixed("reportYear", c.years(), vm.yearProperty(), null)));
                return;
            }
            case TERM_REMINDERS -> {
                filters.getChildren()
                        .add(labelled(
                                "report.view.termMonths",
                                fixed(
                                        "reportTermMonths",
                                        ReportsViewModel.TERM_MONTHS,
                                        vm.termMonthsProperty(),
                                        null)));
                return;
            }
            case ASSESSMENT_DETAIL -> {
                filters.getChildren()
                        .addAll(
                                labelled("report.view.year", fixed("reportYear", c.years(), vm.yearProperty(), null)),
                                labelled(
                                        "report.view.branch",
                                        fixed(
                                                "reportBranch",
                                                c.branches(),
                                                vm.branchProperty(),
                                                "report.view.firstBranch")));
                return;
            }
            case CLOSE_CONFIRMATION -> {
                filters.getChildren()
                        .add(labelled(
                                "report.view.finding",
                                fixed(
                                        "reportFinding",
                                        c.closable(),
                                        vm.findingProperty(),
                                        "report.view.newestClosable")));
                return;
            }
            case BLANK_CHECKLIST -> {
                filters.getChildren()
                        .add(labelled(
                                "report.view.template",
                                fixed(
                                        "reportTemplate",
                                        c.templates(),
                                        vm.templateProperty(),
                                        "report.view.firstTemplate")));
                return;
            }
            default -> {}
        }
        if (vm.kindProperty().get().isDocument()) {
            filters.getChildren()
                    .add(labelled("report.view.unit", searchable("reportUnit", c.units(), vm.unitProperty())));
            return;
        }
        filters.getChildren().add(labelled("report.view.year", choice("reportYear", c.years(), vm.yearProperty())));
        if (vm.kindProperty().get().filtersFindings()) {
            filters.getChildren()
                    .addAll(
                            labelled("report.view.round", choice("reportRound", c.rounds(), vm.roundProperty())),
                            labelled("report.view.unit", searchable("reportUnit", c.units(), vm.unitProperty())),
                            labelled(
                                    "report.view.community",
                                    choice("reportCommunity", c.communities(), vm.communityProperty())));
        }
        if (vm.kindProperty().get() == ReportsViewModel.Kind.LEDGER) {
            filters.getChildren()
                    .add(labelled(
                            "report.view.state",
                            choice(
                                    "reportState",
                                    List.of(LedgerReport.State.values()),
                                    vm.ledgerStateProperty(),
                                    s -> m.get(s.labelKey()))));
        }
        if (vm.kindProperty().get().grouped()) {
            filters.getChildren()
                    .add(labelled("report.view.grouping", grouping(List.of(Grouping.values()), vm.groupingProperty())));
        }
        if (vm.kindProperty().get() == ReportsViewModel.Kind.ACCEPTANCE_STATS) {
            filters.getChildren()
                    .add(labelled(
                            "report.view.grouping",
                            grouping(List.of(Grouping.COMMUNITY, Grouping.UNIT), vm.acceptanceGroupingProperty())));
        }
    }

    private Node labelled(String key, Node control) {
        HBox box = new HBox(4, new Label(m.get(key)), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A choice of {@code values} with 全部 (null) first, tied to {@code property} both ways. */
    private <T> ComboBox<T> choice(String id, List<T> values, ObjectProperty<T> property) {
        return choice(id, values, property, Object::toString);
    }

    /** A choice of {@code values} named by {@code name}, with 全部 (null) first, tied to {@code property} both ways. */
    private <T> ComboBox<T> choice(
            String id, List<T> values, ObjectProperty<T> property, java.util.function.Function<T, String> name) {
        ObservableList<T> items = FXCollections.observableArrayList();
        items.add(null);
        items.addAll(values);
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? m.get("report.view.all") : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? m.get("report.view.all") : name.apply(item));
            }
        });
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? m.get("report.view.all") : name.apply(item));
            }
        });
        box.valueProperty().bindBidirectional(property); // weak both ways: a rebuilt filter bar leaks nothing
        return box;
    }

    /**
     * A choice of {@code values} without 全部, tied to {@code property} both ways; {@code noneKey} names the value
     * null stands for (this month, the first template), or null when null is no choice.
     */
    private <T> ComboBox<T> fixed(String id, List<T> values, ObjectProperty<T> property, String noneKey) {
        ObservableList<T> items = FXCollections.observableArrayList();
        if (noneKey != null) {
            items.add(null);
        }
        items.addAll(values);
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        StringConverter<T> names = new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? (noneKey == null ? "" : m.get(noneKey)) : t.toString();
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(names);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    /** A unit picker searched by name or pinyin initials, 全部 first. */
    private Node searchable(String id, List<String> values, ObjectProperty<String> property) {
        ObservableList<String> items = FXCollections.observableArrayList();
        items.add(null);
        items.addAll(values);
        SearchableComboBox<String> box = Pickers.of(items, allFor(), m);
        box.setId(id);
        box.setPrefWidth(220);
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private Node grouping(List<Grouping> values, ObjectProperty<Grouping> property) {
        ComboBox<Grouping> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId("reportGrouping");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grouping g) {
                return g == null ? "" : m.get(g.messageKey());
            }

            @Override
            public Grouping fromString(String s) {
                return null;
            }
        });
        box.setValue(property.get());
        box.valueProperty().addListener((o, a, g) -> {
            if (g != null) {
                property.set(g);
            }
        });
        return box;
    }

    private <T> StringConverter<T> allFor() {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private String text(Object value) {
        return value == null ? m.get("report.view.all") : value.toString();
    }

    private void showColumns(ReportTable t) {
        if (t == null) {
            preview.getColumns().clear();
            return;
        }
        List<ReportTable.Column> columns = t.columns();
        if (preview.getColumns().size() == columns.size()) {
            boolean same = true;
            for (int i = 0; i < columns.size(); i++) {
                same &= preview.getColumns()
                        .get(i)
                        .getText()
                        .equals(columns.get(i).name());
            }
            if (same) {
                return; // the same report counted again: keep the clerk's sorting and widths
            }
        }
        preview.getColumns().clear();
        // a wide table (the ledger's 23 columns) keeps its columns' widths and scrolls sideways; a narrow one fills
        double wanted =
                columns.stream().mapToDouble(c -> Math.max(60, c.width() * 14)).sum();
        preview.setColumnResizePolicy(
                wanted > 1100
                        ? TableView.UNCONSTRAINED_RESIZE_POLICY
                        : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int i = 0; i < columns.size(); i++) {
            int at = i;
            ReportTable.Column c = columns.get(i);
            TableColumn<List<String>, String> col = new TableColumn<>(c.name());
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(at)));
            col.setPrefWidth(Math.max(60, c.width() * 14));
            col.setSortable(false); // the 合计 stays last; the file is sorted by the program
            if (c.kind() == ReportTable.Kind.COUNT || c.kind() == ReportTable.Kind.PERCENT) {
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            preview.getColumns().add(col);
        }
    }
}
