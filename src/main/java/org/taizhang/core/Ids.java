package org.taizhang.core;

import java.util.UUID;

/** Record keys: random UUIDs, so records made on different devices never collide. */
public final class Ids {
    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
