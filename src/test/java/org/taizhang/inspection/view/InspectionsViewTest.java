package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 督查安排's 走访 in the window: the visit dialog's title and day, and what the photo area says. */
@ExtendWith(ApplicationExtension.class)
class InspectionsViewTest {
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
    private InspectionsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        SampleFindings.importInto(store, registry);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        RecordingDialogs dialogs = new RecordingDialogs();
        vm = new InspectionsViewModel(
                new InspectionService(store), registry, new TaskRunner(messages, dialogs), dialogs, messages);
        InspectionsView view = new InspectionsView(vm);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1366, 768));
        stage.show();
        vm.reload();
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
    void atOneHundredTwentyFivePercentTheScopesButtonsAreWhole(FxRobot robot) throws Exception {
        TableView<Inspection> rounds = robot.lookup("#inspectionTable").queryTableView();
        waitUntil(() -> !rounds.getItems().isEmpty());
        robot.interact(() -> rounds.getSelectionModel().select(0));
        robot.clickOn("检查范围");
        Stage window = (Stage) rounds.getScene().getWindow();
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

        java.util.List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            cut.addAll(
                    org.taizhang.core.ui.CutTexts.in(robot.lookup("#scopeAdd").query()));
            cut.addAll(org.taizhang.core.ui.CutTexts.in(
                    robot.lookup("#scopeRemove").query()));
        });
        assertThat(cut).isEmpty();
    }

    @Test
    void theVisitDialogIsTitledForANewVisitAndShowsItsDayAsEverywhereElse(FxRobot robot) throws Exception {
        TableView<Inspection> rounds = robot.lookup("#inspectionTable").queryTableView();
        waitUntil(() -> !rounds.getItems().isEmpty());
        robot.interact(() -> rounds.getSelectionModel().select(0));
        robot.clickOn("走访");
        TableView<Visit> visits = robot.lookup("#visitTable").queryTableView();
        waitUntil(() -> !visits.getItems().isEmpty());

        Label empty = robot.lookup("#visitPhotosEmpty").queryAs(Label.class);
        assertThat(empty.getText()).isEqualTo("选择一次走访后可添加照片。");
        robot.interact(() -> visits.getSelectionModel().select(0));
        assertThat(empty.getText()).startsWith("这次走访还没有照片");

        robot.clickOn("#visitAdd");
        waitUntil(() -> robot.lookup("#visitDay").tryQuery().isPresent());
        Stage dialog = (Stage) robot.lookup("#visitDay").query().getScene().getWindow();
        assertThat(dialog.getTitle()).isEqualTo("新增走访");
        DatePicker day = robot.lookup("#visitDay").query();
        assertThat(day.getEditor().getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        robot.interact(dialog::close);
        assertThat(Window.getWindows()).hasSize(1);
    }

    @Test
    void aTeamTypedInItsDialogJoinsTheRound(FxRobot robot) throws Exception {
        TableView<Inspection> rounds = robot.lookup("#inspectionTable").queryTableView();
        waitUntil(() -> !rounds.getItems().isEmpty());
        robot.interact(() -> rounds.getSelectionModel().select(0));
        robot.clickOn("检查组");
        TableView<org.taizhang.inspection.model.InspectionTeam> teams =
                robot.lookup("#teamTable").queryTableView();
        int before = teams.getItems().size();

        robot.clickOn("#teamAdd");
        waitUntil(() -> robot.lookup("#teamName").tryQuery().isPresent());
        Stage dialog = (Stage) robot.lookup("#teamName").query().getScene().getWindow();
        assertThat(dialog.getTitle()).isEqualTo("新增检查组…");
        robot.clickOn("#teamName").write("第九检查组");
        robot.clickOn("#teamDialogOk");
        waitUntil(() -> teams.getItems().size() == before + 1);
        assertThat(teams.getItems()).extracting(t -> t.name()).contains("第九检查组");
        assertThat(Window.getWindows()).hasSize(1);
    }
}
