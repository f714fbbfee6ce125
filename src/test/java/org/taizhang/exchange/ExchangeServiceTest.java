package org.taizhang.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/**
 * A finding and its photo recorded on a laptop travel to the hub in a package on a stick, are numbered there, and
 * the number travels back; the same package twice changes nothing; a refused package changes nothing.
 */
class ExchangeServiceTest {
    @TempDir
    Path dir;

    private Store hub;
    private Store laptop;
    private static final char[] PASS = "办公室保险柜".toCharArray();

    @BeforeEach
    void open() {
        hub = Store.openOrCreate(dir.resolve("hub/taizhang.db"));
        hub.designateHub();
        new RegistryService(hub).importSample(Progress.NONE);
        laptop = Store.openOrCreate(dir.resolve("laptop/taizhang.db"));
        // the laptop is prepared from the hub (for now: a package of everything)
        Path prepared = dir.resolve("stick/prepare.tzpkg");
        new ExchangeService(hub).export(prepared, new PackageFile.Protection(PASS), Progress.NONE);
        new ExchangeService(laptop).importPackage(prepared, PASS, Progress.NONE);
    }

    @AfterEach
    void close() {
        hub.close();
        laptop.close();
    }

    private LedgerEntry entry(Store store, String id) {
        return new FindingService(store, new RegistryService(store))
                .ledger().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFindingAndItsPhotoTravelToTheHubAreNumberedThereAndTheNumberComesBack() throws IOException {
        assertThat(laptop.isHub()).isFalse();
        assertThat(laptop.hubDeviceId()).contains(hub.deviceId());
        Path photo =
                Files.write(dir.resolve("现场照片.jpg.txt"), "支委会记录本缺页".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = ExchangeFixtures.recordFinding(laptop, "支委会未按月召开", List.of(photo));

        Path stick = dir.resolve("stick/laptop-1.tzpkg");
        ExchangeService.Exported out =
                new ExchangeService(laptop).export(stick, new PackageFile.Protection(PASS), Progress.NONE);
        assertThat(out.attachments()).isEqualTo(1);
        ExchangeService.Imported in = new ExchangeService(hub).importPackage(stick, PASS, Progress.NONE);

        assertThat(in.nothingNew()).isFalse();
        assertThat(in.filesStored()).isEqualTo(1);
        assertThat(entry(hub, id).state()).isEqualTo(FindingState.PENDING);
        String photoId = hub.read()
                .resultQuery("SELECT attachment_id FROM inspection_evidence WHERE finding_id = ?", id)
                .fetchOne(0, String.class);
        assertThat(new AttachmentStore(hub).verify(photoId)).isTrue();

        // the same package again: nothing new, and it says so
        assertThat(new ExchangeService(hub)
                        .importPackage(stick, PASS, Progress.NONE)
                        .nothingNew())
                .isTrue();

        String number = new FindingService(hub, new RegistryService(hub)).register(id);
        Path back = dir.resolve("stick/hub-1.tzpkg");
        new ExchangeService(hub).export(back, new PackageFile.Protection(PASS), Progress.NONE);
        new ExchangeService(laptop).importPackage(back, PASS, Progress.NONE);
        assertThat(entry(laptop, id).finding().number()).isEqualTo(number);
        assertThat(entry(laptop, id).state()).isEqualTo(FindingState.REGISTERED);
    }

    @Test
    void aRefusedPackageChangesNothingAndSaysWhyInOneLine() throws IOException {
        Path stick = dir.resolve("stick/laptop.tzpkg");
        new ExchangeService(laptop).export(stick, new PackageFile.Protection(PASS), Progress.NONE);
        byte[] bytes = Files.readAllBytes(stick);
        bytes[bytes.length / 2] ^= 0x10;
        Path bad = Files.write(dir.resolve("stick/bad.tzpkg"), bytes);
        long before = hub.read().fetchCount(org.taizhang.core.store.schema.Tables.HISTORY);

        assertThatThrownBy(() -> new ExchangeService(hub).importPackage(bad, PASS, Progress.NONE))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).startsWith("package.error"));
        assertThatThrownBy(() -> new ExchangeService(hub).importPackage(stick, "错".toCharArray(), Progress.NONE))
                .satisfies(e ->
                        assertThat(((DomainException) e).messageKey()).isEqualTo("package.error.passphraseOrDamaged"));
        assertThat(hub.read().fetchCount(org.taizhang.core.store.schema.Tables.HISTORY))
                .isEqualTo(before);
    }

    @Test
    void aPackageRefusedAtItsPreviewIsNotedInTheHistoryWithItsReasonAndNothingElse() throws IOException {
        Path bad = dir.resolve("stick/bad.tzpkg");
        Files.write(bad, "not a package".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ExchangeService service = new ExchangeService(hub);
        DomainException reason = org.assertj.core.api.Assertions.catchThrowableOfType(
                DomainException.class, () -> service.preview(bad, null));
        long history = hub.read().fetchCount(org.taizhang.core.store.schema.Tables.HISTORY);
        service.refused(bad, reason);
        assertThat(service.history(10)).first().satisfies(l -> {
            assertThat(l.received()).isTrue();
            assertThat(l.outcome()).isEqualTo("rejected");
            assertThat(l.detail()).isEqualTo(reason.messageKey());
            assertThat(l.file()).isEqualTo(bad.toString());
        });
        assertThat(hub.read().fetchCount(org.taizhang.core.store.schema.Tables.HISTORY))
                .isEqualTo(history);
    }

    @Test
    void aRecordIsNamedAsAClerkKnowsItAndByItsIdWhenItHasNoName() {
        ExchangeService service = new ExchangeService(hub);
        Unit unit = new RegistryService(hub).load().units().getFirst();
        assertThat(service.recordLabel("unit", unit.id())).isEqualTo(unit.name());
        assertThat(service.recordLabel("unit", "no-such-id")).isEqualTo("no-such-id");
        assertThat(service.recordLabel("hub_designation", "x")).isEqualTo("x");
        assertThat(service.recordLabel("no_such_table", "y")).isEqualTo("y");
    }

    @Test
    void valuesKeepTheirTypesExactlyThroughAPackage() {
        Path stick = dir.resolve("stick/all.tzpkg");
        new ExchangeService(hub).export(stick, PackageFile.Protection.none(), Progress.NONE);
        ExchangeService.Verified v = new ExchangeService(laptop).verify(stick, null);
        List<RecordState> direct = hub.exportChanges(r -> true).records();
        assertThat(v.changes().records()).hasSameSizeAs(direct);
        for (int i = 0; i < direct.size(); i++) {
            RecordState a = direct.get(i);
            RecordState b = v.changes().records().get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.creates()).isEqualTo(a.creates());
            assertThat(b.seen()).isEqualTo(a.seen());
            a.fields().forEach((f, versions) -> {
                for (int k = 0; k < versions.size(); k++) {
                    Object x = versions.get(k).value();
                    Object y = b.fields().get(f).get(k).value();
                    assertThat(String.valueOf(y)).as(f).isEqualTo(String.valueOf(x)); // 2.50 stays 2.50
                    assertThat(org.taizhang.core.store.Values.same(x, y)).as(f).isTrue();
                }
            });
        }
    }
}
