package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.files.TemplateImportReport;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taizhang templates export|import}: a checklist template as a workbook a clerk drafts in Excel. */
final class TemplateFileCommands {
    private TemplateFileCommands() {}

    @Command(
            name = "export",
            description =
                    "把测评标准导出为 .xlsx（条目、类别、等级、规则）；不指定 --name 时导出已发布的那一份，有多份时请指定。 Export a checklist template to .xlsx;"
                            + " without --name, the published one (name one when there are several).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        TemplatesCommand templates;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.xlsx")
        Path file;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "测评标准名称（导出该名称的最新版本，草稿也可）。 The template's name (its newest version, a draft too).")
        String name;

        @Override
        public Integer call() {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new DomainException("cli.template.unknownFormat", file); // before the store: nothing is created
            }
            Messages m = templates.root.messages;
            try (Store store = templates.root.openStore()) {
                ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
                ChecklistTemplate t = checklists.templateToExport(name);
                new ChecklistFiles(checklists).exportTemplate(t.id(), file);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.templates.exported",
                                t.name(),
                                t.version(),
                                t.items().size(),
                                file.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "import",
            description = "从 .xlsx 导入测评标准，存为草稿（已发布的标准不会被修改，另存为新版本；有错误时整份拒绝）。 Import a checklist template as a draft (a"
                    + " published one becomes a new version); rejected whole on any error.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        TemplatesCommand templates;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.xlsx")
        Path file;

        @Override
        public Integer call() {
            Messages m = templates.root.messages;
            try (Store store = templates.root.openStore()) {
                ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
                TemplateImportReport report = new ChecklistFiles(checklists).importTemplate(file);
                if (!report.applied()) {
                    PrintWriter err = spec.commandLine().getErr();
                    return ExitCodes.rejected(
                            err,
                            ImportReports.lines(report.errors(), m),
                            m.get("cli.import.rejected", report.errors().size()));
                }
                ChecklistTemplate t = report.draft();
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.templates.imported",
                                t.name(),
                                t.version(),
                                t.items().size()));
                return ExitCodes.OK;
            }
        }
    }
}
