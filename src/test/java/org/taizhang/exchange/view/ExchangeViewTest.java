package org.taizhang.exchange.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.Snapshots;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.inspection.FindingService;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 数据交换 page on real databases: a hub and a laptop it prepared, packages carried between them as files. What
 * only the window shows: the laptop's status line, the preview and report of many packages, a conflict decided
 * from 待处理, and the hub's field devices with their days of silence.
 */
@ExtendWith(ApplicationExtension.class)
class ExchangeViewTest {
    private static final char[] PASS = "办公室保险柜".toCharArray();

    @TempDir
    Path dir;

    private Stage stage;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);
    private final List<Store> stores = new ArrayList<>();
    private final List<TaskRunner> runners = new ArrayList<>();
    private final MovableClock hubClock = new MovableClock();
    private Store hub;
    private Store laptop;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        runners.forEach(TaskRunner::shutdown);
        stores.forEach(Store::close);
    }

    /** A hub with the sample registry and a laptop it prepared (under a passphrase), as AcknowledgementTest does. */
    private void hubAndLaptop() {
        hub = open(dir.resolve("hub/taizhang.db"), hubClock);
        hub.designateHub();
        new RegistryService(hub).importSample(Progress.NONE);
        laptop = open(dir.resolve("laptop/taizhang.db"), Clock.systemUTC());
        Path prepared = dir.resolve("stick/prepare.tzpkg");
        new ExchangeService(hub).prepareField("督查一组笔记本", prepared, new PackageFile.Protection(PASS), Progress.NONE);
        new ExchangeService(laptop).importPackage(prepared, PASS, Progress.NONE);
    }

    private Store open(Path db, Clock clock) {
        Store s = Store.openOrCreate(db, clock);
        stores.add(s);
        return s;
    }

    /** The page for {@code store} in the window, read. */
    private ExchangeViewModel show(FxRobot robot, Store store) throws Exception {
        TaskRunner tasks = new TaskRunner(messages, dialogs);
        runners.add(tasks);
        ExchangeViewModel vm = new ExchangeViewModel(new ExchangeService(store), store, tasks, dialogs, messages);
        robot.interact(() -> {
            ExchangeView view = new ExchangeView(vm, dialogs);
            stage.setScene(new Scene((Parent) view.node(), 1366, 768));
            vm.reload();
        });
        waitUntil(vm.loaded::get);
        return vm;
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String recordFinding(Store store, String text) {
        return org.taizhang.exchange.ExchangeFixtures.recordFinding(store, text);
    }

    /** The laptop's package for the hub: encrypted to the hub's key, nothing typed. */
    private Path laptopToHub(String name) {
        Path file = dir.resolve("stick/" + name);
        new ExchangeService(laptop).export(file, new ExchangeService.ExportRequest(null, false, null), Progress.NONE);
        return file;
    }

    private Path hubToLaptop(String name) {
        Path file = dir.resolve("stick/" + name);
        new ExchangeService(hub)
                .export(file, new ExchangeService.ExportRequest(laptop.deviceId(), false, null), Progress.NONE);
        return file;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aLaptopSaysInSyncOnlyWhenTheHubAcknowledgedEverythingAndCountsWhatItHasNot(FxRobot robot) throws Exception {
        hubAndLaptop();
        // the preparation made nothing of the laptop's own: nothing to acknowledge
        assertThat(new ExchangeService(laptop).unacknowledged().none()).isTrue();
        ExchangeViewModel vm = show(robot, laptop);
        assertThat(text(robot, "#exchangeStatus")).startsWith("已同步");
        assertThat(text(robot, "#exchangeRole")).isEqualTo("外业机");
        assertThat(text(robot, "#exchangeHub")).contains(hub.deviceId());
        assertThat(robot.lookup("#exchangePrepare").query().isVisible()).isFalse();

        recordFinding(laptop, "支委会未按月召开");
        ExchangeService.Unacknowledged u = new ExchangeService(laptop).unacknowledged();
        assertThat(u.none()).isFalse();
        robot.clickOn("#exchangeRefresh");
        waitUntil(() -> !text(robot, "#exchangeStatus").startsWith("已同步"));
        String status = text(robot, "#exchangeStatus");
        assertThat(status).startsWith(u.count() + " 处修改尚未被汇总机确认（最早 ").endsWith("其中 " + u.notExported() + " 处尚未导出。");
        assertThat(robot.lookup("#exchangeStatus").query().getStyleClass()).contains("exchange-unsent");
        robot.interact(() -> Snapshots.save(stage.getScene(), "exchange-laptop-unsent"));

        // exported but not yet acknowledged: still not 已同步
        Path out = laptopToHub("laptop-1.tzpkg");
        robot.clickOn("#exchangeRefresh");
        waitUntil(() -> text(robot, "#exchangeStatus").contains("均已导出"));
        assertThat(text(robot, "#exchangeStatus")).doesNotContain("已同步");

        // the hub imports it and answers; the laptop imports the answer through the page
        new ExchangeService(hub).importPackage(out, null, Progress.NONE);
        Path answer = hubToLaptop("hub-1.tzpkg");
        dialogs.filesToOpen = List.of(answer);
        robot.clickOn("#exchangeImport");
        waitUntil(() -> vm.canApply.get());
        robot.clickOn("#importApply");
        waitUntil(() -> text(robot, "#exchangeStatus").startsWith("已同步"));
        assertThat(new ExchangeService(laptop).unacknowledged().none()).isTrue();
        assertThat(robot.lookup("#exchangeStatus").query().getStyleClass()).contains("exchange-synced");
    }

    @Test
    void twoFilesOneCorruptThePreviewShowsBothTheGoodOneImportsAndTheBadOneIsReportedInChinese(FxRobot robot)
            throws Exception {
        hubAndLaptop();
        String id = recordFinding(laptop, "党费收缴台账不全");
        Path good = laptopToHub("good.tzpkg");
        Path bad = dir.resolve("stick/bad.tzpkg");
        byte[] bytes = Files.readAllBytes(good);
        bytes[bytes.length / 2] ^= 0x5A; // one byte flipped, as a failing stick does
        Files.write(bad, bytes);
        ExchangeViewModel vm = show(robot, hub);
        assertThat(text(robot, "#exchangeRole")).isEqualTo("汇总机");

        dialogs.filesToOpen = List.of(bad, good);
        robot.clickOn("#exchangeImport");
        waitUntil(() -> vm.canApply.get());
        TableView<ExchangeViewModel.PreviewRow> preview =
                robot.lookup("#importPreview").queryTableView();
        List<ExchangeViewModel.PreviewRow> rows = List.copyOf(preview.getItems());
        assertThat(rows.getFirst().file()).isEqualTo("bad.tzpkg");
        assertThat(rows.getFirst().status()).startsWith("已拒绝：").contains("bad.tzpkg");
        assertThat(rows.getFirst().problem()).isTrue();
        // the good one: per kind of record, the findings new
        assertThat(rows)
                .filteredOn(r -> r.kind().equals("问题"))
                .singleElement()
                .satisfies(r -> assertThat(r.added()).isEqualTo(1));
        assertThat(text(robot, "#importSummary")).contains("共 2 个数据包：1 个可导入，0 个已导入过，1 个被拒绝");
        robot.interact(() -> Snapshots.save(stage.getScene(), "exchange-import-preview"));

        robot.clickOn("#importApply");
        waitUntil(() -> dialogs.shown.stream().anyMatch(s -> s.startsWith("error table: 导入数据包")));
        String report = dialogs.shown.stream()
                .filter(s -> s.startsWith("error table: 导入数据包"))
                .findFirst()
                .orElseThrow();
        assertThat(report).contains("已处理 2 个数据包：1 个成功，1 个被拒绝");
        assertThat(report).containsPattern("bad\\.tzpkg \\|  \\| 已拒绝：.*(损坏|改动)");
        assertThat(report).containsPattern("good\\.tzpkg \\| 督查一组笔记本 \\| 已导入：新增 \\d+ 条");
        assertThat(new FindingService(hub, new RegistryService(hub)).ledger()).anyMatch(e -> e.id().equals(id));
        // both are in the history, the refused one with its reason
        waitUntil(() -> vm.history.size() >= 2);
        assertThat(vm.history).anyMatch(l -> l.received() && "applied".equals(l.outcome()));
        assertThat(vm.history).anyMatch(l -> l.received() && "rejected".equals(l.outcome()));
        robot.interact(() -> Snapshots.save(stage.getScene(), "exchange-import-report"));
    }

    @Test
    void anotherHubsPreparationAsksToSwitchThenToForceAndTheLaptopSwitchesWithItsWorkSaved(FxRobot robot)
            throws Exception {
        hubAndLaptop();
        recordFinding(laptop, "党费收缴台账不全");
        Store other = open(dir.resolve("otherhub/taizhang.db"), Clock.systemUTC());
        other.designateHub();
        new RegistryService(other).importSample(Progress.NONE);
        Path preparation = dir.resolve("stick/other-prepare.tzpkg");
        new ExchangeService(other).prepareField("借来的笔记本", preparation, PackageFile.Protection.none(), Progress.NONE);
        ExchangeViewModel vm = show(robot, laptop);

        dialogs.confirmAnswer = true;
        dialogs.filesToOpen = List.of(preparation);
        robot.clickOn("#exchangeImport");
        waitUntil(() -> vm.canApply.get());
        // asked twice: whether to switch at all, then whether to force past the finding the hub has not acknowledged
        assertThat(dialogs.shown).contains("confirm: 改归另一台汇总机？", "confirm: 有修改尚未被原汇总机确认");
        assertThat(dialogs.confirmed.get(0)).contains("other-prepare.tzpkg").contains("全部替换");
        // the finding and its 发现 step
        assertThat(dialogs.confirmed.get(1)).contains("本机有 2 处修改尚未被原汇总机确认").contains("应急数据包");
        TableView<ExchangeViewModel.PreviewRow> preview =
                robot.lookup("#importPreview").queryTableView();
        assertThat(preview.getItems()).anyMatch(r -> r.status().startsWith("将改归此汇总机"));

        robot.clickOn("#importApply");
        waitUntil(() -> dialogs.shown.stream()
                .anyMatch(s -> s.startsWith("table: 导入数据包") || s.startsWith("error table: 导入数据包")));
        assertThat(laptop.hubDeviceId()).contains(other.deviceId());
        assertThat(new FindingService(laptop, new RegistryService(laptop)).ledger())
                .isEmpty();
        try (var files = Files.list(laptop.dataFolder().resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("emergency-"));
        }
        assertThat(String.join("\n", dialogs.shown)).contains("本机已改归新的汇总机").contains("应急数据包");
    }

    @Test
    void oneProblemRecordedOnTwoDevicesIsListedInPendingAndMergedOrKeptApartWithOneClick(FxRobot robot)
            throws Exception {
        hubAndLaptop();
        String atHub = recordFinding(hub, "支部委员会会议未按月召开，会议记录不全");
        String onLaptop = recordFinding(laptop, "支委会未按月召开，会议记录不完整");
        new ExchangeService(hub).importPackage(laptopToHub("twice.tzpkg"), null, Progress.NONE);
        ExchangeViewModel vm = show(robot, hub);
        // neither numbered yet, found the same day: either may be the one kept
        assertThat(vm.duplicates)
                .singleElement()
                .satisfies(d -> assertThat(d.kept() + " / " + d.dropped())
                        .contains("（待挂号） 支部委员会会议未按月召开")
                        .contains("（待挂号） 支委会未按月召开"));
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").query();
            tabs.getSelectionModel().selectLast();
            assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("待处理（1）");
        });
        robot.interact(() -> Snapshots.save(stage.getScene(), "exchange-pending-duplicates"));

        // 不是重复: kept apart, a 备注 in the timeline, the pair gone
        robot.interact(() ->
                robot.lookup("#duplicates").queryTableView().getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#duplicateDistinct").queryButton().fire());
        waitUntil(vm.duplicates::isEmpty);
        FindingService findings = new FindingService(hub, new RegistryService(hub));
        assertThat(findings.timeline(onLaptop).steps().stream().anyMatch(st -> atHub.equals(st.otherId()))
                        || findings.timeline(atHub).steps().stream().anyMatch(st -> onLaptop.equals(st.otherId())))
                .isTrue();

        // a third one, the same problem again: 合并 folds it into the numbered one after a yes
        findings.register(atHub);
        String third = recordFinding(hub, "支委会没有按月召开，会议记录也不完整");
        robot.interact(() -> vm.reload());
        waitUntil(() ->
                vm.duplicates.stream().anyMatch(d -> d.pair().dropped().id().equals(third)));
        ExchangeViewModel.DuplicatePair pair = vm.duplicates.stream()
                .filter(d -> d.pair().dropped().id().equals(third)
                        && d.pair().kept().id().equals(atHub))
                .findFirst()
                .orElseThrow();
        dialogs.confirmAnswer = true;
        robot.interact(() -> vm.mergeDuplicate(pair));
        waitUntil(() ->
                vm.duplicates.stream().noneMatch(d -> d.pair().dropped().id().equals(third)));
        assertThat(findings.finding(third).orElseThrow().mergedInto()).isEqualTo(atHub);
    }

    @Test
    void aConflictDecidedInPendingDisappearsAndTheStoreHoldsNone(FxRobot robot) throws Exception {
        hubAndLaptop();
        Unit onHub = new RegistryService(hub).load().units().getFirst();
        Unit onLaptop = new RegistryService(laptop)
                .load().units().stream()
                        .filter(u -> u.id().equals(onHub.id()))
                        .findFirst()
                        .orElseThrow();
        // the same field changed differently on both, before either heard of the other's change
        new RegistryService(hub)
                .save(new Unit(
                        onHub.id(),
                        onHub.name(),
                        onHub.shortName(),
                        "王建国",
                        onHub.contactPhone(),
                        onHub.remark(),
                        onHub.sortOrder()));
        new RegistryService(laptop)
                .save(new Unit(
                        onLaptop.id(),
                        onLaptop.name(),
                        onLaptop.shortName(),
                        "李秀英",
                        onLaptop.contactPhone(),
                        onLaptop.remark(),
                        onLaptop.sortOrder()));
        new ExchangeService(hub).importPackage(laptopToHub("laptop.tzpkg"), null, Progress.NONE);
        new ExchangeService(laptop).importPackage(hubToLaptop("hub.tzpkg"), null, Progress.NONE);
        assertThat(hub.conflicts()).isNotEmpty();

        ExchangeViewModel vm = show(robot, hub);
        robot.clickOn("#exchangePendingTab");
        TableView<Store.Conflict> table = robot.lookup("#conflicts").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        Store.Conflict conflict = table.getItems().getFirst();
        assertThat(conflict.entity()).isEqualTo("unit");
        assertThat(List.of(
                        String.valueOf(conflict.shown()),
                        String.valueOf(conflict.others().getFirst())))
                .containsExactlyInAnyOrder("王建国", "李秀英");
        // the kind of record in Chinese, both values side by side
        Node firstCell = robot.lookup("#conflicts .table-cell").nth(0).query();
        assertThat(((javafx.scene.control.TableCell<?, ?>) firstCell).getText()).isEqualTo("单位");
        // the record by its name, not its id
        assertThat(vm.record(conflict.entity(), conflict.entityId())).isEqualTo(onHub.name());
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Snapshots.save(stage.getScene(), "exchange-pending"));
        robot.clickOn("#conflictValue1"); // the other device's value
        robot.clickOn("#conflictKeep");
        waitUntil(() -> vm.conflicts.isEmpty());
        assertThat(table.getItems()).isEmpty();
        assertThat(hub.conflicts()).isEmpty();
        Unit decided = new RegistryService(hub)
                .load().units().stream()
                        .filter(u -> u.id().equals(onHub.id()))
                        .findFirst()
                        .orElseThrow();
        assertThat(decided.contactPerson())
                .isEqualTo(String.valueOf(conflict.others().getFirst()));
        // the decision is a change of its own, in the record's history
        assertThat(new RegistryService(hub).historyOfUnit(onHub.id())).hasSizeGreaterThan(2);
    }

    @Test
    void theHubListsAPreparedLaptopOnceHeardFromWithItsDaysOfSilence(FxRobot robot) throws Exception {
        hubAndLaptop();
        recordFinding(laptop, "组织生活会记录不全");
        new ExchangeService(hub).importPackage(laptopToHub("first.tzpkg"), null, Progress.NONE);
        hubClock.advance(Duration.ofDays(20));

        show(robot, hub);
        TableView<ExchangeService.Device> table =
                robot.lookup("#exchangeDevices").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        ExchangeService.Device d = table.getItems().getFirst();
        assertThat(d.name()).isEqualTo("督查一组笔记本");
        assertThat(d.deviceId()).isEqualTo(laptop.deviceId());
        assertThat(d.daysSilent()).isEqualTo(20L);
        assertThat(d.keyKnown()).isTrue();
        Optional<Node> silent = robot.lookup("#exchangeDevices .table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && "20 天".equals(c.getText()))
                .findFirst();
        assertThat(silent).isPresent();
        // past the 14 days of the setting: the row in warning colour
        TableRow<?> row = (TableRow<?>) silent.get().getParent();
        assertThat(row.getStyleClass()).contains("warning-overdue");
        robot.interact(() -> Snapshots.save(stage.getScene(), "exchange-hub-devices"));

        // a longer setting, kept in the database: no longer silent
        robot.doubleClickOn("#silentDays").write("30");
        robot.clickOn("#silentDaysSave");
        waitUntil(() -> hub.localSetting(ExchangeViewModel.SILENT_DAYS_KEY).isPresent());
        waitUntil(() -> !row.getStyleClass().contains("warning-overdue"));
        assertThat(hub.localSetting(ExchangeViewModel.SILENT_DAYS_KEY)).contains("30");
    }

    @Test
    void theWorkbenchNamesALaptopSilentTooLongAndALaptopSaysWhatWaits(FxRobot robot) throws Exception {
        hubAndLaptop();
        recordFinding(laptop, "组织生活会记录不全");
        new ExchangeService(hub).importPackage(laptopToHub("first.tzpkg"), null, Progress.NONE);
        hubClock.advance(Duration.ofDays(20));
        TaskRunner tasks = new TaskRunner(messages, dialogs);
        runners.add(tasks);
        ExchangeViewModel atHub = new ExchangeViewModel(new ExchangeService(hub), hub, tasks, dialogs, messages);
        boolean[] opened = {false};
        robot.interact(() -> {
            stage.setScene(new Scene(
                    new javafx.scene.layout.VBox(ExchangeView.dashboardPart(atHub, () -> opened[0] = true)), 800, 300));
            atHub.reload();
        });
        waitUntil(atHub.loaded::get);
        assertThat(text(robot, "#dashboardExchangeSilent")).contains("督查一组笔记本", "20 天");
        robot.clickOn("#dashboardExchangeOpen");
        assertThat(opened[0]).isTrue();

        recordFinding(laptop, "党费收缴台账不全");
        ExchangeViewModel atLaptop =
                new ExchangeViewModel(new ExchangeService(laptop), laptop, tasks, dialogs, messages);
        robot.interact(() -> {
            stage.setScene(
                    new Scene(new javafx.scene.layout.VBox(ExchangeView.dashboardPart(atLaptop, () -> {})), 800, 300));
            atLaptop.reload();
        });
        waitUntil(atLaptop.loaded::get);
        assertThat(text(robot, "#dashboardExchangeStatus")).contains("尚未被汇总机确认");
        assertThat(robot.lookup("#dashboardExchangeSilent").queryAs(Label.class).isVisible())
                .isFalse();
    }

    @Test
    void aPassphraseIsAskedOnlyForAPackageThatNeedsOneAndAgainWhenItWasWrong(FxRobot robot) throws Exception {
        hub = open(dir.resolve("hub/taizhang.db"), hubClock);
        hub.designateHub();
        new RegistryService(hub).importSample(Progress.NONE);
        Path prepared = dir.resolve("stick/prepare.tzpkg");
        new ExchangeService(hub).prepareField("督查二组笔记本", prepared, new PackageFile.Protection(PASS), Progress.NONE);
        laptop = open(dir.resolve("new/taizhang.db"), Clock.systemUTC());
        ExchangeViewModel vm = show(robot, laptop);
        assertThat(text(robot, "#exchangeRole")).isEqualTo("外业机（尚未由汇总机准备）");
        // not prepared: never 已同步, there is no hub to acknowledge anything
        assertThat(text(robot, "#exchangeStatus")).doesNotContain("已同步");

        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        vm.setPassphrases((file, again) -> {
            asked.add(file + (again ? " again" : ""));
            return Optional.of(asked.size() == 1 ? "不对的口令".toCharArray() : PASS.clone());
        });
        dialogs.filesToOpen = List.of(prepared);
        robot.clickOn("#exchangeImport");
        waitUntil(() -> vm.canApply.get());
        assertThat(asked).containsExactly("prepare.tzpkg", "prepare.tzpkg again");
        robot.clickOn("#importApply");
        waitUntil(() -> text(robot, "#exchangeRole").equals("外业机"));
        assertThat(laptop.hubDeviceId()).contains(hub.deviceId());
        assertThat(laptop.deviceName()).isEqualTo("督查二组笔记本");
        assertThat(text(robot, "#exchangeStatus")).startsWith("已同步");
    }

    /** A clock the test moves: the hub's days go by without waiting. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
