package org.taizhang.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.CancelledException;

/** The runner without a window: a worker thread and "UI" updates run in place, serialised by a lock. */
class TaskRunnerTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Object ui = new Object();
    private final TaskExecutor threaded = new TaskExecutor() {
        @Override
        public void background(Runnable work) {
            worker.execute(work);
        }

        @Override
        public void ui(Runnable update) {
            synchronized (ui) {
                update.run();
            }
        }
    };
    private final Messages messages = Messages.forLocale(Messages.CHINESE);

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void aQueuedJobNeitherHidesTheRunningOneNorIsCancelledInItsPlace() throws Exception {
        TaskRunner runner = new TaskRunner(threaded, messages, dialogs());
        CountDownLatch started = new CountDownLatch(1);
        List<String> finished = new CopyOnWriteArrayList<>();
        TaskRunner.Job export = runner.run(
                "status.ready",
                p -> {
                    started.countDown();
                    while (!p.isCancelled()) {
                        Thread.sleep(5);
                    }
                    throw new CancelledException();
                },
                x -> finished.add("export"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        TaskRunner.Job history = runner.run("status.ready", p -> "h", finished::add);

        waitFor(() -> runner.runningJob().get() == export);
        assertThat(runner.runningJob().get()).isSameAs(export);

        runner.cancelRunning();

        waitFor(() -> finished.contains("h"));
        assertThat(export.isCancelled()).isTrue();
        assertThat(history.isCancelled()).isFalse();
        assertThat(finished).containsExactly("h");
        waitFor(() -> runner.runningJob().get() == null);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSynchronousExecutorRunsWorkAndResultAtOnce() {
        TaskRunner runner = new TaskRunner(TaskExecutor.synchronous(), messages, dialogs());
        List<String> got = new CopyOnWriteArrayList<>();
        runner.run("status.ready", p -> "done", got::add);
        assertThat(got).containsExactly("done");
        assertThat(runner.runningJob().get()).isNull();
    }

    @Test
    void aRefusalIsShownInTheUsersLanguageAndAnUnexpectedErrorAsInternal() {
        TaskRunner runner = new TaskRunner(TaskExecutor.synchronous(), messages, dialogs());
        runner.run(
                "status.ready",
                p -> {
                    throw new DomainException("store.recordDeleted");
                },
                x -> {});
        runner.run(
                "status.ready",
                p -> {
                    throw new IllegalStateException("boom");
                },
                x -> {});
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("已被删除");
        assertThat(errors.get(1)).contains("程序内部错误").contains("boom");
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    private DialogService dialogs() {
        return new DialogService() {
            @Override
            public void showError(String header, String message) {
                errors.add(message);
            }

            @Override
            public void showInfo(String header, String message) {}

            @Override
            public void showTable(
                    String header, String message, boolean error, List<String> columns, List<List<String>> rows) {}

            @Override
            public boolean confirm(String header, String message) {
                return false;
            }

            @Override
            public Optional<Integer> choose(String header, String message, List<String> choices) {
                return Optional.empty();
            }

            @Override
            public Optional<String> askText(String header, String message, String initial) {
                return Optional.empty();
            }

            @Override
            public void open(Path fileOrFolder) {}

            @Override
            public Optional<Path> chooseFileToOpen(String title, String filterName, String... patterns) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToSave(
                    String title, String initialName, String filterName, String... patterns) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFolder(String title) {
                return Optional.empty();
            }
        };
    }
}
