package org.taizhang.core.ui;

import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.taizhang.core.i18n.Messages;

/** The status bar: what is running (with progress and a cancel button) or 就绪, and the database in use. */
public final class StatusFooter {
    private final StatusBar bar = new StatusBar();
    private final Label database = new Label();

    public StatusFooter(TaskRunner tasks, Messages messages) {
        bar.setId("statusBar");
        Button cancel = new Button(messages.get("task.cancel"));
        cancel.setId("cancelTask");
        cancel.setOnAction(e -> tasks.cancelCurrent());
        cancel.visibleProperty().bind(tasks.currentTask().isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        bar.getRightItems().setAll(cancel, database);
        String ready = messages.get("status.ready");
        tasks.currentTask().addListener((obs, old, task) -> bind(task, ready));
        bind(null, ready);
    }

    private void bind(Task<?> task, String ready) {
        bar.textProperty().unbind();
        bar.progressProperty().unbind();
        if (task == null) {
            bar.setText(ready);
            bar.setProgress(0);
        } else {
            bar.textProperty()
                    .bind(Bindings.when(task.messageProperty().isEmpty())
                            .then(task.titleProperty())
                            .otherwise(task.messageProperty()));
            bar.progressProperty().bind(task.progressProperty());
        }
    }

    public void showDatabase(String text) {
        database.setText(text);
    }

    public StatusBar node() {
        return bar;
    }
}
