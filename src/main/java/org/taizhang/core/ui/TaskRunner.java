package org.taizhang.core.ui;

import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.CancelledException;
import org.taizhang.core.task.Progress;

/**
 * Runs work through a {@link TaskExecutor}, one job at a time, with the RUNNING job's progress and cancel shown
 * in the status bar (a job queued behind it, say a history load behind an export, neither hides it nor is
 * cancelled in its place). Errors the user can fix become a dialog in their language; anything else is logged
 * once and reported as an internal error.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** The work itself; it reports through {@link Progress} and stops when {@link Progress#isCancelled()}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final TaskExecutor executor;
    private final Messages messages;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<Job> running = new ReadOnlyObjectWrapper<>();

    public TaskRunner(Messages messages, DialogService dialogs) {
        this(TaskExecutor.fx(), messages, dialogs);
    }

    public TaskRunner(TaskExecutor executor, Messages messages, DialogService dialogs) {
        this.executor = executor;
        this.messages = messages;
        this.dialogs = dialogs;
    }

    public <T> Job run(String titleKey, Work<T> work, Consumer<T> onSuccess) {
        return run(titleKey, work, onSuccess, e -> false);
    }

    /**
     * @param onFailure gets the first say on a failure; return true when it handled it (no dialog then)
     */
    public <T> Job run(String titleKey, Work<T> work, Consumer<T> onSuccess, Predicate<Throwable> onFailure) {
        Job job = new Job(messages.get(titleKey));
        executor.background(() -> {
            if (job.cancelled) {
                return; // cancelled while it waited: it never started
            }
            executor.ui(() -> running.set(job));
            T value;
            try {
                value = work.run(job.progress(executor, messages));
            } catch (Throwable error) {
                executor.ui(() -> {
                    finish(job);
                    if (!onFailure.test(error)) {
                        report(titleKey, error);
                    }
                });
                return;
            }
            executor.ui(() -> {
                finish(job);
                if (!job.cancelled) {
                    onSuccess.accept(value);
                }
            });
        });
        return job;
    }

    private void finish(Job job) {
        job.done = true;
        if (running.get() == job) {
            running.set(null);
        }
    }

    private void report(String titleKey, Throwable error) {
        if (error instanceof CancelledException) {
            return;
        }
        if (error instanceof DomainException d) {
            // the key only: its arguments may be a name, a phone number or a finding's text (README: what logs hold)
            LOG.info("{} refused: {}", titleKey, d.messageKey());
            dialogs.showError(messages.get(titleKey), messages.describe(d));
        } else {
            LOG.error("{} failed", titleKey, error);
            dialogs.showError(messages.get(titleKey), messages.get("task.internalError", String.valueOf(error)));
        }
    }

    /** The job running now (null when idle), for the status bar. */
    public ReadOnlyObjectProperty<Job> runningJob() {
        return running.getReadOnlyProperty();
    }

    /** Cancels the job that is running now, not one waiting behind it. */
    public void cancelRunning() {
        Job j = running.get();
        if (j != null) {
            j.cancel(); // cooperative: the work checks Progress.isCancelled() and rolls back
        }
    }

    public void shutdown() {
        executor.shutdown();
    }

    /** One submitted piece of work: its title, latest progress message and fraction, and its cancel flag. */
    public static final class Job {
        private final String title;
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private volatile boolean cancelled;
        private volatile boolean done;

        Job(String title) {
            this.title = title;
            message.set(title);
        }

        public String title() {
            return title;
        }

        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        /** Done / total, or -1 while unknown. */
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        public void cancel() {
            cancelled = true;
        }

        public boolean isCancelled() {
            return cancelled;
        }

        public boolean isDone() {
            return done;
        }

        private Progress progress(TaskExecutor executor, Messages messages) {
            return new Progress() {
                @Override
                public void update(long doneCount, long total, String messageKey) {
                    String text = messages.get(messageKey);
                    double fraction = total <= 0 ? -1 : (double) doneCount / total;
                    executor.ui(() -> {
                        message.set(text);
                        progress.set(fraction);
                    });
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            };
        }
    }
}
