package org.taizhang.core.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.files.OwnerOnly;

/**
 * How far each device's clock went, noted in the user's profile — outside the data folder, so a backup restored
 * over the data folder together with its {@code .device} file does not bring an old note back. A database whose
 * clock is behind this note was restored: were it to keep its id, its next changes would take names its lost
 * changes already carry on other devices (decisions/0006), so it takes a new one. Best effort: without a profile
 * folder the device file alone decides, as before.
 *
 * <p>The folder: {@code -Dtaizhang.profile}, else {@code %APPDATA%\Taizhang} on Windows, else
 * {@code $XDG_CONFIG_HOME/taizhang} or {@code ~/.config/taizhang}.
 */
final class ClockNotes {
    private static final Logger LOG = LoggerFactory.getLogger(ClockNotes.class);

    private ClockNotes() {}

    static Path folder() {
        return folder(
                System.getProperties().getProperty("taizhang.profile"),
                System.getenv(),
                System.getProperty("user.home"));
    }

    static Path folder(String property, Map<String, String> env, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property).resolve("clocks");
        }
        String appData = env.get("APPDATA");
        if (appData != null && !appData.isBlank()) {
            return Path.of(appData, "Taizhang", "clocks");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "taizhang", "clocks");
        }
        return Path.of(home, ".config", "taizhang", "clocks");
    }

    /** The highest counter noted for {@code deviceId}, or 0. */
    static long read(Path folder, String deviceId) {
        try {
            return Long.parseLong(Files.readString(folder.resolve(deviceId), StandardCharsets.UTF_8)
                    .strip());
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("clock note of {} unreadable: {}", deviceId, e.toString());
            return 0;
        }
    }

    /** Notes {@code counter} for {@code deviceId} unless a higher one is noted already. */
    static void write(Path folder, String deviceId, long counter) {
        if (counter <= read(folder, deviceId)) {
            return;
        }
        try {
            OwnerOnly.createDirectories(folder);
            Path temp = folder.resolve(deviceId + ".part");
            Files.deleteIfExists(temp);
            OwnerOnly.createFile(temp);
            Files.writeString(temp, Long.toString(counter), StandardCharsets.UTF_8);
            Files.move(
                    temp,
                    folder.resolve(deviceId),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("clock note of {} not written: {}", deviceId, e.toString());
        }
    }
}
