package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock Windows uses (Java's FileChannel lock; LockFileEx there), taken here on purpose: Windows' locks are
 * mandatory, so a lock over the whole {@code .lock} file kept a refused second start from reading the holder ("?")
 * and Explorer from copying the data folder. Linux's locks are advisory, so what shows here is the locked range:
 * another process may lock the bytes the holder text is in, and is refused only the lock byte past them.
 */
class InstanceLockTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("taizhang.db");
    }

    @Test
    void theHolderTextIsOutsideTheLockedRange() throws Exception {
        try (InstanceLock lock = InstanceLock.acquire(db(), InstanceLock.Kind.JAVA)) {
            String seen = probe("bytes", dir.resolve("taizhang.db.lock").toString());

            assertThat(seen)
                    .isEqualTo("content free lockByte locked reads "
                            + ManagementFactory.getRuntimeMXBean().getName());
        }
    }

    @Test
    void aSecondCopyOnJavasLockIsRefusedNamingTheHolder() throws Exception {
        try (InstanceLock lock = InstanceLock.acquire(db(), InstanceLock.Kind.JAVA)) {
            assertThat(probe("instance", db().toString()))
                    .isEqualTo("refused store.locked "
                            + ManagementFactory.getRuntimeMXBean().getName());
        }
        assertThat(probe("instance", db().toString())).isEqualTo("opened");
    }

    @Test
    void theProbeMakesAFileAndLeavesNothingBehind() throws Exception {
        assertThat(InstanceLock.canCreateFilesIn(dir)).isTrue();
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThat(InstanceLock.canCreateFilesIn(dir.resolve("没有这个文件夹"))).isFalse();
    }

    @Test
    void aFolderWhereNothingCanBeMadeProbesReadOnly() throws Exception {
        try (ReadOnlyFolder folder = ReadOnlyFolder.in(dir)) {
            folder.seal();

            assertThat(InstanceLock.canCreateFilesIn(folder.folder())).isFalse();
        }
    }

    /** It gave store.openFailed, "无法打开数据库…", which says nothing of why. */
    @Test
    void aLockFileThatCannotBeMadeSaysTheFolderIsReadOnly() throws Exception {
        try (ReadOnlyFolder folder = ReadOnlyFolder.in(dir)) {
            folder.seal();
            Path db = folder.folder().resolve("taizhang.db");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstanceLock.acquire(db))
                    .isInstanceOfSatisfying(org.taizhang.core.DomainException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("store.readOnlyFolder");
                        assertThat(org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE)
                                        .describe(e))
                                .contains("文件夹不能写入");
                    });
            // a database only read there goes on without a lock
            InstanceLock.acquireIfPossible(db).close();
        }
    }

    private static String probe(String mode, String path) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        JavaLockProbe.class.getName(),
                        mode,
                        path)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines()
                .filter(l -> l.startsWith(JavaLockProbe.RESULT))
                .map(l -> l.substring(JavaLockProbe.RESULT.length()))
                .findFirst()
                .orElse("no answer: " + out);
    }
}
