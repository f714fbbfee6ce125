package org.taizhang.core.store;

import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.IoReasons;

/**
 * One program per database file. An OS file lock on {@code <db>.lock} is released by the OS when a program
 * dies, so a crash never leaves the file locked for good. On Linux and macOS the lock is a {@link Flock}, which
 * holds whatever else the program opens and closes; Java's FileChannel lock there is a POSIX record lock, dropped
 * when ANY descriptor of the file is closed. Windows keeps Java's lock (LockFileEx holds per handle), on one byte
 * past the holder text, which stays readable.
 */
final class InstanceLock implements AutoCloseable {
    /**
     * Lock files this process holds. A second open in this process is refused here, before it touches the file:
     * where Java's POSIX lock is used, opening and closing another channel on it would drop the first open's lock.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final Closeable osLock;

    private InstanceLock(Path lockFile, Closeable osLock) {
        this.lockFile = lockFile;
        this.osLock = osLock;
    }

    /**
     * Where Java's lock sits: one byte at 1 GiB, far past the holder text at the start (SQLite places its own lock
     * bytes there, an offset every file system it runs on accepts, FAT32 included).
     */
    static final long LOCK_POSITION = 0x4000_0000L;

    /** Which OS lock: {@link Flock} where the system has it, else Java's. Tests choose Java's to check it here. */
    enum Kind {
        FLOCK,
        JAVA
    }

    static InstanceLock acquire(Path database) {
        return acquire(database, Flock.isAvailable() ? Kind.FLOCK : Kind.JAVA);
    }

    static InstanceLock acquire(Path database, Kind kind) {
        Path lockFile = database.resolveSibling(database.getFileName() + ".lock")
                .toAbsolutePath()
                .normalize();
        if (!HELD.add(lockFile)) {
            throw new DomainException(
                    "store.locked", database, "pid " + ProcessHandle.current().pid());
        }
        boolean acquired = false;
        try {
            if (java.nio.file.Files.notExists(lockFile)) {
                try {
                    org.taizhang.core.files.OwnerOnly.createFile(lockFile); // holds pid@host: owner-only
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another program created it first: the lock below decides
                }
            }
            Closeable osLock = kind == Kind.FLOCK ? flock(database, lockFile) : channelLock(database, lockFile);
            acquired = true;
            return new InstanceLock(lockFile, osLock);
        } catch (IOException e) {
            if (readOnlyFolder(e)) {
                throw new DomainException(e, "store.readOnlyFolder", database);
            }
            throw new DomainException(e, "store.openFailed", database, IoReasons.of(e));
        } finally {
            if (!acquired) {
                HELD.remove(lockFile);
            }
        }
    }

    /**
     * For a database in a read-only folder, which is only read: the lock when it can be taken; otherwise none
     * (no lock file can be created there, and a read-only open writes nothing another program could clash with).
     */
    static InstanceLock acquireIfPossible(Path database) {
        try {
            return acquire(database);
        } catch (DomainException e) {
            if (!e.messageKey().equals("store.openFailed") && !e.messageKey().equals("store.readOnlyFolder")) {
                throw e; // store.locked: another Taizhang has it open
            }
            return new InstanceLock(null, () -> {});
        }
    }

    /**
     * Whether files can be made in {@code folder}, found by making one and deleting it. {@code Files.isWritable} on
     * Windows reads only the folder's ACL and the volume's read-only flag: a read-only share, USB-control software
     * or Controlled Folder Access passed it (and the lock file then failed, "无法打开"), while a folder whose ACL
     * could not be read failed it, and a writable database opened immutable.
     */
    static boolean canCreateFilesIn(Path folder) {
        Path probe;
        try {
            probe = java.nio.file.Files.createTempFile(folder, ".taizhang-", ".probe");
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try {
            java.nio.file.Files.delete(probe);
        } catch (IOException e) {
            // made, so the folder is writable; a scanner holding the new file must not make it read-only
        }
        return true;
    }

    /** The lock file cannot be made or opened for writing because the folder or the volume refuses writing. */
    private static boolean readOnlyFolder(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return true;
        }
        String reason = e instanceof java.nio.file.FileSystemException f ? String.valueOf(f.getReason()) : "";
        return reason.contains("Read-only file system") || reason.contains("write protected");
    }

    /** Java opens (and creates) the file first, so a folder where it cannot be written gives Java's reasons. */
    private static Closeable flock(Path database, Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int fd = Flock.tryLock(lockFile);
            if (fd < 0) {
                throw new DomainException("store.locked", database, readHolder(channel));
            }
            try {
                writeHolder(channel);
            } catch (IOException | RuntimeException e) {
                Flock.close(fd);
                throw e;
            }
            return () -> Flock.close(fd);
        }
    }

    /**
     * Java's lock, through one channel that stays open until close: it holds the lock and writes the holder (on
     * Windows another handle could not write the locked file; elsewhere closing any channel drops the lock).
     */
    private static Closeable channelLock(Path database, Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                // not the whole file: Windows' locks are mandatory, and one over the holder text kept a refused
                // second start from reading it and Explorer from copying the data folder
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this same program (another window or command in this JVM)
            }
            if (lock == null) {
                throw new DomainException("store.locked", database, readHolder(channel));
            }
            writeHolder(channel);
            return channel; // closing the channel releases its lock
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed); // already failing; the original error is what the user needs to see
            }
            throw e;
        }
    }

    /** The holder's pid and host, shown to a program that is refused. */
    private static void writeHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(ManagementFactory.getRuntimeMXBean().getName().getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
    }

    /**
     * Reads who holds the lock through the channel already open: with Java's lock on POSIX systems, opening and
     * closing another channel would drop this program's own lock. "?" when the file cannot be read.
     */
    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            osLock.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        } finally {
            if (lockFile != null) {
                HELD.remove(lockFile);
            }
        }
    }
}
