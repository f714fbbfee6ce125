package org.taizhang.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A text column's cut-off value can be read whole in a tooltip, made when the pointer comes over the cell. */
@ExtendWith(ApplicationExtension.class)
class TablesTest {
    private final ObservableList<String[]> rows = FXCollections.observableArrayList();
    private TableView<String[]> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(rows);
        table.getColumns().add(Tables.textColumn("名称", 120, (String[] r) -> r[0]));
        rows.add(new String[] {""});
        IntStream.range(1, 60).forEach(i -> rows.add(new String[] {"中共某市发展和改革委员会机关第" + i + "党支部"}));
        stage.setScene(new Scene(table, 300, 200));
        stage.show();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText()))
                .queryAs(TableCell.class);
    }

    @Test
    void aCellGetsItsTooltipWhenThePointerComesOverItAndItFollowsTheValueShown(FxRobot robot) {
        TableCell<?, ?> cell = cell(robot, "中共某市发展和改革委员会机关第1党支部");
        assertThat(cell.getTooltip()).as("none made before the pointer comes").isNull();

        robot.moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo("中共某市发展和改革委员会机关第1党支部");

        // scrolling gives the same cell another row's value: its tooltip follows
        robot.interact(() -> table.scrollTo(20));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.getText()).isNotEqualTo("中共某市发展和改革委员会机关第1党支部");
        assertThat(cell.getTooltip()).isNotNull();
        assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());
    }

    @Test
    void aBlankCellShowsNoTooltip(FxRobot robot) {
        TableCell<?, ?> blank = robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> c.getIndex() == 0)
                .queryAs(TableCell.class);

        robot.moveTo(blank);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(blank.getTooltip()).isNull();
    }
}
