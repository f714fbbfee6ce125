package org.taizhang.operator.view;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.FormDialog;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.model.Operator;

/**
 * 登录: who works here, asked at start when the program cannot tell (several operators, or a password), and by
 * 切换操作员. A wrong password asks again; 退出 gives up.
 */
public final class SignIn {
    private SignIn() {}

    public static void ask(
            OperatorService service,
            TaskRunner tasks,
            DialogService dialogs,
            Messages m,
            Runnable onSignedIn,
            Runnable onGiveUp) {
        tasks.run(
                "operator.task.list",
                p -> service.operators(),
                list -> form(list, service, tasks, dialogs, m, onSignedIn, onGiveUp));
    }

    private static void form(
            List<Operator> operators,
            OperatorService service,
            TaskRunner tasks,
            DialogService dialogs,
            Messages m,
            Runnable onSignedIn,
            Runnable onGiveUp) {
        ComboBox<String> name = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                operators.stream().map(Operator::name).toList()));
        name.setId("signInName");
        name.setPrefWidth(200);
        String now = service.current().chosen() ? service.current().name() : null;
        name.setValue(
                now != null
                        ? now
                        : operators.isEmpty() ? null : operators.getFirst().name());
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.setPromptText(m.get("operator.signIn.passwordPrompt"));
        GridPane body = new GridPane(8, 8);
        body.addRow(0, new Label(m.get("operator.view.name")), name);
        body.addRow(1, new Label(m.get("operator.view.password")), password);
        FormDialog dialog = new FormDialog("signIn", m.get("operator.signIn.title"), body)
                .buttons(m.get("operator.signIn.ok"), m.get("operator.signIn.cancel"))
                .focus(password);
        if (!dialogs.askForm(dialog)) {
            onGiveUp.run();
            return;
        }
        String who = name.getValue();
        char[] typed = password.getText().toCharArray();
        password.clear();
        tasks.run("operator.task.signIn", p -> service.signIn(who, typed), actor -> onSignedIn.run(), failed -> {
            if (failed instanceof DomainException d) {
                dialogs.showError(m.get("operator.task.signIn"), m.describe(d));
                form(operators, service, tasks, dialogs, m, onSignedIn, onGiveUp); // asks again
                return true;
            }
            return false;
        });
    }
}
