package org.taizhang.core.store;

import java.io.IOException;
import java.nio.file.Files;

/** For tests outside this package: the profile's note of a device's clock lost (another computer, a new profile). */
public final class ClockNotesAccess {
    private ClockNotesAccess() {}

    public static void forget(String deviceId) throws IOException {
        Files.deleteIfExists(ClockNotes.folder().resolve(deviceId));
    }
}
