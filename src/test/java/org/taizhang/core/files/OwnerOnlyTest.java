package org.taizhang.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.Store;

/**
 * The data folder and everything the program keeps in it are its owner's only (other accounts on a shared
 * machine read no names or phone numbers); an export the user chooses follows the umask.
 */
class OwnerOnlyTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDataFolderAndEveryFileInItAreOwnerOnly() throws Exception {
        assumeTrue(OwnerOnly.isPosix(), "POSIX permissions only");
        Path data = dir.resolve("data").resolve("taizhang");
        Path db = data.resolve("taizhang.db");
        Path photo = Files.writeString(dir.resolve("note.txt"), "会议记录", StandardCharsets.UTF_8);
        try (Store store = Store.openOrCreate(db);
                // SQLite removes -wal and -shm when its last connection closes: this one keeps them to be seen
                java.sql.Connection reader = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            reader.createStatement().executeQuery("SELECT 1 FROM local_setting").close();
            store.putLocalSetting("x", "y");
            store.backup("test");
            new AttachmentStore(store).add(photo);

            assertThat(mode(db.resolveSibling("taizhang.db-wal"))).isEqualTo("rw-------");
            assertThat(mode(db.resolveSibling("taizhang.db-shm"))).isEqualTo("rw-------");
        }
        assertThat(mode(dir.resolve("data"))).as("a folder the program created").isEqualTo("rwx------");
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
        try (Stream<Path> all = Files.list(data)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .contains("taizhang.db", "taizhang.db.lock", "taizhang.db.device", "backups", "attachments");
        }
    }

    @Test
    void anExportStillFollowsTheUmask() throws IOException {
        assumeTrue(OwnerOnly.isPosix(), "POSIX permissions only");
        Path reference = Files.createFile(dir.resolve("reference"));
        Path export = dir.resolve("台账.csv");

        SafeFiles.write(export, out -> out.write(1));

        assertThat(mode(export)).isEqualTo(mode(reference));
    }

    @Test
    void aFolderThatAlreadyExistsIsLeftAsItIs() throws IOException {
        assumeTrue(OwnerOnly.isPosix(), "POSIX permissions only");
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.createDirectories(shared.resolve("new"));

        assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
        assertThat(mode(shared.resolve("new"))).isEqualTo("rwx------");
    }

    /**
     * Issue 20: on Windows (an ACL file system: Jimfs in Windows style, where the folder above lets "Authenticated
     * Users" modify) a folder and a file the program creates hold one entry, the owner's, and nothing inherited.
     */
    @Test
    void onAWindowsFileSystemTheOwnerAloneIsInTheAccessList() throws IOException {
        try (java.nio.file.FileSystem fs =
                com.google.common.jimfs.Jimfs.newFileSystem(com.google.common.jimfs.Configuration.windows().toBuilder()
                        .setRoots("C:\\", "D:\\", "F:\\")
                        .setAttributeViews("basic", "owner", "acl", "dos")
                        .build())) {
            Path d = fs.getPath("D:\\工作");
            Files.createDirectories(d);
            var shared = Files.getFileAttributeView(d, java.nio.file.attribute.AclFileAttributeView.class);
            java.nio.file.attribute.UserPrincipal everyone =
                    fs.getUserPrincipalLookupService().lookupPrincipalByName("Authenticated Users");
            shared.setAcl(java.util.List.of(java.nio.file.attribute.AclEntry.newBuilder()
                    .setType(java.nio.file.attribute.AclEntryType.ALLOW)
                    .setPrincipal(everyone)
                    .setPermissions(java.nio.file.attribute.AclEntryPermission.WRITE_DATA)
                    .build()));

            Path data = OwnerOnly.createDirectories(d.resolve("台账数据"));
            Path db = OwnerOnly.createFile(data.resolve("taizhang.db"));

            for (Path p : List.of(data, db)) {
                var view = Files.getFileAttributeView(p, java.nio.file.attribute.AclFileAttributeView.class);
                assertThat(view.getAcl()).singleElement().satisfies(e -> {
                    assertThat(e.principal()).isEqualTo(view.getOwner());
                    assertThat(e.type()).isEqualTo(java.nio.file.attribute.AclEntryType.ALLOW);
                    assertThat(e.permissions())
                            .contains(
                                    java.nio.file.attribute.AclEntryPermission.READ_DATA,
                                    java.nio.file.attribute.AclEntryPermission.WRITE_DATA);
                });
            }
            var folderEntry = Files.getFileAttributeView(data, java.nio.file.attribute.AclFileAttributeView.class)
                    .getAcl()
                    .getFirst();
            assertThat(folderEntry.flags())
                    .contains(
                            java.nio.file.attribute.AclEntryFlag.FILE_INHERIT,
                            java.nio.file.attribute.AclEntryFlag.DIRECTORY_INHERIT);
        }
    }

    /** A FAT or exFAT stick has no permissions: nothing to set, and the program carries on. */
    @Test
    void aFileSystemWithoutPermissionsIsLeftAsItIs() throws IOException {
        try (java.nio.file.FileSystem fs =
                com.google.common.jimfs.Jimfs.newFileSystem(com.google.common.jimfs.Configuration.windows().toBuilder()
                        .setRoots("C:\\", "D:\\", "F:\\")
                        .setAttributeViews("basic", "dos")
                        .build())) {
            Path stick = fs.getPath("F:\\Taizhang\\data");
            OwnerOnly.createDirectories(stick);
            assertThat(OwnerOnly.createFile(stick.resolve("taizhang.db"))).exists();
        }
    }
}
