package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.WarningPolicy;
import org.taizhang.organization.RegistryService;

/** The ledger's settings as typed in 设置: checked live, saved only when valid, read back on the next start. */
class SettingsModelTest {
    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private SettingsModel model;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        service = new FindingService(store, new RegistryService(store));
        model = new SettingsModel(
                service, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        model.load();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theDefaultsShowAndAPreviewOfTheNextNumber() {
        assertThat(model.operator.get()).isNotBlank();
        assertThat(model.hub.get()).as("a new database is a field device").isFalse();
        assertThat(model.verifier.get()).isFalse();
        assertThat(model.preview.get()).startsWith("如：督改〔").endsWith("〕0001号");
        assertThat(model.problems).isEmpty();
    }

    @Test
    void theReportingCommitteeIsNamedInSettingsAndReadBack() {
        assertThat(model.committee.get()).isEmpty();
        model.committee.set("  中共江海市直属机关工作委员会 ");
        model.operator.set("刘晓燕");
        model.save();

        assertThat(service.committee()).isEqualTo("中共江海市直属机关工作委员会");
        SettingsModel again = new SettingsModel(
                service, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        again.load();
        assertThat(again.committee.get()).isEqualTo("中共江海市直属机关工作委员会");
        assertThat(again.operator.get()).isEqualTo("刘晓燕");

        again.committee.set("委".repeat(101));
        assertThat(again.problems).anySatisfy(p -> assertThat(p).contains("填报单位"));
    }

    @Test
    void badValuesAreNamedAndNothingIsSaved() {
        model.numberFormat.set("督改第{seq}号");
        model.soonDays.set("三");
        assertThat(model.problems).hasSize(2);
        model.save();
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).contains("{year}"));
        assertThat(service.settings().numberFormat().pattern()).isEqualTo("督改〔{year}〕{seq:4}号");
    }

    @Test
    void savedSettingsAreWhatTheLedgerUses() {
        model.operator.set("刘晓燕");
        model.verifier.set(true);
        model.hub.set(true);
        model.numberFormat.set("机关督〔{year}〕{seq}号");
        model.attentionDays.set("0");
        model.soonDays.set("3");
        model.severeDays.set("30");
        model.save();
        var s = service.settings();
        assertThat(s.operator()).isEqualTo("刘晓燕");
        assertThat(store.operator()).isEqualTo("刘晓燕");
        assertThat(s.verifier()).isTrue();
        assertThat(s.hub()).isTrue();
        assertThat(store.hubDeviceId()).contains(store.deviceId()); // the designation, which travels
        model.hub.set(false);
        model.save();
        assertThat(service.settings().hub()).isFalse();
        assertThat(s.numberFormat().pattern()).isEqualTo("机关督〔{year}〕{seq}号");
        assertThat(s.warnings()).isEqualTo(new WarningPolicy(0, 3, 30));
    }
}
