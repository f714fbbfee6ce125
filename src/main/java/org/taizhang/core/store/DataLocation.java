package org.taizhang.core.store;

import java.nio.file.Path;
import java.util.Locale;

/** Where the database lives when {@code --db} does not say: the user's per-OS data folder. */
public final class DataLocation {
    private DataLocation() {}

    public static Path defaultDatabase() {
        String override = System.getenv("TAIZHANG_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override, "taizhang.db");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("Taizhang").resolve("taizhang.db");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Taizhang", "taizhang.db");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("taizhang").resolve("taizhang.db");
    }
}
