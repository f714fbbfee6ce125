package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taizhang.core.store.StorageLocation.Kind;
import org.taizhang.core.store.StorageLocation.Mount;

/** A network share or a synced folder, told from the database's path (and, on Linux, the mount table). */
class StorageLocationTest {
    private static final List<Mount> MOUNTS = StorageLocation.parseMounts("""
        /dev/sda2 / ext4 rw,relatime 0 0
        tmpfs /tmp tmpfs rw 0 0
        //nas/党建 /mnt/nas cifs rw,vers=3.0 0 0
        nas:/export /srv/共享\\040数据 nfs4 rw 0 0
        /dev/sdb1 /mnt/nas/local ext4 rw 0 0
        """);

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // UNC paths, as Windows gives them for a share opened without a drive letter
                "\\\\server\\share\\台账\\taizhang.db                    | NETWORK | \\\\server\\share",
                "//server/share/taizhang.db                              | NETWORK | \\\\server\\share",
                "\\\\?\\UNC\\办公室NAS\\党建\\taizhang.db                | NETWORK | \\\\办公室NAS\\党建",
                "\\\\?\\C:\\Users\\张三\\taizhang.db                       | LOCAL   | ''",
                "C:\\Users\\张三\\AppData\\Local\\Taizhang\\taizhang.db    | LOCAL   | ''",
                // sync clients' folders, anywhere in the path
                "C:\\Users\\张三\\OneDrive\\文档\\台账\\taizhang.db         | SYNCED  | OneDrive",
                "C:\\Users\\张三\\OneDrive - 江海市委组织部\\台账\\taizhang.db | SYNCED | OneDrive - 江海市委组织部",
                "C:\\Users\\张三\\onedrive\\taizhang.db                    | SYNCED  | onedrive",
                "D:\\Dropbox\\taizhang.db                                  | SYNCED  | Dropbox",
                "D:\\Dropbox (江海市)\\taizhang.db                          | SYNCED  | Dropbox (江海市)",
                "C:\\Users\\张三\\Nutstore\\1\\我的坚果云\\taizhang.db       | SYNCED  | Nutstore",
                "D:\\坚果云\\台账\\taizhang.db                              | SYNCED  | 坚果云",
                "D:\\BaiduNetdiskWorkspace\\台账\\taizhang.db               | SYNCED  | BaiduNetdiskWorkspace",
                "/home/张三/Dropbox/taizhang.db                             | SYNCED  | Dropbox",
                // names that only look alike stay local
                "D:\\OneDriveBackup\\taizhang.db                            | LOCAL   | ''",
                "D:\\我的Dropbox资料\\taizhang.db                             | LOCAL   | ''",
                "/home/张三/.local/share/taizhang/taizhang.db               | LOCAL   | ''",
                // Linux mounts: the deepest mount point holding the path decides
                "/mnt/nas/台账/taizhang.db                                  | NETWORK | /mnt/nas (cifs)",
                "/mnt/nas/local/taizhang.db                                 | LOCAL   | ''",
                "/mnt/nasty/taizhang.db                                     | LOCAL   | ''",
                "/srv/共享 数据/taizhang.db                                  | NETWORK | /srv/共享 数据 (nfs4)",
                "/tmp/taizhang.db                                           | LOCAL   | ''",
            })
    void theLocationIsToldFromThePath(String path, Kind kind, String where) {
        StorageLocation location = StorageLocation.classify(path, MOUNTS);

        assertThat(location.kind()).isEqualTo(kind);
        assertThat(location.where()).isEqualTo(where);
    }

    @Test
    void onlyANetworkOrSyncedLocationHasAWarning() {
        assertThat(StorageLocation.classify("\\\\server\\share\\taizhang.db", List.of())
                        .warningKey())
                .hasValue("store.location.network");
        assertThat(StorageLocation.classify("D:\\OneDrive\\taizhang.db", List.of())
                        .warningKey())
                .hasValue("store.location.synced");
        assertThat(StorageLocation.classify("D:\\台账\\taizhang.db", List.of()).warningKey())
                .isEmpty();
    }

    /**
     * Issue 20: a mapped network drive (Z: → \\nas\党建) has a path like a local disk's; the system's answer for its
     * letter decides. Here the answer is a table; on Windows it is GetDriveTypeW and WNetGetConnectionW.
     */
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Z:\\台账\\taizhang.db                 | NETWORK | Z: (\\\\nas\\党建)",
                "z:\\taizhang.db                        | NETWORK | Z: (\\\\nas\\党建)",
                "\\\\?\\Z:\\台账\\taizhang.db          | NETWORK | Z: (\\\\nas\\党建)",
                // a network drive whose share the system does not name
                "Y:\\taizhang.db                        | NETWORK | Y:",
                "C:\\Users\\张三\\taizhang.db          | LOCAL   | ''",
                "D:\\OneDrive\\taizhang.db              | SYNCED  | OneDrive",
                "/home/张三/taizhang.db                  | LOCAL   | ''",
            })
    void aMappedNetworkDriveIsANetworkLocation(String path, Kind kind, String where) {
        java.util.Map<String, String> drives = java.util.Map.of("Z:", "\\\\nas\\党建", "Y:", "Y:");

        StorageLocation location =
                StorageLocation.classify(path, List.of(), d -> java.util.Optional.ofNullable(drives.get(d)));

        assertThat(location.kind()).isEqualTo(kind);
        assertThat(location.where()).isEqualTo(where);
    }

    /** Off Windows nothing is asked, and nothing fails: every drive letter is local. */
    @Test
    void offWindowsNoDriveIsANetworkDrive() {
        assertThat(WindowsDrives.remote("Z:")).isEmpty();
        assertThat(WindowsDrives.isDriveLetter("z:")).isTrue();
        assertThat(WindowsDrives.isDriveLetter("1:")).isFalse();
        assertThat(WindowsDrives.isDriveLetter("Z:\\")).isFalse();
    }

    @Test
    void aMissingMountTableIsNoError() {
        assertThat(StorageLocation.mounts(java.nio.file.Path.of("/没有/mounts"))).isEmpty();
    }

    /**
     * Issue 20: on a network share or in a synced folder the database is opened with a rollback journal, not WAL:
     * after a write nothing lies beside the file (no -wal, -shm or -journal for a sync client to copy, no
     * shared-memory index another computer cannot see). The same file opened from a local folder is WAL again.
     */
    @Test
    void onAShareOrInASyncedFolderTheDatabaseHasNoWal(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path db = dir.resolve("台账.db");
        for (StorageLocation at : List.of(
                new StorageLocation(StorageLocation.Kind.NETWORK, "\\\\nas\\党建"),
                new StorageLocation(StorageLocation.Kind.SYNCED, "OneDrive"))) {
            try (Store store = Store.open(db, java.time.Clock.systemDefaultZone(), true, at)) {
                assertThat(store.read().fetchValue("PRAGMA journal_mode")).isEqualTo("delete");
                store.putLocalSetting("probe", at.where());
                assertThat(store.localSetting("probe")).contains(at.where());
                try (var beside = java.nio.file.Files.list(dir)) {
                    assertThat(beside.map(p -> p.getFileName().toString()))
                            .noneMatch(n -> n.endsWith("-wal") || n.endsWith("-shm") || n.endsWith("-journal"));
                }
            }
        }
        try (Store store = Store.open(db)) {
            assertThat(store.read().fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(store.localSetting("probe")).contains("OneDrive");
        }
    }
}
