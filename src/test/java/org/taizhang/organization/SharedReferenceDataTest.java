package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * Shared reference data has stable identity (decisions/0006): two devices that load the sample, or import the
 * same workbook, hold the same records, and after an exchange each record is there once, not twice.
 */
class SharedReferenceDataTest {
    @TempDir
    Path dir;

    private static Set<String> ids(Registry r) {
        Set<String> ids = new TreeSet<>();
        r.units().forEach(u -> ids.add(u.id()));
        r.communities().forEach(c -> ids.add(c.id()));
        r.organizations().forEach(o -> ids.add(o.id()));
        return ids;
    }

    @Test
    void twoDevicesThatLoadTheSampleHoldTheSameRecordsAndExchangeWithoutDuplicates() {
        try (Store hub = Store.openOrCreate(dir.resolve("hub.db"));
                Store laptop = Store.openOrCreate(dir.resolve("laptop.db"))) {
            RegistryService hubRegistry = new RegistryService(hub);
            RegistryService laptopRegistry = new RegistryService(laptop);
            hubRegistry.importSample(Progress.NONE);
            laptopRegistry.importSample(Progress.NONE);
            Registry before = hubRegistry.load();

            assertThat(ids(laptopRegistry.load())).isEqualTo(ids(before));

            Store.ApplyResult applied = hub.applyChanges(laptop.exportChanges(r -> true));
            laptop.applyChanges(hub.exportChanges(r -> true));

            Registry after = hubRegistry.load();
            assertThat(after.units()).hasSameSizeAs(before.units());
            assertThat(after.organizationCount()).isEqualTo(before.organizationCount());
            assertThat(applied.created()).isZero();
            assertThat(hub.read().fetchCount(org.taizhang.core.store.schema.Tables.FIELD_CONFLICT))
                    .isZero();
            assertThat(ids(laptopRegistry.load())).isEqualTo(ids(after));
        }
    }

    @Test
    void theSameWorkbookImportedOnTwoDevicesGivesTheSameIdsEvenWhenTheRowsComeInAnotherOrder() {
        List<String> names = List.of("江海市财政局", "江海市审计局", "江海市统计局");
        try (Store a = Store.openOrCreate(dir.resolve("a.db"));
                Store b = Store.openOrCreate(dir.resolve("b.db"))) {
            new RegistryService(a).importFile(TestRegistryFiles.units(names), Progress.NONE);
            new RegistryService(b).importFile(TestRegistryFiles.units(names.reversed()), Progress.NONE);

            assertThat(ids(new RegistryService(a).load())).isEqualTo(ids(new RegistryService(b).load()));
        }
    }

    @Test
    void importingTheNameOfADeletedUnitRestoresThatUnitInsteadOfMakingASecond() {
        try (Store store = Store.openOrCreate(dir.resolve("hub.db"))) {
            RegistryService registry = new RegistryService(store);
            registry.importFile(TestRegistryFiles.units(List.of("江海市财政局")), Progress.NONE);
            String id = registry.load().units().getFirst().id();
            registry.deleteUnit(id);

            registry.importFile(TestRegistryFiles.units(List.of("江海市财政局")), Progress.NONE);

            assertThat(registry.load().units()).extracting(Unit::id).containsExactly(id);
            assertThat(registry.historyOfUnit(id))
                    .extracting(h -> h.action())
                    .containsExactly("create", "delete", "restore");
        }
    }
}
