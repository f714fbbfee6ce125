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
 * following the umask ({@link SafeFiles#write}). No-op where the file system has no POSIX permissions (Windows:
 * the data lives under the user's own %LOCALAPPDATA%).
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

    private static void restrict(Path p, Set<PosixFilePermission> permissions) throws IOException {
        if (isPosix()) {
            Files.setPosixFilePermissions(p, permissions);
        }
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
