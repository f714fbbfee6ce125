package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.ChecklistTemplate;
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

/** A clerk edits a draft standard in the window: the tree, an item's fields, the live total, publishing. */
@ExtendWith(ApplicationExtension.class)
class TemplatesViewTest {
    @TempDir
    static Path dir;

    private Store store;
    private ChecklistService service;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new ChecklistService(store, registry);
        service.installBuiltInTemplates();
        Messages messages = Messages.forLocale(Messages.CHINESE);
        TemplatesViewModel vm = new TemplatesViewModel(service, new TaskRunner(messages, dialogs), dialogs, messages);
        stage.setScene(new Scene((javafx.scene.Parent) new TemplatesView(vm, messages, dialogs).node(), 1366, 768));
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
    void editingAnItemShowsTheTotalAndTheCheckThenPublishes(FxRobot robot) throws Exception {
        TableView<ChecklistTemplate> list = robot.lookup("#templateTable").queryTableView();
        waitUntil(() -> list.getItems().size() >= 2);
        String name = BuiltInTemplates.standard(service.today().getYear()).name();
        int index = list.getItems()
                .indexOf(list.getItems().stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElseThrow());
        robot.interact(() -> list.getSelectionModel().select(index));
        @SuppressWarnings("unchecked")
        TreeView<String> tree = robot.lookup("#templateTree").queryAs(TreeView.class);
        waitUntil(() -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 6);
        Label total = robot.lookup("#templateTotal").queryAs(Label.class);
        assertThat(total.getText()).isEqualTo("条目合计 100 分，类别合计 100 分（两者应相等）");

        robot.interact(() -> tree.getSelectionModel()
                .select(tree.getRoot().getChildren().get(0).getChildren().get(0)));
        TextField points = robot.lookup("#itemPoints").queryAs(TextField.class);
        String was = points.getText();
        robot.doubleClickOn(points).eraseText(was.length()).write("9");

        waitUntil(() -> total.getText().startsWith("条目合计 " + (100 - Integer.parseInt(was) + 9) + " 分"));
        assertThat(robot.lookup("#templateIssues")
                        .queryAs(javafx.scene.layout.VBox.class)
                        .getChildren())
                .anyMatch(n -> n instanceof Label l && l.getText().contains("两者应相等")
                        || n instanceof Label l2 && l2.getText().contains("合计"));
        assertThat(robot.lookup("#templateSave").queryButton().isDisabled()).isTrue();
        robot.interact(() -> Snapshots.save(tree.getScene(), "template-editor"));

        robot.doubleClickOn(points).eraseText(1).write(was);
        waitUntil(() -> total.getText().startsWith("条目合计 100 分"));
        robot.clickOn("#templateSave");
        waitUntil(() -> !service.template(list.getItems().get(index).id())
                .orElseThrow()
                .items()
                .isEmpty());
        robot.clickOn("#publishTemplate");
        waitUntil(() -> service.templates().stream().anyMatch(t -> t.name().equals(name) && t.isPublished()));
        waitUntil(() -> robot.lookup("#itemPoints").queryAs(TextField.class).isDisabled()
                || robot.lookup("#templateName").queryAs(TextField.class).isDisabled());
        assertThat(robot.lookup("#templateName").queryAs(TextField.class).isDisabled())
                .isTrue();
        // published: never saved or deleted again; 新版本 is made from it while it is the newest
        assertThat(robot.lookup("#templateSave").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#templateDelete").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#newTemplateVersion").queryButton().isDisabled())
                .isFalse();

        robot.clickOn("#newTemplateVersion");
        waitUntil(() ->
                service.templates().stream().filter(t -> t.name().equals(name)).count() == 2);
        ChecklistTemplate older = service.templates().stream()
                .filter(t -> t.name().equals(name) && t.isPublished())
                .findFirst()
                .orElseThrow();
        waitUntil(() ->
                list.getItems().stream().filter(t -> t.name().equals(name)).count() == 2);
        robot.interact(() -> list.getSelectionModel()
                .select(list.getItems().stream()
                        .filter(t -> t.id().equals(older.id()))
                        .findFirst()
                        .orElseThrow()));
        waitUntil(() ->
                older.id().equals(list.getSelectionModel().getSelectedItem().id()));
        assertThat(robot.lookup("#newTemplateVersion").queryButton().isDisabled())
                .as("an older version while a newer one exists")
                .isTrue();
    }
}
