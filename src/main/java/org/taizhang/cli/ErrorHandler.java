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
            default -> invalidValue(detail, zh);
        };
        err.println(zh.get("cli.error", zh.get("cli.usageError", zhDetail)) + " | "
                + en.get("cli.error", en.get("cli.usageError", detail)));
        UnmatchedArgumentException.printSuggestions(ex, err);
        cl.usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static final java.util.regex.Pattern INVALID_VALUE =
            java.util.regex.Pattern.compile("Invalid value for (?:option|positional parameter) '?([^':]+)'?: (.*)");
    private static final java.util.regex.Pattern NOT_ONE_OF =
            java.util.regex.Pattern.compile("expected one of \\[(.*)] \\(case-sensitive\\) but was '(.*)'");
    private static final java.util.regex.Pattern NOT_A_NUMBER =
            java.util.regex.Pattern.compile("'(.*)' is not an? (?:int|long|short|byte|integer)");

    /**
     * picocli's "Invalid value for option …" in Chinese: a value not among an option's choices or not a whole
     * number said as such, a converter's own words (already Chinese) kept; anything else as picocli said it.
     */
    static String invalidValue(String detail, Messages zh) {
        var invalid = INVALID_VALUE.matcher(detail);
        if (!invalid.matches()) {
            return detail;
        }
        String option = invalid.group(1).strip();
        String why = invalid.group(2).strip();
        var notOneOf = NOT_ONE_OF.matcher(why);
        var notANumber = NOT_A_NUMBER.matcher(why);
        if (notOneOf.matches()) {
            why = zh.get(
                    "cli.usage.notOneOf", notOneOf.group(2), notOneOf.group(1).replace(", ", "、"));
        } else if (notANumber.matches()) {
            why = zh.get("cli.usage.notANumber", notANumber.group(1));
        }
        return zh.get("cli.usage.invalidValue", option, why);
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
