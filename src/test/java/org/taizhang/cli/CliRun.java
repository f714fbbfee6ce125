package org.taizhang.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.taizhang.core.i18n.Messages;
import picocli.CommandLine;

/** Runs the command line in this JVM, in Chinese, and keeps what it printed: one per test. */
final class CliRun {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs a subcommand: the window must not open. */
    int run(Object... args) {
        return run(db -> fail("the window must not open for a subcommand"), args);
    }

    int run(Consumer<Path> window, Object... args) {
        CommandLine cl = TaizhangCommand.commandLine(window, Messages.forLocale(Messages.CHINESE));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        return cl.execute(strings);
    }
}
