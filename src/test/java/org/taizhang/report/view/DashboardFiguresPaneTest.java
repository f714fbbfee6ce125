package org.taizhang.report.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taizhang.core.i18n.Messages;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.DashboardFigures;
import org.taizhang.report.DashboardFigures.Acceptance;
import org.taizhang.report.DashboardFigures.Bar;
import org.taizhang.report.DashboardFigures.Findings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The 工作台's key figures in a window: every tile, bar and line opens the list behind it. */
@ExtendWith(ApplicationExtension.class)
class DashboardFiguresPaneTest {
    private final List<DashboardFiguresModel.Opening> opened = new ArrayList<>();
    private final DashboardFiguresModel model = new DashboardFiguresModel(Messages.forLocale(Messages.CHINESE));
    private final LedgerEntry due =
            aFinding().of("u", "江海市财政局").described("党费收缴台账不全").build();

    @Start
    void start(Stage stage) {
        DashboardFiguresPane pane = new DashboardFiguresPane(model, opened::add);
        stage.setScene(new Scene(new ScrollPane(pane.node()), 1366, 900));
        stage.show();
        Map<String, Bar> communities = new LinkedHashMap<>();
        communities.put("经济发展共同体", new Bar(30, 20));
        communities.put("", new Bar(2, 1));
        model.show(new DashboardFigures(
                LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 11, 30),
                new Findings(53, 21, 4, 2, 1),
                new Findings(50, 18, 6, 2, 1),
                new Acceptance(307, 155),
                null,
                communities,
                Map.of("党费", new Bar(5, 2)),
                List.of(due)));
    }

    @Test
    void theTilesSayTheirChangeAndOpenTheirList(FxRobot robot) {
        assertThat(robot.lookup("#trend-overdue").queryAs(Label.class).getText())
                .isEqualTo("较上月末 −2");
        assertThat(robot.lookup("#trend-overdue").queryAs(Label.class).getStyleClass())
                .contains("trend-better");
        assertThat(robot.lookup("#trend-open").queryAs(Label.class).getStyleClass())
                .contains("trend-same");
        assertThat(robot.lookup("#trend-acceptanceRate").queryAs(Label.class).getText())
                .isEqualTo("上月末无记录");
        assertThat(robot.lookup("#tile-figure-overdue").queryAs(Node.class).getStyleClass())
                .contains("warning-overdue");

        robot.clickOn("#tile-figure-open");
        robot.clickOn("#tile-figure-overdue");
        robot.clickOn("#tile-figure-acceptanceRate");

        assertThat(opened)
                .containsExactly(
                        DashboardFiguresModel.Figure.OPEN,
                        DashboardFiguresModel.Figure.OVERDUE,
                        DashboardFiguresModel.Figure.BOARD);
    }

    @Test
    void aBarOpensItsCommunityAndALineItsFinding(FxRobot robot) {
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#communityChart").queryAs(BarChart.class);
        XYChart.Data<String, Number> bar = chart.getData().getFirst().getData().getFirst();
        assertThat(bar.getXValue()).isEqualTo("经济发展共同体");
        assertThat(bar.getYValue()).isEqualTo(50);
        assertThat(chart.getData().get(1).getData().get(1).getXValue()).isEqualTo("未分共同体");

        robot.interact(() -> bar.getNode().getOnMouseClicked().handle(null));
        robot.clickOn(robot.lookup("#dueThisWeek").lookup(".hyperlink").queryAs(Hyperlink.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened)
                .containsExactly(
                        new DashboardFiguresModel.Community("经济发展共同体"), new DashboardFiguresModel.Finding(due.id()));
    }
}
