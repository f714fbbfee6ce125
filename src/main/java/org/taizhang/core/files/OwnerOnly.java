package org.taizhang.core.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The program's own data (the data folder, the database and its companions, backups, logs, attachments) is
 * created readable by its owner only: 700 for folders, 600 for files, whatever the umask (which would otherwise
 * give 755/644 and let other accounts on a shared machine read names and phone numbers). Set explicitly after
 * creating, because a permission given at creation is still cut by the umask. Folders and files that already
 * exist are left as they are (a {@code --db} in a folder the user shares on purpose). Files a user exports keep
 * following the umask ({@link SafeFiles#write}). On Windows (an ACL file system) the same holds through an access
 * list of one entry, the owner's, with nothing inherited from the folder above: under TAIZHANG_HOME or a
 * {@code --db} on D:\ the file would otherwise inherit "Authenticated Users: Modify". A file system with neither
 * (FAT and exFAT sticks) has no permissions to set: said once in the log.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Like {@link Files#createDirectories}, every folder it creates owner-only. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p);
                restrict(p, FOLDER);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
                // created meanwhile by someone else: theirs to decide
            }
        }
        return dir;
    }

    /** Creates a new empty file, owner-only; throws FileAlreadyExistsException when it exists. */
    public static Path createFile(Path file) throws IOException {
        Files.createFile(file);
        restrict(file, FILE);
        return file;
    }

    /** A file the program just created (SQLite's, a temp file): owner-only. */
    public static void restrictFile(Path file) throws IOException {
        restrict(file, FILE);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OwnerOnly.class);
    private static final java.util.concurrent.atomic.AtomicBoolean SAID =
            new java.util.concurrent.atomic.AtomicBoolean();

    private static void restrict(Path p, Set<PosixFilePermission> permissions) throws IOException {
        Set<String> views = p.getFileSystem().supportedFileAttributeViews();
        if (views.contains("posix")) {
            Files.setPosixFilePermissions(p, permissions);
        } else if (views.contains("acl")) {
            ownerOnlyAcl(p, Files.isDirectory(p));
        } else if (SAID.compareAndSet(false, true)) {
            LOG.info("{}: this file system has no permissions (FAT or exFAT): anyone with the stick can read it", p);
        }
    }

    /**
     * One entry: the owner may do everything; a folder's entry is inherited by what is created in it. The list
     * replaces the inherited entries, so no other account keeps access through the folder above.
     */
    private static void ownerOnlyAcl(Path p, boolean folder) throws IOException {
        java.nio.file.attribute.AclFileAttributeView view =
                Files.getFileAttributeView(p, java.nio.file.attribute.AclFileAttributeView.class);
        java.nio.file.attribute.AclEntry owner = java.nio.file.attribute.AclEntry.newBuilder()
                .setType(java.nio.file.attribute.AclEntryType.ALLOW)
                .setPrincipal(view.getOwner())
                .setPermissions(java.util.EnumSet.allOf(java.nio.file.attribute.AclEntryPermission.class))
                .setFlags(
                        folder
                                ? java.util.EnumSet.of(
                                        java.nio.file.attribute.AclEntryFlag.FILE_INHERIT,
                                        java.nio.file.attribute.AclEntryFlag.DIRECTORY_INHERIT)
                                : java.util.EnumSet.noneOf(java.nio.file.attribute.AclEntryFlag.class))
                .build();
        view.setAcl(java.util.List.of(owner));
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
