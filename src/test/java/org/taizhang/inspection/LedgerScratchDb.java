package org.taizhang.inspection;

import java.nio.file.Path;
import org.taizhang.core.store.FirstRun;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.organization.RegistryService;

/**
 * A tool, not a test: writes a database with the sample registry and {@link LedgerFixtures}' findings, for looking
 * at the ledger in the real program:
 *
 * <pre>
 * mvn -q compile exec:exec -Dexec.classpathScope=test -Dmain.class=org.taizhang.inspection.LedgerScratchDb \
 *     -Drun.args=/tmp/ledger.db
 * </pre>
 *
 * then {@code mvn -q compile exec:exec -Drun.args="--db /tmp/ledger.db"}.
 */
public final class LedgerScratchDb {
    private LedgerScratchDb() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LedgerScratchDb FILE.db");
        }
        Path db = Path.of(args[0]).toAbsolutePath();
        try (Store store = Store.openOrCreate(db)) {
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            FirstRun.markDone(store);
            FindingService service = new FindingService(store, registry);
            store.setOperator("王清");
            store.designateHub();
            InspectionSettings s = service.settings();
            service.saveSettings(new InspectionSettings(s.operator(), true, s.hub(), s.numberFormat(), s.warnings()));
            LedgerFixtures.seed(service, new InspectionService(store), db.resolveSibling("ledger-files"));
        }
    }
}
