package org.taizhang.core.ui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.HostServices;
import org.slf4j.LoggerFactory;

/** Opens a file in its program, or a folder in the file manager. */
@FunctionalInterface
public interface FileOpener {
    /** False when this way could not open it, so that the next way is tried. */
    boolean open(Path fileOrFolder);

    /** Each way in turn, until one opens it. */
    static FileOpener firstOf(FileOpener... ways) {
        return fileOrFolder -> {
            for (FileOpener way : ways) {
                if (way.open(fileOrFolder)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * On Windows {@link Desktop} first: it hands the path to the shell as it is, while JavaFX's showDocument goes
     * through a file: URL, with the Chinese of the path percent-encoded. Elsewhere showDocument alone, as before:
     * it works there, and loading AWT's GTK beside JavaFX's is a risk not worth taking.
     */
    static FileOpener forThisSystem(HostServices host) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return windows ? desktopElse(showDocument(host)) : showDocument(host);
    }

    /**
     * The desktop where there is one, and {@code otherwise} only where there is none: when the shell refuses a file
     * (no program registered for .xlsx) showDocument goes to the same shell and fails without a word, so the
     * refusal is the answer and the clerk is told.
     */
    static FileOpener desktopElse(FileOpener otherwise) {
        return fileOrFolder -> hasDesktop() ? desktop().open(fileOrFolder) : otherwise.open(fileOrFolder);
    }

    private static boolean hasDesktop() {
        try {
            return Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** AWT's desktop (ShellExecute on Windows); false when it is missing (headless) or the shell refused. */
    static FileOpener desktop() {
        return fileOrFolder -> {
            try {
                if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    return false;
                }
                Desktop.getDesktop().open(fileOrFolder.toFile());
                return true;
            } catch (IOException | RuntimeException e) {
                // no program for this kind of file, or the shell refused: the next way may still open it
                LoggerFactory.getLogger(FileOpener.class)
                        .warn("desktop could not open {}: {}", fileOrFolder, e.toString());
                return false;
            }
        };
    }

    /** JavaFX's way (null host: none); it cannot tell whether it worked, so it always counts as done. */
    static FileOpener showDocument(HostServices host) {
        return fileOrFolder -> {
            if (host == null) {
                return false;
            }
            host.showDocument(fileOrFolder.toUri().toString());
            return true;
        };
    }
}
