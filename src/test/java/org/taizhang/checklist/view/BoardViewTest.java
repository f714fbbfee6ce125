package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.Snapshots;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The 达标验收 board in the window on the sample: its buttons, by unit, and a count that opens its branches. */
@ExtendWith(ApplicationExtension.class)
class BoardViewTest {
    /** Gives the shared test window its size back after a test that changed it. */
    private Runnable restore = () -> {};

    @org.junit.jupiter.api.AfterEach
    void restoreTheWindowsSize() {
        restore.run();
        restore = () -> {};
    }

    @TempDir
    static Path dir;

    private Store store;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<String> drilled = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        ChecklistService service = new ChecklistService(store, registry);
        service.importSample(service.today().getYear());
        Messages messages = Messages.forLocale(Messages.CHINESE);
        BoardViewModel vm = new BoardViewModel(service, new TaskRunner(messages, dialogs), dialogs, messages);
        BoardView view = new BoardView(
                vm,
                messages,
                dialogs,
                (community, unit, status) -> drilled.add((community == null ? "" : community.name()) + "|"
                        + (unit == null ? "" : unit.name()) + "|" + status));
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1366, 768));
        stage.show();
        vm.loadCurrentYear(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyActionIsThereAndACountOpensItsBranches(FxRobot robot) throws Exception {
        TableView<AcceptanceBoard.Row> table = robot.lookup("#boardTable").queryTableView();
        waitUntil(() -> table.getItems().size() > 2);
        for (String id : List.of(
                "#boardByCommunity",
                "#boardByUnit",
                "#boardYear",
                "#boardQuotas",
                "#boardExportXlsx",
                "#boardExportCsv",
                "#importResults")) {
            Node n = robot.lookup(id).query();
            assertThat(n.isVisible()).as(id).isTrue();
            assertThat(n.localToScene(n.getBoundsInLocal()).getMaxX())
                    .as(id + " inside the window")
                    .isLessThanOrEqualTo(1366);
        }
        robot.interact(() -> Snapshots.save(table.getScene(), "board"));

        AcceptanceBoard.Row first = table.getItems().getFirst();
        // the 达标 count of the first community: its passed branches
        Node passed = robot.lookup("#boardTable .drill-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getTableColumn().getText().equals("达标")
                        && c.getIndex() == 0)
                .findFirst()
                .orElseThrow();
        robot.clickOn(passed);
        waitUntil(() -> !drilled.isEmpty());
        assertThat(drilled.getFirst()).isEqualTo(first.community().name() + "||" + AcceptanceStatus.PASSED);

        robot.clickOn("#boardByUnit");
        waitUntil(() -> table.getItems().size() > 10);
        assertThat(table.getItems().getFirst().community()).isNull();
    }

    @Test
    void theTotalStaysInViewUnderSixtyUnitsAtOneHundredTwentyFivePercent(FxRobot robot) throws Exception {
        TableView<AcceptanceBoard.Row> table = robot.lookup("#boardTable").queryTableView();
        waitUntil(() -> table.getItems().size() > 2);
        robot.clickOn("#boardByUnit");
        waitUntil(() -> table.getItems().size() > 10);
        javafx.stage.Stage window = (javafx.stage.Stage) table.getScene().getWindow();
        double wasWidth = window.getWidth();
        double wasHeight = window.getHeight();
        // the test window is shared by the test classes: its size is given back afterwards
        restore = () -> robot.interact(() -> {
            window.setWidth(wasWidth);
            window.setHeight(wasHeight);
        });
        robot.interact(() -> {
            window.setWidth(1093);
            window.setHeight(614);
        });
        WaitForAsyncUtils.waitForFxEvents();

        TableView<AcceptanceBoard.Row> total = robot.lookup("#boardTotal").queryTableView();
        assertThat(total.getItems())
                .singleElement()
                .satisfies(r -> assertThat(r.community()).isNull());
        assertThat(table.getItems()).doesNotContain(total.getItems().getFirst());
        assertThat(total.localToScene(total.getBoundsInLocal()).getMaxY())
                .as("合计 inside the window")
                .isLessThanOrEqualTo(table.getScene().getHeight());
        assertThat(robot.lookup("#boardTotal .table-cell").queryAll())
                .anyMatch(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "合计".equals(c.getText()));
    }
}
