package org.taizhang.core.store;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.taizhang.core.DomainException;

/**
 * Where the database lives when {@code --db} does not say: {@code TAIZHANG_HOME}; else a {@code data} folder beside
 * the program itself (the portable copy on a USB stick); else the user's per-OS data folder.
 */
public final class DataLocation {
    static final String FILE_NAME = "taizhang.db";
    static final String PORTABLE_FOLDER = "data";

    private DataLocation() {}

    public static Path defaultDatabase() {
        return defaultDatabase(
                System.getenv(),
                System.getProperty("os.name", ""),
                System.getProperty("user.home", ""),
                programFolder(System.getProperty("jpackage.app-path"), codeSource()));
    }

    /**
     * The same, from values a test can give. A blank or relative LOCALAPPDATA or XDG_DATA_HOME (a broken logon
     * script, a service account) is ignored: the database would land wherever the program was started from.
     */
    static Path defaultDatabase(Map<String, String> env, String osName, String userHome, Optional<Path> program) {
        String override = unquoted(env.get("TAIZHANG_HOME"));
        if (!override.isEmpty()) {
            try {
                return Path.of(override, FILE_NAME);
            } catch (InvalidPathException e) {
                // read before logging starts: a clear line, not a stack trace nobody can act on
                throw new DomainException(e, "store.homeInvalid", override, e.getReason());
            }
        }
        Optional<Path> portable = program.map(p -> p.resolve(PORTABLE_FOLDER)).filter(Files::isDirectory);
        if (portable.isPresent()) {
            return portable.get().resolve(FILE_NAME);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path base = absolute(env.get("LOCALAPPDATA")).orElseGet(() -> Path.of(userHome, "AppData", "Local"));
            return base.resolve("Taizhang").resolve(FILE_NAME);
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Taizhang", FILE_NAME);
        }
        Path base = absolute(env.get("XDG_DATA_HOME")).orElseGet(() -> Path.of(userHome, ".local", "share"));
        return base.resolve("taizhang").resolve(FILE_NAME);
    }

    /**
     * {@code set TAIZHANG_HOME="D:\台账"} in cmd.exe keeps the quotes in the value, and a quote is not allowed in a
     * Windows path: the quotes (and spaces around them) go.
     */
    static String unquoted(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        while (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }

    private static Optional<Path> absolute(String value) {
        String v = unquoted(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(v)).filter(Path::isAbsolute);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The folder the program was unpacked or installed into: the app-image's root, which holds the launcher
     * (Taizhang.exe on Windows; {@code bin/Taizhang} on Linux) — jpackage's launcher names itself in
     * {@code jpackage.app-path}. Without a launcher ({@code java -jar taizhang.jar}), the jar's folder, or the
     * image's root when the jar sits in its {@code app} (Windows) or {@code lib/app} (Linux) folder. None when
     * running from classes (a build).
     */
    static Optional<Path> programFolder(String launcher, Path codeSource) {
        try {
            if (launcher != null && !launcher.isBlank()) {
                Path folder = Path.of(launcher).toAbsolutePath().getParent();
                return Optional.ofNullable(named(folder, "bin") ? folder.getParent() : folder);
            }
            if (codeSource == null
                    || !codeSource.getFileName().toString().endsWith(".jar")
                    || !Files.isRegularFile(codeSource)) {
                return Optional.empty();
            }
            Path folder = codeSource.toAbsolutePath().getParent();
            if (named(folder, "app")) {
                folder = folder.getParent();
                if (named(folder, "lib")) {
                    folder = folder.getParent();
                }
            }
            return Optional.ofNullable(folder);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean named(Path folder, String name) {
        return folder != null
                && folder.getFileName() != null
                && folder.getFileName().toString().equalsIgnoreCase(name);
    }

    private static Path codeSource() {
        try {
            var source = DataLocation.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null; // not a file (a custom class loader): no portable folder
        }
    }
}
