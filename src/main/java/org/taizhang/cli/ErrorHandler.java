package org.taizhang.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A domain error prints one line, in Chinese and English ("错误：… | Error: …"), and exits 1; anything else is a
 * bug: one line, the stack trace goes to the log. Wrong options or arguments print the same kind of line (with
 * picocli's own words inside), then the usage of the command that was mistyped, and exit 2.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final Messages messages;

    ErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        return report(ex, cl.getErr());
    }

    /** One line on {@code err} (the log gets the rest); the exit code. */
    int report(Exception ex, PrintWriter err) {
        if (ex instanceof DomainException e) {
            // the key only: its arguments may be a name, a phone number or a finding's text (README: what logs hold)
            LOG.info("command refused: {}", e.messageKey());
            err.println(line(e));
            err.flush();
            return ExitCodes.ERROR;
        }
        LOG.error("command failed", ex);
        err.println(messages.get("cli.internalError", String.valueOf(ex), System.getProperty("taizhang.logdir", "-")));
        err.flush();
        return ExitCodes.ERROR;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine(); // the subcommand that was mistyped
        PrintWriter err = cl.getErr();
        String detail =
                String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
        // picocli words its errors in English only: the common ones are said in Chinese on the Chinese side
        Messages zh = Messages.forLocale(Messages.CHINESE);
        Messages en = Messages.forLocale(Messages.ENGLISH);
        String zhDetail = switch (ex) {
            case MissingParameterException m ->
                zh.get(
                        "cli.usage.missing",
                        String.join(
                                "、",
                                m.getMissing().stream().map(ErrorHandler::name).toList()));
            case UnmatchedArgumentException u ->
                zh.get("cli.usage.unmatched", String.join(" ", quoted(u.getUnmatched())));
            default -> detail;
        };
        err.println(zh.get("cli.error", zh.get("cli.usageError", zhDetail)) + " | "
                + en.get("cli.error", en.get("cli.usageError", detail)));
        UnmatchedArgumentException.printSuggestions(ex, err);
        cl.usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String name(CommandLine.Model.ArgSpec a) {
        return "'" + (a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel()) + "'";
    }

    private static java.util.List<String> quoted(java.util.List<String> args) {
        return args.stream().map(a -> "'" + a + "'").toList();
    }

    private String line(DomainException e) {
        Messages zh = Messages.forLocale(Messages.CHINESE);
        Messages en = Messages.forLocale(Messages.ENGLISH);
        return zh.get("cli.error", zh.describe(e)) + " | " + en.get("cli.error", en.describe(e));
    }
}
