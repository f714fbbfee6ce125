package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
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

/** The ledger page beyond the steps: 疑似重复 (merged only on the clerk's yes, the numbered one kept), the figures, 屡查屡犯, 修改登记. */
class LedgerDuplicatesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private LedgerViewModel ledger;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);
    private Finding numbered;
    private Finding unnumbered;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        ledger = new LedgerViewModel(
                service,
                new InspectionService(store),
                new TaskRunner(TaskExecutor.synchronous(), messages, dialogs),
                dialogs,
                messages);
        String unit = registry.load().units().getFirst().id();
        numbered = service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                unit,
                null,
                "三会一课",
                "支部委员会会议未按月召开，会议记录不全",
                null,
                null,
                null,
                FindingSource.VISIT,
                null,
                TODAY,
                null));
        service.register(numbered.id());
        unnumbered = service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                unit,
                null,
                "三会一课",
                "支委会未按月召开，会议记录不完整",
                null,
                null,
                null,
                FindingSource.VISIT,
                null,
                TODAY,
                null));
        service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                unit,
                null,
                "党费",
                "党费收缴不及时",
                null,
                null,
                null,
                FindingSource.VISIT,
                null,
                TODAY,
                null));
        ledger.load(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPairIsMergedIntoTheNumberedFindingOnlyOnTheClerksYes() {
        dialogs.chooseAnswer = Optional.of(0);
        dialogs.confirmAnswer = false;
        ledger.duplicates().reviewDuplicates();
        assertThat(service.timeline(unnumbered.id()).state()).isEqualTo(FindingState.PENDING);

        dialogs.confirmAnswer = true;
        ledger.duplicates().reviewDuplicates();
        assertThat(service.timeline(unnumbered.id()).state()).isEqualTo(FindingState.MERGED);
        assertThat(service.finding(unnumbered.id()).orElseThrow().mergedInto()).isEqualTo(numbered.id());
        assertThat(ledger.selectedProperty().get().id()).isEqualTo(numbered.id());
        // the merged row's 问题编号 names where it went, not 待挂号
        var merged = ledger.filters().shown().stream()
                .filter(e -> e.id().equals(unnumbered.id()))
                .findFirst()
                .orElseThrow();
        assertThat(ledger.numberShown(merged))
                .isEqualTo("并入 " + service.finding(numbered.id()).orElseThrow().number());

        dialogs.shown.clear();
        ledger.duplicates().reviewDuplicates();
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).contains("没有疑似重复的问题"));
    }

    @Test
    void theFiguresFollowWhatIsShown() {
        assertThat(ledger.filters().figures()).startsWith("发现 3，已销号 0，交办未销号 0（已交办 0、整改中 0、待核查 0），未交办 3，销号率 0.0%");
        ledger.filters().categoryFilterProperty().set("党费");
        assertThat(ledger.filters().figures()).startsWith("发现 1，");
    }

    @Test
    void aFindingIsMarkedAsRepeatingAnEarlierClosedOneOfItsKind() throws Exception {
        Path photo = dir.resolve("佐证.txt");
        java.nio.file.Files.writeString(photo, "佐证");
        InspectionSettingsHelper.verifier(service);
        service.notify(numbered.id(), new FindingService.Notice(TODAY.plusDays(9), "李局长", "办公室", "赵敏", null), TODAY);
        service.progress(numbered.id(), "已整改", null, java.util.List.of(photo), TODAY);
        service.requestClose(numbered.id(), null, TODAY);
        service.close(numbered.id(), org.taizhang.inspection.model.Verdict.GOOD, null, TODAY);
        ledger.load(() -> {});
        ledger.select(ledger.entries().stream()
                .filter(e -> e.id().equals(unnumbered.id()))
                .findFirst()
                .orElseThrow());
        assertThat(ledger.duplicates().earlierOfSameKind())
                .extracting(e -> e.id())
                .containsExactly(numbered.id());
        dialogs.chooseAnswer = Optional.of(0);
        ledger.duplicates().markRepeat();
        assertThat(service.finding(unnumbered.id()).orElseThrow().repeatOf()).isEqualTo(numbered.id());
        assertThat(ledger.filters().figures()).contains("反弹 1");
    }

    @Test
    void whatWasRecordedCanBeChangedWhileOpenAndTheNumberStays() {
        ledger.select(ledger.entries().stream()
                .filter(e -> e.id().equals(numbered.id()))
                .findFirst()
                .orElseThrow());
        FindingFormModel form = ledger.editFinding();
        assertThat(form.description.get()).isEqualTo(numbered.description());
        form.description.set("支部委员会会议未按月召开");
        form.category.set("组织生活");
        ledger.saveFinding(false, () -> {});
        Finding now = service.finding(numbered.id()).orElseThrow();
        assertThat(now.description()).isEqualTo("支部委员会会议未按月召开");
        assertThat(now.category()).isEqualTo("组织生活");
        assertThat(now.number()).isEqualTo("督改〔2026〕0001号");
        assertThat(service.ledger()).hasSize(3);
    }

    /** The verifier setting, as 设置 saves it. */
    static final class InspectionSettingsHelper {
        static void verifier(FindingService service) {
            var s = service.settings();
            service.saveSettings(new org.taizhang.inspection.model.InspectionSettings(
                    s.operator(), true, s.hub(), s.numberFormat(), s.warnings()));
        }
    }
}
