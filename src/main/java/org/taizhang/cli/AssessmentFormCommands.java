package org.taizhang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.AssessmentFormImport;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taizhang assessments export-form|import-form}: the assessment form for branches without the program. */
final class AssessmentFormCommands {
    private AssessmentFormCommands() {}

    /** The rounds as typed on the command line. */
    enum RoundName {
        self(Round.SELF),
        review(Round.REVIEW),
        acceptance(Round.ACCEPTANCE);

        final Round round;

        RoundName(Round round) {
            this.round = round;
        }
    }

    @Command(
            name = "export-form",
            description = "导出一个党支部的测评表 .xlsx（工作表受保护，只能填评分和备注等栏），供没有本程序的支部填写。"
                    + " Export a branch's assessment form (.xlsx, protected except the columns to fill in).")
    static final class ExportForm implements Callable<Integer> {
        @ParentCommand
        AssessmentsCommand assessments;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "单位名称。 The unit's name.")
        String unit;

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "党组织名称。 The organization's name.")
        String org;

        @Option(
                names = "--parent",
                paramLabel = "ORG",
                description = "上级组织名称（同名党组织不止一个时）。 The parent's name, when the name is not unique.")
        String parent;

        @Option(
                names = "--template",
                paramLabel = "NAME",
                description = "考核细则名称（默认：适用于该组织的最新已发布细则）。"
                        + " The standard (default: the latest published one for the organization's kind).")
        String template;

        @Option(
                names = "--round",
                paramLabel = "self|review|acceptance",
                description = "轮次：自评、检查组评估、达标验收（默认 self）。 The round (default: self).")
        RoundName round = RoundName.self;

        @Option(names = "--year", paramLabel = "Y", description = "年度（默认今年）。 The year (default: this year).")
        Integer year;

        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = assessments.root.messages;
            if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new DomainException("cli.form.xlsxOnly", out); // before the store: nothing is created
            }
            try (Store store = assessments.root.openStore()) {
                ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
                Organization o = checklists.organizationNamed(unit, org, parent);
                ChecklistTemplate t = checklists.formTemplate(o, template);
                int y = year == null ? checklists.today().getYear() : year;
                int items = new ChecklistFiles(checklists)
                        .exportForm(o.id(), t.id(), round.round, y, out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.form.exported",
                                o.name(),
                                m.get(round.round.messageKey()),
                                t.name(),
                                Integer.toString(y),
                                items,
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "import-form",
            description = "导入填好的测评表（有错误时整份拒绝，不改数据）。 Import a filled assessment form; rejected whole on any error.")
    static final class ImportForm implements Callable<Integer> {
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
                AssessmentFormImport result = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);
                PrintWriter out = spec.commandLine().getOut();
                PrintWriter err = spec.commandLine().getErr();
                if (!result.errors().isEmpty()) {
                    return ExitCodes.rejected(
                            err,
                            FormWorkbook.lines(result.errors(), m),
                            m.get("cli.form.rejected", result.errors().size()));
                }
                String round = m.get(result.round().messageKey());
                String year = Integer.toString(result.year());
                if (result.alreadyImported()) {
                    // the database already holds what the file says: not an error, and nothing is written twice
                    out.println(m.get("cli.form.alreadyImported", result.organizationName(), year, round));
                    return ExitCodes.OK;
                }
                out.println(m.get(
                        result.started() ? "cli.form.importedNew" : "cli.form.imported",
                        result.organizationName(),
                        year,
                        round,
                        result.templateName(),
                        result.written()));
                if (!result.replaced().isEmpty()) {
                    out.println(m.get("cli.form.replaced", String.join("、", result.replaced())));
                }
                if (result.unscored() > 0) {
                    out.println(m.get("cli.form.unscored", result.unscored()));
                }
                return ExitCodes.OK;
            }
        }
    }
}
