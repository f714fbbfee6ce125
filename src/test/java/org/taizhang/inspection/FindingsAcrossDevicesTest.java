package org.taizhang.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.inspection.files.InspectionFilesFixture;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/**
 * The hub and a laptop import the same team's sheet (so both create the same findings, with ids from the sheet and
 * row), the hub numbers and sends one, and they exchange both ways: the hub's 挂号 and 交办 survive the laptop's
 * create, whatever the laptop's clock, and no number is given twice (the merge holes of issue 16, on real SQLite).
 */
class FindingsAcrossDevicesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Device hub;
    private Device laptop;

    private static final class Device implements AutoCloseable {
        final Store store;
        final RegistryService registry;
        final FindingService findings;
        final InspectionFiles files;

        Device(Path db) {
            store = Store.openOrCreate(
                    db,
                    Clock.fixed(
                            TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
            registry = new RegistryService(store);
            findings = new FindingService(store, registry);
            files = new InspectionFiles(store, registry);
        }

        void role(boolean hub) {
            InspectionSettings s = findings.settings();
            findings.saveSettings(new InspectionSettings(hub ? "王清" : "李敏", true, hub, s.numberFormat(), s.warnings()));
        }

        void receive(Device from) {
            store.applyChanges(from.store.exportChanges(r -> true));
        }

        LedgerEntry entry(String id) {
            return findings.ledger().stream()
                    .filter(e -> e.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @BeforeEach
    void open() {
        hub = new Device(dir.resolve("hub/taizhang.db"));
        hub.registry.importSample(Progress.NONE);
        hub.role(true);
        new InspectionService(hub.store)
                .save(new Inspection(
                        "round", "2026年年中大督查", "年中大督查", 2026, TODAY.minusDays(30), TODAY.minusDays(10), null));
        laptop = new Device(dir.resolve("laptop/taizhang.db"));
        laptop.role(false);
        laptop.receive(hub); // the hub prepared the laptop: registry and rounds
    }

    @AfterEach
    void close() {
        hub.close();
        laptop.close();
    }

    private Path sheet() throws IOException {
        Unit unit = hub.registry.load().units().getFirst();
        Path file = dir.resolve("第一组问题清单.xlsx");
        return InspectionFilesFixture.sheet(
                file,
                "问题清单",
                List.of(
                        List.of("序号", "单位", "问题类别", "问题描述", "整改类型", "来源", "发现日期"),
                        List.of("1", unit.name(), "三会一课", "支委会未按月召开", "限期整改", "2026年年中大督查", "2026-05-20"),
                        List.of("2", unit.name(), "党费", "党费收缴台账不全", "立行立改", "2026年年中大督查", "2026-05-21")));
    }

    @Test
    void theHubsNumberAndNoticeSurviveALaptopThatCreatedTheSameFindingWithABusierClock() throws IOException {
        // the laptop has made about 30 more changes than the hub: its create is named by the higher counter
        Unit unit = laptop.registry.load().units().getFirst();
        for (int i = 0; i < 30; i++) {
            laptop.registry.save(new Unit(
                    unit.id(),
                    unit.name(),
                    unit.shortName(),
                    unit.contactPerson(),
                    "1380000" + i,
                    unit.remark(),
                    unit.sortOrder()));
        }
        Path sheet = sheet();
        Path copy = Files.copy(sheet, Files.createDirectories(dir.resolve("U盘")).resolve(sheet.getFileName()));
        assertThat(hub.files.importFindings(sheet, Progress.NONE).recorded()).isEqualTo(2);
        assertThat(laptop.files.importFindings(copy, Progress.NONE).recorded()).isEqualTo(2);
        assertThat(laptop.findings.ledger())
                .extracting(LedgerEntry::id)
                .containsExactlyInAnyOrderElementsOf(
                        hub.findings.ledger().stream().map(LedgerEntry::id).toList());
        String f1 = hub.findings.ledger().stream()
                .filter(e -> e.finding().description().equals("支委会未按月召开"))
                .findFirst()
                .orElseThrow()
                .id();
        String number = hub.findings.register(f1);
        hub.findings.notify(f1, new FindingService.Notice(TODAY.plusDays(30), "李局长", "办公室", "赵敏", null), TODAY);

        hub.receive(laptop);
        laptop.receive(hub);
        hub.receive(laptop);

        for (Device d : List.of(hub, laptop)) {
            LedgerEntry e = d.entry(f1);
            assertThat(e.finding().number()).isEqualTo(number);
            assertThat(e.state()).isEqualTo(FindingState.NOTIFIED);
            assertThat(e.timeline().entries()).allMatch(Timeline.Entry::applied);
        }
        // what the two creates said differently stays for a clerk: who recorded the rows (王清 on the hub, 李敏 on
        // the laptop, the newer shown); nothing about the number or the steps' order
        assertThat(hub.store
                        .read()
                        .selectFrom(org.taizhang.core.store.schema.Tables.FIELD_CONFLICT)
                        .fetch()
                        .map(r -> r.getEntity() + "." + r.getField()))
                .containsOnly("finding.found_by", "finding_step.operator");
        // the next number continues: it is never given twice
        FindingService.Registered next = hub.findings.registerPending();
        assertThat(next.count()).isEqualTo(1);
        assertThat(next.first()).isNotEqualTo(number);
    }
}
