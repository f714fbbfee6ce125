package org.taizhang.core.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog a view shows goes through here, so views stay testable (tests pass a recording service). */
public interface DialogService {
    void showError(String header, String message);

    void showInfo(String header, String message);

    /** A yes/no question whose default (Enter) is 否, the safe answer. */
    boolean confirm(String header, String message);

    /**
     * A table the user can read, sort and copy (复制 puts it on the clipboard as tab-separated text, ready for
     * Excel): an import's row errors. {@code error} shows it as an error, not as information.
     */
    void showTable(String header, String message, boolean error, List<String> columns, List<List<String>> rows);

    /**
     * Shows {@code choices} as buttons (the first is the default, the last the way out: 保存 / 放弃 / 取消); returns
     * the index chosen, or empty when the dialog was closed.
     */
    Optional<Integer> choose(String header, String message, List<String> choices);

    /** Asks for one line of text, {@code initial} filled in; empty when cancelled. */
    Optional<String> askText(String header, String message, String initial);

    /**
     * Opens a file in its program, or a folder in the file manager; when the system cannot (no program for this
     * kind of file) it says so, in the user's language.
     */
    void open(Path fileOrFolder);

    /**
     * After an export: {@code done} says what was written, and the clerk chooses 打开文件, 打开所在文件夹 or 关闭.
     */
    default void offerToOpen(org.taizhang.core.i18n.Messages m, String header, String done, Path file) {
        choose(header, done, List.of(m.get("export.openFile"), m.get("export.openFolder"), m.get("export.close")))
                .ifPresent(i -> {
                    if (i == 0) {
                        open(file);
                    } else if (i == 1) {
                        open(file.toAbsolutePath().getParent());
                    }
                });
    }

    Optional<Path> chooseFileToOpen(String title, String filterName, String... patterns);

    /** One file or many (a drawer of USB sticks); empty when cancelled. */
    default List<Path> chooseFilesToOpen(String title, String filterName, String... patterns) {
        return chooseFileToOpen(title, filterName, patterns).map(List::of).orElse(List.of());
    }

    /** {@code initialName} may be built from data as it is: the dialog makes it a legal file name. */
    Optional<Path> chooseFileToSave(String title, String initialName, String filterName, String... patterns);

    /** A folder to write several files into (one notice per unit …). */
    Optional<Path> chooseFolder(String title);

    /**
     * A form in a dialog that stays until the work is written: {@code onOk} gets the callback that closes it. Shown
     * for real by every implementation (a window test types into it); the window's service owns it by the window in
     * use.
     */
    default javafx.scene.control.Dialog<javafx.scene.control.ButtonType> showForm(
            FormDialog form, java.util.function.Consumer<Runnable> onOk) {
        return form.open(FormDialog.focusedWindow(), onOk);
    }

    /** A small form in a dialog, waiting: true when 确定 was pressed. */
    default boolean askForm(FormDialog form) {
        return form.ask(FormDialog.focusedWindow());
    }

    /**
     * A window of its own beside the program's (not modal, with the program's style sheets), for something to read
     * while working on (支部档案).
     */
    default void showWindow(String title, javafx.scene.Parent content, double width, double height) {
        FormDialog.window(FormDialog.focusedWindow(), title, content, width, height);
    }
}
