package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.core.ui.UnsavedEdits;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.view.InspectionsView;
import org.taizhang.inspection.view.InspectionsViewModel;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.view.OrganizationRow;
import org.taizhang.organization.view.RegistryView;
import org.taizhang.organization.view.RegistryViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Closing the main window as the window manager does (a close request on the stage App wired) with unsaved
 * edits in a form asks 保存 / 放弃 / 取消; 取消 keeps the window and its edits, 放弃 closes it. With edits on two
 * pages (组织台账 and 督查安排) the one question names both, and 取消 keeps both.
 */
@ExtendWith(ApplicationExtension.class)
class WindowCloseTest {
    @TempDir
    static Path dir;

    private Store store;
    private RegistryViewModel vm;
    private RegistryService registry;
    private InspectionsViewModel rounds;
    private TabPane pages;
    private Stage window;
    private final Choices dialogs = new Choices();
    private final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage primary) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService service = new RegistryService(store);
        registry = service;
        service.importSample(Progress.NONE);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        TaskRunner tasks = new TaskRunner(TaskExecutor.synchronous(), messages, dialogs);
        UnsavedEdits unsaved = new UnsavedEdits(dialogs, messages);
        vm = new RegistryViewModel(service, tasks, dialogs, messages);
        vm.joinClosePrompt(unsaved);
        vm.reload(() -> {});
        rounds = new InspectionsViewModel(new InspectionService(store), service, tasks, dialogs, messages);
        rounds.joinClosePrompt(unsaved);
        rounds.reload();
        pages = new TabPane(
                new Tab("组织台账", new RegistryView(vm).node()), new Tab("督查检查", new InspectionsView(rounds).node()));
        window = new Stage(); // its own, so closing it leaves TestFX's stage alone
        window.setScene(new Scene(pages, 1366, 768));
        App.askBeforeClosing(window, unsaved, exits::incrementAndGet);
        window.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::hide);
        store.close();
    }

    private void typeANewOrganizationName(FxRobot robot) {
        robot.interact(vm::newOrganization);
        robot.clickOn("#orgName").write("新建支部");
        assertThat(vm.form().isDirty()).isTrue();
    }

    /** A new round on the 督查安排 page, its start typed key by key as the hint shows it. */
    private void typeANewRound(FxRobot robot) {
        robot.interact(() -> pages.getSelectionModel().select(1));
        robot.clickOn("#inspectionNew");
        robot.clickOn("#inspectionTitle").write("2026年专项督查");
        robot.clickOn("#inspectionStartsOn").write("2026-12-10").type(KeyCode.TAB);
        assertThat(startsOn(robot)).isEqualTo("2026-12-10");
    }

    private static String startsOn(FxRobot robot) {
        return robot.lookup("#inspectionStartsOn")
                .queryAs(DatePicker.class)
                .getEditor()
                .getText();
    }

    /** What the window manager sends when the clerk clicks the window's ✕. */
    private void requestClose(FxRobot robot) {
        robot.interact(() -> Event.fireEvent(window, new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    @Test
    void unsavedEditsAskAndCancelKeepsTheWindowAndTheEdits(FxRobot robot) {
        typeANewOrganizationName(robot);
        dialogs.answer = Optional.of(2); // 取消

        requestClose(robot);

        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.getFirst()).contains("[保存, 放弃, 取消]");
        assertThat(window.isShowing()).isTrue();
        assertThat(exits).hasValue(0);
        assertThat(vm.form().isDirty()).isTrue();
    }

    @Test
    void editsOnTwoPagesAreNamedInOneQuestionAndCancelKeepsBoth(FxRobot robot) {
        typeANewOrganizationName(robot);
        typeANewRound(robot);
        dialogs.answer = Optional.of(2); // 取消

        requestClose(robot);

        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.getFirst())
                .startsWith("2 处有未保存的修改")
                .contains("组织台账 · 党组织：“新建支部”")
                .contains("督查检查：“2026年专项督查”")
                .contains("[保存, 放弃, 取消]");
        assertThat(window.isShowing()).isTrue();
        assertThat(exits).hasValue(0);
        assertThat(vm.form().isDirty()).isTrue();
        assertThat(robot.lookup("#orgName").queryAs(TextField.class).getText()).isEqualTo("新建支部");
        assertThat(robot.lookup("#inspectionTitle").queryAs(TextField.class).getText())
                .isEqualTo("2026年专项督查");
        assertThat(startsOn(robot)).isEqualTo("2026-12-10");
    }

    @Test
    void discardDropsTheEditsOfEveryPageAndCloses(FxRobot robot) {
        typeANewOrganizationName(robot);
        typeANewRound(robot);
        dialogs.answer = Optional.of(1); // 放弃

        requestClose(robot);

        assertThat(window.isShowing()).isFalse();
        assertThat(exits).hasValue(1);
        assertThat(vm.form().isDirty()).isFalse();
        // the window is closed: its page is looked at directly
        assertThat(robot.from(pages)
                        .lookup("#inspectionTitle")
                        .queryAs(TextField.class)
                        .getText())
                .isEmpty();
    }

    @Test
    void saveSavesEveryPageThenCloses(FxRobot robot) {
        TableView<OrganizationRow> table = robot.lookup("#registryTable").queryTableView();
        OrganizationRow branch = table.getItems().stream()
                .filter(r -> r.organization().kind().isBranch())
                .findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(branch));
        robot.clickOn("#orgSecretary").eraseText(20).write("马兵德");
        typeANewRound(robot);
        dialogs.answer = Optional.of(0); // 保存

        requestClose(robot);

        assertThat(dialogs.asked).hasSize(1);
        assertThat(window.isShowing()).isFalse();
        assertThat(exits).hasValue(1);
        assertThat(registry.load()
                        .organization(branch.organization().id())
                        .orElseThrow()
                        .secretary())
                .isEqualTo("马兵德");
        assertThat(new InspectionService(store).inspections())
                .anyMatch(i -> i.title().equals("2026年专项督查")
                        && java.time.LocalDate.of(2026, 12, 10).equals(i.startsOn()));
    }

    @Test
    void unsavedEditsAskAndDiscardClosesTheWindow(FxRobot robot) {
        typeANewOrganizationName(robot);
        dialogs.answer = Optional.of(1); // 放弃

        requestClose(robot);

        assertThat(dialogs.asked).hasSize(1);
        assertThat(window.isShowing()).isFalse();
        assertThat(exits).hasValue(1);
    }

    @Test
    void withoutEditsTheWindowClosesWithoutAsking(FxRobot robot) {
        requestClose(robot);

        assertThat(dialogs.asked).isEmpty();
        assertThat(window.isShowing()).isFalse();
    }

    /** Records the 保存 / 放弃 / 取消 question and answers it; nothing else is expected to be asked here. */
    private static final class Choices implements DialogService {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile Optional<Integer> answer = Optional.empty();

        @Override
        public Optional<Integer> choose(String header, String message, List<String> choices) {
            asked.add(header + " " + message + " " + choices);
            return answer;
        }

        @Override
        public void showError(String header, String message) {
            asked.add("error: " + header + ": " + message);
        }

        @Override
        public void showInfo(String header, String message) {
            asked.add("info: " + header);
        }

        @Override
        public boolean confirm(String header, String message) {
            asked.add("confirm: " + header);
            return false;
        }

        @Override
        public void showTable(
                String header, String message, boolean error, List<String> columns, List<List<String>> rows) {
            asked.add("table: " + header);
        }

        @Override
        public Optional<String> askText(String header, String message, String initial) {
            return Optional.empty();
        }

        @Override
        public void open(Path fileOrFolder) {}

        @Override
        public Optional<Path> chooseFileToOpen(String title, String filterName, String... patterns) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(
                String title, String initialName, String filterName, String... patterns) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }
    }
}
