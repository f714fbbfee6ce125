package org.taizhang.core.store;

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
 * dies, so a crash never leaves the file locked for good.
 */
final class InstanceLock implements AutoCloseable {
    /**
     * Lock files this process holds. POSIX locks belong to the process, and closing ANY channel on the file drops
     * them, so a second open in this process must be refused before it touches the file.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path database) {
        Path lockFile = database.resolveSibling(database.getFileName() + ".lock").toAbsolutePath().normalize();
        if (!HELD.add(lockFile)) {
            throw new DomainException("store.locked", database, "pid " + ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this same program (another window or command in this JVM)
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                HELD.remove(lockFile);
                throw new DomainException("store.locked", database, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(ManagementFactory.getRuntimeMXBean().getName()
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new InstanceLock(lockFile, channel, lock);
        } catch (IOException e) {
            HELD.remove(lockFile);
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // already failing; the original error is what the user needs to see
            }
            throw new DomainException(e, "store.openFailed", database, IoReasons.of(e));
        }
    }

    /**
     * Reads who holds the lock through the channel already open: opening and closing another channel on the
     * file would drop this program's own POSIX lock on it.
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
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        } finally {
            HELD.remove(lockFile);
        }
    }
}
