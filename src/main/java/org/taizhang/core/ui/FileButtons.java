package org.taizhang.core.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;

/** Toolbar buttons that ask for a file, then hand it on. */
public final class FileButtons {
    private FileButtons() {}

    /** Asks where to save (the button's own label as the chooser's title), then hands the file on. */
    public static Button save(
            DialogService dialogs,
            String label,
            String id,
            String fileName,
            String filterName,
            String extension,
            Consumer<Path> then) {
        Button b = new Button(label);
        b.setId(id);
        b.setOnAction(e -> dialogs.chooseFileToSave(label, fileName + "." + extension, filterName, "*." + extension)
                .ifPresent(then));
        return b;
    }

    public static Button open(
            DialogService dialogs, String label, String id, String filterName, String pattern, Consumer<Path> then) {
        Button b = new Button(label);
        b.setId(id);
        b.setOnAction(e -> dialogs.chooseFileToOpen(label, filterName, pattern).ifPresent(then));
        return b;
    }
}
