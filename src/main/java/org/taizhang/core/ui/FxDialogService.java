package org.taizhang.core.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.HostServices;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.taizhang.core.files.FileNames;
import org.taizhang.core.i18n.Messages;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Window owner;
    private final Messages messages;
    private final FileOpener opener;

    public FxDialogService(Window owner, Messages messages) {
        this(owner, messages, (HostServices) null);
    }

    /**
     * @param host the application's services, to open files and folders (null: none, except through the desktop
     *     on Windows)
     */
    public FxDialogService(Window owner, Messages messages, HostServices host) {
        this(owner, messages, FileOpener.forThisSystem(host));
    }

    public FxDialogService(Window owner, Messages messages, FileOpener opener) {
        this.owner = owner;
        this.messages = messages;
        this.opener = opener;
    }

    /**
     * The window a dialog is centred on and stays in front of: the program's window the clerk is working in (a
     * step's form over the ledger, say), else the main window; none while no window of the program is shown (a
     * dialog owned by a window not on screen yet opens at the screen's top-left corner), then the screen's centre.
     */
    Window ownerNow() {
        Window focused = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.isFocused() && !(w instanceof PopupWindow))
                .reduce((earlier, later) -> later) // the one shown last: a form over the window
                .orElse(null);
        if (focused != null) {
            return focused;
        }
        return owner != null && owner.isShowing() ? owner : null;
    }

    /** Every dialog: owned by the window in use (centred on it), titled, never a bare window at the corner. */
    private void place(Dialog<?> d) {
        Window o = ownerNow();
        if (o != null) {
            d.initOwner(o);
        }
        d.setTitle(messages.get("app.title"));
    }

    @Override
    public javafx.scene.control.Dialog<javafx.scene.control.ButtonType> showForm(
            FormDialog form, java.util.function.Consumer<Runnable> onOk) {
        return form.open(ownerNow(), onOk);
    }

    @Override
    public boolean askForm(FormDialog form) {
        return form.ask(ownerNow());
    }

    @Override
    public void showWindow(String title, javafx.scene.Parent content, double width, double height) {
        FormDialog.window(ownerNow(), title, content, width, height);
    }

    @Override
    public Optional<String> askText(String header, String message, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        place(d);
        d.setHeaderText(header);
        d.setContentText(message);
        d.getEditor().setPrefColumnCount(30);
        return d.showAndWait();
    }

    @Override
    public void open(Path fileOrFolder) {
        if (!opener.open(fileOrFolder)) {
            Path where = fileOrFolder.toAbsolutePath();
            showError(
                    messages.get("open.failed.header"),
                    java.nio.file.Files.isDirectory(where)
                            ? messages.get("open.failed.folder", where)
                            : messages.get("open.failed.file", where.getFileName(), where.getParent()));
        }
    }

    private Alert alert(Alert.AlertType type, String header, String message) {
        Alert a = new Alert(type, message, ButtonType.OK);
        place(a);
        a.setHeaderText(header);
        a.getDialogPane().setMinWidth(460);
        return a;
    }

    @Override
    public void showError(String header, String message) {
        alert(Alert.AlertType.ERROR, header, message).showAndWait();
    }

    @Override
    public void showInfo(String header, String message) {
        alert(Alert.AlertType.INFORMATION, header, message).showAndWait();
    }

    @Override
    public void showTable(String header, String message, boolean error, List<String> columns, List<List<String>> rows) {
        Alert a = alert(error ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION, header, null);
        TableView<List<String>> table = new TableView<>();
        table.setId("dialogTable");
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> c = new TableColumn<>(columns.get(i));
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(
                    index < cd.getValue().size() ? cd.getValue().get(index) : ""));
            c.setComparator(Tables.CHINESE);
            c.setPrefWidth(i == columns.size() - 1 ? 420 : 90);
            table.getColumns().add(c);
        }
        table.getItems().setAll(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPrefHeight(Math.min(420, 60 + 26.0 * rows.size()));
        Button copy = new Button(messages.get("dialog.copy"));
        copy.setOnAction(e -> {
            StringBuilder text = new StringBuilder(String.join("\t", columns)).append('\n');
            List<List<String>> chosen =
                    table.getSelectionModel().getSelectedItems().isEmpty()
                            ? table.getItems()
                            : table.getSelectionModel().getSelectedItems();
            chosen.forEach(r -> text.append(String.join("\t", r)).append('\n'));
            ClipboardContent content = new ClipboardContent();
            content.putString(text.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label summary = new Label(message);
        summary.setWrapText(true);
        a.getDialogPane().setContent(new VBox(8, summary, table, copy));
        a.getDialogPane().setPrefWidth(760);
        a.setResizable(true);
        a.showAndWait();
    }

    /** The question behind {@link #confirm}, built but not shown (tests look at its buttons). */
    Alert confirmation(String header, String message) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, header, message);
        ButtonType yes = new ButtonType(messages.get("dialog.yes"), ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType(messages.get("dialog.no"), ButtonBar.ButtonData.NO);
        a.getButtonTypes().setAll(yes, no);
        // Enter must not delete anything: the safe answer is the default
        ((Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return a;
    }

    @Override
    public boolean confirm(String header, String message) {
        return confirmation(header, message)
                .showAndWait()
                .map(b -> b.getButtonData() == ButtonBar.ButtonData.YES)
                .orElse(false);
    }

    @Override
    public Optional<Integer> choose(String header, String message, List<String> choices) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, header, message);
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            // the last choice is the way out (Esc, the close box); the first is what Enter does
            ButtonBar.ButtonData role = i == choices.size() - 1 && choices.size() > 1
                    ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : i == 0 ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(choices.get(i), role));
        }
        a.getButtonTypes().setAll(buttons);
        return a.showAndWait().map(buttons::indexOf).filter(i -> i >= 0);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filterName, String... patterns) {
        FileChooser chooser = chooser(title, filterName, patterns);
        File f = chooser.showOpenDialog(ownerNow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, String filterName, String... patterns) {
        List<File> files = chooser(title, filterName, patterns).showOpenMultipleDialog(ownerNow());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, String filterName, String... patterns) {
        File f = saveChooser(title, initialName, filterName, patterns).showSaveDialog(ownerNow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(ownerNow())).map(File::toPath);
    }

    /**
     * Every suggested name passes here, and most are built from data (a unit's, an organization's or a template's
     * name): made legal first, or a "/" in a unit's name would make a folder and a ":" be refused on Windows.
     */
    static FileChooser saveChooser(String title, String initialName, String filterName, String... patterns) {
        FileChooser chooser = chooser(title, filterName, patterns);
        chooser.setInitialFileName(FileNames.safe(initialName));
        return chooser;
    }

    private static FileChooser chooser(String title, String filterName, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
        return chooser;
    }
}
