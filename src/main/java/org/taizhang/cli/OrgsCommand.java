package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.ImportReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taizhang orgs import|export|template}: the registry workbook (and its PDF print) on the command line. */
@Command(
        name = "orgs",
        description = "组织台账的导入与导出。 Import and export the registry.",
        subcommands = {OrgsCommand.Import.class, OrgsCommand.Export.class, OrgsCommand.Template.class})
final class OrgsCommand {
    @ParentCommand
    TaizhangCommand root;

    @Command(name = "import", description = "从 .xlsx 导入（有错误时整份拒绝，不改数据）。 Import a .xlsx; rejected whole on any error.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        OrgsCommand orgs;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.xlsx")
        Path file;

        @Override
        public Integer call() {
            Messages m = orgs.root.messages;
            try (Store store = orgs.root.openStore()) {
                ImportReport report = new RegistryService(store).importWorkbook(file, Progress.NONE);
                PrintWriter out = spec.commandLine().getOut();
                PrintWriter err = spec.commandLine().getErr();
                if (!report.applied()) {
                    return ExitCodes.rejected(
                            err,
                            ImportReports.lines(report.errors(), m),
                            m.get("cli.import.rejected", report.errors().size()));
                }
                // the summary first, then the warnings marked as such: they look nothing like a rejection's errors
                out.println(m.get(
                        "cli.import.done",
                        report.created(),
                        report.updated(),
                        report.unchanged(),
                        report.warnings().size()));
                ImportReports.lines(report.warnings(), m).forEach(w -> out.println(m.get("cli.import.warning", w)));
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "export",
            description = "导出到 .xlsx（单位、共同体、党组织）、.csv（党组织）或 .pdf（党组织台账打印表）。"
                    + " Export to .xlsx, .csv or .pdf (a printable table).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        OrgsCommand orgs;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.xlsx|FILE.csv|FILE.pdf")
        Path file;

        @Option(
                names = "--title",
                paramLabel = "TEXT",
                description = "PDF 的标题（默认“党组织台账”），如“江海市机关工委组织台账”。 Title of the PDF.")
        String title;

        @Override
        public Integer call() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".xlsx") && !name.endsWith(".csv") && !name.endsWith(".pdf")) {
                throw new DomainException("cli.export.unknownFormat", file); // before the store: nothing is created
            }
            try (Store store = orgs.root.openStore()) {
                RegistryService service = new RegistryService(store);
                if (name.endsWith(".xlsx")) {
                    service.exportWorkbook(file, Progress.NONE);
                } else if (name.endsWith(".csv")) {
                    service.exportCsv(file);
                } else if (name.endsWith(".pdf")) {
                    service.exportPdf(file, title, orgs.root.messages, Progress.NONE);
                } else {
                    throw new DomainException("cli.export.unknownFormat", file);
                }
                spec.commandLine()
                        .getOut()
                        .println(orgs.root.messages.get(
                                "cli.export.done",
                                file.toAbsolutePath(),
                                service.load().organizationCount()));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "template", description = "生成空白导入模板 .xlsx。 Write an empty import template.")
    static final class Template implements Callable<Integer> {
        @ParentCommand
        OrgsCommand orgs;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.xlsx")
        Path file;

        @Override
        public Integer call() {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new DomainException("cli.template.unknownFormat", file);
            }
            // no database: the template is the same for every one, and works while the window has it open
            RegistryService.exportTemplate(file);
            spec.commandLine().getOut().println(orgs.root.messages.get("cli.template.done", file.toAbsolutePath()));
            return ExitCodes.OK;
        }
    }
}
