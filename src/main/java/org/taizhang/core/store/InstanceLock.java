package org.taizhang.core.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.taizhang.core.DomainException;

/**
 * One program per database file. An OS file lock on {@code <db>.lock} is released by the OS when a program
 * dies, so a crash never leaves the file locked for good.
 */
final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path database) {
        Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
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
                String holder = readHolder(lockFile);
                channel.close();
                throw new DomainException("store.locked", database, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(ManagementFactory.getRuntimeMXBean().getName()
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // already failing; the original error is what the user needs to see
            }
            throw new DomainException(e, "store.openFailed", database, String.valueOf(e.getMessage()));
        }
    }

    private static String readHolder(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).strip();
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
        }
    }
}
