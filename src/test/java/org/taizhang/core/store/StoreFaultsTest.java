package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.taizhang.core.store.schema.Tables.LOCAL_SETTING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.TmpfsMount;
import org.taizhang.core.i18n.Messages;

/** A database that is busy, read-only, on a full disk or damaged: opened when it can be read, refused in words. */
class StoreFaultsTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("taizhang.db");
    }

    private static String chinese(DomainException e) {
        return Messages.forLocale(Messages.CHINESE).describe(e);
    }

    /** Another program (a SQLite browser) in the middle of a write transaction. */
    private static Connection holdWriteLock(Path db) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO local_setting VALUES ('browser', 'editing')");
        }
        return c;
    }

    @Test
    void aDatabaseBusyInAnotherProgramOpensAtOnceForReadingAndAWriteSaysItIsBusy() throws Exception {
        Store.openOrCreate(db()).close();
        try (Connection browser = holdWriteLock(db())) {
            long start = System.nanoTime();
            try (Store store = Store.open(db())) {
                assertThat((System.nanoTime() - start) / 1_000_000)
                        .as("ms to open")
                        .isLessThan(5_000);
                assertThat(store.localSetting("browser")).isEmpty(); // reads the committed state

                assertThatThrownBy(() -> store.putLocalSetting("x", "y"))
                        .isInstanceOfSatisfying(DomainException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("store.busy");
                            assertThat(chinese(e)).contains("正被另一个程序").contains("文件未做任何改动");
                        });
            }
            browser.createStatement().execute("ROLLBACK");
        }
    }

    @Test
    void aCopiedDatabaseBusyInAnotherProgramStillOpensAndRenewsItsIdentityAtTheFirstWrite() throws Exception {
        String oldId;
        try (Store store = Store.openOrCreate(db())) {
            oldId = store.deviceId();
        }
        Files.delete(db().resolveSibling("taizhang.db.device")); // as if the file had been copied here alone
        try (Connection browser = holdWriteLock(db())) {
            try (Store store = Store.open(db())) {
                assertThat(store.deviceId()).isEqualTo(oldId);
            }
            assertThat(db().resolveSibling("taizhang.db.device"))
                    .as("the old id must not be noted as this database's")
                    .doesNotExist();
            browser.createStatement().execute("ROLLBACK");
        }
        try (Store store = Store.open(db())) {
            assertThat(store.deviceId()).isNotEqualTo(oldId);
            assertThat(store.identityRenewed()).isPresent();
        }
    }

    @Test
    void aDatabaseInAReadOnlyFolderOpensForReadingAndAWriteSaysItIsReadOnly() throws Exception {
        try (TmpfsMount mount = TmpfsMount.mountOrSkip(dir.resolve("stick"), "4m")) {
            Path db = mount.folder().resolve("taizhang.db");
            try (Store store = Store.openOrCreate(db)) {
                store.putLocalSetting("kept", "yes");
            }
            byte[] before = Files.readAllBytes(db);
            mount.remountReadOnly();

            try (Store store = Store.open(db)) {
                assertThat(store.localSetting("kept")).hasValue("yes");
                assertThatThrownBy(() -> store.putLocalSetting("x", "y"))
                        .isInstanceOfSatisfying(DomainException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("store.readOnly");
                            assertThat(chinese(e)).contains("是只读的").contains("导出不受影响");
                        });
            }
            assertThat(Arrays.equals(Files.readAllBytes(db), before)).isTrue();
        }
    }

    /**
     * A database whose program did not close it (a crash, a stick pulled out mid-session) keeps its -wal; then the
     * stick is write-protected. Read as immutable it would skip the log, so it needs its lock file, which cannot be
     * made: that says the folder is read-only, not "无法打开数据库" with a bare reason.
     */
    @Test
    void aReadOnlyFolderWithAnUnmergedLogIsRefusedSayingTheFolderIsReadOnly() throws Exception {
        try (ReadOnlyFolder stick = ReadOnlyFolder.in(dir)) {
            Path db = stick.folder().resolve("taizhang.db");
            try (Store store = Store.openOrCreate(db)) {
                store.putLocalSetting("kept", "yes");
            }
            Files.deleteIfExists(db.resolveSibling("taizhang.db.lock"));
            Files.createFile(db.resolveSibling("taizhang.db-wal")); // as a crash leaves it (empty: nothing lost)
            stick.seal();

            assertThatThrownBy(() -> Store.open(db)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("store.readOnlyFolder");
                assertThat(chinese(e)).contains("文件夹不能写入").contains("复制到本机可写的位置");
            });
            assertThat(db.resolveSibling("taizhang.db.lock")).doesNotExist();
        }
    }

    @Test
    void aReadOnlyFolderHoldingACleanlyClosedDatabaseStillOpensForReading() throws Exception {
        try (ReadOnlyFolder stick = ReadOnlyFolder.in(dir)) {
            Path db = stick.folder().resolve("taizhang.db");
            try (Store store = Store.openOrCreate(db)) {
                store.putLocalSetting("kept", "yes");
            }
            stick.seal();

            try (Store store = Store.open(db)) {
                assertThat(store.localSetting("kept")).hasValue("yes");
                assertThatThrownBy(() -> store.putLocalSetting("x", "y"))
                        .isInstanceOfSatisfying(
                                DomainException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("store.readOnly"));
            }
        }
    }

    @Test
    void aReadOnlyDatabaseFileOpensForReadingAndAWriteSaysItIsReadOnly() throws Exception {
        try (Store store = Store.openOrCreate(db())) {
            store.putLocalSetting("kept", "yes");
        }
        assumeTrue(TmpfsMount.makeImmutable(db(), true), "chattr +i not supported here");
        try (Store store = Store.open(db())) {
            assertThat(store.localSetting("kept")).hasValue("yes");
            assertThatThrownBy(() -> store.putLocalSetting("x", "y"))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("store.readOnly"));
        } finally {
            TmpfsMount.makeImmutable(db(), false);
        }
    }

    @Test
    void aFullDiskSaysSoAndKeepsWhatWasCommitted() throws Exception {
        try (TmpfsMount mount = TmpfsMount.mountOrSkip(dir.resolve("small"), "2m")) {
            Path db = mount.folder().resolve("taizhang.db");
            try (Store store = Store.openOrCreate(db)) {
                store.putLocalSetting("kept", "yes");
                String big = "x".repeat(100_000);
                assertThatThrownBy(() -> {
                            for (int i = 0; i < 100; i++) {
                                int n = i;
                                store.write(ctx -> ctx.insertInto(LOCAL_SETTING)
                                        .set(LOCAL_SETTING.KEY, "big" + n)
                                        .set(LOCAL_SETTING.VALUE, big)
                                        .execute());
                            }
                        })
                        .isInstanceOfSatisfying(DomainException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("store.diskFull");
                            assertThat(chinese(e)).startsWith("磁盘已满");
                        });
                assertThat(store.localSetting("kept")).hasValue("yes");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }

    private void damage(String sql) throws Exception {
        Store.openOrCreate(db()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aDatabaseWithADroppedColumnIsRefusedInWordsAndLeftUnchanged() throws Exception {
        damage("ALTER TABLE unit DROP COLUMN remark");
        byte[] before = Files.readAllBytes(db());

        assertThatThrownBy(() -> Store.open(db())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.damaged");
            assertThat(chinese(e)).contains("结构已损坏").contains("unit.remark").contains("备份");
        });
        assertThat(Arrays.equals(Files.readAllBytes(db()), before)).isTrue();
    }

    @Test
    void aDatabaseWithoutItsHistoryTableIsRefusedBeforeAnyWrite() throws Exception {
        damage("DROP TABLE history");

        assertThatThrownBy(() -> Store.openOrCreate(db()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(chinese(e)).contains("缺少 history"));
    }
}
