package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.FirstRun;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on the sample data: it opens on the 工作台, and the 工作台's counts follow a change made on
 * another page during the session (全部挂号 in the ledger empties 待挂号).
 */
class AppStartTest {
    @TempDir
    Path dir;

    private App app;
    private final FxRobot robot = new FxRobot();

    private Path db;

    @BeforeEach
    void database() throws Exception {
        db = Files.createDirectories(dir.resolve("data")).resolve("t.db");
    }

    /** The sample registry and findings on the hub, the first start behind it. */
    private void launchOnTheSample() throws Exception {
        try (Store store = Store.openOrCreate(db)) {
            store.designateHub(); // the hub numbers findings
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            SampleFindings.importInto(store, registry);
            FirstRun.markDone(store);
        }
        launch();
        waitUntil(() -> robot.lookup("#tile-reminder-PENDING").tryQuery().isPresent()
                && !count("#tile-reminder-PENDING").equals("0"));
    }

    private void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (App) FxToolkit.setupApplication(App.class, "--db=" + db, "--lang=zh");
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theFirstStartAsksForTheOperatorAndTheReportingCommittee() throws Exception {
        launch();
        waitUntil(() -> robot.lookup("#firstRunCommittee").tryQuery().isPresent());

        robot.clickOn("#firstRunOperator").write("刘晓燕");
        robot.clickOn("#firstRunCommittee").write("中共江海市直属机关工作委员会");
        robot.clickOn("#banner-1"); // 空白开始（本机为汇总机）
        waitUntil(() -> robot.lookup("#firstRunCommittee").tryQuery().isEmpty());

        // 设置 reads them on the same worker, after the writes
        robot.clickOn("#nav-settings");
        waitUntil(() -> "中共江海市直属机关工作委员会".equals(text("#settingsCommittee")));
        assertThat(text("#settingsOperator")).isEqualTo("刘晓燕");
        FxToolkit.cleanupApplication(app);
        app = null;

        try (Store store = Store.openOrCreate(db)) {
            assertThat(store.operator()).isEqualTo("刘晓燕");
            assertThat(store.committee()).isEqualTo("中共江海市直属机关工作委员会");
            assertThat(store.isHub()).isTrue();
            assertThat(FirstRun.isPending(store)).isFalse();
        }
    }

    @Test
    void theWindowOpensOnTheDashboard() throws Exception {
        launchOnTheSample();
        assertThat(robot.lookup("#nav-dashboard").queryAs(ToggleButton.class).isSelected())
                .isTrue();
        assertThat(robot.lookup("#tile-members").tryQuery()).isPresent();
    }

    @Test
    void theDashboardsCountsFollowAStepTakenInTheLedger() throws Exception {
        launchOnTheSample();
        assertThat(Integer.parseInt(count("#tile-reminder-PENDING"))).isPositive();

        robot.clickOn("#nav-ledger");
        waitUntil(() -> robot.lookup("#registerAll").tryQuery().isPresent());
        robot.clickOn("#registerAll");
        // 全部挂号 asks (是), then says how many were numbered (Enter)
        waitUntil(() -> dialogs() == 1);
        robot.clickOn("是");
        waitUntil(() -> dialogs() == 1 && robot.lookup("是").tryQuery().isEmpty());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> dialogs() == 0);
        robot.clickOn("#nav-dashboard");

        waitUntil(() -> count("#tile-reminder-PENDING").equals("0"));
        assertThat(count("#tile-reminder-PENDING")).isEqualTo("0");
    }

    private long dialogs() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null && s.isShowing())
                .count();
    }

    private String text(String field) {
        return robot.lookup(field)
                .tryQueryAs(javafx.scene.control.TextField.class)
                .map(javafx.scene.control.TextField::getText)
                .orElse(null);
    }

    private String count(String tile) {
        Node graphic = robot.lookup(tile).queryAs(Button.class).getGraphic();
        return ((Label) ((VBox) graphic).getChildren().get(0)).getText();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
