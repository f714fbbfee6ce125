package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.backup.BackupService;
import org.taizhang.core.DomainException;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.model.OperatorDraft;

/**
 * 只读 is enforced where data is written, not by greyed-out buttons (issue 22): a read-only operator runs every
 * action of every feature's generator (the convergence test's, which every way to change data joins the day it is
 * made) and the services that only a 管理员 may use, called directly; each is refused and the database, every table of
 * it, stays as it was.
 */
class ReadOnlyAccessTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void template() throws Exception {
        ConvergencePropertyTest.makeTemplate();
    }

    @AfterAll
    static void removeTemplate() throws Exception {
        ConvergencePropertyTest.removeTemplate();
    }

    /** A hub with a registry, assessments and a ledger made by the actions themselves, as its 管理员. */
    private ConvergencePropertyTest.Device deviceWithData() throws Exception {
        DeviceActions.FORMS.clear();
        DeviceActions.ASSESSMENT_FORMS.clear();
        ConvergencePropertyTest.Device d = ConvergencePropertyTest.deviceIn(dir, "hub");
        d.setUp(true);
        Random random = new Random(20261207);
        List<ConvergencePropertyTest.Kind> kinds = ConvergencePropertyTest.featureKinds();
        for (int i = 0; i < 80; i++) {
            ConvergencePropertyTest.Kind k = kinds.get(random.nextInt(kinds.size()));
            d.act(new ConvergencePropertyTest.Step(
                    ConvergencePropertyTest.KINDS.indexOf(k),
                    0,
                    random.nextInt(100),
                    random.nextInt(100),
                    random.nextInt(100)));
            d.changed();
        }
        return d;
    }

    @Test
    void aReadOnlyOperatorIsRefusedByEveryActionThatChangesDataAndNothingChanges() throws Exception {
        ConvergencePropertyTest.Device d = deviceWithData();
        OperatorService operators = new OperatorService(d.store);
        String admin = d.store.operator();
        operators.add(new OperatorDraft("领导甲", Actor.Role.READER, false), null);
        Random random = new Random(7);
        operators.signIn("领导甲", null);
        String everythingBefore = everything(d.store);
        Set<String> changing = new TreeSet<>();
        List<ConvergencePropertyTest.Kind> kinds = ConvergencePropertyTest.featureKinds();
        for (int step = 0; step < 300; step++) {
            ConvergencePropertyTest.Kind k = kinds.get(random.nextInt(kinds.size()));
            String kind = k.feature() + " " + k.action();
            DeviceActions.Pick pick =
                    new DeviceActions.Pick(random.nextInt(100), random.nextInt(100), random.nextInt(100));
            String before = commits(d.store);
            attempt(d, k, pick);
            assertThat(commits(d.store)).as("%s as 只读", kind).isEqualTo(before);
            // the same step as the 管理员 on the same records: when it changes something, it is a real way of
            // changing data that the reader was refused (the actions swallow a refusal, as they do the rules' no)
            operators.signIn(admin, null);
            attempt(d, k, pick);
            d.changed();
            operators.signIn("领导甲", null);
            if (!commits(d.store).equals(before)) {
                changing.add(kind);
            }
        }
        assertThat(changing)
                .as("the kinds of step that changed something as the 管理员")
                .hasSizeGreaterThanOrEqualTo(kinds.size() * 3 / 4);
        // and a last look at every row: the reader's last attempt left them as the 管理员's last step did
        String last = everything(d.store);
        attempt(d, kinds.getFirst(), new DeviceActions.Pick(1, 2, 3));
        assertThat(everything(d.store)).isEqualTo(last).isNotEqualTo(everythingBefore);
        d.store.close();
    }

    /** Runs one feature action; its refusal's message key, or "done" (also when the action swallowed one). */
    private static String attempt(
            ConvergencePropertyTest.Device d, ConvergencePropertyTest.Kind k, DeviceActions.Pick pick)
            throws java.io.IOException {
        try {
            switch (k.feature()) {
                case REGISTRY -> d.registry.act(k.action(), pick);
                case CHECKLIST -> d.checklist.act(k.action(), pick);
                case LEDGER -> d.ledger.act(k.action(), pick);
                default -> throw new IllegalStateException();
            }
            return "done";
        } catch (DomainException e) {
            return e.messageKey();
        }
    }

    @Test
    void theServicesThatChangeDataOrSettingsRefuseAReadOnlyOperatorCalledDirectly() throws Exception {
        ConvergencePropertyTest.Device hub = ConvergencePropertyTest.deviceIn(dir, "hub");
        hub.setUp(true);
        hub.registry.act(0, new DeviceActions.Pick(1, 2, 3));
        Path pkg = dir.resolve("all.tzpkg");
        ConvergencePropertyTest.Device laptop = ConvergencePropertyTest.deviceIn(dir, "laptop");
        laptop.setUp(false);
        laptop.registry.act(0, new DeviceActions.Pick(2, 3, 4));
        new ExchangeService(laptop.store)
                .export(pkg, ExchangeService.ExportRequest.everything(PackageFile.Protection.none()), Progress.NONE);
        OperatorService operators = new OperatorService(hub.store);
        var reader = operators.add(new OperatorDraft("领导甲", Actor.Role.READER, true), null);
        var admin = operators.operators();
        operators.signIn("领导甲", null);
        String before = everything(hub.store);
        InspectionSettings s = hub.findings.settings();

        List<Runnable> calls = new ArrayList<>(List.of(
                () -> hub.findings.saveSettings(s),
                () -> hub.findings.saveCommittee("江海市直机关工委"),
                () -> BackupService.savePolicy(hub.store, new Backups.Policy(3, 3)),
                () -> operators.add(new OperatorDraft("乙", Actor.Role.ADMIN, false), null),
                () -> operators.update(reader.id(), new OperatorDraft("领导甲", Actor.Role.ADMIN, true)),
                () -> operators.remove(reader.id()),
                () -> operators.setPassword(admin.getFirst().id(), "123456".toCharArray()),
                () -> new ExchangeService(hub.store).importPackage(pkg, null, Progress.NONE),
                () -> hub.store.designateField(),
                () -> hub.store.setDeviceName("汇总机"),
                () -> hub.store.putLocalSetting("any", "thing"),
                () -> hub.store.resolve("unit", "x", "name", "甲")));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey())
                    .isIn("access.readOnly", "access.adminOnly");
        }
        assertThat(everything(hub.store)).isEqualTo(before);
        // reading, exporting a report and a backup by hand still work
        assertThat(hub.findings.settings().operator()).isEqualTo("领导甲");
        assertThat(BackupService.create(hub.store)).exists();
        hub.store.close();
        laptop.store.close();
    }

    @Test
    void withSeveralOperatorsNothingIsWrittenUntilSomeoneSignsIn() throws Exception {
        ConvergencePropertyTest.Device hub = ConvergencePropertyTest.deviceIn(dir, "hub");
        hub.setUp(true);
        new OperatorService(hub.store).add(new OperatorDraft("经办人乙", Actor.Role.CLERK, false), null);
        Path db = hub.store.database();
        hub.store.close();
        try (Store reopened = Store.open(db)) {
            assertThat(reopened.actor().chosen()).isFalse();
            assertThatThrownBy(() -> reopened.putLocalSetting("any", "thing"))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey())
                    .isEqualTo("access.notSignedIn");
            new OperatorService(reopened).signIn("经办人乙", null);
            reopened.putLocalSetting("any", "thing");
            assertThat(reopened.localSetting("any")).contains("thing");
        }
    }

    /**
     * What tells a commit cheaply: every transaction that commits appends to the write-ahead log (or, after a
     * checkpoint, rewrites it from its start), so its size and time change; reads leave it alone.
     */
    private static String commits(Store store) throws java.io.IOException {
        Path wal = store.database().resolveSibling(store.database().getFileName() + "-wal");
        Path db = store.database();
        return java.nio.file.Files.size(db) + "/"
                + java.nio.file.Files.getLastModifiedTime(db).toInstant() + "/"
                + (java.nio.file.Files.exists(wal)
                        ? java.nio.file.Files.size(wal) + "/"
                                + java.nio.file.Files.getLastModifiedTime(wal).toInstant()
                        : "-");
    }

    /** Every table of the database, local ones too, as text. */
    static String everything(Store store) {
        StringBuilder sb = new StringBuilder();
        for (String table : store.read()
                .resultQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        + " ORDER BY name")
                .fetch(0, String.class)) {
            store.read()
                    .resultQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")
                    .fetch()
                    .forEach(r ->
                            sb.append(table).append(' ').append(r.intoList()).append('\n'));
        }
        return sb.toString();
    }
}
