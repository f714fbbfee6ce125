package org.taizhang.core.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * Where {@link TaskRunner} runs work and where it reports back. The window uses {@link #fx()}: one worker thread
 * (so database writes never race) and the JavaFX thread for results. Tests use {@link #synchronous()}: everything
 * runs at once on the caller's thread, so a view model is tested without a window and without waiting.
 */
public interface TaskExecutor {
    /** Runs the work off the UI thread (in submission order). */
    void background(Runnable work);

    /** Runs a result or a progress update on the UI thread. */
    void ui(Runnable update);

    /** Stops taking work; running work is interrupted. */
    default void shutdown() {}

    /** One daemon worker thread, results on the JavaFX thread. */
    static TaskExecutor fx() {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "taizhang-work");
            t.setDaemon(true);
            return t;
        });
        return new TaskExecutor() {
            @Override
            public void background(Runnable work) {
                worker.execute(work);
            }

            @Override
            public void ui(Runnable update) {
                if (Platform.isFxApplicationThread()) {
                    update.run();
                } else {
                    Platform.runLater(update);
                }
            }

            @Override
            public void shutdown() {
                worker.shutdownNow();
            }
        };
    }

    /** Runs everything at once on the calling thread (tests). */
    static TaskExecutor synchronous() {
        return new TaskExecutor() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable update) {
                update.run();
            }
        };
    }
}
