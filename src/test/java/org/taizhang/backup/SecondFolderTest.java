package org.taizhang.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.model.OperatorDraft;
import org.taizhang.organization.RegistryService;

/**
 * The optional second backup folder (issue 22): a copy made here is also there, with the attachments it refers to;
 * a folder out of reach is said and never stops the work; only a 管理员 sets it, and never inside the data folder.
 */
class SecondFolderTest {
    @TempDir
    Path dir;

    private static String key(Throwable e) {
        return ((DomainException) e).messageKey();
    }

    private static long files(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aCopyByHandGoesToTheSecondFolderTooWithTheAttachmentsItLacks() throws Exception {
        Path second = dir.resolve("移动硬盘/台账备份");
        Files.createDirectories(second.getParent());
        try (Store store = Store.openOrCreate(dir.resolve("data/taizhang.db"))) {
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            SampleFindings.importInto(store, registry);
            long attachments = files(store.dataFolder().resolve("attachments"));
            assertThat(attachments).isPositive();

            BackupService.saveSecondFolder(store, second);
            Path copy = BackupService.create(store);
            Path there = second.resolve(copy.getFileName());
            assertThat(there).exists();
            assertThat(Files.mismatch(copy, there)).isEqualTo(-1L);
            assertThat(files(second.resolve("attachments"))).isEqualTo(attachments);
            assertThat(second).isDirectoryNotContaining("glob:**.part");

            // brought up to date again: nothing is copied twice
            var again = BackupService.mirrorToSecond(store).orElseThrow();
            assertThat(again.problem()).isNull();
            assertThat(again.mirrored().copies()).isEmpty();
            assertThat(again.mirrored().attachments()).isZero();
        }
    }

    @Test
    void aSecondFolderOutOfReachIsSaidAndTheCopyHereIsMadeAllTheSame() throws Exception {
        try (Store store = Store.openOrCreate(dir.resolve("data/taizhang.db"))) {
            Path unplugged = dir.resolve("E盘（未插入）/台账备份");
            BackupService.saveSecondFolder(store, unplugged);
            Path copy = BackupService.create(store);
            assertThat(copy).exists();
            var second = BackupService.mirrorToSecond(store).orElseThrow();
            assertThat(key(second.problem())).isEqualTo("backup.second.missing");
            assertThat(unplugged).doesNotExist();

            Path aFile = Files.writeString(dir.resolve("不是文件夹"), "x");
            BackupService.saveSecondFolder(store, aFile);
            assertThat(key(BackupService.mirrorToSecond(store).orElseThrow().problem()))
                    .isEqualTo("backup.second.unavailable");

            BackupService.saveSecondFolder(store, null);
            assertThat(BackupService.mirrorToSecond(store)).isEmpty();
        }
    }

    @Test
    void onlyAnAdministratorSetsItAndNeverInsideTheDataFolder() {
        try (Store store = Store.openOrCreate(dir.resolve("data/taizhang.db"))) {
            assertThatThrownBy(() -> BackupService.saveSecondFolder(store, Path.of("备份")))
                    .extracting(SecondFolderTest::key)
                    .isEqualTo("backup.error.secondRelative");
            assertThatThrownBy(() -> BackupService.saveSecondFolder(
                            store, store.dataFolder().resolve("backups2")))
                    .extracting(SecondFolderTest::key)
                    .isEqualTo("backup.error.secondInsideData");
            OperatorService operators = new OperatorService(store);
            operators.add(new OperatorDraft("经办人乙", Actor.Role.CLERK, false), null);
            operators.signIn("经办人乙", null);
            assertThatThrownBy(() -> BackupService.saveSecondFolder(store, dir.resolve("elsewhere")))
                    .extracting(SecondFolderTest::key)
                    .isEqualTo("access.adminOnly");
        }
    }
}
