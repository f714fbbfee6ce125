package org.taizhang.operator.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
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
import org.taizhang.operator.model.Operator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** 设置 → 操作员 in a window: an operator added, given a password, removed; the 只读's view; 切换操作员. */
@ExtendWith(ApplicationExtension.class)
class OperatorsViewTest {
    @TempDir
    static Path dir;

    private Store store;
    private OperatorService service;
    private OperatorsViewModel model;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final AtomicInteger actorChanged = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        store.setOperator("王清");
        service = new OperatorService(store);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        model = new OperatorsViewModel(
                service, new TaskRunner(messages, dialogs), dialogs, messages, actorChanged::incrementAndGet);
        stage.setScene(new Scene((javafx.scene.Parent) new OperatorsPane(model).node(), 1000, 600));
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

    @SuppressWarnings("unchecked")
    private TableView<Operator> table(FxRobot robot) {
        return robot.lookup("#operators").queryAs(TableView.class);
    }

    @Test
    void anOperatorIsAddedGivenAPasswordAndRemoved(FxRobot robot) throws Exception {
        waitUntil(() ->
                robot.lookup("#operatorCurrent").queryAs(Label.class).getText().equals("当前操作员：王清（管理员）"));
        assertThat(table(robot).getItems()).isEmpty();

        robot.clickOn("#operatorName").write("李四");
        @SuppressWarnings("unchecked")
        ComboBox<Actor.Role> role = robot.lookup("#operatorRole").queryAs(ComboBox.class);
        robot.interact(() -> role.setValue(Actor.Role.READER));
        robot.clickOn("#operatorAdd");
        waitUntil(() -> table(robot).getItems().size() == 2);
        assertThat(dialogs.shown).anyMatch(s -> s.contains("已新增操作员“李四”"));
        assertThat(table(robot).getItems())
                .extracting(Operator::name, Operator::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("王清", Actor.Role.ADMIN),
                        org.assertj.core.groups.Tuple.tuple("李四", Actor.Role.READER));
        assertThat(actorChanged.get()).isPositive();

        // a password typed twice, differently: said under the form, nothing saved
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        assertThat(robot.lookup("#operatorName").queryAs(TextField.class).getText())
                .isEqualTo("李四");
        robot.clickOn("#operatorPassword").write("mima-2026");
        robot.clickOn("#operatorPasswordRepeat").write("mima-2027");
        assertThat(robot.lookup("#operatorProblems").queryAs(Label.class).getText())
                .contains("两次输入的密码不一致");
        robot.clickOn("#operatorSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.operators().get(1).hasPassword()).isFalse();
        robot.interact(() -> robot.lookup("#operatorPasswordRepeat")
                .queryAs(PasswordField.class)
                .setText("mima-2026"));
        robot.clickOn("#operatorSave");
        waitUntil(() -> service.operators().get(1).hasPassword());
        waitUntil(() -> table(robot).getItems().get(1).hasPassword());

        robot.interact(() -> table(robot).getSelectionModel().select(1));
        dialogs.confirmAnswer = false; // 否: kept
        robot.clickOn("#operatorRemove");
        assertThat(service.operators()).hasSize(2);
        dialogs.confirmAnswer = true;
        robot.clickOn("#operatorRemove");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(service.operators()).extracting(Operator::name).containsExactly("王清");
    }

    @Test
    void aReadOnlyOperatorSeesTheListButCannotChangeItAndOperatorsAreSwitchedWithTheirPassword(FxRobot robot)
            throws Exception {
        waitUntil(() -> robot.lookup("#operatorAdd").queryButton().isDisabled() == false);
        robot.interact(() -> {});
        service.add(
                new org.taizhang.operator.model.OperatorDraft("李四", Actor.Role.READER, false),
                "mima-2026".toCharArray());
        service.signIn("李四", "mima-2026".toCharArray());
        robot.interact(model::reload);
        waitUntil(() -> robot.lookup("#operatorAdd").queryButton().isDisabled());
        assertThat(robot.lookup("#operatorCurrent").queryAs(Label.class).getText())
                .isEqualTo("当前操作员：李四（只读）");
        assertThat(robot.lookup("#operatorName").query().isDisabled()).isTrue();

        // 切换操作员: the sign-in asks for the chosen operator's password; a wrong one is said, then asked again
        robot.clickOn("#operatorSwitch");
        waitUntil(() -> robot.lookup("#signInName").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> name = robot.lookup("#signInName").queryAs(ComboBox.class);
        robot.interact(() -> name.setValue("李四"));
        robot.clickOn("#signInPassword").write("mima-2025");
        robot.clickOn("#signInOk");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("姓名或密码不对")));
        waitUntil(() -> robot.lookup("#signInName").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> again = robot.lookup("#signInName").queryAs(ComboBox.class);
        robot.interact(() -> again.setValue("王清"));
        robot.clickOn("#signInOk"); // 王清 has no password
        waitUntil(() -> store.actor().name().equals("王清"));
        waitUntil(() -> !robot.lookup("#operatorAdd").queryButton().isDisabled());
        assertThat(robot.lookup("#operatorCurrent").queryAs(Label.class).getText())
                .isEqualTo("当前操作员：王清（管理员）");
    }
}
