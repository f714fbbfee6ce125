package org.taizhang.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.inspection.FindingService;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/**
 * Issue 17: a laptop switched to another committee's hub. Another hub's package is refused unless the clerk says to
 * switch; a switch replaces the laptop's records with the new hub's preparation (two committees' records never mix);
 * what the former hub had not acknowledged is refused until exported or forced, and a forced switch writes it to an
 * emergency package first, which the former hub imports like any other: nothing entered is lost.
 */
class SwitchHubTest {
    @TempDir
    Path dir;

    private Store hub;
    private Store laptop;
    private Store otherHub;
    private Path otherPreparation;

    @BeforeEach
    void prepare() {
        hub = Store.openOrCreate(dir.resolve("hub/taizhang.db"));
        hub.designateHub();
        new RegistryService(hub).importSample(Progress.NONE);
        laptop = Store.openOrCreate(dir.resolve("laptop/taizhang.db"));
        Path prepared = dir.resolve("stick/prepare.tzpkg");
        new ExchangeService(hub).prepareField("督查一组笔记本", prepared, PackageFile.Protection.none(), Progress.NONE);
        new ExchangeService(laptop).importPackage(prepared, null, Progress.NONE);

        otherHub = Store.openOrCreate(dir.resolve("otherhub/taizhang.db"));
        otherHub.designateHub();
        new RegistryService(otherHub).importSample(Progress.NONE);
        otherPreparation = dir.resolve("stick/other-prepare.tzpkg");
        new ExchangeService(otherHub)
                .prepareField("借来的笔记本", otherPreparation, PackageFile.Protection.none(), Progress.NONE);
    }

    @AfterEach
    void close() {
        hub.close();
        laptop.close();
        otherHub.close();
    }

    private static final ExchangeService.ImportOptions SWITCH = new ExchangeService.ImportOptions(true, false);
    private static final ExchangeService.ImportOptions FORCE = new ExchangeService.ImportOptions(true, true);

    private static List<String> findingTexts(Store store) {
        return new FindingService(store, new RegistryService(store))
                .ledger().stream().map(e -> e.finding().description()).toList();
    }

    private static List<String> unitIds(Store store) {
        return new RegistryService(store)
                .load().units().stream().map(Unit::id).sorted().toList();
    }

    private static String key(Throwable e) {
        return ((DomainException) e).messageKey();
    }

