package org.taizhang.checklist.view;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Tables;

/**
 * 达标验收: the year's figures per 共同体 with 合计, the 达标率 by community as a chart and over the plan's years;
 * every count opens the branches behind it on the scoring page.
 */
public final class BoardView {
    private final BoardViewModel vm;
    private final Messages m;
    private final BoardViewModel.Drill drill;
    private final BorderPane root = new BorderPane();
    private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.CHINA);

    public BoardView(BoardViewModel vm, Messages messages, DialogService dialogs, BoardViewModel.Drill drill) {
        this.vm = vm;
        this.m = messages;
        this.drill = drill;
        root.setTop(toolbar(dialogs));
        root.setCenter(body());
    }

    public Node node() {
        return root;
    }

    private Node toolbar(DialogService dialogs) {
        ComboBox<Integer> year = new ComboBox<>();
        year.setId("boardYear");
        vm.yearProperty().addListener((o, a, y) -> {
            int now = y.intValue();
            if (!year.getItems().contains(now)) {
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
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.yearProperty().asString().concat(m.get("checklist.view.boardTitle")));
        Button xlsx = new Button(m.get("checklist.action.exportXlsx"));
        xlsx.setId("boardExportXlsx");
        xlsx.setOnAction(e -> dialogs.chooseFileToSave(
                        m.get("checklist.action.exportXlsx"),
                        m.get(
                                        "checklist.stats.title",
                                        Integer.toString(vm.yearProperty().get())) + ".xlsx",
                        "Excel",
                        "*.xlsx")
                .ifPresent(f -> vm.export(f, true)));
        Button csv = new Button(m.get("checklist.action.exportCsv"));
        csv.setId("boardExportCsv");
        csv.setOnAction(e -> dialogs.chooseFileToSave(
                        m.get("checklist.action.exportCsv"),
                        m.get(
                                        "checklist.stats.title",
                                        Integer.toString(vm.yearProperty().get())) + ".csv",
                        "CSV",
                        "*.csv")
                .ifPresent(f -> vm.export(f, false)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button results = new Button(m.get("checklist.action.importResults"));
        results.setId("importResults");
        results.setTooltip(new Tooltip(m.get("checklist.view.importResultsHint")));
        results.setOnAction(
                e -> dialogs.chooseFileToOpen(m.get("checklist.action.importResults"), "Excel", "*.xlsx", "*.xls")
                        .ifPresent(vm::importResults));
        javafx.scene.control.ToggleGroup grouping = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton byCommunity =
                new javafx.scene.control.ToggleButton(m.get("checklist.view.byCommunity"));
        byCommunity.setId("boardByCommunity");
        javafx.scene.control.ToggleButton byUnit =
                new javafx.scene.control.ToggleButton(m.get("checklist.view.byUnit"));
        byUnit.setId("boardByUnit");
        byCommunity.setToggleGroup(grouping);
        byUnit.setToggleGroup(grouping);
        byCommunity.setSelected(true);
        grouping.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                grouping.selectToggle(old);
            } else {
                vm.byUnitProperty().set(t == byUnit);
            }
        });
        Button quotas = new Button(m.get("checklist.action.quotas"));
        quotas.setId("boardQuotas");
        quotas.setOnAction(e -> vm.editQuotas());
        HBox bar = new HBox(
                8,
                title,
                gap,
                new HBox(0, byCommunity, byUnit),
                new Label(m.get("checklist.view.year")),
                year,
                quotas,
                xlsx,
                csv,
                results);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private List<TableColumn<AcceptanceBoard.Row, ?>> columns() {
        TableColumn<AcceptanceBoard.Row, String> name =
                Tables.textColumn(m.get("checklist.stats.community"), 200, vm::name);
        name.setSortable(false);
        return List.of(
                name,
                countColumn("checklist.stats.branches", AcceptanceBoard.Row::branches, null),
                countColumn("checklist.stats.accepted", AcceptanceBoard.Row::accepted, null),
                countColumn("checklist.stats.passed", AcceptanceBoard.Row::passed, AcceptanceStatus.PASSED),
                countColumn("checklist.stats.failed", AcceptanceBoard.Row::failed, AcceptanceStatus.FAILED),
                rateColumn());
    }

    /**
     * 合计 in a one-row table of its own under the list, its columns as wide as the list's: it stays in view
     * however many communities or units scroll above it (at 125% it hid below the scroll).
     */
    private TableView<AcceptanceBoard.Row> pinnedTotal(TableView<AcceptanceBoard.Row> table) {
        TableView<AcceptanceBoard.Row> total =
                new TableView<>(new javafx.collections.transformation.FilteredList<>(vm.rows(), vm::isTotal));
        total.setId("boardTotal");
        total.getStyleClass().add("pinned-total");
        total.getColumns().setAll(columns());
        for (int i = 0; i < total.getColumns().size(); i++) {
            total.getColumns()
                    .get(i)
                    .prefWidthProperty()
                    .bind(table.getColumns().get(i).widthProperty());
        }
        total.setFixedCellSize(28);
        total.setPrefHeight(30);
        total.setMinHeight(30);
        total.setMaxHeight(30);
        total.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            {
                getStyleClass().add("row-total");
            }
        });
        return total;
    }

    private Node body() {
        TableView<AcceptanceBoard.Row> table =
                new TableView<>(new javafx.collections.transformation.FilteredList<>(vm.rows(), r -> !vm.isTotal(r)));
        table.setId("boardTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(columns());
        TableView<AcceptanceBoard.Row> total = pinnedTotal(table);
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AcceptanceBoard.Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("row-total");
                if (!empty && r != null && vm.isTotal(r)) {
                    getStyleClass().add("row-total");
                }
            }
        });
        Label note = new Label(m.get("checklist.stats.note") + " " + m.get("checklist.view.drillHint"));
        note.setWrapText(true);
        note.getStyleClass().add("count-label");

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis(0, 100, 20);
        y.setLabel(m.get("checklist.stats.rate") + " %");
        BarChart<String, Number> byCommunity = new BarChart<>(x, y);
        byCommunity.setId("rateChart");
        byCommunity.setLegendVisible(false);
        byCommunity.setAnimated(false);
        byCommunity.setTitle(m.get("checklist.view.rateByCommunity"));
        byCommunity.setMinHeight(220);
        CategoryAxis tx = new CategoryAxis();
        NumberAxis ty = new NumberAxis(0, 100, 20);
        BarChart<String, Number> overYears = new BarChart<>(tx, ty);
        overYears.setId("trendChart");
        overYears.setLegendVisible(false);
        overYears.setAnimated(false);
        overYears.setTitle(m.get("checklist.view.rateOverYears"));
        overYears.setMinHeight(220);
        overYears.setPrefWidth(260);
        vm.rows().addListener((javafx.collections.ListChangeListener<AcceptanceBoard.Row>) c -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            for (AcceptanceBoard.Row r : vm.rows()) {
                if (!vm.isTotal(r)) {
                    XYChart.Data<String, Number> d =
                            new XYChart.Data<>(vm.name(r), r.rate().doubleValue());
                    s.getData().add(d);
                    d.nodeProperty().addListener((o, a, bar) -> {
                        if (bar != null) {
                            Tooltip.install(
                                    bar, new Tooltip(vm.name(r) + " " + r.rate().toPlainString() + "%"));
                            bar.setOnMouseClicked(e -> drill.show(r.community(), vm.unitOf(r), null));
                        }
                    });
                }
            }
            byCommunity.getData().setAll(List.of(s));
        });
        vm.trend().addListener((javafx.collections.ListChangeListener<BoardViewModel.YearRate>) c -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            for (BoardViewModel.YearRate r : vm.trend()) {
                XYChart.Data<String, Number> d = new XYChart.Data<>(
                        Integer.toString(r.year()), r.total().rate().doubleValue());
                s.getData().add(d);
                d.nodeProperty().addListener((o, a, bar) -> {
                    if (bar != null) {
                        Tooltip.install(
                                bar,
                                new Tooltip(r.year() + ": " + r.total().rate().toPlainString() + "%"));
                        bar.setOnMouseClicked(e -> vm.load(r.year(), () -> {})); // that year's board
                    }
                });
            }
            overYears.getData().setAll(List.of(s));
        });
        HBox charts = new HBox(8, byCommunity, overYears);
        HBox.setHgrow(byCommunity, Priority.ALWAYS);
        Label over = new Label();
        over.setId("quotaExcess");
        over.getStyleClass().add("issue-error");
        over.setWrapText(true);
        vm.excesses().addListener((javafx.collections.ListChangeListener<
                        org.taizhang.checklist.model.RatingQuota.Excess>)
                c -> over.setText(String.join(
                        "；",
                        vm.excesses().stream()
                                .map(ex -> m.get(
                                        "checklist.view.quotaExceeded",
                                        ex.rating(),
                                        ex.count(),
                                        ex.share().toPlainString(),
                                        ex.maxShare().stripTrailingZeros().toPlainString()))
                                .toList())));
        over.managedProperty().bind(over.textProperty().isNotEmpty());
        VBox box = new VBox(0, table, total, note, over, charts);
        VBox.setMargin(note, new Insets(6, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 8, 8));
        return box;
    }

    /** A count that opens its branches: a click on it shows them on the scoring page. */
    private TableColumn<AcceptanceBoard.Row, Integer> countColumn(
            String key, java.util.function.ToIntFunction<AcceptanceBoard.Row> value, AcceptanceStatus status) {
        TableColumn<AcceptanceBoard.Row, Integer> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(80);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.applyAsInt(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            {
                setOnMouseClicked(e -> {
                    AcceptanceBoard.Row r =
                            getTableRow() == null ? null : getTableRow().getItem();
                    if (r != null && !isEmpty()) {
                        drill.show(r.community(), vm.unitOf(r), status);
                    }
                });
            }

            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : counts.format(item));
                getStyleClass().remove("drill-cell");
                if (!empty) {
                    getStyleClass().add("drill-cell");
                }
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return c;
    }

    private TableColumn<AcceptanceBoard.Row, String> rateColumn() {
        TableColumn<AcceptanceBoard.Row, String> c = Tables.textColumn(
                m.get("checklist.stats.rate"), 80, r -> r.rate().toPlainString() + "%");
        c.setSortable(false);
        return c;
    }
}
