package org.taizhang.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code taizhang templates …}: checklist templates (标准化建设的测评标准) as workbooks a clerk drafts in Excel. */
@Command(
        name = "templates",
        description = "测评标准（模板）。 Checklist templates.",
        subcommands = {TemplateFileCommands.Export.class, TemplateFileCommands.Import.class})
final class TemplatesCommand {
    @ParentCommand
    TaizhangCommand root;
}
