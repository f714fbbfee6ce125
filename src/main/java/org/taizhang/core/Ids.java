package org.taizhang.core;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Record keys. A record made by hand gets a random UUID, so records made on different devices never collide.
 * Shared reference data (a workbook imported on two devices, the built-in sample) gets an id derived from its
 * natural key, so two devices that load the same rows hold the same records, not two of each.
 */
public final class Ids {
    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The id of the record named by {@code key} (its kind first, e.g. "unit", name). */
    public static String forKey(String... key) {
        return UUID.nameUUIDFromBytes(("taizhang\0" + String.join("\0", key)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * {@link #forKey}, or when that id is {@code taken} by another record (one renamed after it was made),
     * the same key numbered #2, #3 …: still the same on every device that holds the same records.
     */
    public static String forKey(Predicate<String> taken, String... key) {
        String id = forKey(key);
        for (int n = 2; taken.test(id); n++) {
            String[] numbered = key.clone();
            numbered[numbered.length - 1] = key[key.length - 1] + "#" + n;
            id = forKey(numbered);
        }
        return id;
    }
}
