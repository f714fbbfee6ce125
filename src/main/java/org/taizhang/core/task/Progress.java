package org.taizhang.core.task;

/**
 * How long work reports progress and learns it was cancelled, without knowing who shows it
 * (the window's status bar, the command line, or nothing in tests).
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void update(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop; call it between steps. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
