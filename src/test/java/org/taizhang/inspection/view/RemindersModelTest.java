package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Ids;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.organization.RegistryService;

/** 整改提醒: the counts behind the 工作台's tiles and the most urgent findings, and the ledger they open. */
class RemindersModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private RemindersModel model;
    private LedgerViewModel ledger;
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
        model = new RemindersModel(service, tasks, messages);
        ledger = new LedgerViewModel(service, new InspectionService(store), tasks, dialogs, messages);
        String unit = registry.load().units().getFirst().id();
        for (int i = 0; i < 5; i++) {
            service.record(Finding.recorded(
                    Ids.newId(),
                    null,
                    null,
                    unit,
                    null,
                    "党费",
                    "问题" + i,
                    null,
                    null,
                    null,
                    FindingSource.VISIT,
                    null,
                    TODAY.minusDays(90),
                    null));
        }
        service.register(service.ledger().get(0).id());
        service.register(service.ledger().get(1).id());
        service.register(service.ledger().get(2).id());
        List<String> ids = service.ledger().stream().map(e -> e.id()).toList();
        notify(ids.get(0), TODAY.minusDays(10), TODAY.minusDays(80)); // 逾期 10 天
        notify(ids.get(1), TODAY.plusDays(4), TODAY.minusDays(80)); // 临期
    }

    private void notify(String id, LocalDate deadline, LocalDate on) {
        service.notify(id, new FindingService.Notice(deadline, "李局长", "办公室", "赵敏", null), on);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTilesCountOverdueDueSoonAndWaitingFindingsAndTheListNamesTheMostUrgent() {
        model.reload(() -> {});
        RemindersModel.Reminders r = model.remindersProperty().get();
        assertThat(r.count(RemindersModel.Kind.OVERDUE)).isEqualTo(1);
        assertThat(r.count(RemindersModel.Kind.SOON)).isEqualTo(1);
        assertThat(r.count(RemindersModel.Kind.PENDING)).isEqualTo(2);
        assertThat(r.count(RemindersModel.Kind.CLOSE_REQUESTED)).isZero();
        assertThat(r.any()).isTrue();
        assertThat(r.urgent())
                .extracting(RemindersModel.Urgent::text)
                .containsExactly(
                        "督改〔2026〕0001号　" + service.ledger().get(0).unitName() + "："
                                + service.ledger().get(0).finding().description() + "（已逾期 10 天）",
                        "督改〔2026〕0002号　" + service.ledger().get(1).unitName() + "："
                                + service.ledger().get(1).finding().description() + "（还剩 4 天）");
    }

    @Test
    void aTileOpensTheLedgerFilteredToWhatItCountsAndALineOnItsFinding() {
        ledger.load(() -> {});
        ledger.filters().unitFilterProperty().set(ledger.filters().units().get(3)); // a filter left from before
        ledger.show(RemindersModel.Kind.OVERDUE);
        assertThat(ledger.filters().shown())
                .extracting(e -> e.finding().numberSeq())
                .containsExactly(1);
        ledger.show(RemindersModel.Kind.PENDING);
        assertThat(ledger.filters().shown())
                .allMatch(e -> e.state() == FindingState.PENDING)
                .hasSize(2);
        String second = service.ledger().get(1).id();
        ledger.showFinding(second);
        ledger.load(() -> {});
        assertThat(ledger.selectedProperty().get().id()).isEqualTo(second);
    }
}
