package org.taizhang.core.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.CancelledException;
import org.taizhang.core.task.Progress;

/**
 * Runs work off the JavaFX thread, one job at a time on one thread (so database writes never race), with
 * progress and cancel shown in the status bar. Errors the user can fix become a dialog in their language;
 * anything else is logged once and reported as an internal error.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** The work itself; it reports through {@link Progress} and stops when {@link Progress#isCancelled()}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "taizhang-work");
        t.setDaemon(true);
        return t;
    });
    private final Messages messages;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();

    public TaskRunner(Messages messages, DialogService dialogs) {
        this.messages = messages;
        this.dialogs = dialogs;
    }

    public <T> Task<T> run(String titleKey, Work<T> work, Consumer<T> onSuccess) {
        return run(titleKey, work, onSuccess, e -> false);
    }

    /**
     * @param onFailure gets the first say on a failure; return true when it handled it (no dialog then)
     */
    public <T> Task<T> run(
            String titleKey, Work<T> work, Consumer<T> onSuccess, java.util.function.Predicate<Throwable> onFailure) {
        Job<T> task = new Job<>(messages.get(titleKey), work, messages);
        task.setOnSucceeded(e -> {
            clear(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            clear(task);
            Throwable error = task.getException();
            if (onFailure.test(error)) {
                return;
            }
            report(titleKey, error);
        });
        task.setOnCancelled(e -> clear(task));
        current.set(task);
        executor.execute(task);
        return task;
    }

    private void report(String titleKey, Throwable error) {
        if (error instanceof CancelledException) {
            return;
        }
        if (error instanceof DomainException d) {
            LOG.info("{} refused: {}", titleKey, d.getMessage());
            dialogs.showError(messages.get(titleKey), messages.describe(d));
        } else {
            LOG.error("{} failed", titleKey, error);
            dialogs.showError(messages.get(titleKey), messages.get("task.internalError", String.valueOf(error)));
        }
    }

    private void clear(Task<?> task) {
        if (current.get() == task) {
            current.set(null);
        }
    }

    /** The job running now (null when idle), for the status bar. */
    public ReadOnlyObjectProperty<Task<?>> currentTask() {
        return current.getReadOnlyProperty();
    }

    public void cancelCurrent() {
        Task<?> t = current.get();
        if (t != null) {
            t.cancel(false); // cooperative: the work checks Progress.isCancelled() and rolls back
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    /** A JavaFX task whose {@link Progress} reads the task's own cancel flag (thread-safe in FutureTask). */
    private static final class Job<T> extends Task<T> {
        private final String title;
        private final Work<T> work;
        private final Messages messages;

        Job(String title, Work<T> work, Messages messages) {
            this.title = title;
            this.work = work;
            this.messages = messages;
        }

        @Override
        protected T call() throws Exception {
            updateTitle(title);
            updateMessage(title);
            return work.run(new Progress() {
                @Override
                public void update(long done, long total, String messageKey) {
                    updateProgress(done, total);
                    updateMessage(messages.get(messageKey));
                }

                @Override
                public boolean isCancelled() {
                    return Job.this.isCancelled();
                }
            });
        }
    }
}
