package org.taizhang.app;

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
        System.setProperty("taizhang.logdir", logFolder(args).toString());
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
}
