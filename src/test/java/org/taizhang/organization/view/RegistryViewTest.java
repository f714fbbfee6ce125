package org.taizhang.organization.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.PdfFontsAvailable;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The registry window on a real database with the sample data, driven as a clerk would (headless). */
@ExtendWith(ApplicationExtension.class)
class RegistryViewTest {
    @TempDir
    static Path dir;

    private Store store;
    private RegistryService service;
    private RegistryViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path db = Files.createTempDirectory(dir, "db").resolve("t.db");
        store = Store.openOrCreate(db);
        service = new RegistryService(store);
        service.importSample(Progress.NONE);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        TaskRunner tasks = new TaskRunner(messages, dialogs);
        vm = new RegistryViewModel(service, tasks, dialogs, messages);
        RegistryView view = new RegistryView(vm);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1366, 768));
        stage.show();
        vm.reload(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<OrganizationRow> table(FxRobot robot) {
        return robot.lookup("#registryTable").queryTableView();
    }

    @Test
    void showsTheWholeRegistryInChinese(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        assertThat(table(robot).getColumns().get(0).getText()).isEqualTo("组织名称");
        assertThat(robot.lookup("#registryCount").queryAs(Label.class).getText())
                .isEqualTo("显示 374 / 共 374 个党组织");
    }

    @Test
    void theFormOpensForAChosenRowAndFoldsAwayToGiveTheTableTheWidth(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        assertThat(robot.lookup("#orgName").tryQuery()).isEmpty();
        double fullWidth = table(robot).getWidth();

        robot.interact(() -> table(robot).getSelectionModel().select(3));
        waitUntil(() -> robot.lookup("#orgName").tryQuery().isPresent());
        waitUntil(() -> table(robot).getWidth() < fullWidth - 200);

        robot.clickOn("#closeForm");
        waitUntil(() -> robot.lookup("#orgName").tryQuery().isEmpty());
        assertThat(robot.lookup("#showForm")
                        .queryAs(javafx.scene.control.ToggleButton.class)
                        .isSelected())
                .isFalse();
    }

    @Test
    void aBlankNewUnitFormWaitsForTypingBeforeItShowsErrors(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        robot.interact(() -> robot.lookup("#registryTabs")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .select(1));
        robot.clickOn("#unitNew");
        javafx.scene.layout.VBox issues = robot.lookup("#unitIssues").queryAs(javafx.scene.layout.VBox.class);
        assertThat(issues.getChildren()).isEmpty();
        assertThat(robot.lookup("#unitSave").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#unitName").write("中共江海市委办公室");

        waitUntil(() -> !issues.getChildren().isEmpty());
        assertThat(issues.getChildren()).anyMatch(n -> ((Label) n).getText().contains("已有名为"));
    }

    @Test
    void searchByPinyinInitialsFiltersTheTable(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        robot.clickOn("#registrySearch").write("czj");
        waitUntil(() -> table(robot).getItems().size() < 374);
        assertThat(table(robot).getItems())
                .isNotEmpty()
                .allSatisfy(
                        r -> assertThat(r.organization().name() + r.unitName()).contains("财政局"));
    }

    @Test
    void onlyRowsWithNotesShowsExpiredTerms(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        robot.clickOn("#issuesOnly");
        waitUntil(() -> robot.lookup("#issuesOnly").queryAs(CheckBox.class).isSelected());
        assertThat(table(robot).getItems()).isNotEmpty().hasSizeLessThan(374).allMatch(OrganizationRow::hasIssues);
        assertThat(table(robot).getItems()).anyMatch(r -> r.issueText().contains("任期已于"));
    }

    @Test
    void aCommitteeWithTooFewMembersCannotBeSaved(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        OrganizationRow branch = table(robot).getItems().stream()
                .filter(r ->
                        r.organization().kind().isBranch() && r.organization().hasCommittee())
                .findFirst()
                .orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(branch));
        waitUntil(() -> robot.lookup("#orgName")
                .queryAs(TextField.class)
                .getText()
                .equals(branch.organization().name()));
        TextField members = robot.lookup("#orgMembers").queryAs(TextField.class);
        robot.interact(() -> members.setText(""));
        robot.clickOn(members).write("4");
        waitUntil(() -> robot.lookup("#orgSave").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#orgIssues")
                        .queryAs(javafx.scene.layout.VBox.class)
                        .getChildren())
                .anyMatch(n -> ((Label) n).getText().contains("不能设立支部委员会"));
    }

    @Test
    void theFormSaysWhichFieldAnotherDeviceGaveAnotherValue(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        try (Store laptop = Store.openOrCreate(dir.resolve("conflict-laptop/t.db"))) {
            laptop.applyChanges(store.exportChanges(r -> true));
            for (Store s : new Store[] {store, laptop}) {
                s.write(ctx -> {
                    var row = ctx.selectFrom(org.taizhang.core.store.schema.Tables.ORGANIZATION)
                            .where(org.taizhang.core.store.schema.Tables.ORGANIZATION.NAME.eq("市委办机关第一党支部"))
                            .fetchOne();
                    row.setSecretary(s == store ? "马兵德" : "孙晶娟");
                    return s.tracked(ctx).save(row);
                });
            }
            store.applyChanges(laptop.exportChanges(r -> true));
        }
        robot.interact(() -> vm.reload(() -> {}));
        waitUntil(() -> table(robot).getItems().size() == 374);
        OrganizationRow branch = table(robot).getItems().stream()
                .filter(r -> r.organization().name().equals("市委办机关第一党支部"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(branch));
        waitUntil(() -> robot.lookup("#orgConflicts").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#orgConflicts").queryAs(Label.class).getText()).contains("书记", "马兵德", "孙晶娟", "待处理");
        robot.interact(() -> org.taizhang.core.ui.Snapshots.save(stage.getScene(), "registry-conflict"));
    }

    @Test
    void typingThenUndoingItLeavesTheFormUnchanged(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        OrganizationRow branch = table(robot).getItems().stream()
                .filter(r -> r.organization().kind().isBranch()
                        && r.organization().secretary() != null
                        && r.organization().termEnd() == null)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(branch));
        waitUntil(() -> robot.lookup("#orgName")
                .queryAs(TextField.class)
                .getText()
                .equals(branch.organization().name()));

        robot.clickOn("#orgSecretary").write("a").type(KeyCode.BACK_SPACE);
        assertThat(vm.form().isDirty()).as("书记 typed and erased").isFalse();

        TextField termEnd = robot.lookup("#orgTermEnd")
                .queryAs(javafx.scene.control.DatePicker.class)
                .getEditor();
        robot.clickOn(termEnd).write("2").type(KeyCode.BACK_SPACE);
        assertThat(vm.form().isDirty())
                .as("an empty date typed into and cleared")
                .isFalse();

        robot.clickOn("#orgSecretary").write("b");
        assertThat(vm.form().isDirty()).as("a value that differs").isTrue();
    }

    @Test
    void aNewBranchIsSavedAndAppearsInTheTable(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        OrganizationRow committee = table(robot).getItems().stream()
                .filter(r -> r.organization().kind().canHaveChildren())
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            vm.scope.set(new RegistryFilter.Scope(
                    RegistryFilter.Scope.Type.ORGANIZATION,
                    committee.organization().id()));
            vm.newOrganization();
        });
        robot.clickOn("#orgName").write("测试新建第九党支部");
        robot.clickOn("#orgSecretary").write("王测试");
        robot.clickOn("#orgMembers").write("12");
        robot.clickOn("#orgCommittee");
        robot.clickOn("#orgSave");
        waitUntil(() -> service.load().organizationCount() == 375);
        robot.interact(() -> vm.scope.set(RegistryFilter.Scope.ALL));
        waitUntil(() -> table(robot).getItems().size() == 375);
        assertThat(service.load().organizations())
                .anyMatch(o -> o.name().equals("测试新建第九党支部")
                        && committee.organization().id().equals(o.parentId())
                        && o.memberCount() == 12
                        && o.hasCommittee());
        assertThat(service.historyOfOrganization(service.load().organizations().stream()
                        .filter(o -> o.name().equals("测试新建第九党支部"))
                        .findFirst()
                        .orElseThrow()
                        .id()))
                .hasSize(1);
    }

    @Test
    void theHistoryOfAChangedBranchReadsInColumnNamesAndValues(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        OrganizationRow branch = table(robot).getItems().stream()
                .filter(r ->
                        r.organization().kind().isBranch() && r.organization().secretary() != null)
                .findFirst()
                .orElseThrow();
        String before = branch.organization().secretary();
        robot.interact(() -> table(robot).getSelectionModel().select(branch));
        waitUntil(() -> robot.lookup("#orgName")
                .queryAs(TextField.class)
                .getText()
                .equals(branch.organization().name()));
        TextField secretary = robot.lookup("#orgSecretary").queryAs(TextField.class);
        robot.interact(() -> secretary.setText("马兵德"));
        robot.clickOn("#orgSave");
        waitUntil(
                () -> service.historyOfOrganization(branch.organization().id()).size() == 2);
        robot.interact(() -> table(robot).getSelectionModel().clearSelection());
        robot.interact(() -> table(robot)
                .getSelectionModel()
                .select(table(robot).getItems().stream()
                        .filter(r -> r.organization()
                                .id()
                                .equals(branch.organization().id()))
                        .findFirst()
                        .orElseThrow()));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.taizhang.core.store.HistoryEntry> history =
                robot.lookup("#orgHistory").queryAs(javafx.scene.control.ListView.class);
        waitUntil(() -> history.getItems().size() == 2);
        robot.interact(
                () -> ((javafx.scene.control.TitledPane) history.getParent().getParent()).setExpanded(true));
        waitUntil(() -> robot.lookup("#orgHistory .list-cell").queryAll().stream()
                .anyMatch(c -> String.valueOf(((javafx.scene.control.ListCell<?>) c).getText())
                        .contains("修改：书记 " + before + " → 马兵德")));
    }

    @Test
    void theExportPdfButtonWritesThePrintableTable(FxRobot robot) throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        waitUntil(() -> table(robot).getItems().size() == 374);
        Path file = dir.resolve("组织台账.pdf");
        dialogs.fileToSave = file;
        dialogs.textAnswer = java.util.Optional.of("江海市机关工委组织台账");
        dialogs.chooseAnswer = java.util.Optional.of(2); // 关闭

        robot.clickOn("#exportPdf");

        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("已导出")));
        assertThat(dialogs.savePatterns).containsExactly("*.pdf");
        assertThat(dialogs.shown.get(0)).isEqualTo("ask: PDF 标题 [党组织台账]");
        assertThat(dialogs.shown.get(1)).contains("[打开文件, 打开所在文件夹, 关闭]").contains("已导出 374 个党组织");
        assertThat(new String(Files.readAllBytes(file), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void aMalformedWorkbookIsRejectedWithRowErrorsAndChangesNothing(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        Path bad = dir.resolve("bad.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(bad)) {
            Sheet s = wb.createSheet("党组织");
            Row h = s.createRow(0);
            String[] headers = {"组织名称", "组织类别", "所属单位", "党员人数"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("新支部");
            r.createCell(1).setCellValue("党支部");
            r.createCell(2).setCellValue("江海市财政局");
            r.createCell(3).setCellValue("三十");
            Row r2 = s.createRow(2);
            r2.createCell(0).setCellValue("另一个支部");
            r2.createCell(1).setCellValue("党小组");
            r2.createCell(2).setCellValue("不存在的单位");
            wb.write(out);
        }
        robot.interact(() -> vm.importFrom(bad));
        waitUntil(() -> !dialogs.shown.isEmpty());
        String report = dialogs.shown.get(0);
        assertThat(report)
                .startsWith("error table: ")
                .contains("导入被拒绝")
                .contains("党组织 | 2 | 党员人数 | “三十”不是整数")
                .contains("党组织 | 3 | 所属单位 | 单位“不存在的单位”不存在");
        assertThat(service.load().organizationCount()).isEqualTo(374);
    }

    private void openFormOn(FxRobot robot, int row) throws Exception {
        robot.interact(() -> table(robot).getSelectionModel().select(row));
        waitUntil(() -> robot.lookup("#orgName").tryQuery().isPresent());
        waitUntil(() -> robot.lookup("#orgName")
                .queryAs(TextField.class)
                .getText()
                .equals(table(robot).getItems().get(row).organization().name()));
    }

    @Test
    void at1366By768WithTheFormOpenEveryColumnStaysInView(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        // 1366 px less the navigation (about 144 px); 768 less the taskbar, the title bar and the status bar
        robot.interact(() -> {
            stage.setWidth(1222);
            stage.setHeight(660);
        });
        openFormOn(robot, 1);
        WaitForAsyncUtils.waitForFxEvents();

        double columns = table(robot).getColumns().stream()
                .mapToDouble(javafx.scene.control.TableColumn::getWidth)
                .sum();
        assertThat(columns).isLessThanOrEqualTo(table(robot).getWidth());
    }

    @Test
    void at125PercentTheFormsButtonsStayOnScreen(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        // 1366×768 at 125 %: about 1093×614 logical pixels, less the navigation, taskbar and status bar
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(520);
        });
        openFormOn(robot, 1);
        WaitForAsyncUtils.waitForFxEvents();

        Button save = robot.lookup("#orgSave").queryAs(Button.class);
        javafx.geometry.Bounds b = save.localToScene(save.getBoundsInLocal());
        assertThat(b.getMaxY()).isLessThanOrEqualTo(stage.getScene().getHeight());
        assertThat(b.getMinY()).isGreaterThan(0);
    }

    @Test
    void aFieldIsRedOnlyWhileItHasAnError(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        System.gc(); // a listener held only weakly would go now
        openFormOn(robot, 1);
        TextField name = robot.lookup("#orgName").queryAs(TextField.class);
        assertThat(name.getStyleClass()).doesNotContain("field-error");

        robot.interact(() -> name.setText(""));
        assertThat(name.getStyleClass()).contains("field-error");

        robot.interact(() -> name.setText("市委办机关第九党支部"));
        assertThat(name.getStyleClass()).doesNotContain("field-error");
    }

    @Test
    void clickingAnotherRowWithUnsavedEditsAsksAndCancelPutsTheHighlightBack(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        openFormOn(robot, 1);
        robot.interact(
                () -> robot.lookup("#orgSecretary").queryAs(TextField.class).setText("马兵德"));
        dialogs.chooseAnswer = java.util.Optional.of(2);

        robot.interact(() -> table(robot).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("choose:"));
        assertThat(table(robot).getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(robot.lookup("#orgSecretary").queryAs(TextField.class).getText())
                .isEqualTo("马兵德");
    }

    @Test
    void typingPartOfAUnitsNameFindsItInTheUnitList(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 374);
        robot.interact(vm::newOrganization);
        waitUntil(() -> robot.lookup("#orgUnit").tryQuery().isPresent());

        robot.clickOn("#orgUnit").write("财政局").type(javafx.scene.input.KeyCode.ENTER);

        waitUntil(() -> vm.form().unit.get() != null);
        assertThat(vm.form().unit.get().name()).isEqualTo("江海市财政局");
    }
}
