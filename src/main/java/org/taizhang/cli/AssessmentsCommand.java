package org.taizhang.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code taizhang assessments …}: branch assessments (测评) — forms for branches without the program, past results. */
@Command(
        name = "assessments",
        description = "支部测评。 Branch assessments.",
        subcommands = {
            ImportResultsCommand.class,
            AssessmentFormCommands.ExportForm.class,
            AssessmentFormCommands.ImportForm.class
        })
final class AssessmentsCommand {
    @ParentCommand
    TaizhangCommand root;
}
