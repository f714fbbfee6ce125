package org.taizhang.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.Snapshots;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;
import org.taizhang.report.Reports;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The 报表 page in the window on the sample: the list, the filters, the preview and 导出 PDF. */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {
    @TempDir
    static Path dir;

    private Store store;
    private ReportsViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        store.designateHub();
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        ChecklistService checklists = new ChecklistService(store, registry);
        checklists.importSample(checklists.today().getYear());
        SampleFindings.importInto(store, registry);
        Messages m = Messages.forLocale(Messages.CHINESE);
        vm = new ReportsViewModel(
                new Reports(registry, checklists, new FindingService(store, registry), new InspectionService(store)),
                new TaskRunner(m, dialogs),
                dialogs,
                m);
        stage.setScene(new Scene((javafx.scene.Parent) new ReportsView(vm, m, dialogs).node(), 1366, 768));
        stage.show();
        vm.load();
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
    void theFiltersShowTheYearCountedAndAnotherReportChangesTheTable(FxRobot robot) throws Exception {
        TableView<List<String>> preview = robot.lookup("#reportPreview").queryTableView();
        waitUntil(() -> preview.getItems().size() > 2);
        ComboBox<Integer> year = robot.lookup("#reportYear").queryComboBox();
        waitUntil(() -> year.getValue() != null);
        assertThat(year.getValue()).isEqualTo(java.time.LocalDate.now().getYear());
        assertThat(preview.getColumns().getFirst().getText()).isEqualTo("单位");
        for (String id : List.of(
                "#reportRound",
                "#reportUnit",
                "#reportCommunity",
                "#reportGrouping",
                "#reportExportXlsx",
                "#reportExportCsv",
                "#reportExportPdf",
                "#reportExportDocx")) {
            Node n = robot.lookup(id).query();
            assertThat(n.localToScene(n.getBoundsInLocal()).getMaxX())
                    .as(id + " inside the window")
                    .isLessThanOrEqualTo(1366);
        }
        javafx.scene.control.Label total = robot.lookup("#reportTotal").queryAs(javafx.scene.control.Label.class);
        assertThat(total.getText())
                .startsWith("合计：发现问题 " + preview.getItems().getLast().get(1) + "，已销号 ");
        assertThat(total.localToScene(total.getBoundsInLocal()).getMaxY())
                .as("合计 in view")
                .isLessThanOrEqualTo(total.getScene().getHeight()); // the shared test window's size, whatever it is
        robot.interact(() -> Snapshots.save(preview.getScene(), "reports"));

        robot.clickOn("达标情况统计表");
        waitUntil(() -> !preview.getColumns().isEmpty()
                && preview.getColumns().getFirst().getText().equals("共同体"));
        assertThat(robot.lookup("#reportRound").tryQuery()).isEmpty(); // its only filter is the year
        assertThat(preview.getItems().getLast().getFirst()).isEqualTo("合计");
        // Word is a document's format: off for a table, on for 整改通知书
        assertThat(robot.lookup("#reportExportDocx").queryButton().isDisabled()).isTrue();
        robot.clickOn("整改通知书");
        waitUntil(() -> !robot.lookup("#reportExportDocx").queryButton().isDisabled());
        assertThat(robot.lookup("#reportExportXlsx").queryButton().isDisabled()).isTrue();
        // a document's 发文字号 and 抄送, taken when the field is left
        javafx.scene.control.TextField number =
                robot.lookup("#reportNumber").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(number).write("江机工委督[2026]3号");
        assertThat(vm.numberProperty().get()).as("not at every key").isEmpty();
        robot.clickOn("#reportCopyTo").write("市委组织部");
        waitUntil(() -> vm.numberProperty().get().equals("江机工委督[2026]3号"));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> vm.copyToProperty().get().equals("市委组织部"));
        robot.interact(() -> Snapshots.save(number.getScene(), "reports-notice"));
    }

    /**
     * Every report's first page is drawn as the export writes it: the statistics' A4 page, then the ledger (a report
     * of its own on the page now, with the findings' filters but no 统计口径) on an A4 landscape page.
     */
    @Test
    void theFirstPageIsDrawnAsTheExportWritesIt(FxRobot robot) throws Exception {
        org.taizhang.core.pdf.PdfFontsAvailable.assumeChineseFont();
        javafx.scene.image.ImageView page =
                robot.lookup("#reportFirstPage").queryAs(javafx.scene.image.ImageView.class);
        waitUntil(() -> page.getImage() != null);
        // A4 portrait at 90 dpi: 744 × 1052 pixels
        assertThat(page.getImage().getWidth()).isEqualTo(744, org.assertj.core.data.Offset.offset(2.0));
        assertThat(page.getImage().getHeight()).isEqualTo(1052, org.assertj.core.data.Offset.offset(2.0));
        assertThat(darkPixels(page.getImage())).as("the page has print on it").isGreaterThan(2_000);

        javafx.scene.image.Image statistics = page.getImage();
        robot.clickOn("整改台账");
        TableView<List<String>> preview = robot.lookup("#reportPreview").queryTableView();
        waitUntil(() -> !preview.getColumns().isEmpty()
                && preview.getColumns().getFirst().getText().equals("问题编号"));
        waitUntil(() -> page.getImage() != null && page.getImage() != statistics);
        assertThat(page.getImage().getWidth())
                .as("landscape")
                .isGreaterThan(page.getImage().getHeight());
        assertThat(robot.lookup("#reportCommunity").tryQuery()).isPresent();
        assertThat(robot.lookup("#reportGrouping").tryQuery()).isEmpty();
        // the ledger's own filter, 状态: the rows cut to the overdue findings
        ComboBox<org.taizhang.inspection.files.LedgerReport.State> state =
                robot.lookup("#reportState").queryComboBox();
        assertThat(state.getConverter().toString(org.taizhang.inspection.files.LedgerReport.State.OVERDUE))
                .isEqualTo("逾期");
        int all = preview.getItems().size();
        robot.interact(() -> state.setValue(org.taizhang.inspection.files.LedgerReport.State.OVERDUE));
        int warning = org.taizhang.inspection.files.LedgerReport.COLUMNS.indexOf("预警");
        waitUntil(() -> preview.getItems().size() < all);
        assertThat(preview.getItems())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(warning)).isEqualTo("逾期"));
        robot.clickOn("#reportTabPage");
        robot.interact(() -> Snapshots.save(page.getScene(), "reports-first-page"));

        // a document the page holds: its PDF and Word exports on once it is counted, the others off
        robot.clickOn("月度通报");
        waitUntil(() -> !robot.lookup("#reportExportPdf").queryButton().isDisabled());
        assertThat(robot.lookup("#reportExportDocx").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#reportExportXlsx").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#reportMonth").tryQuery()).isPresent();
    }

    private static int darkPixels(javafx.scene.image.Image image) {
        javafx.scene.image.PixelReader r = image.getPixelReader();
        int dark = 0;
        for (int y = 0; y < (int) image.getHeight(); y += 2) {
            for (int x = 0; x < (int) image.getWidth(); x += 2) {
                dark += r.getColor(x, y).getBrightness() < 0.5 ? 1 : 0;
            }
        }
        return dark;
    }

    @Test
    void exportPdfWritesTheFileChosen(FxRobot robot) throws Exception {
        TableView<List<String>> preview = robot.lookup("#reportPreview").queryTableView();
        waitUntil(() -> preview.getItems().size() > 2);
        Path file = dir.resolve("统计表.pdf");
        dialogs.fileToSave = file;
        robot.clickOn("#reportExportPdf");
        waitUntil(() -> Files.exists(file) && !dialogs.opened.isEmpty());
        assertThat(dialogs.savePatterns).contains("*.pdf");
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(file)).contains("问题整改情况统计表", "合计");
    }
}
