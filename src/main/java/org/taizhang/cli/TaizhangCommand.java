package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.DataLocation;
import org.taizhang.core.store.StorageLocation;
import org.taizhang.core.store.Store;
import org.taizhang.operator.OperatorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code taizhang}: without a subcommand it opens the window; with one it runs on the command line. */
@Command(
        name = "taizhang",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = TaizhangCommand.Version.class,
        description = {
            "机关党建台账 Taizhang — 组织台账、标准化建设、督查检查、整改销号。",
            "不带子命令时打开程序窗口。 Without a subcommand, opens the window."
        },
        subcommands = {
            InitCommand.class,
            OrgsCommand.class,
            TemplatesCommand.class,
            AssessmentsCommand.class,
            FindingsCommand.class,
            FeedbackCommand.class,
            ReportCommand.class,
            DeviceCommand.class,
            PackageCommand.class,
            ConflictsCommand.class,
            BackupCommand.class,
            CheckCommand.class,
            OperatorCommand.class,
            SettingsCommand.class
        })
public final class TaizhangCommand implements Runnable {

    @Option(
            names = "--db",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "数据库文件（默认：用户数据目录下的 taizhang.db）. The database file.")
    Path database;

    @Option(
            names = "--operator",
            paramLabel = "NAME",
            scope = ScopeType.INHERIT,
            description = "以此操作员身份操作（本机有多位操作员时，修改数据须指明；密码取自环境变量 TAIZHANG_PASSWORD，"
                    + "或在控制台输入）。 Work as this operator (needed to change data when there are several; the"
                    + " password comes from TAIZHANG_PASSWORD or is asked on the console).")
    String operator;

    private final Consumer<Path> openWindow;
    final Messages messages;

    public TaizhangCommand(Consumer<Path> openWindow, Messages messages) {
        this.openWindow = openWindow;
        this.messages = messages;
    }

    public Path databaseOrDefault() {
        return database != null ? database : DataLocation.defaultDatabase();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The existing database; a missing one is refused, so a mistyped --db creates nothing. */
    Store openStore() {
        return signIn(warnAboutLocation(Store.open(databaseOrDefault())));
    }

    /** The password of --operator: TAIZHANG_PASSWORD, or asked on the console (not echoed) when it needs one. */
    static final String PASSWORD_VARIABLE = "TAIZHANG_PASSWORD";

    /** --operator signs in (issue 22); without it the store acts as it would in the window before a sign-in. */
    private Store signIn(Store store) {
        if (operator == null) {
            return store;
        }
        try {
            OperatorService operators = new OperatorService(store);
            char[] password = null;
            String variable = System.getenv(PASSWORD_VARIABLE);
            if (variable != null) {
                password = variable.toCharArray();
            } else if (operators.needsPassword(operator) && System.console() != null) {
                password = System.console().readPassword(messages.get("cli.operator.password", operator));
            }
            operators.signIn(operator, password);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** For init only: creates the database (and its folders) when missing. */
    Store openOrCreateStore() {
        return signIn(warnAboutLocation(Store.openOrCreate(databaseOrDefault())));
    }

    /**
     * A database on a network share or in a synced folder is used, with a warning on stderr (the output stays
     * what the command prints): the clerk may have no other place, and the window says the same.
     */
    private Store warnAboutLocation(Store store) {
        StorageLocation location = StorageLocation.of(store.database());
        location.warningKey()
                .ifPresent(key ->
                        spec.commandLine().getErr().println(messages.get(key, store.database(), location.where())));
        return store;
    }

    @Override
    public void run() {
        openWindow.accept(databaseOrDefault());
    }

    /** Builds the command line with Taizhang's error handling: one line, then the exit code. */
    public static CommandLine commandLine(Consumer<Path> openWindow, Messages messages) {
        CommandLine cl = new CommandLine(new TaizhangCommand(openWindow, messages));
        // picocli takes its charset from sun.stdout.encoding, which the JDK no longer sets, and so wrote UTF-8 to
        // a Chinese Windows console (code page 936): the console's own charset, as the JVM found it, is the one
        cl.setOut(new PrintWriter(System.out, true, System.out.charset()));
        cl.setErr(new PrintWriter(System.err, true, System.err.charset()));
        if (!messages.locale().getLanguage().equals("en")) {
            // picocli's usage headings and --help/--version texts in Chinese, for every subcommand
            cl.setResourceBundle(ResourceBundle.getBundle(
                    "org.taizhang.cli.picocli",
                    messages.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
        ErrorHandler errors = new ErrorHandler(messages);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        return cl;
    }

    /**
     * The window failed to start without the command line around it (no display, no graphics library): the same
     * one line as a failing command, and its exit code.
     */
    public static int windowFailed(Exception e, Messages messages) {
        return windowFailed(e, messages, standardError());
    }

    /** Standard error in the console's own encoding (GBK in a Chinese Windows console), as the commands print. */
    public static PrintWriter standardError() {
        return new PrintWriter(System.err, true, System.err.charset());
    }

    public static int windowFailed(Exception e, Messages messages, PrintWriter err) {
        return new ErrorHandler(messages).report(e, err);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = TaizhangCommand.class.getPackage().getImplementationVersion();
            return new String[] {"taizhang " + (v != null ? v : "dev")};
        }
    }
}
