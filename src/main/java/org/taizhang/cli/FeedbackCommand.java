package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.files.FeedbackImport;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taizhang feedback export|import}: a unit's 整改情况反馈表, out as Excel and back as progress reports. */
@Command(
        name = "feedback",
        description = "整改情况反馈表。 A unit's rectification feedback form.",
        subcommands = {FeedbackCommand.Export.class, FeedbackCommand.Import.class})
final class FeedbackCommand {
    @ParentCommand
    TaizhangCommand root;

    @Command(
            name = "export",
            description = "导出一个单位的整改情况反馈表 .xlsx（已交办、整改中的问题；只能填写整改进展情况和报告日期）。"
                    + " Export a unit's feedback form (its open findings; only the progress columns can be filled in).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        FeedbackCommand feedback;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "单位名称。 The unit's name.")
        String unit;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = feedback.root.messages;
            if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new DomainException("cli.feedback.xlsxOnly", out); // before the store: nothing is created
            }
            try (Store store = feedback.root.openStore()) {
                InspectionFiles files = new InspectionFiles(store, new RegistryService(store));
                Unit u = files.unitNamed(unit);
                int rows = files.exportFeedback(u.id(), out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get("cli.feedback.exported", u.name(), rows, out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "import",
            description = "导入单位填好的整改情况反馈表，每行记为一次整改进展（有错误时整份拒绝，不改数据；同一份表再导入不会重复记录）。"
                    + " Import a filled feedback form as progress reports; rejected whole on any error.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FeedbackCommand feedback;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--unit",
                paramLabel = "UNIT",
                description = "只接受这个单位的反馈表（可选）。 Accept only this unit's form (optional).")
        String unit;

        @Parameters(paramLabel = "FILE.xlsx")
        Path file;

        @Override
        public Integer call() {
            Messages m = feedback.root.messages;
            try (Store store = feedback.root.openStore()) {
                InspectionFiles files = new InspectionFiles(store, new RegistryService(store));
                String expected = unit == null ? null : files.unitNamed(unit).id();
                FeedbackImport result = files.importFeedback(file, expected, Progress.NONE);
                PrintWriter out = spec.commandLine().getOut();
                if (!result.errors().isEmpty()) {
                    return ExitCodes.rejected(
                            spec.commandLine().getErr(),
                            FormWorkbook.lines(result.errors(), m),
                            m.get("cli.feedback.rejected", result.errors().size()));
                }
                if (result.alreadyImported()) {
                    // the database already holds every report in the file: nothing wrong with the file
                    out.println(m.get("cli.feedback.alreadyImported", result.unitName(), result.reported()));
                    return ExitCodes.OK;
                }
                out.println(m.get("cli.feedback.imported", result.unitName(), result.added()));
                return ExitCodes.OK;
            }
        }
    }
}
