package org.taizhang.core.store;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Windows drive letter is a mapped network drive, and the share behind it. A database on {@code Z:\} looks
 * local from its path; only the system knows that Z: is {@code \\server\share} (GetDriveTypeW, WNetGetConnectionW).
 */
final class WindowsDrives {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsDrives.class);
    private static final int DRIVE_REMOTE = 4;
    private static final int NO_ERROR = 0;
    /** Characters for the share's name: a UNC path can be long, and the call says when it needs more. */
    private static final int NAME_CHARS = 1024;

    private static final MethodHandle GET_DRIVE_TYPE;
    private static final MethodHandle GET_CONNECTION;

    static {
        MethodHandle driveType = null;
        MethodHandle connection = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", Arena.global());
                driveType = linker.downcallHandle(
                        kernel32.find("GetDriveTypeW").orElseThrow(), FunctionDescriptor.of(JAVA_INT, ADDRESS));
                try {
                    SymbolLookup mpr = SymbolLookup.libraryLookup("mpr", Arena.global());
                    connection = linker.downcallHandle(
                            mpr.find("WNetGetConnectionW").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
                } catch (RuntimeException e) {
                    LOG.warn("WNetGetConnectionW is not available: a network drive is named by its letter only", e);
                }
            } catch (RuntimeException | LinkageError e) {
                // native access denied by the JVM's options, or no kernel32: the path alone decides, as before
                LOG.warn("GetDriveTypeW is not available: mapped network drives are not recognised", e);
                driveType = null;
            }
        }
        GET_DRIVE_TYPE = driveType;
        GET_CONNECTION = connection;
    }

    private WindowsDrives() {}

    /**
     * For {@code drive} ("Z:"), when it is a network drive: the share it maps ({@code \\server\share}), or the letter
     * itself when the system does not say. Empty for a local drive, and anywhere but on Windows.
     */
    static Optional<String> remote(String drive) {
        if (GET_DRIVE_TYPE == null || !isDriveLetter(drive)) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment root = arena.allocateFrom(drive + "\\", StandardCharsets.UTF_16LE);
            if ((int) GET_DRIVE_TYPE.invokeExact(root) != DRIVE_REMOTE) {
                return Optional.empty();
            }
            return Optional.of(share(arena, drive).orElse(drive));
        } catch (Throwable e) {
            LOG.warn("cannot ask Windows about drive {}", drive, e);
            return Optional.empty();
        }
    }

    private static Optional<String> share(Arena arena, String drive) throws Throwable {
        if (GET_CONNECTION == null) {
            return Optional.empty();
        }
        MemorySegment name = arena.allocate(NAME_CHARS * 2L);
        MemorySegment length = arena.allocateFrom(JAVA_INT, NAME_CHARS);
        int result =
                (int) GET_CONNECTION.invokeExact(arena.allocateFrom(drive, StandardCharsets.UTF_16LE), name, length);
        if (result != NO_ERROR) {
            return Optional.empty();
        }
        String share = name.getString(0, StandardCharsets.UTF_16LE);
        return share.isBlank() ? Optional.empty() : Optional.of(share);
    }

    /** "C:" to "Z:", either case. */
    static boolean isDriveLetter(String drive) {
        return drive.length() == 2
                && drive.charAt(1) == ':'
                && Character.toUpperCase(drive.charAt(0)) >= 'A'
                && Character.toUpperCase(drive.charAt(0)) <= 'Z';
    }
}
