package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.DEVICE;
import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.core.store.schema.Tables.LOCAL_SETTING;
import static org.taizhang.core.store.schema.Tables.ORGANIZATION;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;

class StoreTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("taizhang.db");
    }

    @Test
    void openOrCreateOnANewPathCreatesTheDatabaseFile() {
        try (Store store = Store.openOrCreate(db())) {
            assertThat(db()).isRegularFile();
            assertThat(store.isNew()).isTrue();
            assertThat(store.database()).isEqualTo(db().toAbsolutePath());
        }
    }

    @Test
    void openRefusesAMissingFileAndCreatesNothing() {
        Path nested = dir.resolve("台帐").resolve("taizhang.db");

        assertThatThrownBy(() -> Store.open(nested)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.missing");
            assertThat(org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE)
                            .describe(e))
                    .isEqualTo("数据库文件 " + nested.toAbsolutePath() + " 不存在（请检查 --db 指定的路径）。新建数据库请用 taizhang init。");
        });
        assertThat(nested.getParent()).doesNotExist();
    }

    @Test
    void openOrCreateCreatesMissingParentFolders() {
        Path nested = dir.resolve("数据").resolve("2026").resolve("taizhang.db");
        try (Store store = Store.openOrCreate(nested)) {
            assertThat(nested).isRegularFile();
            assertThat(store.dataFolder()).isEqualTo(nested.toAbsolutePath().getParent());
        }
    }

    @Test
    void theDatabaseIsInWalJournalMode() throws Exception {
        try (Store store = Store.openOrCreate(db())) {
            assertThat(store.read().fetchValue("PRAGMA journal_mode")).hasToString("wal");
        }
        // WAL is stored in the file itself: a plain connection without any configuration sees it too
        assertThat(plainQuery("PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Store store = Store.openOrCreate(db())) {
            assertThat(store.read().fetchValue("PRAGMA foreign_keys")).hasToString("1");
            assertThatThrownBy(() -> store.write(ctx -> ctx.insertInto(ORGANIZATION)
                            .set(ORGANIZATION.ID, Ids.newId())
                            .set(ORGANIZATION.UNIT_ID, "no-such-unit")
                            .set(ORGANIZATION.NAME, "孤儿党支部")
                            .set(ORGANIZATION.KIND, "BRANCH")
                            .set(ORGANIZATION.CREATED_AT, "2026-01-01T00:00:00.000Z")
                            .set(ORGANIZATION.UPDATED_AT, "2026-01-01T00:00:00.000Z")
                            .set(ORGANIZATION.UPDATED_BY, store.deviceId())
                            .execute()))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(store.read().fetchCount(ORGANIZATION)).isZero();
        }
    }

    @Test
    void aDeviceIdIsCreatedOnceAndKeptOnReopen() {
        String first;
        try (Store store = Store.openOrCreate(db())) {
            first = store.deviceId();
        }
        try (Store store = Store.open(db())) {
            assertThat(store.deviceId()).isEqualTo(first);
            assertThat(store.isNew()).isFalse();
            assertThat(store.read().fetchCount(DEVICE)).isEqualTo(1);
            assertThat(store.read().fetchValue(DEVICE.ID)).isEqualTo(first);
        }
        assertThat(UUID.fromString(first)).hasToString(first);
    }

    @Test
    void twoDatabasesHaveDifferentDeviceIds() {
        String a;
        String b;
        try (Store store = Store.openOrCreate(dir.resolve("a.db"))) {
            a = store.deviceId();
        }
        try (Store store = Store.openOrCreate(dir.resolve("b.db"))) {
            b = store.deviceId();
        }
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aSecondOpenWhileTheFirstIsOpenIsRefusedAsLocked() {
        try (Store first = Store.openOrCreate(db())) {
            assertThatThrownBy(() -> Store.open(db()))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("store.locked"));
            assertThat(first.localSetting("device.id")).contains(first.deviceId());
        }
    }

    @Test
    void afterCloseTheDatabaseOpensAgain() {
        String id;
        try (Store first = Store.openOrCreate(db())) {
            id = first.deviceId();
            assertThatThrownBy(() -> Store.open(db())).isInstanceOf(DomainException.class);
        }
        try (Store again = Store.open(db())) {
            assertThat(again.deviceId()).isEqualTo(id);
        }
    }

    @Test
    void anotherProgramCannotTakeTheLockWhileTheDatabaseIsOpen() throws Exception {
        try (Store store = Store.openOrCreate(db())) {
            assertThat(openFromAnotherProcess())
                    .startsWith("refused store.locked")
                    .as("the holder is named")
                    .contains(ProcessHandle.current().pid() + "@");
        }
        assertThat(openFromAnotherProcess()).isEqualTo("opened");
    }

    @Test
    void aRefusedSecondOpenInTheSameProgramKeepsTheFirstLock() throws Exception {
        try (Store store = Store.openOrCreate(db())) {
            assertThatThrownBy(() -> Store.open(db())).isInstanceOf(DomainException.class);
            assertThat(openFromAnotherProcess()).startsWith("refused store.locked");
        }
    }

    @Test
    void theLockHoldsWhenThisProgramOpensAndClosesTheLockFileAndTheDatabase() throws Exception {
        try (Store store = Store.openOrCreate(db())) {
            // what a file dialog does to every file in the folder it lists: open, sniff, close
            try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.READ)) {
                channel.read(ByteBuffer.allocate(64));
            }
            try (InputStream in = Files.newInputStream(db())) {
                in.readNBytes(16);
            }

            assertThat(openFromAnotherProcess())
                    .startsWith("refused store.locked")
                    .contains(ProcessHandle.current().pid() + "@");
            assertThat(store.localSetting("device.id")).contains(store.deviceId());
        }
    }

    @Test
    void aTextFileIsRefusedAsNotADatabaseAndLeftUnchanged() throws Exception {
        byte[] content = "单位名称,简称\n中共江海市委办公室,市委办\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(db(), content);

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("store.foreignFile"));

        assertThat(sha256(db())).isEqualTo(sha256(content));
        assertThat(lockFile()).doesNotExist();
    }

    @Test
    void aFileOfRandomBytesIsRefusedAsNotADatabaseAndLeftUnchanged() throws Exception {
        byte[] content = new byte[8192];
        new Random(20261123).nextBytes(content);
        Files.write(db(), content);

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("store.foreignFile"));

        assertThat(sha256(db())).isEqualTo(sha256(content));
        assertThat(dir.resolve("taizhang.db-wal")).doesNotExist();
        assertThat(lockFile()).doesNotExist();
    }

    @Test
    void aRefusedFileDoesNotStayLocked() throws Exception {
        Files.writeString(db(), "not a database, just text");
        assertThatThrownBy(() -> Store.open(db())).isInstanceOf(DomainException.class);

        Files.delete(db());
        try (Store store = Store.openOrCreate(db())) {
            assertThat(store.isNew()).isTrue();
        }
    }

    @Test
    void anEmptyFileIsTreatedAsANewDatabase() throws Exception {
        Files.createFile(db());
        try (Store store = Store.open(db())) {
            assertThat(store.isNew()).isTrue();
            assertThat(store.read().fetchCount(UNIT)).isZero();
        }
    }

    /** A SQLite file as another program leaves it: its own table and a row, no Flyway history. */
    private void writeAnotherProgramsDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)");
            s.execute("INSERT INTO note (text) VALUES ('别的程序的数据')");
        }
    }

    @Test
    void anotherProgramsSqliteDatabaseIsRefusedWithADomainError() throws Exception {
        writeAnotherProgramsDatabase();

        assertThatThrownBy(() -> Store.open(db())).isInstanceOf(DomainException.class);

        assertThat(plainQuery("SELECT text FROM note")).isEqualTo("别的程序的数据");
    }

    @Test
    void anotherProgramsSqliteDatabaseIsReportedAsNotATaizhangDatabase() throws Exception {
        writeAnotherProgramsDatabase();

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("store.foreignFile"));
        assertThat(lockFile()).as("a refused file gets no .lock beside it").doesNotExist();
    }

    @Test
    void anotherProgramsSqliteDatabaseIsLeftByteForByteUnchanged() throws Exception {
        writeAnotherProgramsDatabase();
        String before = sha256(Files.readAllBytes(db()));

        assertThatThrownBy(() -> Store.open(db())).isInstanceOf(DomainException.class);

        assertThat(sha256(db())).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotSqliteAtAllIsRefusedAndLeftUnchanged() throws Exception {
        byte[] text = "单位名称,党组织名称\n江海市财政局,机关党委\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(db(), text);

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("store.foreignFile"));
        assertThat(Files.readAllBytes(db())).isEqualTo(text);
        assertThat(lockFile()).as("a refused file gets no .lock beside it").doesNotExist();
    }

    @Test
    void aForeignFileIsDescribedWithoutEnglishInTheChineseText() throws Exception {
        Files.writeString(db(), "这不是数据库");

        assertThatThrownBy(() -> Store.open(db()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(org.taizhang.core.i18n.Messages.forLocale(
                                                org.taizhang.core.i18n.Messages.CHINESE)
                                        .describe(e))
                                .isEqualTo(db().toAbsolutePath() + " 不是台账数据库：它不是 SQLite 文件，或是别的程序的数据库。文件未做任何改动。"));
    }

    @Test
    void aDamagedSqliteFileIsReportedAsDamagedWithSqlitesWords() throws Exception {
        byte[] content = new byte[8192];
        new Random(20260314).nextBytes(content);
        byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        Files.write(db(), content);

        assertThatThrownBy(() -> Store.open(db())).isInstanceOfSatisfying(DomainException.class, e -> {
            // damaged, with SQLite's words and the way back (a backup), not "程序内部错误"
            assertThat(e.messageKey()).isEqualTo("store.corrupt");
            assertThat(e.args()).hasSize(2);
        });
        assertThat(sha256(db())).isEqualTo(sha256(content));
        assertThat(lockFile()).doesNotExist();
    }

    @Test
    void aFolderThatCannotBeCreatedSaysWhyNotJustThePath() throws Exception {
        Path blocker = Files.writeString(dir.resolve("数据"), "a file where the folder should be");
        Path nested = blocker.resolve("taizhang.db");

        assertThatThrownBy(() -> Store.openOrCreate(nested)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.openFailed");
            assertThat(org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE)
                            .describe(e))
                    .isEqualTo("无法打开数据库 " + nested.toAbsolutePath() + "：" + blocker.toAbsolutePath() + " 是文件，不是文件夹");
        });
    }

    @Test
    void aDirectoryIsRefusedAsIsDirectory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("taizhang.db"));

        assertThatThrownBy(() -> Store.open(folder))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("store.isDirectory"));
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aWriteWhoseWorkThrowsWritesNothing() {
        try (Store store = Store.openOrCreate(db())) {
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> store.write(ctx -> {
                        ctx.insertInto(LOCAL_SETTING)
                                .set(LOCAL_SETTING.KEY, "test.key")
                                .set(LOCAL_SETTING.VALUE, "x")
                                .execute();
                        store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市财政局"));
                        throw boom;
                    }))
                    .isSameAs(boom);

            assertThat(store.localSetting("test.key")).isEmpty();
            assertThat(store.read().fetchCount(UNIT)).isZero();
            assertThat(store.read().fetchCount(HISTORY)).isZero();
        }
    }

    @Test
    void aDomainErrorThrownInsideAWriteReachesTheCallerUnwrapped() {
        try (Store store = Store.openOrCreate(db())) {
            DomainException refused = new DomainException("organization.error.hasChildren", 3);
            assertThatThrownBy(() -> store.write(ctx -> {
                        store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市财政局"));
                        throw refused;
                    }))
                    .isSameAs(refused);
            assertThat(store.read().fetchCount(UNIT)).isZero();
        }
    }

    @Test
    void aCommittedWriteIsThereAfterReopening() {
        String id = Ids.newId();
        try (Store store = Store.openOrCreate(db())) {
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(id, "江海市财政局")));
        }
        try (Store store = Store.open(db())) {
            assertThat(store.read()
                            .select(UNIT.NAME)
                            .from(UNIT)
                            .where(UNIT.ID.eq(id))
                            .fetchOne(UNIT.NAME))
                    .isEqualTo("江海市财政局");
        }
    }

    @Test
    void localSettingsAreStoredAndOverwritten() {
        try (Store store = Store.openOrCreate(db())) {
            assertThat(store.localSetting("ui.lang")).isEmpty();
            store.putLocalSetting("ui.lang", "zh");
            store.putLocalSetting("ui.lang", "en");
            assertThat(store.localSetting("ui.lang")).contains("en");
        }
    }

    @Test
    void firstRunIsPendingUntilMarkedDone() {
        try (Store store = Store.openOrCreate(db())) {
            assertThat(FirstRun.isPending(store)).isTrue();
            FirstRun.markDone(store);
            assertThat(FirstRun.isPending(store)).isFalse();
        }
        try (Store store = Store.open(db())) {
            assertThat(FirstRun.isPending(store)).isFalse();
        }
    }

    /** Where InstanceLock puts its lock: {@code taizhang.db.lock} beside the database. */
    private Path lockFile() {
        return dir.resolve("taizhang.db.lock");
    }

    private static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String plainQuery(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /**
     * What a second copy of the program sees: {@link Store#open} on this database from another JVM, started
     * with this JVM's java and class path. Returns "opened" or "refused store.locked <holder>".
     */
    private String openFromAnotherProcess() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockProbe.class.getName(),
                        db().toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines()
                .filter(l -> l.startsWith(LockProbe.RESULT))
                .map(l -> l.substring(LockProbe.RESULT.length()))
                .findFirst()
                .orElse("no answer: " + out);
    }
}
