package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.taizhang.core.Ids;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The 整改台账 page as its parts see it, read straight from the service of a real database (the sample registry on a
 * fixed day, this device the hub, 王清 operator and verifier): a part is tested without the view model.
 */
final class ReadLedger implements LedgerPage, AutoCloseable {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    final Store store;
    final FindingService service;
    final RecordingDialogs dialogs = new RecordingDialogs();
    final Messages messages = Messages.forLocale(Messages.CHINESE);
    final TaskRunner tasks = new TaskRunner(TaskExecutor.synchronous(), messages, dialogs);
    final Unit unit;
    final Unit otherUnit;

    private List<LedgerEntry> entries = List.of();
    private LedgerEntry chosen;
    LedgerFilter filter = LedgerFilter.none();
    /** What a part does when a finding is chosen (the view model tells its parts). */
    Consumer<LedgerEntry> onSelect = e -> {};

    int loads;

    ReadLedger(Path dir) {
        store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        store.setOperator("王清");
        verifier(true);
        unit = registry.load().units().get(0);
        otherUnit = registry.load().units().get(1);
        reload();
    }

    void verifier(boolean yes) {
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), yes, s.hub(), s.numberFormat(), s.warnings()));
    }

    Finding found(Unit u, String category, String text, LocalDate on) {
        return service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                u.id(),
                null,
                category,
                text,
                null,
                Severity.ORDINARY,
                RectificationType.DEADLINE,
                FindingSource.VISIT,
                null,
                on,
                null));
    }

    /** 挂号 and 交办 the day it was found, with {@code deadline}. */
    void notified(Finding f, LocalDate deadline) {
        service.register(f.id());
        service.notify(f.id(), new FindingService.Notice(deadline, "李副局长", "办公室", "赵敏", null), f.foundOn());
    }

    /** Reads the ledger again and chooses {@code f}. */
    LedgerEntry choose(Finding f) {
        loadAndChoose(f.id());
        return chosen;
    }

    @Override
    public List<LedgerEntry> entries() {
        return entries;
    }

    @Override
    public LedgerEntry chosen() {
        return chosen;
    }

    @Override
    public void select(LedgerEntry e) {
        chosen = e;
        onSelect.accept(e);
    }

    @Override
    public void load(Runnable then) {
        loads++;
        entries = service.ledger();
        select(chosen == null ? null : entry(chosen.id()));
        then.run();
    }

    @Override
    public LedgerFilter filter() {
        return filter;
    }

    @Override
    public Registry registry() {
        return service.registry();
    }

    @Override
    public InspectionSettings settings() {
        return service.settings();
    }

    @Override
    public LocalDate today() {
        return TODAY;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public void close() {
        store.close();
    }
}
