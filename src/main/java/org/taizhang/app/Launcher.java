package org.taizhang.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.taizhang.cli.ExitCodes;
import org.taizhang.cli.TaizhangCommand;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.DataLocation;

/**
 * The program's entry point (a plain class, so JavaFX can start from the class path). Arguments go to the
 * command line; with no subcommand the window opens on the chosen database.
 */
public final class Launcher {
    /** Held, because java.util.logging keeps its loggers only weakly and would drop the filter with it. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private Launcher() {}

    /**
     * JavaFX runs from the class path here (target/taizhang.jar is one runnable jar, an outside contract), and
     * OpenJFX prints "Unsupported JavaFX configuration" on every start for that: a note for its own support, not
     * something a clerk can act on. That one line is kept out of the console; every other JavaFX message passes.
     */
    static void quietJavaFxConfigurationNote() {
        JAVAFX_LOG.setFilter(
                r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /** A window start that failed: stderr, and a message box where there is no console (Windows). */
    private static int startFailed(RuntimeException e, Messages messages) {
        return StartFailure.report(e, messages, TaizhangCommand.standardError(), StartFailure.system());
    }

    public static void main(String[] args) {
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "taizhang-logs");
        System.setProperty("taizhang.logdir", logFolder(args, fallback).toString());
        quietJavaFxConfigurationNote();
        Messages messages = Messages.fromSystemSetting();
        Optional<Path> window;
        try {
            window = windowOnly(args);
        } catch (RuntimeException e) {
            System.exit(startFailed(e, messages)); // TAIZHANG_HOME is no path: one line, no trace
            return;
        }
        if (window.isPresent()) {
            // the everyday start: straight to the window, without building the command line's model of every
            // subcommand (about 0.3 s of a start that a clerk waits through, docs/benchmarks.md)
            try {
                App.open(window.get(), messages.locale());
            } catch (RuntimeException e) {
                System.exit(startFailed(e, messages));
            }
            System.exit(ExitCodes.OK);
        }
        int code = TaizhangCommand.commandLine(db -> App.open(db, messages.locale()), messages)
                .execute(args);
        System.exit(code);
    }

    /**
     * The database to open the window on, when the arguments ask for nothing else: none (the default database),
     * or only {@code --db FILE} / {@code --db=FILE}. Anything more goes through the command line, which also
     * explains a mistyped option.
     */
    static Optional<Path> windowOnly(String[] args) {
        if (args.length == 0) {
            return Optional.of(DataLocation.defaultDatabase());
        }
        String file = args.length == 1 && args[0].startsWith("--db=")
                ? args[0].substring(5)
                : args.length == 2 && args[0].equals("--db") && !args[1].startsWith("-") ? args[1] : "";
        try {
            return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty(); // the command line says what is wrong with it
        }
    }

    /**
     * The log lives beside the database, so it is found where the data is; read before logging starts. A missing
     * database gets no log folder beside it unless this run creates it (init, the window): a mistyped --db must
     * leave no folder behind.
     */
    static Path logFolder(String[] args, Path fallback) {
        return logFolder(args, fallback, DataLocation::defaultDatabase);
    }

    /**
     * With the default database given: a TAIZHANG_HOME that is no path logs to the fallback, and the command (or
     * the window's start) then says what is wrong with it in one line.
     */
    static Path logFolder(String[] args, Path fallback, java.util.function.Supplier<Path> defaultDatabase) {
        Path db;
        try {
            db = database(args, defaultDatabase);
        } catch (RuntimeException e) {
            return fallback;
        }
        if (!Files.exists(db) && !mayCreateDatabase(args)) {
            return fallback;
        }
        return usableLogFolder(db.toAbsolutePath().getParent().resolve("logs"), fallback);
    }

    private static Path database(String[] args, java.util.function.Supplier<Path> defaultDatabase) {
        Path db = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                db = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--db=")) {
                db = Path.of(args[i].substring(5));
            }
        }
        return db != null ? db : defaultDatabase.get();
    }

    /** {@code init}, or no subcommand (the window); help and version create nothing. */
    static boolean mayCreateDatabase(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db")) {
                i++;
            } else if (List.of("-h", "--help", "-V", "--version").contains(args[i])) {
                return false;
            } else if (!args[i].startsWith("-")) {
                return args[i].equals("init");
            }
        }
        return true;
    }

    /**
     * {@code preferred} when the log can be written there (the folder is created if missing), else
     * {@code fallback}: a database on a read-only USB stick, or a {@code --db} in a folder where nothing can be
     * created, must not make logback print its status and a stack trace before the command's own message.
     */
    static Path usableLogFolder(Path preferred, Path fallback) {
        try {
            org.taizhang.core.files.OwnerOnly.createDirectories(preferred); // logs name people: owner-only
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
