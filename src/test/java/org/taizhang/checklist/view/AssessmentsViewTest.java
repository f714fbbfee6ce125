package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.checklist.view.AssessmentsViewModel.BranchRow;
import org.taizhang.checklist.view.AssessmentsViewModel.ItemRow;
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

/** An inspector fills a whole assessment by keyboard in the real window (headless), and it is stored. */
@ExtendWith(ApplicationExtension.class)
class AssessmentsViewTest {
    /** Gives the shared test window its size back after a test that changed it. */
    private Runnable restore = () -> {};

    @org.junit.jupiter.api.AfterEach
    void restoreTheWindowsSize() {
        restore.run();
        restore = () -> {};
    }

    private static final String BRANCH = "市委办机关第一党支部";

    @TempDir
    static Path dir;

    private Store store;
    private ChecklistService service;
    private org.taizhang.inspection.FindingService findings;
    private AssessmentsViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) throws Exception {
        store = Store.openOrCreate(Files.createTempDirectory(dir, "db").resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new ChecklistService(store, registry);
        service.installBuiltInTemplates();
        service.publish(BuiltInTemplates.standard(service.today().getYear()).id());
        Messages messages = Messages.forLocale(Messages.CHINESE);
        findings = new org.taizhang.inspection.FindingService(store, registry);
        vm = new AssessmentsViewModel(
                service,
                registry,
                new org.taizhang.checklist.ItemFindings(service, findings, messages),
                new TaskRunner(messages, dialogs),
                dialogs,
                messages);
        AssessmentsView view = new AssessmentsView(vm, messages, dialogs);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 1366, 768));
        stage.show();
        vm.loadCurrentYear(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String typed(ItemRow r) {
        return switch (r.item().mode()) {
            case YES_NO -> "1";
            case GRADED -> r.item().maxPoints().stripTrailingZeros().toPlainString();
            case DEDUCTION -> "2";
        };
    }

    /** Finds the branch, starts its assessment and gives the scoring sheet once it holds the items. */
    private TableView<ItemRow> startTheBranchesAssessment(FxRobot robot) throws Exception {
        TableView<BranchRow> branches = robot.lookup("#branchTable").queryTableView();
        waitUntil(() -> branches.getItems().size() == 307);
        robot.clickOn("#branchSearch").write(BRANCH);
        waitUntil(() -> branches.getItems().size() == 1);
        robot.interact(() -> branches.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#startAssessment")
                .tryQuery()
                .map(n -> n.isVisible())
                .orElse(false));
        robot.clickOn("#startAssessment");
        TableView<ItemRow> sheet = robot.lookup("#itemSheet").queryTableView();
        waitUntil(
                () -> vm.assessmentProperty().get() != null && !sheet.getItems().isEmpty());
        return sheet;
    }

    @Test
    void atOneHundredTwentyFivePercentTheSheetsButtonsAreWhole(FxRobot robot) throws Exception {
        startTheBranchesAssessment(robot);
        javafx.stage.Stage window = (javafx.stage.Stage)
                robot.lookup("#sheetTitleRow").query().getScene().getWindow();
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
            cut.addAll(
                    org.taizhang.core.ui.CutTexts.in(robot.lookup("#sheetMenu").query()));
            cut.addAll(org.taizhang.core.ui.CutTexts.in(
                    robot.lookup("#branchRecordButton").query()));
        });
        assertThat(cut).isEmpty();
        javafx.scene.control.MenuButton menu = robot.lookup("#sheetMenu").query();
        assertThat(menu.getItems())
                .extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("导出测评表…", "导入测评表…", "直接定级…");

        // the sheet is what the inspector works in: at 125 % the page has the window's 1093 × 614 logical pixels less
        // the navigation (165), the reminder banner, the tabs and the status bar (112): there it shows nine items or
        // more
        robot.interact(() -> {
            window.setWidth(1093 - 165);
            window.setHeight(614 - 112);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ItemRow> sheet = robot.lookup("#itemSheet").queryTableView();
        int[] shown = {0};
        robot.interact(() -> {
            javafx.geometry.Bounds view = sheet.localToScene(sheet.getLayoutBounds());
            for (javafx.scene.Node n : sheet.lookupAll(".table-row-cell")) {
                if (n instanceof javafx.scene.control.TableRow<?> row && row.isVisible() && row.getItem() != null) {
                    javafx.geometry.Bounds b = row.localToScene(row.getLayoutBounds());
                    if (b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5) {
                        shown[0]++;
                    }
                }
            }
        });
        robot.interact(() -> Snapshots.save(sheet.getScene(), "assessment-sheet-125"));
        java.util.List<String> cutBelow = new java.util.ArrayList<>();
        robot.interact(() -> {
            cutBelow.addAll(org.taizhang.core.ui.CutTexts.in(
                    robot.lookup("#sheetButtons").query()));
            cutBelow.addAll(
                    org.taizhang.core.ui.CutTexts.in(robot.lookup("#entryPane").query()));
        });
        assertThat(cutBelow).as("cut under the sheet at 125 %").isEmpty();
        assertThat(shown[0]).as("item rows in view at 125 %").isGreaterThanOrEqualTo(9);
    }

    @Test
    void aSecondAssessmentOfTheRoundIsNamedAndCanBeShown(FxRobot robot) throws Exception {
        startTheBranchesAssessment(robot);
        javafx.scene.control.ComboBox<org.taizhang.checklist.model.Assessment> others =
                robot.lookup("#roundAssessments").query();
        assertThat(others.isVisible()).isFalse();
        String first = vm.assessmentProperty().get().id();
        BranchRow b = vm.branchProperty().get();
        int year = service.today().getYear();
        service.publish(BuiltInTemplates.site(year).id());
        service.startAssessment(
                b.organization().id(), BuiltInTemplates.site(year).id(), org.taizhang.checklist.model.Round.SELF, year);
        robot.interact(() -> vm.loadCurrentYear(() -> {}));
        waitUntil(() -> vm.inRound().size() == 2);

        assertThat(others.isVisible()).isTrue();
        org.taizhang.checklist.model.Assessment other = vm.inRound().stream()
                .filter(a -> !a.id().equals(vm.assessmentProperty().get().id()))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> others.setValue(other));
        waitUntil(() -> vm.assessmentProperty().get().id().equals(other.id()));
        assertThat(List.of(first, other.id()))
                .contains(vm.assessmentProperty().get().id());
    }

    @Test
    void startingAnAssessmentKeepsTheCommunityChosen(FxRobot robot) throws Exception {
        TableView<BranchRow> branches = robot.lookup("#branchTable").queryTableView();
        waitUntil(() -> branches.getItems().size() == 307);
        javafx.scene.control.ComboBox<org.taizhang.organization.model.Community> community =
                robot.lookup("#communityFilter").query();
        org.taizhang.organization.model.Community chosen = vm.communities().getFirst();
        robot.interact(() -> community.setValue(chosen));
        waitUntil(() -> branches.getItems().size() < 307);
        int shown = branches.getItems().size();

        robot.interact(() -> branches.getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#startAssessment")
                .tryQuery()
                .map(n -> n.isVisible())
                .orElse(false));
        robot.clickOn("#startAssessment");
        waitUntil(() -> vm.assessmentProperty().get() != null);

        assertThat(community.getValue()).isEqualTo(chosen);
        assertThat(vm.communityFilterProperty().get()).isEqualTo(chosen);
        assertThat(branches.getItems()).hasSize(shown);
    }

    @Test
    void anInspectorScoresEveryItemByKeyboardAndFinishes(FxRobot robot) throws Exception {
        TableView<ItemRow> sheet = startTheBranchesAssessment(robot);

        // Enter on the sheet puts the caret in the answer field; each answer + Enter saves it and moves on
        robot.clickOn(sheet.lookup(".table-row-cell"));
        robot.interact(() -> sheet.getSelectionModel().select(0));
        robot.type(KeyCode.ENTER);
        int count = sheet.getItems().size();
        for (int i = 0; i < count; i++) {
            ItemRow r = sheet.getItems().get(i);
            if (r.item().bonus()) {
                robot.type(KeyCode.DOWN); // a bonus item may stay empty
                continue;
            }
            robot.write(typed(r)).type(KeyCode.ENTER);
        }
        waitUntil(() -> vm.scoreProperty().get().unscored().isEmpty());
        String id = vm.assessmentProperty().get().id();
        waitUntil(() -> service.assessment(id).orElseThrow().answers().size() >= count - 2);

        Assessment stored = service.assessment(id).orElseThrow();
        long deductions = sheet.getItems().stream()
                .filter(r ->
                        r.item().mode() == ScoringMode.DEDUCTION && !r.item().bonus())
                .count();
        assertThat(stored.answers().values())
                .filteredOn(a -> a.occurrences() != null)
                .hasSize((int) deductions)
                .allMatch(a -> a.occurrences() == 2);
        assertThat(robot.lookup("#scoreSummary").queryAs(Label.class).getText()).contains("未评 0 项");

        robot.interact(() -> {
            sheet.getSelectionModel().select(3);
            Snapshots.save(sheet.getScene(), "assessment-sheet");
        });
        robot.clickOn("#finishAssessment");
        waitUntil(() -> service.assessment(id).orElseThrow().status() == Assessment.Status.FINISHED);
        waitUntil(() -> vm.readOnlyProperty().get());
        assertThat(sheet.isEditable()).isFalse();
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));

        // 支部档案 opens beside it: this year's result, and nothing below full points in this run
        robot.clickOn("#branchRecordButton");
        waitUntil(() -> robot.lookup("#recordYears").tryQuery().isPresent());
        TableView<org.taizhang.checklist.model.BranchRecord.Year> years =
                robot.lookup("#recordYears").queryTableView();
        assertThat(years.getItems()).hasSize(3);
        assertThat(years.getItems().getFirst().total())
                .isEqualTo(vm.scoreProperty().get().total());
        robot.interact(() -> Snapshots.save(years.getScene(), "branch-record"));
    }

    @Test
    void aWrongAnswerIsSaidAndTheFieldCanBeTypedAgain(FxRobot robot) throws Exception {
        TableView<ItemRow> sheet = startTheBranchesAssessment(robot);
        int yesNo = 0;
        while (sheet.getItems().get(yesNo).item().mode() != ScoringMode.YES_NO) {
            yesNo++;
        }
        int row = yesNo;
        robot.interact(() -> sheet.getSelectionModel().select(row));
        robot.clickOn("#answerField").write("好").type(KeyCode.ENTER);

        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.contains("请填“是”或“否”")));
        assertThat(service.assessment(vm.assessmentProperty().get().id())
                        .orElseThrow()
                        .answers())
                .isEmpty();
        assertThat(sheet.getSelectionModel().getSelectedIndex()).isEqualTo(row);
    }

    @Test
    void aNoteTypedBeforeTheAnswerIsSavedWithItAndOneLeftBehindIsSavedToo(FxRobot robot) throws Exception {
        TableView<ItemRow> sheet = startTheBranchesAssessment(robot);
        String id = vm.assessmentProperty().get().id();
        String first = sheet.getItems().get(0).item().key();
        String second = sheet.getItems().get(1).item().key();

        // the note first, then the answer and Enter: both are stored
        robot.interact(() -> sheet.getSelectionModel().select(0));
        robot.clickOn("#noteField").write("会议记录缺两次");
        robot.clickOn("#answerField")
                .eraseText(10)
                .write(typed(sheet.getItems().get(0)))
                .type(KeyCode.ENTER);
        waitUntil(() -> service.assessment(id).orElseThrow().answers().containsKey(first));
        assertThat(service.assessment(id).orElseThrow().answers().get(first).note())
                .isEqualTo("会议记录缺两次");

        // a note typed and left for another item without Enter
        waitUntil(() -> sheet.getSelectionModel().getSelectedIndex() == 1);
        robot.clickOn("#noteField").write("待补材料");
        robot.interact(() -> sheet.getSelectionModel().select(2));
        waitUntil(() -> service.assessment(id)
                .map(a -> a.answers().get(second))
                .map(a -> "待补材料".equals(a.note()))
                .orElse(false));
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void anItemNotMetBecomesAFindingOfTheBranchOncePerRound(FxRobot robot) throws Exception {
        TableView<ItemRow> sheet = startTheBranchesAssessment(robot);
        int yesNo = 0;
        while (sheet.getItems().get(yesNo).item().mode() != ScoringMode.YES_NO
                || sheet.getItems().get(yesNo).item().bonus()) {
            yesNo++;
        }
        int row = yesNo;
        ItemRow item = sheet.getItems().get(row);
        robot.interact(() -> sheet.getSelectionModel().select(row));
        assertThat(robot.lookup("#toFinding").queryButton().isDisabled())
                .as("an item not scored is no finding")
                .isTrue();
        robot.clickOn("#noteField").write("支委会记录缺三次");
        robot.clickOn("#answerField").write("否").type(KeyCode.ENTER);
        String id = vm.assessmentProperty().get().id();
        waitUntil(() -> service.assessment(id).orElseThrow().answers().containsKey(item.key()));
        robot.interact(() -> sheet.getSelectionModel().select(row));
        waitUntil(() -> !robot.lookup("#toFinding").queryButton().isDisabled());

        robot.clickOn("#toFinding");
        waitUntil(() -> dialogs.shown.stream().anyMatch(x -> x.startsWith("info: 转为问题")));
        assertThat(dialogs.shown.getLast()).contains("第 " + item.item().number() + " 条已记为问题（待挂号）");
        var ledger = findings.ledger();
        assertThat(ledger).singleElement().satisfies(e -> {
            assertThat(e.organizationName()).isEqualTo(BRANCH);
            assertThat(e.finding().source()).isEqualTo(org.taizhang.inspection.model.FindingSource.ASSESSMENT);
            assertThat(e.finding().sourceRef()).isEqualTo(item.key());
            assertThat(e.finding().category()).isEqualTo(item.category().name());
            assertThat(e.finding().basis())
                    .contains(item.item().number(), item.item().text());
            assertThat(e.finding().description()).contains("自评", "支委会记录缺三次");
            assertThat(e.state()).isEqualTo(org.taizhang.inspection.model.FindingState.PENDING);
        });

        // a second time (or on another laptop): the same finding, nothing recorded again
        robot.clickOn("#toFinding");
        waitUntil(() -> dialogs.shown.getLast().contains("本轮已转为问题"));
        assertThat(findings.ledger()).hasSize(1);
        assertThat(findings.ledger().getFirst().id())
                .isEqualTo(org.taizhang.checklist.ItemFindings.findingId(id, item.key()));
        assertThat(dialogs.shown).noneMatch(x -> x.startsWith("error"));
    }
}
