package org.taizhang.core.store;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BSD {@code flock(2)} on Linux and macOS, called through the Foreign Function &amp; Memory API. Java's
 * {@code FileChannel.tryLock} takes a POSIX record lock there, which the OS drops as soon as the process closes
 * ANY descriptor of the file (a GTK file dialog sniffing the folder does). A flock belongs to the open file
 * instead: it holds until its own descriptor is closed, or the process dies.
 */
final class Flock {
    private static final Logger LOG = LoggerFactory.getLogger(Flock.class);
    // the same numbers on Linux and macOS
    private static final int O_RDWR = 2;
    private static final int F_SETFD = 2;
    private static final int FD_CLOEXEC = 1;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int EINTR = 4;

    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** How the JDK turns a path into bytes for the OS; a C call must get the same bytes. */
    private static final Charset PATH_CHARSET =
            Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"), StandardCharsets.UTF_8);

    private static final int EWOULDBLOCK;
    private static final MethodHandle OPEN;
    private static final MethodHandle FCNTL;
    private static final MethodHandle FLOCK;
    private static final MethodHandle CLOSE;
    private static final MethodHandle STRERROR;

    static {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        int wouldBlock = os.startsWith("linux") ? 11 : os.startsWith("mac") ? 35 : 0;
        MethodHandle open = null;
        MethodHandle fcntl = null;
        MethodHandle flock = null;
        MethodHandle close = null;
        MethodHandle strerror = null;
        if (wouldBlock != 0) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                Linker.Option errno = Linker.Option.captureCallState("errno");
                // open and fcntl are variadic in C: declared so, or the call may pass arguments the wrong way
                open = linker.downcallHandle(
                        libc.find("open").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT),
                        errno,
                        Linker.Option.firstVariadicArg(2));
                fcntl = linker.downcallHandle(
                        libc.find("fcntl").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT),
                        errno,
                        Linker.Option.firstVariadicArg(2));
                flock = linker.downcallHandle(
                        libc.find("flock").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), errno);
                close = linker.downcallHandle(
                        libc.find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
                strerror = linker.downcallHandle(
                        libc.find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));
            } catch (RuntimeException | LinkageError e) {
                // e.g. native access denied by the JVM's options: InstanceLock falls back to Java's lock
                LOG.warn("flock(2) is not available, using Java's file lock", e);
                open = null;
            }
        }
        EWOULDBLOCK = wouldBlock;
        OPEN = open;
        FCNTL = fcntl;
        FLOCK = flock;
        CLOSE = close;
        STRERROR = strerror;
    }

    private Flock() {}

    /** Linux and macOS, when the C library's functions could be bound. */
    static boolean isAvailable() {
        return OPEN != null;
    }

    /**
     * Opens the existing {@code file} and takes an exclusive flock on it without waiting. Returns the descriptor
     * that holds the lock (give it to {@link #close}), or -1 when another open file, another program, holds it.
     */
    static int tryLock(Path file) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(file.toString(), PATH_CHARSET), O_RDWR);
            if (fd < 0) {
                throw failure(file, "open", state);
            }
            boolean locked = false;
            try {
                // a child process that inherited the descriptor would keep the lock after this program ends
                if ((int) FCNTL.invokeExact(state, fd, F_SETFD, FD_CLOEXEC) < 0) {
                    throw failure(file, "fcntl", state);
                }
                while ((int) FLOCK.invokeExact(state, fd, LOCK_EX | LOCK_NB) < 0) {
                    int errno = (int) ERRNO.get(state, 0L);
                    if (errno == EWOULDBLOCK) {
                        return -1;
                    }
                    if (errno != EINTR) {
                        throw failure(file, "flock", state);
                    }
                }
                locked = true;
                return fd;
            } finally {
                if (!locked) {
                    close(fd);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Closes the descriptor, which releases its lock. */
    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            LOG.warn("close({}) failed; the OS drops the lock with the process anyway", fd, t);
        }
    }

    /** The system's words for the error, as a {@link FileSystemException} reason (like Java's own file errors). */
    private static IOException failure(Path file, String call, MemorySegment state) throws Throwable {
        int errno = (int) ERRNO.get(state, 0L);
        MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
        String reason = text.equals(MemorySegment.NULL)
                ? "errno " + errno
                : text.reinterpret(Integer.MAX_VALUE).getString(0);
        return new FileSystemException(file.toString(), null, reason + " (" + call + ")");
    }
}
