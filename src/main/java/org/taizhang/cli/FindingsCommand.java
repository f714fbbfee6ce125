package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.files.FindingImport;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.organization.RegistryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taizhang findings import|register-pending}: findings from an inspection team's spreadsheet, and 挂号. */
@Command(
        name = "findings",
        description = "督查发现的问题。 Findings.",
        subcommands = {FindingsCommand.Import.class, FindingsCommand.RegisterPending.class})
final class FindingsCommand {
    @ParentCommand
    TaizhangCommand root;

    @Command(
            name = "import",
            description = "导入检查组的问题清单（“问题清单”表：单位、问题描述必填；支部、问题类别、依据条款、整改类型、严重程度、来源、发现日期、备注可选），"
                    + "每个问题为待挂号；有错误时整份拒绝，同一文件不能导入两次。"
                    + " Import an inspection team's findings (each pending registration); rejected whole on any error.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FindingsCommand findings;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE.xlsx")
        Path file;

        @Override
        public Integer call() {
            Messages m = findings.root.messages;
            try (Store store = findings.root.openStore()) {
                FindingImport result =
                        new InspectionFiles(store, new RegistryService(store)).importFindings(file, Progress.NONE);
                if (!result.applied()) {
                    return ExitCodes.rejected(
                            spec.commandLine().getErr(),
                            FormWorkbook.lines(result.errors(), m),
                            m.get("cli.findings.rejected", result.errors().size()));
                }
                spec.commandLine().getOut().println(m.get("cli.findings.imported", result.recorded(), result.sheet()));
                if (!result.unread().isEmpty()) {
                    spec.commandLine()
                            .getOut()
                            .println(m.get("cli.findings.unread", String.join("、", result.unread())));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "register-pending",
            description = "给所有待挂号的问题按发现先后编号（仅限汇总机）。 Number every finding pending registration, in the order found (hub"
                    + " only).")
    static final class RegisterPending implements Callable<Integer> {
        @ParentCommand
        FindingsCommand findings;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = findings.root.messages;
            try (Store store = findings.root.openStore()) {
                FindingService.Registered r = new InspectionFiles(store, new RegistryService(store)).registerPending();
                PrintWriter out = spec.commandLine().getOut();
                if (r.count() == 0) {
                    out.println(m.get("cli.findings.noneRegistered"));
                } else {
                    out.println(m.get("cli.findings.registered", r.count(), r.first(), r.last()));
                }
                return ExitCodes.OK;
            }
        }
    }
}
