package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;

/**
 * The 工作台's figures on the sample: the branches and 达标 of the month are noted as they are shown, and last
 * month's note is the trend; January compares with nothing (the board is a new year's); a 只读 operator sees them.
 */
class DashboardServiceTest {
    @TempDir
    Path dir;

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
    }

    private static DashboardService dashboard(Store store) {
        RegistryService registry = new RegistryService(store);
        return new DashboardService(store, new FindingService(store, registry), new ChecklistService(store, registry));
    }

    @Test
    void theMonthsAcceptanceIsNotedAndLastMonthsIsTheTrend() {
        Path db = dir.resolve("t.db");
        try (Store store = Store.openOrCreate(db, on(LocalDate.of(2026, 11, 20)))) {
            store.designateHub();
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            new ChecklistService(store, registry).importSample(2026);
            SampleFindings.importInto(store, registry);

            DashboardFigures november = dashboard(store).figures();

            assertThat(november.earlierAcceptance()).isNull();
            assertThat(november.acceptance().branches()).isPositive();
            assertThat(store.localSetting("dashboard.acceptance.2026-11"))
                    .contains(november.acceptance().format());
        }
        try (Store store = Store.openOrCreate(db, on(LocalDate.of(2026, 12, 7)))) {
            // a 只读 operator: the figures are read, and the program still notes what it showed
            store.actAs(Actor.operator("赵敏", Actor.Role.READER, false));
            DashboardFigures december = dashboard(store).figures();

            assertThat(december.earlierAcceptance()).isEqualTo(december.acceptance());
            assertThat(december.lastMonthEnd()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(december.now().found()).isPositive();
            assertThat(store.localSetting("dashboard.acceptance.2026-12")).isPresent();
        }
        try (Store store = Store.openOrCreate(db, on(LocalDate.of(2027, 1, 4)))) {
            store.putLocalSetting("dashboard.acceptance.2026-12", "307/175");

            assertThat(dashboard(store).figures().earlierAcceptance()).isNull();
        }
    }
}
