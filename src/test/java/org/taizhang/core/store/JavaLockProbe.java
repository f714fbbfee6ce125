package org.taizhang.core.store;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.taizhang.core.DomainException;

/**
 * Run in a separate JVM by {@link InstanceLockTest} while the test holds the lock the Windows way (Java's lock):
 * {@code instance DB} starts a second copy on Java's lock too and prints "opened" or "refused" with the holder it
 * names; {@code bytes LOCKFILE} says which parts of the lock file another program could lock, and what it reads
 * there. Only another process sees the OS lock as another program does.
 */
public final class JavaLockProbe {
    static final String RESULT = "probe: ";

    private JavaLockProbe() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("instance")) {
            try (InstanceLock lock = InstanceLock.acquire(Path.of(args[1]), InstanceLock.Kind.JAVA)) {
                System.out.println(RESULT + "opened");
            } catch (DomainException e) {
                System.out.println(RESULT + "refused " + e.messageKey() + " " + e.args()[1]);
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.READ)) {
            ByteBuffer content = ByteBuffer.allocate(256);
            channel.read(content, 0);
            System.out.println(RESULT + "content " + (free(channel, 0, 256) ? "free" : "locked") + " lockByte "
                    + (free(channel, InstanceLock.LOCK_POSITION, 1) ? "free" : "locked") + " reads "
                    + new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).strip());
        }
    }

    /** A shared lock on the range is what a reader (Explorer copying the folder) needs on Windows. */
    private static boolean free(FileChannel channel, long position, long size) throws Exception {
        try (FileLock lock = channel.tryLock(position, size, true)) {
            return lock != null;
        }
    }
}
