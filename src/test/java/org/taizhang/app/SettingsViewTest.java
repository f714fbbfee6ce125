package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.backup.BackupService;
import org.taizhang.backup.view.BackupsPane;
import org.taizhang.backup.view.BackupsViewModel;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Backups;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.view.SettingsModel;
import org.taizhang.inspection.view.SettingsPane;
import org.taizhang.organization.RegistryService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 设置 in the window, built as the program builds it: where the data lives, the ledger's settings, backups (a copy
 * now, the list, a restore asked for, a check, how many to keep).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    static Path dir;

    private Store store;
    private FindingService findings;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    /** What the window would restore (App closes the database, restores, opens it again). */
    private final List<Path> restoreAsked = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        store.setOperator("王清");
        findings = new FindingService(store, registry);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        TaskRunner tasks = new TaskRunner(messages, dialogs);
        SettingsView view = new SettingsView(store, messages)
                .with(new SettingsPane(new SettingsModel(findings, tasks, dialogs, messages)).node())
                .with(new BackupsPane(new BackupsViewModel(store, tasks, dialogs, messages, restoreAsked::add)).node());
        stage.setScene(new Scene(new VBox((javafx.scene.Node) view.node()), 1366, 768));
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
    void itSaysWhereTheDataLivesAndBacksUpOnDemand(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                        .map(TextField::getText))
                .contains(
                        store.database().toString(),
                        store.dataFolder().toString(),
                        store.dataFolder().resolve("backups").toString(),
                        store.deviceId());

        robot.clickOn("#backupNow");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("info: 立即备份") || s.contains("已备份到")));
        Path backups = store.dataFolder().resolve("backups");
        try (var files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains("manual"));
        }
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));

        // the list: when, why, how big, what it holds, whether it can be restored
        @SuppressWarnings("unchecked")
        TableView<BackupsViewModel.Row> table = robot.lookup("#backups").queryAs(TableView.class);
        // (the sample's import took a copy before it wrote: the copy by hand is the newest, first)
        waitUntil(() -> !table.getItems().isEmpty()
                && table.getItems().getFirst().reason().equals("手动"));
        BackupsViewModel.Row row = table.getItems().getFirst();
        assertThat(row.reason()).isEqualTo("手动");
        assertThat(row.holds()).startsWith("单位 62 个");
        assertThat(row.state()).isEqualTo("完好，可以恢复");
        assertThat(robot.lookup("#restoreBackup").queryButton().isDisabled()).isTrue(); // nothing chosen yet

        robot.interact(() -> table.getSelectionModel().select(row));
        dialogs.confirmAnswer = false; // 否 is the safe answer: nothing happens
        robot.clickOn("#restoreBackup");
        assertThat(restoreAsked).isEmpty();
        dialogs.confirmAnswer = true;
        robot.clickOn("#restoreBackup");
        waitUntil(() -> !restoreAsked.isEmpty());
        assertThat(restoreAsked).containsExactly(row.listed().copy().file());
        assertThat(dialogs.confirmed.getLast()).contains("恢复前");

        robot.clickOn("#checkDatabase");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("数据库完好")));
    }

    @Test
    void howManyBackupsToKeepIsCheckedAndSaved(FxRobot robot) throws Exception {
        // the page scrolls on a 1366×768 screen: the backups' section is at its foot
        robot.interact(() -> robot.lookup(".scroll-pane")
                .queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1.0));
        waitUntil(() -> robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                .anyMatch(f -> "14".equals(f.getText())));
        TextField daily = robot.lookup(".text-field").queryAllAs(TextField.class).stream()
                .filter(f -> "14".equals(f.getText()))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> daily.setText("0"));
        robot.clickOn("#saveBackupPolicy");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("error")));
        robot.interact(() -> daily.setText("30"));
        robot.clickOn("#saveBackupPolicy");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("保留最近 30 天")));
        assertThat(BackupService.policy(store)).isEqualTo(new Backups.Policy(30, 12));
    }

    @Test
    void aSecondBackupFolderIsChosenAndBroughtUpToDateAtOnce(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup(".scroll-pane")
                .queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(1.0));
        Path second = Files.createTempDirectory(dir, "stick").resolve("台账备份");
        dialogs.folder = second;
        robot.clickOn("#chooseSecondFolder");
        waitUntil(() ->
                robot.lookup("#secondState").queryAs(Label.class).getText().contains("已是最新"));
        assertThat(robot.lookup("#secondFolder").queryAs(TextField.class).getText())
                .isEqualTo(second.toString());
        assertThat(BackupService.secondFolder(store)).contains(second);
        assertThat(second).isDirectory();
        robot.clickOn("#clearSecondFolder");
        waitUntil(() ->
                robot.lookup("#secondFolder").queryAs(TextField.class).getText().isEmpty());
        assertThat(BackupService.secondFolder(store)).isEmpty();
    }

    @Test
    void theLedgersSettingsAreCheckedAsTypedAndSavedWhenRight(FxRobot robot) throws Exception {
        TextField operator = robot.lookup("#settingsOperator").queryAs(TextField.class);
        waitUntil(() -> "王清".equals(operator.getText()));
        assertThat(robot.lookup("#settingsField").queryAs(RadioButton.class).isSelected())
                .as("a new database is a field laptop")
                .isTrue();

        TextField soon = robot.lookup("#settingsSoonDays").queryAs(TextField.class);
        robot.interact(() -> soon.setText("几天"));
        assertThat(robot.lookup(".issue-error").queryAllAs(Label.class))
                .extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).startsWith("预警天数应为不小于 0 的整数"));
        robot.clickOn("#settingsSave");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("error")));

        robot.interact(() -> {
            soon.setText("7");
            operator.setText("李敏");
        });
        assertThat(robot.lookup(".issue-error").queryAll()).isEmpty();
        boolean wasVerifier = findings.settings().verifier();
        robot.clickOn("#settingsVerifier");
        robot.clickOn("#settingsHub");
        robot.clickOn("#settingsSave");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("已保存")));

        InspectionSettings saved = findings.settings();
        assertThat(saved.operator()).isEqualTo("李敏");
        assertThat(saved.verifier())
                .isEqualTo(robot.lookup("#settingsVerifier")
                        .queryAs(CheckBox.class)
                        .isSelected());
        assertThat(saved.hub()).isTrue();
        assertThat(saved.warnings().soonDays()).isEqualTo(7);
    }
}
