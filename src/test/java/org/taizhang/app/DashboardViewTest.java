package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.view.RegistryViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 工作台 on the sample data: numbers with separators, tiles that open the list they count. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    @TempDir
    static Path dir;

    private Store store;
    private RegistryViewModel vm;
    private final List<RegistryViewModel.Shown> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService service = new RegistryService(store);
        service.importSample(Progress.NONE);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        var dialogs = new org.taizhang.core.ui.FxDialogService(stage, messages);
        vm = new RegistryViewModel(
                service, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        vm.reload(() -> {});
        DashboardView view = new DashboardView(vm, messages, shown -> {
            opened.add(shown);
            vm.show(shown);
        });
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1200, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String number(Button tile) {
        return ((Label) ((VBox) tile.getGraphic()).getChildren().get(0)).getText();
    }

    @Test
    void aWindowTooLowForTheTilesScrolls(FxRobot robot) {
        // a window of its own, 400×120: the shared test window keeps its size
        Stage[] small = new Stage[1];
        robot.interact(() -> {
            DashboardView view = new DashboardView(vm, Messages.forLocale(Messages.CHINESE), shown -> {});
            small[0] = new Stage();
            small[0].setScene(new Scene((javafx.scene.Parent) view.node(), 400, 120));
            small[0].show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        try {
            javafx.scene.control.ScrollPane scroll =
                    (javafx.scene.control.ScrollPane) small[0].getScene().getRoot();
            assertThat(scroll.getId()).isEqualTo("dashboardScroll");
            assertThat(scroll.getContent().getLayoutBounds().getHeight())
                    .isGreaterThan(scroll.getViewportBounds().getHeight());
            robot.interact(() -> scroll.setVvalue(1));
            assertThat(scroll.getVvalue()).isEqualTo(1);
        } finally {
            robot.interact(small[0]::close);
        }
    }

    @Test
    void numbersHaveThousandsSeparators(FxRobot robot) {
        String members = number(robot.lookup("#tile-members").queryAs(Button.class));
        assertThat(members).matches("\\d{1,3}(,\\d{3})+");
    }

    @Test
    void theMembersTileOpensTheOrganizationsItAddsUp(FxRobot robot) {
        String members = number(robot.lookup("#tile-members").queryAs(Button.class));

        robot.clickOn("#tile-members");

        assertThat(opened).containsExactly(RegistryViewModel.Shown.MEMBERS);
        assertThat(vm.rows()).isNotEmpty().allMatch(r -> r.organization().isTopLevel());
        long sum = vm.rows().stream()
                .mapToLong(r -> r.organization().memberCount() == null
                        ? 0
                        : r.organization().memberCount())
                .sum();
        assertThat(java.text.NumberFormat.getIntegerInstance(java.util.Locale.CHINA)
                        .format(sum))
                .isEqualTo(members);
    }

    @Test
    void theExpiredTermsTileOpensExactlyThoseOrganizations(FxRobot robot) {
        String count = number(robot.lookup("#tile-termsExpired").queryAs(Button.class));

        robot.clickOn("#tile-termsExpired");

        assertThat(opened).containsExactly(RegistryViewModel.Shown.TERM_EXPIRED);
        assertThat(vm.rows()).hasSize(Integer.parseInt(count));
        assertThat(vm.rows()).allMatch(r -> r.issueText().contains("任期已于"));
    }
}
