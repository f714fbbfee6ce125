package org.taizhang.core.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.taizhang.core.i18n.Messages;

/** The status bar: what is running (with progress and a cancel button) or 就绪, and the database in use. */
public final class StatusFooter {
    private final StatusBar bar = new StatusBar();
    private final Label database = new Label();
    /** A quiet note (the second backup folder out of reach): said, never in the way. */
    private final Label note = new Label();
    /** Who works now (操作员 and role): every change is named after them. */
    private final Label operator = new Label();

    public StatusFooter(TaskRunner tasks, Messages messages) {
        bar.setId("statusBar");
        Button cancel = new Button(messages.get("task.cancel"));
        cancel.setId("cancelTask");
        cancel.setOnAction(e -> tasks.cancelRunning());
        cancel.visibleProperty().bind(tasks.runningJob().isNotNull());
        cancel.managedProperty().bind(cancel.visibleProperty());
        operator.setId("statusOperator");
        // apart from their neighbours: the operator, the note and the database read as three things
        operator.setPadding(new javafx.geometry.Insets(0, 16, 0, 16));
        note.setPadding(new javafx.geometry.Insets(0, 16, 0, 0));
        note.setId("statusNote");
        note.getStyleClass().add("status-note");
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        bar.getRightItems().setAll(cancel, note, operator, database);
        String ready = messages.get("status.ready");
        tasks.runningJob().addListener((obs, old, job) -> bind(job, ready));
        bind(null, ready);
    }

    private void bind(TaskRunner.Job job, String ready) {
        bar.textProperty().unbind();
        bar.progressProperty().unbind();
        if (job == null) {
            bar.setText(ready);
            bar.setProgress(0);
        } else {
            bar.textProperty().bind(job.messageProperty());
            bar.progressProperty().bind(job.progressProperty());
        }
    }

    /** {@code detail}: the whole sentence, on the note's tooltip. */
    public void showNote(String text, String detail) {
        note.setText(text);
        note.setTooltip(detail == null || detail.isEmpty() ? null : new javafx.scene.control.Tooltip(detail));
    }

    public void showOperator(String text) {
        operator.setText(text);
    }

    public void showDatabase(String text) {
        database.setText(text);
    }

    public StatusBar node() {
        return bar;
    }
}
