package org.taizhang.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.taizhang.core.files.TmpfsMount;

/**
 * A folder that becomes one where nothing can be written ({@link #seal}): mode 0555 where permissions hold, else
 * (root writes past them) a tmpfs remounted read-only. The test is skipped when neither can be had.
 */
final class ReadOnlyFolder implements AutoCloseable {
    private final Path folder;
    private final TmpfsMount mount;

    private ReadOnlyFolder(Path folder, TmpfsMount mount) {
        this.folder = folder;
        this.mount = mount;
    }

    static ReadOnlyFolder in(Path parent) throws IOException {
        Assumptions.assumeTrue(
                parent.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path trial = Files.createDirectory(parent.resolve("trial"));
        Files.setPosixFilePermissions(trial, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean permissionsHold = !Files.isWritable(trial);
        Files.setPosixFilePermissions(trial, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (permissionsHold) {
            return new ReadOnlyFolder(Files.createDirectory(parent.resolve("只读")), null);
        }
        TmpfsMount mount = TmpfsMount.mountOrSkip(parent.resolve("U盘"), "4m");
        return new ReadOnlyFolder(mount.folder(), mount);
    }

    Path folder() {
        return folder;
    }

    void seal() throws IOException {
        if (mount != null) {
            mount.remountReadOnly();
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
    }

    @Override
    public void close() throws IOException {
        if (mount != null) {
            mount.close();
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
