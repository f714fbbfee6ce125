package org.taizhang.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.taizhang.cli.TaizhangCommand;
import org.taizhang.core.i18n.Messages;

/**
 * A start of the window that failed (a database that cannot be opened, TAIZHANG_HOME that is no path …): the reason
 * goes to standard error as on the command line, and on Windows also into a message box, because Taizhang.exe has
 * no console and a line on standard error is seen by nobody there (issue 20).
 */
final class StartFailure {
    /** Shows the reason where a clerk sees it. */
    @FunctionalInterface
    interface Box {
        void show(String title, String text);
    }

    private StartFailure() {}

    /** Reports {@code e}; returns the exit code the command line would give. */
    static int report(RuntimeException e, Messages messages, PrintWriter err, Box box) {
        StringWriter text = new StringWriter();
        int code = TaizhangCommand.windowFailed(e, messages, new PrintWriter(text, true));
        err.print(text);
        err.flush();
        box.show(messages.get("app.startFailed.title"), text.toString().strip());
        return code;
    }

    /** No box: where stderr is seen (a console), or where no window can be shown. */
    static final Box NONE = (title, text) -> {};

    /** A Swing message box on Windows when a display is there; elsewhere (and headless) nothing: stderr is seen. */
    static Box system() {
        return box(System.getProperty("os.name", ""), java.awt.GraphicsEnvironment.isHeadless());
    }

    static Box box(String osName, boolean headless) {
        if (!osName.startsWith("Windows") || headless) {
            return NONE;
        }
        return (title, text) ->
                javax.swing.JOptionPane.showMessageDialog(null, text, title, javax.swing.JOptionPane.ERROR_MESSAGE);
    }
}
