package org.taizhang.core.store;

/** Whether this database has been through the first-start choice (empty or sample data). */
public final class FirstRun {
    private static final String KEY = "first-run.done";

    private FirstRun() {}

    public static boolean isPending(Store store) {
        return store.localSetting(KEY).isEmpty();
    }

    public static void markDone(Store store) {
        store.putLocalSetting(KEY, "true");
    }
}
