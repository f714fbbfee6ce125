package org.taizhang.inspection.view;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.taizhang.core.store.FirstRun;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.organization.RegistryService;

/**
 * Writes a database with the sample registry and {@link LedgerFixtures}' findings, for looking at the ledger in
 * the real program: {@code mvn test -Dtest=LedgerScratchDb -Dtaizhang.scratchDb=FILE}. Skipped otherwise.
 */
class LedgerScratchDb {
    @Test
    void write() {
        String target = System.getProperty("taizhang.scratchDb");
        Assumptions.assumeTrue(target != null, "only on request");
        Path db = Path.of(target);
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
