package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.inspection.files.InspectionFilesFixture;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** The ledger's files from the window: a team's list in, a unit's feedback form out and back, the ledger out. */
class LedgerFilesModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private LedgerViewModel ledger;
    private LedgerFilesModel files;
    private Unit unit;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);

    @BeforeEach
    void open() {
        store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        TaskRunner tasks = new TaskRunner(TaskExecutor.synchronous(), messages, dialogs);
        ledger = new LedgerViewModel(service, new InspectionService(store), tasks, dialogs, messages);
        files = new LedgerFilesModel(new InspectionFiles(store, registry), ledger, tasks, dialogs, messages);
        unit = registry.load().units().getFirst();
        ledger.load(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path list(String name, List<List<String>> rows) throws Exception {
        return InspectionFilesFixture.sheet(dir.resolve(name), "问题清单", rows);
    }

    @Test
    void aTeamsListComesInPendingAndABadOneIsShownRowByRowAndWritesNothing() throws Exception {
        Path bad =
                list("bad.xlsx", List.of(List.of("单位", "问题描述"), List.of("不存在的单位", "会议记录不全"), List.of(unit.name(), "")));
        files.importFindings(bad);
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).contains("没有导入任何内容"));
        assertThat(ledger.entries()).isEmpty();

        Path good = list(
                "good.xlsx",
                List.of(
                        List.of("单位", "问题描述", "问题类别", "整改时限"),
                        List.of(unit.name(), "支委会未按月召开", "三会一课", "2026-08-31"),
                        List.of(unit.name(), "党费收缴不及时", "党费", "2026-08-31")));
        files.importFindings(good);
        assertThat(ledger.entries()).hasSize(2).allMatch(e -> e.state() == FindingState.PENDING);
        assertThat(dialogs.shown.getLast()).contains("已从“问题清单”工作表导入 2 个问题").contains("未读取的列：整改时限");
        files.importFindings(good);
        assertThat(dialogs.shown.getLast())
                .contains("已于 2026-06-15 10:00 导入过"); // refused with the date of the first import
        assertThat(ledger.entries()).hasSize(2);
    }

    @Test
    void aUnitsFeedbackFormGoesOutAndComesBackAsProgress() throws Exception {
        files.importFindings(list("good.xlsx", List.of(List.of("单位", "问题描述"), List.of(unit.name(), "支委会未按月召开"))));
        service.registerPending();
        String id = service.ledger().getFirst().id();
        service.notify(id, new FindingService.Notice(TODAY.plusDays(30), "李局长", "办公室", "赵敏", null), TODAY);
        ledger.load(() -> {});

        files.exportFeedback(null, null);
        assertThat(dialogs.shown.getLast()).contains("请先在“单位”筛选中选择单位");
        ledger.filters().unitFilterProperty().set(unit);
        assertThat(files.unitForFeedback()).isEqualTo(unit);
        Path form = dir.resolve("反馈表.xlsx");
        dialogs.confirmAnswer = false;
        files.exportFeedback(unit, form);
        assertThat(form).exists();

        InspectionFilesFixture.fill(form, "督改〔2026〕0001号", "整改进展情况", "已制定年度会议计划");
        files.importFeedback(form);
        LedgerEntry e = service.ledger().getFirst();
        assertThat(e.state()).isEqualTo(FindingState.RECTIFYING);
        assertThat(e.timeline().latestProgress()).isEqualTo("已制定年度会议计划");
        files.importFeedback(form);
        assertThat(dialogs.shown.getLast()).contains("没有新增内容");
    }

    @Test
    void theLedgerGoesOutAsShownOrWhole() throws Exception {
        files.importFindings(list(
                "good.xlsx",
                List.of(
                        List.of("单位", "问题描述", "问题类别"),
                        List.of(unit.name(), "支委会未按月召开", "三会一课"),
                        List.of(unit.name(), "党费收缴不及时", "党费"))));
        ledger.filters().categoryFilterProperty().set("党费");
        dialogs.confirmAnswer = false;
        Path shown = dir.resolve("shown.csv");
        files.exportLedger(shown, true);
        Path all = dir.resolve("all.csv");
        files.exportLedger(all, false);
        assertThat(Files.readAllLines(shown)).hasSize(2); // the header and the one shown
        assertThat(Files.readAllLines(all)).hasSize(3);
        Path xlsx = dir.resolve("台账.xlsx");
        files.exportLedger(xlsx, true);
        assertThat(xlsx).exists().isNotEmptyFile();
    }

    @Test
    void afterAnExportTheFileOrItsFolderIsOffered() throws Exception {
        files.importFindings(list("good.xlsx", List.of(List.of("单位", "问题描述"), List.of(unit.name(), "支委会未按月召开"))));
        Path xlsx = dir.resolve("台账.xlsx");

        dialogs.chooseAnswer = java.util.Optional.of(1);
        files.exportLedger(xlsx, false);

        assertThat(dialogs.shown.getLast()).startsWith("choose: 导出整改台账 [打开文件, 打开所在文件夹, 关闭] 已导出 1 个问题");
        assertThat(dialogs.opened).containsExactly(xlsx.toAbsolutePath().getParent());
        dialogs.chooseAnswer = java.util.Optional.of(0);
        files.exportLedger(xlsx, false);
        assertThat(dialogs.opened.getLast()).isEqualTo(xlsx);
        dialogs.chooseAnswer = java.util.Optional.of(2); // 关闭
        files.exportLedger(xlsx, false);
        assertThat(dialogs.opened).hasSize(2);
    }

    @Test
    void aMergedFindingIsNotWrittenTwiceIntoTheLedgerForLeadership() throws Exception {
        files.importFindings(list(
                "good.xlsx",
                List.of(
                        List.of("单位", "问题描述", "问题类别"),
                        List.of(unit.name(), "支委会未按月召开", "三会一课"),
                        List.of(unit.name(), "支委会没有按月开", "三会一课"))));
        List<org.taizhang.inspection.model.LedgerEntry> two = service.ledger();
        service.merge(two.get(1).id(), two.get(0).id(), TODAY);
        ledger.load(() -> {});
        assertThat(ledger.entries()).as("the window still shows both").hasSize(2);

        Path all = dir.resolve("all.csv");
        files.exportLedger(all, false);

        assertThat(Files.readAllLines(all)).hasSize(2); // the header and the one problem
        assertThat(Files.readString(all)).doesNotContain("已合并");
    }
}
