package org.taizhang.operator.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Actor;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.model.Operator;
import org.taizhang.operator.model.OperatorDraft;

/**
 * The 操作员 section of 设置: the operators, and a form below the list for the one chosen (or a new one). Checked as
 * typed; the service has the last word (a name taken, the last 管理员), and only a 管理员 gets that far.
 */
public final class OperatorsViewModel {
    private final OperatorService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    /** Who signed in changed (a rename of oneself, a new operator list): the window's status bar says it again. */
    private final Runnable actorChanged;

    final ObservableList<Operator> rows = FXCollections.observableArrayList();
    final ObjectProperty<Operator> selected = new SimpleObjectProperty<>();
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<Actor.Role> role = new SimpleObjectProperty<>(Actor.Role.CLERK);
    final BooleanProperty verifier = new SimpleBooleanProperty();
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty repeat = new SimpleStringProperty("");
    final ObservableList<String> problems = FXCollections.observableArrayList();
    /** Only a 管理员 manages operators: the form is shown to the others greyed, with why. */
    final BooleanProperty mayManage = new SimpleBooleanProperty();

    final StringProperty current = new SimpleStringProperty("");
    /** A name is asked for once the form was used (typed in, or 新增 pressed), not on an untouched form. */
    private boolean touched;
    /** Minutes without input before the window locks ("0": never). */
    final StringProperty idleMinutes = new SimpleStringProperty("0");

    private java.util.function.IntConsumer idleLockChanged = n -> {};

    /** The window's lock follows a saved setting at once. */
    public OperatorsViewModel onIdleLockChanged(java.util.function.IntConsumer changed) {
        this.idleLockChanged = changed;
        return this;
    }

    public OperatorsViewModel(
            OperatorService service,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages,
            Runnable actorChanged) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        this.actorChanged = actorChanged;
        name.addListener((o, was, now) -> {
            touched = true;
            check();
        });
        password.addListener((o, was, now) -> check());
        repeat.addListener((o, was, now) -> check());
        selected.addListener((o, was, now) -> {
            name.set(now == null ? "" : now.name());
            role.set(now == null ? Actor.Role.CLERK : now.role());
            verifier.set(now != null && now.verifier());
            password.set("");
            repeat.set("");
        });
    }

    public Messages messages() {
        return m;
    }

    public void reload() {
        tasks.run("operator.task.list", p -> new Listing(service.operators(), service.idleLockMinutes()), l -> {
            List<Operator> list = l.operators();
            idleMinutes.set(Integer.toString(l.idleMinutes()));
            rows.setAll(list);
            Actor now = service.current();
            mayManage.set(now.mayAdminister());
            current.set(m.get("operator.view.current", now.name(), roleName(now.role())));
            check();
        });
    }

    private record Listing(List<Operator> operators, int idleMinutes) {}

    /** Saves the idle lock's minutes (a whole number, 0 to 480). */
    public void saveIdleLock() {
        int minutes;
        try {
            minutes = Integer.parseInt(idleMinutes.get().strip());
        } catch (NumberFormatException e) {
            dialogs.showError(
                    m.get("operator.task.save"),
                    m.get("operator.error.idleLock", OperatorService.IDLE_LOCK_MAX_MINUTES));
            return;
        }
        tasks.run(
                "operator.task.save",
                p -> {
                    service.saveIdleLockMinutes(minutes);
                    return minutes;
                },
                saved -> {
                    dialogs.showInfo(
                            m.get("operator.task.save"),
                            saved == 0
                                    ? m.get("operator.view.idleLockOff")
                                    : m.get("operator.view.idleLockSaved", saved));
                    idleLockChanged.accept(saved);
                });
    }

    String roleName(Actor.Role r) {
        return m.get(r.messageKey());
    }

    /** What is wrong with the form as typed (empty: it may be saved). */
    List<String> check() {
        List<String> list = new ArrayList<>();
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            if (touched) {
                list.add(m.get("operator.error.nameRequired"));
            }
        } else if (n.length() > OperatorDraft.NAME_MAX_LENGTH) {
            list.add(m.get("operator.error.nameTooLong", OperatorDraft.NAME_MAX_LENGTH));
        }
        if (!password.get().isEmpty() && password.get().length() < OperatorService.PASSWORD_MIN_LENGTH) {
            list.add(m.get("operator.error.passwordTooShort", OperatorService.PASSWORD_MIN_LENGTH));
        }
        if (!password.get().equals(repeat.get())) {
            list.add(m.get("operator.view.passwordsDiffer"));
        }
        problems.setAll(list);
        return list;
    }

    private OperatorDraft draft() {
        return new OperatorDraft(name.get(), role.get(), verifier.get());
    }

    /** Adds the form as a new operator, with the password typed (or none). */
    public void add() {
        touched = true;
        if (!check().isEmpty() || name.get().isBlank()) {
            return;
        }
        OperatorDraft d = draft();
        char[] typed = password.get().toCharArray();
        tasks.run("operator.task.save", p -> service.add(d, typed), added -> {
            dialogs.showInfo(m.get("operator.task.save"), m.get("operator.view.added", added.name()));
            done();
        });
    }

    /** Saves the form over the chosen operator (name, role, 核查人); a password typed is set as well. */
    public void save() {
        Operator chosen = selected.get();
        if (chosen == null) {
            dialogs.showInfo(m.get("operator.task.save"), m.get("operator.view.chooseFirst"));
            return;
        }
        touched = true;
        if (!check().isEmpty()) {
            return;
        }
        OperatorDraft d = draft();
        char[] typed = password.get().isEmpty() ? null : password.get().toCharArray();
        tasks.run(
                "operator.task.save",
                p -> {
                    Operator saved = service.update(chosen.id(), d);
                    if (typed != null) {
                        service.setPassword(chosen.id(), typed);
                    }
                    return saved;
                },
                saved -> {
                    dialogs.showInfo(m.get("operator.task.save"), m.get("operator.view.saved", saved.name()));
                    done();
                });
    }

    /** Removes the chosen operator's password: signing in no longer asks for one. */
    public void clearPassword() {
        Operator chosen = selected.get();
        if (chosen == null) {
            dialogs.showInfo(m.get("operator.task.save"), m.get("operator.view.chooseFirst"));
            return;
        }
        if (!dialogs.confirm(m.get("operator.task.save"), m.get("operator.view.confirmClearPassword", chosen.name()))) {
            return;
        }
        tasks.run(
                "operator.task.save",
                p -> {
                    service.setPassword(chosen.id(), null);
                    return chosen;
                },
                x -> done());
    }

    /** Asks first (否 is the default); history keeps the name of a removed operator in every change they made. */
    public void remove() {
        Operator chosen = selected.get();
        if (chosen == null) {
            dialogs.showInfo(m.get("operator.task.remove"), m.get("operator.view.chooseFirst"));
            return;
        }
        if (!dialogs.confirm(m.get("operator.task.remove"), m.get("operator.view.confirmRemove", chosen.name()))) {
            return;
        }
        tasks.run(
                "operator.task.remove",
                p -> {
                    service.remove(chosen.id());
                    return chosen;
                },
                x -> done());
    }

    /** 切换操作员: another operator signs in (with their password); this page follows. */
    public void switchOperator() {
        SignIn.ask(service, tasks, dialogs, m, this::done, () -> {});
    }

    private void done() {
        selected.set(null);
        touched = false;
        password.set("");
        repeat.set("");
        actorChanged.run();
        reload();
    }
}
