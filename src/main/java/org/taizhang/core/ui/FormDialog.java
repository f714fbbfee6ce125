package org.taizhang.core.ui;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.taizhang.core.i18n.Messages;

/**
 * A form in a dialog, written once for every page: its fields, the form model's checks under them (确定 waits for
 * them), 确定, an optional second button that also submits (保存并新增, Ctrl+N) and 取消. Shown through
 * {@link DialogService#showForm} (it stays until the work is written, so a refusal leaves what was typed on screen)
 * or {@link DialogService#askForm} (it waits and says whether 确定 was pressed).
 */
public final class FormDialog {
    private final String id;
    private final String title;
    private final Node body;
    private FormModel<?> form;
    private Messages messages;
    private String okText;
    private String cancelText;
    private String moreText;
    private Consumer<Runnable> more;
    private Node focus;

    /**
     * @param id the dialog pane's id; its buttons get {@code id + "Ok"}, {@code "More"}, {@code "Cancel"}, its checks
     *     {@code id + "Issues"}
     */
    public FormDialog(String id, String title, Node body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }

    /** The form's checks are listed under the fields and 确定 waits for them. */
    public FormDialog checkedBy(FormModel<?> form, Messages messages) {
        this.form = form;
        this.messages = messages;
        return this;
    }

    /** The texts of 确定 and 取消 (without them, the platform's OK and Cancel). */
    public FormDialog buttons(String ok, String cancel) {
        this.okText = ok;
        this.cancelText = cancel;
        return this;
    }

    /** A second button that also submits and leaves the dialog open for the next one (Ctrl+N too). */
    public FormDialog more(String text, Consumer<Runnable> action) {
        this.moreText = text;
        this.more = action;
        return this;
    }

    /** The field that has the caret when the dialog opens. */
    public FormDialog focus(Node node) {
        this.focus = node;
        return this;
    }

    /**
     * The window the clerk is working in (a form over the main window, say), else none: the dialog then opens at the
     * screen's centre.
     */
    static Window focusedWindow() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.isFocused() && !(w instanceof PopupWindow))
                .reduce((earlier, later) -> later)
                .orElse(null);
    }

    /** Shows it and returns at once; {@code onOk} gets the callback that closes it, to call once the work is done. */
    Dialog<ButtonType> open(Window owner, Consumer<Runnable> onOk) {
        Dialog<ButtonType> d = build(owner);
        DialogPane pane = d.getDialogPane();
        ButtonType ok = okType(pane);
        Runnable close = () -> {
            d.setResult(ok);
            d.close();
        };
        pane.lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays until the work is written
            onOk.accept(close);
        });
        d.show();
        return d;
    }

    /** Shows it and waits: true when 确定 was pressed. */
    boolean ask(Window owner) {
        Dialog<ButtonType> d = build(owner);
        ButtonType ok = okType(d.getDialogPane());
        Optional<ButtonType> answer = d.showAndWait();
        return answer.isPresent() && answer.get() == ok;
    }

    private static ButtonType okType(DialogPane pane) {
        return pane.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .findFirst()
                .orElseThrow();
    }

    private Dialog<ButtonType> build(Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        DialogPane pane = d.getDialogPane();
        if (form == null) {
            d.setHeaderText(null);
            pane.setContent(body);
        } else {
            d.setHeaderText(title);
            d.setResizable(true);
            VBox content =
                    new VBox(8, body, IssueLabels.list(id + "Issues", form.issues(), form.issuesShown(), messages));
            content.setPadding(new Insets(8, 12, 4, 12));
            content.setPrefWidth(460);
            pane.setContent(content);
        }
        pane.setId(id);
        ButtonType ok = okText == null ? ButtonType.OK : new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel =
                cancelText == null ? ButtonType.CANCEL : new ButtonType(cancelText, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType moreType = moreText == null ? null : new ButtonType(moreText, ButtonBar.ButtonData.OTHER);
        pane.getButtonTypes().add(ok);
        if (moreType != null) {
            pane.getButtonTypes().add(moreType);
        }
        pane.getButtonTypes().add(cancel);
        Button okButton = (Button) pane.lookupButton(ok);
        okButton.setId(id + "Ok");
        if (form != null) {
            okButton.disableProperty().bind(form.hasErrorsProperty());
        }
        if (moreType != null) {
            Button moreButton = (Button) pane.lookupButton(moreType);
            moreButton.setId(id + "More");
            if (form != null) {
                moreButton.disableProperty().bind(form.hasErrorsProperty());
            }
            moreButton.addEventFilter(ActionEvent.ACTION, e -> {
                e.consume();
                more.accept(() -> {});
            });
            // Ctrl+N: this one is written, the next one starts (the visit goes on)
            pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN).match(e)) {
                    e.consume();
                    if (form == null || !form.hasErrorsProperty().get()) {
                        moreButton.fire();
                    }
                }
            });
        }
        pane.lookupButton(cancel).setId(id + "Cancel");
        if (focus != null) {
            javafx.application.Platform.runLater(focus::requestFocus);
        }
        return d;
    }

    /** A window beside {@code owner}, not modal, styled as it is. */
    static void window(Window owner, String title, javafx.scene.Parent content, double width, double height) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(owner);
        stage.initModality(javafx.stage.Modality.NONE);
        stage.setTitle(title);
        stage.setScene(new javafx.scene.Scene(content, width, height));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.show();
    }
}
