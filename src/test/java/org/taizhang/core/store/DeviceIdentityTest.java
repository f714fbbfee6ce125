package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Ids;

/** Two devices never share an id: a copied database or a restored backup gets a new one (decisions/0006). */
class DeviceIdentityTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private String idOf(Path db) {
        try (Store store = Store.open(db, clock)) {
            return store.deviceId();
        }
    }

    private Path newDatabaseWithAUnit() {
        Path db = dir.resolve("hub/taizhang.db");
        try (Store store = Store.openOrCreate(db, clock)) {
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市财政局")));
            assertThat(store.identityRenewed()).isEmpty();
        }
        return db;
    }

    @Test
    void reopeningTheSameFileKeepsTheId() {
        Path db = newDatabaseWithAUnit();
        String id = idOf(db);

        assertThat(idOf(db)).isEqualTo(id);
        try (Store store = Store.open(db, clock)) {
            assertThat(store.identityRenewed()).isEmpty();
        }
    }

    @Test
    void aDatabaseCopiedAloneGetsANewIdAndTheOriginalKeepsItsOwn() throws Exception {
        Path db = newDatabaseWithAUnit();
        String original = idOf(db);
        Path copy = Files.createDirectories(dir.resolve("laptop")).resolve("taizhang.db");
        Files.copy(db, copy);

        try (Store store = Store.open(copy, clock)) {
            assertThat(store.deviceId()).isNotEqualTo(original);
            assertThat(store.identityRenewed())
                    .hasValueSatisfying(r -> assertThat(r).contains("device file"));
        }
        assertThat(idOf(db)).isEqualTo(original);
    }

    @Test
    void aFolderCopiedWithItsDeviceFileToAnotherPathGetsANewId() throws Exception {
        Path db = newDatabaseWithAUnit();
        String original = idOf(db);
        Path other = Files.createDirectories(dir.resolve("usb"));
        Files.copy(db, other.resolve("taizhang.db"));
        Files.copy(db.resolveSibling("taizhang.db.device"), other.resolve("taizhang.db.device"));

        assertThat(idOf(other.resolve("taizhang.db"))).isNotEqualTo(original);
    }

    @Test
    void aRestoredBackupGetsANewIdSoItNeverNamesTwoChangesAlike() throws Exception {
        Path db = newDatabaseWithAUnit();
        String original;
        Path backup;
        long clockAtBackup;
        try (Store store = Store.open(db, clock)) {
            original = store.deviceId();
            backup = store.backup("manual");
            clockAtBackup = store.clockCounter();
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市审计局")));
            store.exportChanges(r -> true); // these changes now live on another device too
        }
        Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(db.resolveSibling("taizhang.db-wal"));

        try (Store store = Store.open(db, clock)) {
            assertThat(store.clockCounter()).isEqualTo(clockAtBackup);
            assertThat(store.deviceId()).isNotEqualTo(original);
            assertThat(store.identityRenewed())
                    .hasValueSatisfying(r -> assertThat(r).contains("backup"));
        }
    }

    /**
     * The whole data folder restored, the device file with the database: the two agree, so only the note in the
     * user's profile (outside the data folder) can tell that changes were named after this backup (issue 16).
     */
    @Test
    void aBackupRestoredWithItsDeviceFileGetsANewIdFromTheNoteInTheProfile() throws Exception {
        Path db = newDatabaseWithAUnit();
        Path device = db.resolveSibling("taizhang.db.device");
        Path saved = Files.createDirectories(dir.resolve("usb"));
        String original;
        try (Store store = Store.open(db, clock)) {
            original = store.deviceId();
        }
        Files.copy(db, saved.resolve("taizhang.db"));
        Files.copy(device, saved.resolve("taizhang.db.device"));
        try (Store store = Store.open(db, clock)) {
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市审计局")));
            store.exportChanges(r -> true); // these changes now live on another device too
        }
        Files.copy(saved.resolve("taizhang.db"), db, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(saved.resolve("taizhang.db.device"), device, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(db.resolveSibling("taizhang.db-wal"));

        try (Store store = Store.open(db, clock)) {
            assertThat(store.deviceId()).isNotEqualTo(original);
            assertThat(store.identityRenewed())
                    .hasValueSatisfying(r -> assertThat(r).contains("profile"));
        }
    }

    @Test
    void theProfileFolderFollowsTheSystemsConventions() {
        assertThat(ClockNotes.folder("/p", java.util.Map.of("APPDATA", "C:\\Users\\王清\\AppData\\Roaming"), "/home/w"))
                .isEqualTo(Path.of("/p", "clocks"));
        assertThat(ClockNotes.folder(null, java.util.Map.of("APPDATA", "/roaming"), "/home/w"))
                .isEqualTo(Path.of("/roaming", "Taizhang", "clocks"));
        assertThat(ClockNotes.folder(null, java.util.Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/w"))
                .isEqualTo(Path.of("/xdg", "taizhang", "clocks"));
        assertThat(ClockNotes.folder(" ", java.util.Map.of(), "/home/w"))
                .isEqualTo(Path.of("/home/w", ".config", "taizhang", "clocks"));
    }

    @Test
    void aDeviceFileNamingAnotherDeviceGivesANewId() throws Exception {
        Path db = newDatabaseWithAUnit();
        String original = idOf(db);
        Path note = db.resolveSibling("taizhang.db.device");
        Files.writeString(note, Files.readString(note).replace(original, "someone-else"));

        assertThat(idOf(db)).isNotEqualTo(original);
    }

    @Test
    void aWriteThatRolledBackDoesNotMakeTheNextOpenLookLikeARestoredBackup() {
        Path db = newDatabaseWithAUnit();
        String id = idOf(db);
        try (Store store = Store.open(db, clock)) {
            // changes named, then the whole write refused (a cancelled import, a rule that says no)
            assertThatThrownBy(() -> store.write(ctx -> {
                        store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市审计局"));
                        store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市统计局"));
                        throw new org.taizhang.core.DomainException("store.readOnly", db);
                    }))
                    .isInstanceOf(org.taizhang.core.DomainException.class);
        }

        try (Store store = Store.open(db, clock)) {
            assertThat(store.identityRenewed()).isEmpty();
            assertThat(store.deviceId()).isEqualTo(id);
        }
    }

    // ---- a device file that cannot be replaced (held by OneDrive or a scanner, or marked read-only)

    private static final DeviceFile.State STATE =
            new DeviceFile.State("device-1", 7, new DeviceFile.Binding("办公室电脑", "D:\\台账\\taizhang.db"));

    private static org.taizhang.core.files.FileReplacer failing(int failures, int[] moves) {
        return new org.taizhang.core.files.FileReplacer(
                (from, to) -> {
                    if (++moves[0] <= failures) {
                        throw new java.nio.file.FileSystemException(
                                to.toString(), null, "The process cannot access the file");
                    }
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                },
                millis -> {});
    }

    @Test
    void aDeviceFileHeldForAMomentIsWrittenOnALaterTry() {
        Path note = dir.resolve("taizhang.db.device");
        int[] moves = {0};

        DeviceFile.write(note, STATE, failing(2, moves));

        assertThat(moves[0]).isEqualTo(3);
        assertThat(DeviceFile.read(note)).isEqualTo(STATE);
        assertThat(dir.resolve("taizhang.db.device.part")).doesNotExist();
    }

    @Test
    void aDeviceFileStillHeldIsAnErrorNamingItNotOnlyALogLine() throws Exception {
        Path note = dir.resolve("taizhang.db.device");
        DeviceFile.write(note, STATE);
        int[] moves = {0};

        assertThatThrownBy(() -> DeviceFile.write(
                        note, new DeviceFile.State("device-1", 9, STATE.binding()), failing(Integer.MAX_VALUE, moves)))
                .isInstanceOfSatisfying(org.taizhang.core.DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.inUse");
                    assertThat(e.args()).containsExactly(note);
                });
        assertThat(DeviceFile.read(note)).isEqualTo(STATE);
        assertThat(dir.resolve("taizhang.db.device.part")).doesNotExist();
    }

    /**
     * The device file on disk cannot be replaced (chattr +i: even root's rename over it fails, as Windows' does over
     * a file another program holds). Opening and closing go on, since a stale file only renews the id at the next
     * open; an export fails before its changes leave, because the file would not account for them.
     */
    @Test
    void aDeviceFileThatCannotBeReplacedFailsAnExportButNotTheOpen() throws Exception {
        Path db = newDatabaseWithAUnit();
        String id = idOf(db);
        Path note = db.resolveSibling("taizhang.db.device");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.taizhang.core.files.TmpfsMount.makeImmutable(note, true), "chattr +i not supported here");
        try {
            try (Store store = Store.open(db, clock)) {
                assertThat(store.deviceId()).isEqualTo(id);
                assertThatThrownBy(() -> store.exportChanges(r -> true))
                        .isInstanceOfSatisfying(org.taizhang.core.DomainException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("file.inUse");
                            assertThat(org.taizhang.core.i18n.Messages.forLocale(
                                                    org.taizhang.core.i18n.Messages.CHINESE)
                                            .describe(e))
                                    .startsWith("请先关闭该文件：" + note);
                        });
            }
        } finally {
            org.taizhang.core.files.TmpfsMount.makeImmutable(note, false);
        }
        assertThat(idOf(db)).isEqualTo(id);
    }

    // ---- the portable copy on a stick: another drive letter is the same place

    private static final int STICK = 0x1A2B3C4D;

    @Test
    void aStickThatComesBackUnderAnotherDriveLetterKeepsItsId() {
        DeviceFile.State noted = new DeviceFile.State(
                "device-1",
                7,
                new DeviceFile.Binding("办公室电脑", DeviceFile.place("E:\\台账 U盘\\data\\taizhang.db", "E:\\", STICK)));
        DeviceFile.Binding asF =
                new DeviceFile.Binding("办公室电脑", DeviceFile.place("F:\\台账 U盘\\data\\taizhang.db", "F:\\", STICK));

        assertThat(DeviceFile.reasonToRenew(noted, "device-1", 7, asF, false)).isNull();
    }

    @Test
    void aCopyOnAnotherVolumeOrInAnotherFolderStillGetsANewId() {
        String onStick = DeviceFile.place("E:\\台账\\data\\taizhang.db", "E:\\", STICK);
        DeviceFile.State noted = new DeviceFile.State("device-1", 7, new DeviceFile.Binding("办公室电脑", onStick));

        // the whole folder copied to D: (another serial), to another stick, or to another folder on the stick
        for (String elsewhere : new String[] {
            DeviceFile.place("D:\\台账\\data\\taizhang.db", "D:\\", 0x0BADF00D),
            DeviceFile.place("E:\\台账\\data\\taizhang.db", "E:\\", 0x5EED5EED),
            DeviceFile.place("E:\\备份\\台账\\data\\taizhang.db", "E:\\", STICK)
        }) {
            assertThat(DeviceFile.reasonToRenew(
                            noted, "device-1", 7, new DeviceFile.Binding("办公室电脑", elsewhere), false))
                    .as(elsewhere)
                    .isNotNull();
        }
    }

    @Test
    void withoutAVolumeSerialOrOnAShareThePlaceIsTheWholePath() {
        assertThat(DeviceFile.place("/home/clerk/taizhang.db", "/", null)).isEqualTo("/home/clerk/taizhang.db");
        assertThat(DeviceFile.place("E:\\data\\taizhang.db", "E:\\", null)).isEqualTo("E:\\data\\taizhang.db");
        // shares of one server disk share its serial: the share's name must stay in the place
        assertThat(DeviceFile.place("\\\\srv\\a\\taizhang.db", "\\\\srv\\a\\", STICK))
                .isEqualTo("\\\\srv\\a\\taizhang.db");
        assertThat(DeviceFile.place("E:\\data\\taizhang.db", "E:\\", STICK))
                .isEqualTo("volume 1A2B3C4D:data\\taizhang.db");
    }

    @Test
    void onThisSystemThePlaceOfADatabaseIsStable(@TempDir Path tmp) throws Exception {
        Path db = Files.createFile(tmp.resolve("台账.db"));

        assertThat(DeviceFile.place(db))
                .isEqualTo(DeviceFile.place(tmp.resolve(".").resolve("台账.db").normalize()));
        assertThat(DeviceFile.place(db)).endsWith("台账.db");
    }
}