    private List<Path> backups() throws IOException {
        Path folder = laptop.dataFolder().resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // the copies every import takes (issue 22) are not what a switch writes
            return files.filter(f -> !f.getFileName().toString().contains("-before-import"))
                    .toList();
        }
    }

    @Test
    void unsentWorkRefusesTheSwitchUntilForcedAndTheEmergencyPackageBringsItToTheFormerHub() throws IOException {
        ExchangeFixtures.recordFinding(laptop, "支委会未按月召开");
        String idBefore = laptop.deviceId();

        // without the switch: another hub's package, refused
        assertThatThrownBy(() -> new ExchangeService(laptop).importPackage(otherPreparation, null, Progress.NONE))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.otherHub"));
        // the switch, with a finding the hub has not acknowledged: refused, nothing changed, nothing written
        assertThatThrownBy(() -> new ExchangeService(laptop).preview(otherPreparation, null, SWITCH))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.unsentBeforeSwitch"));
        assertThatThrownBy(
                        () -> new ExchangeService(laptop).importPackage(otherPreparation, null, SWITCH, Progress.NONE))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.unsentBeforeSwitch"));
        assertThat(findingTexts(laptop)).containsExactly("支委会未按月召开");
        assertThat(laptop.hubDeviceId()).contains(hub.deviceId());
        assertThat(backups()).isEmpty();

        // forced: the emergency package first, then a backup, then the new hub's records
        ExchangeService.Imported in =
                new ExchangeService(laptop).importPackage(otherPreparation, null, FORCE, Progress.NONE);
        assertThat(in.switched()).isNotNull();
        Path emergency = in.switched().emergency().file();
        assertThat(emergency).exists().hasParent(laptop.dataFolder().resolve("backups"));
        assertThat(emergency.getFileName().toString()).startsWith("emergency-").endsWith(".tzpkg");
        assertThat(in.switched().emergency().toKey()).isTrue(); // for the former hub's key: a lost stick leaks nothing
        assertThat(in.switched().backup()).exists();
        try (Store before = Store.open(in.switched().backup())) {
            assertThat(findingTexts(before)).containsExactly("支委会未按月召开");
        }

        assertThat(laptop.hubDeviceId()).contains(otherHub.deviceId());
        assertThat(laptop.deviceName()).isEqualTo("借来的笔记本");
        assertThat(laptop.deviceId()).isNotEqualTo(idBefore);
        assertThat(unitIds(laptop))
                .isEqualTo(unitIds(otherHub)); // the sample's ids are the same on both (SharedReferenceDataTest)
        assertThat(findingTexts(laptop)).isEmpty();
        assertThat(laptop.conflicts()).isEmpty();
        assertThat(new ExchangeService(laptop).devices())
                .extracting(ExchangeService.Device::deviceId)
                .containsExactly(otherHub.deviceId());
        assertThat(new ExchangeService(laptop).unacknowledged().none()).isTrue();

        // the former hub reads the emergency package like any other: the finding is there, and only there
        new ExchangeService(hub).importPackage(emergency, null, Progress.NONE);
        assertThat(findingTexts(hub)).containsExactly("支委会未按月召开");

        // the laptop now works for its new hub: its findings travel there, encrypted to that hub's key
        ExchangeFixtures.recordFinding(laptop, "党费收缴不及时");
        Path toNewHub = dir.resolve("stick/to-new-hub.tzpkg");
        assertThat(new ExchangeService(laptop)
                        .export(toNewHub, new ExchangeService.ExportRequest(null, false, null), Progress.NONE)
                        .toKey())
                .isTrue();
        new ExchangeService(otherHub).importPackage(toNewHub, null, Progress.NONE);
        assertThat(findingTexts(otherHub)).containsExactly("党费收缴不及时");
        // … and the former hub refuses them: they are another committee's now
        assertThatThrownBy(() -> new ExchangeService(hub).importPackage(toNewHub, null, Progress.NONE))
                .satisfies(e -> assertThat(key(e)).isIn("package.error.otherHub", "package.error.notForThisDevice"));
        assertThat(findingTexts(hub)).containsExactly("支委会未按月召开");
    }

    @Test
    void aLaptopWhoseWorkTheHubHoldsSwitchesWithoutForceAndWritesNoEmergencyPackage() throws IOException {
        ExchangeFixtures.recordFinding(laptop, "支委会未按月召开");
        Path toHub = dir.resolve("stick/to-hub.tzpkg");
        new ExchangeService(laptop).export(toHub, new ExchangeService.ExportRequest(null, false, null), Progress.NONE);
        new ExchangeService(hub).importPackage(toHub, null, Progress.NONE);
        Path back = dir.resolve("stick/back.tzpkg");
        new ExchangeService(hub)
                .export(back, new ExchangeService.ExportRequest(laptop.deviceId(), false, null), Progress.NONE);
        new ExchangeService(laptop).importPackage(back, null, Progress.NONE);
        assertThat(new ExchangeService(laptop).unacknowledged().none()).isTrue();

        ExchangeService.Preview preview = new ExchangeService(laptop).preview(otherPreparation, null, SWITCH);
        assertThat(preview.switching()).isTrue();
        assertThat(preview.counts().get("unit").added())
                .isEqualTo(unitIds(otherHub).size());

        ExchangeService.Imported in =
                new ExchangeService(laptop).importPackage(otherPreparation, null, SWITCH, Progress.NONE);
        assertThat(in.switched().emergency()).isNull();
        assertThat(backups()).extracting(p -> p.getFileName().toString()).noneMatch(n -> n.startsWith("emergency-"));
        assertThat(laptop.hubDeviceId()).contains(otherHub.deviceId());
        assertThat(findingTexts(laptop)).isEmpty();
        // the same preparation again merges as any package of its own hub would
        assertThat(new ExchangeService(laptop)
                        .importPackage(otherPreparation, null, Progress.NONE)
                        .duplicate())
                .isTrue();
    }

    @Test
    void onlyAFieldDeviceSwitchesAndOnlyThroughAPreparation() throws IOException {
        // the hub itself: refused
        assertThatThrownBy(() -> new ExchangeService(hub).importPackage(otherPreparation, null, FORCE, Progress.NONE))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.hubCannotSwitch"));
        assertThat(hub.isHub()).isTrue();
        // another hub's ordinary package: refused even with the switch
        Path changes = dir.resolve("stick/other-changes.tzpkg");
        new ExchangeService(otherHub)
                .export(
                        changes,
                        ExchangeService.ExportRequest.everything(PackageFile.Protection.none()),
                        Progress.NONE);
        assertThatThrownBy(() -> new ExchangeService(laptop).importPackage(changes, null, FORCE, Progress.NONE))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.switchNeedsPreparation"));
        assertThat(laptop.hubDeviceId()).contains(hub.deviceId());
        // its own hub's preparation with the switch asked for: an ordinary merge, nothing replaced
        ExchangeFixtures.recordFinding(laptop, "支委会未按月召开");
        Path again = dir.resolve("stick/again.tzpkg");
        new ExchangeService(hub).prepareField("督查一组笔记本", again, PackageFile.Protection.none(), Progress.NONE);
        ExchangeService.Imported in = new ExchangeService(laptop).importPackage(again, null, FORCE, Progress.NONE);
        assertThat(in.switched()).isNull();
        assertThat(findingTexts(laptop)).containsExactly("支委会未按月召开");
    }
}
