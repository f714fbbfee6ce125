package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.ImportReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taizhang assessments import-results FILE.xlsx}: earlier years' results, all or nothing, like orgs import. */
@Command(
        name = "import-results",
        description = "导入往年测评结果（“往年结果”表：单位、组织名称、年度、轮次、总分、等级、结论；有错误时整份拒绝，不改数据）。"
                + " Import past years' results; rejected whole on any error.")
final class ImportResultsCommand implements Callable<Integer> {
    @ParentCommand
    AssessmentsCommand assessments;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.xlsx")
    Path file;

    @Override
    public Integer call() {
        Messages m = assessments.root.messages;
        try (Store store = assessments.root.openStore()) {
            ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
            ImportReport report = new ChecklistFiles(checklists).importResults(file, Progress.NONE);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!report.applied()) {
                return ExitCodes.rejected(
                        err,
                        ImportReports.lines(report.errors(), m),
                        m.get("cli.import.rejected", report.errors().size()));
            }
            out.println(m.get("cli.import.sheetRead", report.sheet()));
            out.println(m.get(
                    "cli.import.done",
                    report.created(),
                    report.updated(),
                    report.unchanged(),
                    report.warnings().size()));
            return ExitCodes.OK;
        }
    }
}
