package org.taizhang.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.taizhang.cli.TaizhangCommand;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.DataLocation;

/**
 * The program's entry point (a plain class, so JavaFX can start from the class path). Arguments go to the
 * command line; with no subcommand the window opens on the chosen database.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "taizhang-logs");
        System.setProperty("taizhang.logdir", usableLogFolder(logFolder(args), fallback).toString());
        Messages messages = Messages.fromSystemSetting();
        int code = TaizhangCommand.commandLine(db -> App.open(db, messages.locale()), messages).execute(args);
        System.exit(code);
    }

    /** The log lives beside the database, so it is found where the data is; read before logging starts. */
    private static Path logFolder(String[] args) {
        Path db = DataLocation.defaultDatabase();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                db = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--db=")) {
                db = Path.of(args[i].substring(5));
            }
        }
        Path parent = db.toAbsolutePath().getParent();
        return parent.resolve("logs");
    }

    /**
     * {@code preferred} when the log can be written there (the folder is created if missing), else
     * {@code fallback}: a database on a read-only USB stick, or a {@code --db} in a folder where nothing can be
     * created, must not make logback print its status and a stack trace before the command's own message.
     */
    static Path usableLogFolder(Path preferred, Path fallback) {
        try {
            Files.createDirectories(preferred);
            Path log = preferred.resolve("taizhang.log");
            if (Files.isWritable(preferred) && (!Files.exists(log) || Files.isWritable(log))) {
                return preferred;
            }
        } catch (IOException | RuntimeException e) {
            // not usable; logging has not started yet, so there is nobody to tell
        }
        return fallback;
    }
}
