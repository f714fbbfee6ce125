package org.taizhang.report.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.DashboardFigures;

/**
 * The 工作台's key figures: a tile per figure with its change since the end of last month (green when better, red
 * when worse), the findings found and closed by 共同体 and by category (the documents' colours: found red, closed
 * blue), and the findings due this week. A tile, a bar or a line opens the list behind it.
 */
public final class DashboardFiguresPane {
    private final VBox root = new VBox(10);
    /** Four tiles a row: the counts above, the rates below, whatever the window's width. */
    private final GridPane tiles = new GridPane(12, 12);

    private final HBox charts = new HBox(16);
    private final VBox due = new VBox(2);
    private static final int TILES_A_ROW = 4;
    private final Messages m;
    private final Consumer<DashboardFiguresModel.Opening> open;
    private final DashboardFiguresModel model;

    public DashboardFiguresPane(DashboardFiguresModel model, Consumer<DashboardFiguresModel.Opening> open) {
        this.model = model;
        this.m = model.messages();
        this.open = open;
        Label title = new Label(m.get("report.dashboard.title"));
        title.getStyleClass().add("section-title");
        tiles.setId("dashboardFigures");
        due.setId("dueThisWeek");
        Label dueTitle = new Label(m.get("report.dashboard.due.title"));
        dueTitle.getStyleClass().add("section-title");
        root.getChildren().addAll(title, tiles, charts, dueTitle, due);
        model.figuresProperty().addListener((o, was, f) -> show(f));
        if (model.figuresProperty().get() != null) {
            show(model.figuresProperty().get());
        }
    }

    private void show(DashboardFigures f) {
        tiles.getChildren().clear();
        List<DashboardFiguresModel.Tile> all = model.tiles(f);
        for (int i = 0; i < all.size(); i++) {
            Node tile = tile(all.get(i));
            tiles.add(tile, i % TILES_A_ROW, i / TILES_A_ROW);
        }
        charts.getChildren()
                .setAll(
                        chart("communityChart", m.get("report.dashboard.chart.community"), model.communityBars(f)),
                        chart("categoryChart", m.get("report.dashboard.chart.category"), model.categoryBars(f)));
        due.getChildren().clear();
        List<String> lines = model.dueLines(f);
        if (lines.isEmpty()) {
            due.getChildren().add(new Label(m.get("report.dashboard.due.none")));
        }
        for (int i = 0; i < lines.size(); i++) {
            LedgerEntry e = f.dueThisWeek().get(i);
            Hyperlink link = new Hyperlink(lines.get(i));
            link.getStyleClass().add("warning-soon-text");
            link.setOnAction(x -> open.accept(new DashboardFiguresModel.Finding(e.id())));
            due.getChildren().add(link);
        }
    }

    private Node tile(DashboardFiguresModel.Tile t) {
        Label value = new Label(t.value());
        value.getStyleClass().add("stat-value");
        Label label = new Label(m.get(t.labelKey()));
        label.getStyleClass().add("stat-label");
        Label trend = new Label(t.trend());
        trend.setId("trend-" + t.id());
        trend.getStyleClass().add("trend-" + t.direction().name().toLowerCase(java.util.Locale.ROOT));
        Button tile = new Button(null, new VBox(4, value, label, trend));
        tile.setMaxWidth(Double.MAX_VALUE);
        GridPane.setFillWidth(tile, true);
        tile.setId("tile-figure-" + t.id());
        tile.getStyleClass().add("stat-card");
        // coloured as the ledger colours its rows, when there is something to see
        if (!t.value().equals("0") && t.opens() == DashboardFiguresModel.Figure.OVERDUE) {
            tile.getStyleClass().add("warning-overdue");
        } else if (!t.value().equals("0") && t.opens() == DashboardFiguresModel.Figure.SOON) {
            tile.getStyleClass().add("warning-soon");
        }
        tile.setOnAction(e -> open.accept(t.opens()));
        return tile;
    }

    private Node chart(String id, String title, List<DashboardFiguresModel.Bar> bars) {
        CategoryAxis names = new CategoryAxis();
        NumberAxis counts = new NumberAxis();
        counts.setLabel(m.get("report.dashboard.chart.count"));
        counts.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(names, counts);
        chart.setId(id);
        chart.setTitle(title);
        chart.getStyleClass().add("dashboard-chart");
        chart.setAnimated(false);
        chart.setCategoryGap(14);
        chart.setBarGap(1);
        chart.setPrefHeight(280);
        chart.setMinWidth(320);
        XYChart.Series<String, Number> found = new XYChart.Series<>();
        found.setName(m.get("report.dashboard.chart.found"));
        XYChart.Series<String, Number> closed = new XYChart.Series<>();
        closed.setName(m.get("report.dashboard.chart.closed"));
        for (DashboardFiguresModel.Bar b : bars) {
            found.getData().add(clickable(new XYChart.Data<>(b.name(), b.found()), b));
            closed.getData().add(clickable(new XYChart.Data<>(b.name(), b.closed()), b));
        }
        chart.getData().setAll(List.of(found, closed));
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    /** A bar opens its findings, and says its figures when the mouse rests on it. */
    private XYChart.Data<String, Number> clickable(XYChart.Data<String, Number> d, DashboardFiguresModel.Bar b) {
        d.nodeProperty().addListener((o, was, node) -> {
            if (node != null) {
                node.setCursor(Cursor.HAND);
                node.setOnMouseClicked(e -> open.accept(b.opens()));
                Tooltip.install(
                        node,
                        new Tooltip(b.name() + "\n" + m.get("report.dashboard.chart.found") + " " + b.found() + "，"
                                + m.get("report.dashboard.chart.closed") + " " + b.closed() + "\n"
                                + m.get("report.dashboard.chart.hint")));
            }
        });
        return d;
    }

    public Node node() {
        return root;
    }
}
