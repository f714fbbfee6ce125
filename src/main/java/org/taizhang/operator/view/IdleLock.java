package org.taizhang.operator.view;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Actor;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.operator.OperatorService;

/**
 * 空闲锁定 (issue 22, off by default): after the set minutes without a key or the mouse, the window's content is
 * covered until the operator types their password again (one without a password presses 继续: a screen kept from
 * passers-by), or another operator signs in. Nothing under it is closed: a form half typed is still there.
 */
public final class IdleLock {
    private final StackPane host;
    private final OperatorService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final Runnable actorChanged;
    private final PauseTransition idle = new PauseTransition();
    /** Set to a time (off until then: input alone never starts the wait). */
    private boolean armed;

    private final VBox cover = new VBox(12);
    private final Label who = new Label();
    private final PasswordField password = new PasswordField();

    /** {@code host}: the window's root, whose only child is the program's content. */
    public IdleLock(
            StackPane host,
            OperatorService service,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages,
            Runnable actorChanged) {
        this.host = host;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        this.actorChanged = actorChanged;
        Label title = new Label(m.get("operator.lock.title"));
        title.getStyleClass().add("section-title");
        password.setId("lockPassword");
        password.setMaxWidth(220);
        password.setPromptText(m.get("operator.signIn.passwordPrompt"));
        password.setOnAction(e -> unlock());
        Button resume = new Button(m.get("operator.lock.resume"));
        resume.setId("lockResume");
        resume.setDefaultButton(true);
        resume.setOnAction(e -> unlock());
        Button other = new Button(m.get("operator.view.switch"));
        other.setId("lockSwitch");
        other.setOnAction(e -> SignIn.ask(service, tasks, dialogs, m, this::unlocked, () -> {}));
        cover.setId("idleLock");
        cover.setAlignment(Pos.CENTER);
        cover.getChildren().addAll(title, who, password, resume, other);
        cover.setStyle("-fx-background-color: -fx-background;");
        idle.setOnFinished(e -> lock());
        // any key or mouse input in the window starts the wait again
        host.addEventFilter(InputEvent.ANY, e -> {
            if (armed && !isLocked()) {
                idle.playFromStart();
            }
        });
    }

    /** Locks after {@code minutes} without input; 0 stops it. */
    public void start(int minutes) {
        startAfter(minutes == 0 ? null : Duration.minutes(minutes));
    }

    /** {@code wait} null: never (tests give seconds). */
    void startAfter(Duration wait) {
        idle.stop();
        armed = wait != null;
        if (wait != null) {
            idle.setDuration(wait);
            idle.playFromStart();
        }
    }

    public boolean isLocked() {
        return host.getChildren().contains(cover);
    }

    void lock() {
        if (isLocked()) {
            return;
        }
        Actor now = service.current();
        who.setText(m.get("operator.lock.who", now.name()));
        password.clear();
        host.getChildren().add(cover); // over the content: it keeps every click and key
        password.requestFocus();
    }

    private void unlock() {
        Actor now = service.current();
        if (!now.chosen()) {
            SignIn.ask(service, tasks, dialogs, m, this::unlocked, () -> {});
            return;
        }
        char[] typed = password.getText().toCharArray();
        password.clear();
        tasks.run("operator.task.signIn", p -> service.signIn(now.name(), typed), a -> unlocked(), failed -> {
            if (failed instanceof DomainException d) {
                dialogs.showError(m.get("operator.task.signIn"), m.describe(d));
                return true;
            }
            return false;
        });
    }

    private void unlocked() {
        host.getChildren().remove(cover);
        actorChanged.run();
        if (armed) {
            idle.playFromStart();
        }
    }
}
