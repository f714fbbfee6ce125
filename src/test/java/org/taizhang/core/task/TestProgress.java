package org.taizhang.core.task;

import java.util.function.LongPredicate;

/** Progress for tests of long work: it asks to cancel once {@code whenDone} accepts the work done so far. */
public final class TestProgress {
    private TestProgress() {}

    public static Progress cancelledWhen(LongPredicate whenDone) {
        return new Progress() {
            private volatile boolean cancelled;

            @Override
            public void update(long done, long total, String message) {
                if (whenDone.test(done)) {
                    cancelled = true;
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }
}
