package org.taizhang.operator.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Store;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.model.OperatorDraft;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 空闲锁定: the window is covered after the idle time, its form kept, and opened again by the operator's password. */
@ExtendWith(ApplicationExtension.class)
class IdleLockTest {
    @TempDir
    static Path dir;

    private Store store;
    private OperatorService service;
    private IdleLock lock;
    private TextField typed;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        store.setOperator("王清");
        service = new OperatorService(store);
        service.add(new OperatorDraft("李四", Actor.Role.CLERK, true), "mima-2026".toCharArray());
        service.signIn("李四", "mima-2026".toCharArray());
        Messages messages = Messages.forLocale(Messages.CHINESE);
        typed = new TextField();
        typed.setId("halfTyped");
        StackPane host = new StackPane(typed);
        lock = new IdleLock(host, service, new TaskRunner(messages, dialogs), dialogs, messages, () -> {});
        stage.setScene(new Scene(host, 800, 500));
        stage.show();
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
    void theWindowLocksWhenIdleAndOpensOnlyWithThePassword(FxRobot robot) throws Exception {
        assertThat(service.idleLockMinutes()).isZero(); // off by default: input alone never starts a wait
        robot.clickOn("#halfTyped");
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lock.isLocked()).isFalse();
        robot.interact(() -> typed.setText("一半")); // a form half typed
        robot.interact(() -> lock.startAfter(Duration.seconds(1)));
        waitUntil(lock::isLocked);
        assertThat(robot.lookup("#idleLock").tryQuery()).isPresent();

        robot.clickOn("#lockPassword").write("mima-2025");
        robot.clickOn("#lockResume");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("姓名或密码不对")));
        assertThat(lock.isLocked()).isTrue();

        robot.clickOn("#lockPassword").write("mima-2026");
        robot.clickOn("#lockResume");
        waitUntil(() -> !lock.isLocked());
        assertThat(typed.getText()).isEqualTo("一半"); // nothing under the lock was closed
        assertThat(store.actor().name()).isEqualTo("李四");

        // input keeps it open; 0 minutes turns it off
        robot.interact(() -> lock.start(0));
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void theMinutesAreASettingOfTheAdministrators() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.saveIdleLockMinutes(10))
                .hasMessageContaining("access.adminOnly");
        service.signIn("王清", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.saveIdleLockMinutes(481))
                .hasMessageContaining("operator.error.idleLock");
        service.saveIdleLockMinutes(15);
        assertThat(service.idleLockMinutes()).isEqualTo(15);
    }
}
