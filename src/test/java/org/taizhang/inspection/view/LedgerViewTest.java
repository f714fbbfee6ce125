package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.Shell;
import org.taizhang.core.ui.Snapshots;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.LedgerFixtures;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A clerk takes one finding through its whole life in the real window (headless): 新增 → 挂号 → 交办 → 签收 →
 * 整改进展 with an evidence file → 申请销号 → 销号, among a dozen findings in other states, and reads its timeline.
 */
@ExtendWith(ApplicationExtension.class)
class LedgerViewTest {
    /** Gives the shared test window its size back after a test that changed it. */
    private Runnable restore = () -> {};

    @org.junit.jupiter.api.AfterEach
    void restoreTheWindowsSize() {
        restore.run();
        restore = () -> {};
    }

    private static final String TEXT = "党员发展程序不规范，缺少支委会讨论记录";

    @TempDir
    static Path dir;

    private Store store;
    private FindingService service;
    private LedgerViewModel vm;
    private Unit unit;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createTempDirectory(dir, "db");
        store = Store.openOrCreate(here.resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        InspectionService inspections = new InspectionService(store);
        store.setOperator("王清");
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), true, s.hub(), s.numberFormat(), s.warnings()));
        LedgerFixtures.seed(service, inspections, here.resolve("files"));
        unit = registry.load().units().get(5);
        Messages messages = Messages.forLocale(Messages.CHINESE);
        TaskRunner tasks = new TaskRunner(messages, dialogs);
        vm = new LedgerViewModel(service, inspections, tasks, dialogs, messages);
        Shell shell = new Shell(messages, tasks);
        shell.add(new Shell.Section("ledger", "nav.ledger", () -> new LedgerView(vm, messages, dialogs).node()));
        stage.setScene(new Scene(shell.root(), 1366, 768));
        stage.show();
        shell.select("ledger");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private FindingState state() {
        LedgerEntry e = vm.selectedProperty().get();
        return e == null ? null : e.state();
    }

    /** Presses the step's button, then OK in its form (after {@code fill}). */
    private void step(FxRobot robot, String kind, Runnable fill, FindingState expected) throws Exception {
        robot.clickOn("#action-" + kind);
        waitUntil(() -> robot.lookup("#actionDialogOk").tryQuery().isPresent());
        fill.run();
        robot.interact(() -> Snapshots.save(
                robot.lookup("#actionDialog").queryAs(DialogPane.class).getScene(), "ledger-" + kind.toLowerCase()));
        robot.clickOn("#actionDialogOk");
        waitUntil(() -> state() == expected);
    }

    @Test
    void aClerkTakesOneFindingFromFoundToClosed(FxRobot robot) throws Exception {
        TableView<LedgerEntry> table = robot.lookup("#ledgerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        robot.interact(() -> Snapshots.save(table.getScene(), "ledger"));

        // 新增: typed during the visit
        robot.clickOn("#newFinding");
        waitUntil(() -> robot.lookup("#findingDialogOk").tryQuery().isPresent());
        SearchableComboBox<Unit> unitBox = robot.lookup("#findingUnit").query();
        robot.interact(() -> unitBox.setValue(unit));
        ComboBox<String> category = robot.lookup("#findingCategory").query();
        robot.interact(() -> category.setValue("党员管理"));
        robot.clickOn("#findingDescription").write(TEXT);
        robot.interact(() -> Snapshots.save(
                robot.lookup("#findingDialog").queryAs(DialogPane.class).getScene(), "ledger-new-finding"));
        robot.clickOn("#findingDialogOk");
        waitUntil(() -> state() == FindingState.PENDING
                && vm.selectedProperty().get().finding().description().equals(TEXT));
        assertThat(robot.lookup("#findingDialog").tryQuery()).isEmpty();
        Label title = robot.lookup("#detailTitle").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("待挂号 · " + unit.name());
        assertThat(table.getSelectionModel().getSelectedItem().finding().description())
                .isEqualTo(TEXT);

        // 挂号: the next number of the year (ten were given before)
        robot.clickOn("#action-REGISTER");
        waitUntil(() -> state() == FindingState.REGISTERED);
        String number = vm.selectedProperty().get().finding().number();
        assertThat(number).endsWith("0011号");
        waitUntil(() -> title.getText().startsWith(number));

        step(robot, "NOTIFY", () -> robot.clickOn("#actionLeader").write("刘书记"), FindingState.NOTIFIED);
        step(robot, "RECEIPT", () -> {}, FindingState.RECTIFYING);
        dialogs.fileToOpen = LedgerFixtures.file(dir, "支委会记录.txt");
        step(
                robot,
                "PROGRESS",
                () -> {
                    assertThat(robot.lookup("#actionDialogOk").queryButton().getText())
                            .isEqualTo("保存进展");
                    robot.clickOn("#actionText").write("已补开支委会并完善记录");
                    robot.clickOn("#actionAddFile");
                },
                FindingState.RECTIFYING);
        waitUntil(() -> vm.detail().evidence().size() == 1);
        step(robot, "REQUEST_CLOSE", () -> {}, FindingState.CLOSE_REQUESTED);
        step(
                robot,
                "CLOSE",
                () -> {
                    ComboBox<Verdict> verdict = robot.lookup("#actionVerdict").query();
                    robot.interact(() -> verdict.setValue(Verdict.GOOD));
                    robot.clickOn("#actionText").write("经核查已整改到位");
                },
                FindingState.CLOSED);

        // what the window shows: the state, the row, and every step in the timeline
        Label status = robot.lookup("#detailState").queryAs(Label.class);
        waitUntil(() -> status.getText().contains("已销号"));
        assertThat(table.getSelectionModel().getSelectedItem().state()).isEqualTo(FindingState.CLOSED);
        assertThat(robot.lookup("#action-FOLLOW_UP").tryQuery()).isPresent();
        assertThat(robot.lookup("#action-CLOSE").tryQuery()).isEmpty();
        robot.clickOn("#tab-timeline .tab-label");
        TableView<FindingDetailModel.TimelineRow> steps =
                robot.lookup("#timelineTable").queryTableView();
        waitUntil(() -> steps.getItems().size() == 7);
        assertThat(steps.getItems())
                .extracting(FindingDetailModel.TimelineRow::kind)
                .containsExactly("发现", "挂号", "交办", "签收", "整改进展", "申请销号", "销号");
        assertThat(steps.getItems().get(1).text()).isEqualTo(number);
        // the finished record's measures can be read, not changed
        assertThat(robot.lookup("#addMeasure").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#deleteMeasure").queryButton().isDisabled()).isTrue();
        assertThat(steps.getItems().get(2).text()).contains("责任领导 刘书记");
        assertThat(steps.getItems().get(6).text()).isEqualTo("评价 好；经核查已整改到位");
        assertThat(steps.getItems()).allMatch(r -> r.operator().equals("王清") && r.applied());
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
        robot.interact(() -> Snapshots.save(steps.getScene(), "ledger-closed"));
        robot.clickOn("#tab-record .tab-label");
        robot.interact(() -> Snapshots.save(steps.getScene(), "ledger-record"));

        // the search finds it by its number; the count of 已销号 follows
        robot.clickOn("#ledgerSearch").write(number);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(robot.lookup("#ledgerSearch").queryAs(TextField.class).getText())
                .isEqualTo(number);
    }

    /** 1366×768 at 125% leaves the program 1093×614 of its own pixels: no filter is cut, nor the footer. */
    @Test
    void atOneHundredTwentyFivePercentNoFilterIsCut(FxRobot robot) throws Exception {
        TableView<LedgerEntry> table = robot.lookup("#ledgerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        Stage window = (Stage) table.getScene().getWindow();
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
            cut.addAll(org.taizhang.core.ui.CutTexts.in(
                    robot.lookup("#ledgerFilters").query()));
            cut.addAll(org.taizhang.core.ui.CutTexts.in(
                    robot.lookup("#ledgerFigures").query()));
        });
        assertThat(cut).isEmpty();
    }

    /** The inner list of a searchable picker: what is offered for the text typed. */
    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> offered(SearchableComboBox<T> box) {
        return (ComboBox<T>) ((javafx.scene.control.SkinBase<?>) box.getSkin())
                .getChildren().stream()
                        .filter(n -> n instanceof ComboBox<?>)
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void theNewFindingsUnitPickerTakesPinyinInitialsAndSaysWhenNothingMatches(FxRobot robot) throws Exception {
        TableView<LedgerEntry> table = robot.lookup("#ledgerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        robot.clickOn("#newFinding");
        waitUntil(() -> robot.lookup("#findingDialogOk").tryQuery().isPresent());
        SearchableComboBox<Unit> unitBox = robot.lookup("#findingUnit").query();

        for (String initials : List.of("dag", "jhsd")) {
            robot.clickOn("#findingUnit");
            robot.write(initials);
            waitUntil(() -> !offered(unitBox).getItems().isEmpty());
            assertThat(offered(unitBox).getItems())
                    .as(initials)
                    .allMatch(u -> org.taizhang.core.text.Pinyin.matches(u.name(), initials))
                    .hasSizeLessThan(unitBox.getItems().size());
            robot.type(KeyCode.ESCAPE);
        }
        robot.clickOn("#findingUnit");
        robot.write("qqxz");
        waitUntil(() -> offered(unitBox).getItems().isEmpty());
        assertThat(((Label) offered(unitBox).getPlaceholder()).getText()).isEqualTo("无匹配");
        robot.type(KeyCode.ESCAPE);
        robot.interact(() -> ((Stage) unitBox.getScene().getWindow()).close());
    }

    @Test
    void evidenceIsAttachedInTheCloseRequestAndAVerifiersStepIsDisabledWithItsReason(FxRobot robot) throws Exception {
        TableView<LedgerEntry> table = robot.lookup("#ledgerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        LedgerEntry sent = table.getItems().stream()
                .filter(e -> e.state() == FindingState.NOTIFIED && e.evidenceCount() == 0)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(sent));
        waitUntil(() -> vm.selectedProperty().get() != null
                && vm.selectedProperty().get().id().equals(sent.id()));

        // 申请销号 with no evidence yet: the file is chosen in the form itself
        dialogs.fileToOpen = LedgerFixtures.file(dir, "整改报告.txt");
        step(robot, "REQUEST_CLOSE", () -> robot.clickOn("#actionAddFile"), FindingState.CLOSE_REQUESTED);
        waitUntil(() -> vm.detail().evidence().size() == 1);
        assertThat(vm.detail().evidence().getFirst().attachment().fileName()).isEqualTo("整改报告.txt");
        assertThat(dialogs.shown).noneMatch(x -> x.startsWith("error"));

        // an operator who is not a 核查人: 销号 and 退回 are there, disabled, with the reason beside them
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), false, s.hub(), s.numberFormat(), s.warnings()));
        robot.interact(vm::reload);
        waitUntil(() -> robot.lookup("#action-CLOSE").tryQuery().isPresent()
                && robot.lookup("#action-CLOSE").queryButton().isDisabled());
        assertThat(robot.lookup("#action-REJECT").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#action-NOTE").queryButton().isDisabled()).isFalse();
        Label reason = robot.lookup("#actionsBlocked").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).contains("只有核查人", "王清");
        robot.interact(() -> Snapshots.save(table.getScene(), "ledger-not-verifier"));
    }
}
