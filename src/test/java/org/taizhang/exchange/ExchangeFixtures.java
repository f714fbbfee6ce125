package org.taizhang.exchange;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.taizhang.core.Ids;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** What the exchange tests do on a laptop: record a finding (待挂号) of the registry's first unit, with photos. */
public final class ExchangeFixtures {
    private ExchangeFixtures() {}

    /** Records a finding found yesterday; returns its id. */
    public static String recordFinding(Store store, String text, List<Path> photos) {
        Unit unit = new RegistryService(store).load().units().getFirst();
        String id = Ids.newId();
        new FindingService(store, new RegistryService(store))
                .record(
                        Finding.recorded(
                                id,
                                null,
                                null,
                                unit.id(),
                                null,
                                "三会一课",
                                text,
                                null,
                                Severity.ORDINARY,
                                RectificationType.DEADLINE,
                                FindingSource.VISIT,
                                null,
                                LocalDate.now().minusDays(1),
                                null),
                        photos);
        return id;
    }

    public static String recordFinding(Store store, String text) {
        return recordFinding(store, text, List.of());
    }
}
