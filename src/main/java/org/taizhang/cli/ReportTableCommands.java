package org.taizhang.cli;

import static org.taizhang.cli.ReportCommand.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.cli.ReportCommand.DocumentFormat;
import org.taizhang.cli.ReportCommand.StateConverter;
import org.taizhang.cli.ReportCommand.TableFormat;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.organization.RegistryService;
import org.taizhang.report.Reports;
import org.taizhang.report.model.Grouping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The tables and forms of {@code taizhang report}: a table as xlsx, csv or pdf, a form (销号确认单, the blank 测评表)
 * as pdf or docx too; an unsupported format is a usage error (exit 2).
 */
final class ReportTableCommands {
    private ReportTableCommands() {}

    /**
     * {@code report acceptance-stats [--by community|unit] [--year Y] --format xlsx|csv|pdf --out FILE}: 达标率 by 共同体
     * (or unit) and 合计.
     */
    @Command(
            name = "acceptance-stats",
            description = "党支部达标验收统计（按共同体或单位，含合计）。 Branch acceptance figures by community or unit, with the total.")
    static final class AcceptanceStatsCommand implements Callable<Integer> {
        enum By {
            community,
            unit
        }

        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--year", paramLabel = "Y", description = "年度（默认今年）。 The year (default: this year).")
        Integer year;

        @Option(
                names = "--by",
                paramLabel = "community|unit",
                defaultValue = "community",
                description = "每行一个共同体（默认）或单位。 One row per community (default) or unit.")
        By by;

        @Option(names = "--format", required = true, paramLabel = "xlsx|csv|pdf", description = "文件格式。 File format.")
        TableFormat format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = reports(store);
                int y = year == null ? reports.heading().date().getYear() : year;
                // the feature's own table, by 共同体 or unit; --format decides, whatever the file is named
                ReportTable table = reports.acceptanceStats(y, by == By.unit ? Grouping.UNIT : Grouping.COMMUNITY, m);
                reports.write(table, format.format(), out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.report.done",
                                Integer.toString(y),
                                table.total().get(1),
                                ReportTable.text(
                                        ReportTable.Kind.PERCENT, table.total().get(5)),
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /**
     * {@code report ledger [--year Y] [--round TITLE] [--unit UNIT] [--community NAME] --format xlsx|csv|pdf --out
     * FILE}: 整改台账.
     */
    @Command(
            name = "ledger",
            description = "整改台账：每个问题一行（问题编号、来源、单位……状态、预警）。 The rectification ledger, one row per finding.")
    static final class LedgerCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.Mixin
        ReportCommand.FindingFilters filters;

        @Option(
                names = "--state",
                paramLabel = "STATE",
                converter = StateConverter.class,
                description = "只含这个状态的问题：未销号、逾期、待挂号、已挂号、已交办、整改中、待核查、已销号（或 open、overdue、pending、"
                        + "registered、notified、rectifying、close_requested、closed）。 Only findings in this state.")
        LedgerReport.State state;

        @Option(names = "--format", required = true, paramLabel = "xlsx|csv|pdf", description = "文件格式。 File format.")
        TableFormat format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                InspectionFiles files = new InspectionFiles(store, new RegistryService(store));
                var written = files.writeLedger(
                        new LedgerReport.Filter(filters.year, filters.round, filters.unit, filters.community, state),
                        format.format(),
                        out,
                        m,
                        Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.report.ledgerDone",
                                written.rows(),
                                written.summary().overdue(),
                                written.summary().soon(),
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /**
     * {@code report rectification-stats --format xlsx|csv|pdf --out FILE [--by unit|community|category] [--year Y]
     * [--round TITLE] [--unit UNIT] [--community NAME]}: 问题整改情况统计表.
     */
    @Command(
            name = "rectification-stats",
            description = "问题整改情况统计表（按单位、共同体或问题类别；发现问题、已销号、整改中、逾期、销号率、反弹率，含合计）。"
                    + " Rectification figures by unit, community or category, with the total.")
    static final class RectificationStatsCommand implements Callable<Integer> {
        enum By {
            unit,
            community,
            category
        }

        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--by",
                paramLabel = "unit|community|category",
                description = "每行是一个单位、共同体或问题类别（默认单位）。 One row per unit (default), community or category.")
        By by = By.unit;

        @picocli.CommandLine.Mixin
        ReportCommand.FindingFilters filters;

        @Option(names = "--format", required = true, paramLabel = "xlsx|csv|pdf", description = "文件格式。 File format.")
        TableFormat format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = reports(store);
                ReportTable table = reports.rectificationStats(
                        filters.filter(), Grouping.valueOf(by.name().toUpperCase(java.util.Locale.ROOT)), m);
                reports.write(table, format.format(), out, m, Progress.NONE);
                List<Object> total = table.total();
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.report.statsDone",
                                table.title(),
                                table.rows().size(),
                                total.get(1),
                                total.get(2),
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report close-confirmation --finding NUMBER --out FILE [--format pdf]}: 销号确认单 of one finding. */
    @Command(
            name = "close-confirmation",
            description = "销号确认单：一个问题的整改措施、佐证材料、核查意见和销号时间，留签字盖章处。" + " The close confirmation of one finding.")
    static final class CloseConfirmationCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--finding",
                required = true,
                paramLabel = "NUMBER",
                description = "问题编号（如 督改〔2026〕0147号，或今年的序号 0147）。 The finding's number.")
        String finding;

        @Option(names = "--format", paramLabel = "pdf|docx", description = "文件格式（默认 pdf）。 File format (default pdf).")
        DocumentFormat format = DocumentFormat.pdf;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = reports(store);
                ReportTable table = reports.closeConfirmation(finding, m);
                reports.write(table, format.format(), out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "report.close.done", table.rows().getFirst().get(1), out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /**
     * {@code report registry --format xlsx|csv|pdf --out FILE}: 组织台账, as {@code orgs export} writes it (the xlsx is
     * the registry workbook that imports back; the pdf the official printed table), listed among the reports.
     */
    @Command(name = "registry", description = "组织台账（单位、共同体、党组织）。 The registry of units, communities and organizations.")
    static final class RegistryCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", required = true, paramLabel = "xlsx|csv|pdf", description = "文件格式。 File format.")
        TableFormat format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                RegistryService registry = new RegistryService(store);
                switch (format) {
                    case xlsx -> registry.exportWorkbook(out, Progress.NONE);
                    case csv -> registry.exportCsv(out);
                    case pdf -> registry.exportPdf(out, null, m, Progress.NONE);
                }
                var loaded = registry.load();
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.report.registryDone",
                                loaded.units().size(),
                                loaded.organizationCount(),
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report blank-checklist --template NAME --format xlsx|csv|pdf --out FILE}: a blank 测评表 for paper. */
    @Command(
            name = "blank-checklist",
            description = "空白测评表：一套测评细则的全部测评项和分值，得分、扣分原因留空，供现场手填。"
                    + " A template's checklist with empty score boxes, for paper.")
    static final class BlankChecklistCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--template",
                required = true,
                paramLabel = "NAME",
                description = "测评细则名称。 The template's name.")
        String template;

        /** A form on paper: printed (pdf), edited (docx), or as a workbook (xlsx, csv). */
        enum Format {
            pdf,
            docx,
            xlsx,
            csv;

            ReportFormat format() {
                return ReportFormat.valueOf(name().toUpperCase(java.util.Locale.ROOT));
            }
        }

        @Option(
                names = "--format",
                paramLabel = "pdf|docx|xlsx|csv",
                description = "文件格式（默认 pdf）。 File format (default pdf).")
        Format format = Format.pdf;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = reports(store);
                ReportTable table = reports.blankChecklist(template, m);
                reports.write(table, format.format(), out, m, Progress.NONE);
                long items =
                        table.rows().stream().filter(r -> !"".equals(r.get(2))).count();
                spec.commandLine()
                        .getOut()
                        .println(m.get("report.blank.done", table.title(), items, out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report assessment-detail --unit UNIT --org ORG [--year Y] --format xlsx|csv|pdf --out FILE}. */
    @Command(
            name = "assessment-detail",
            description = "评估明细表：一个支部各测评项的自评、检查组评估、达标验收得分并列，含合计。"
                    + " One branch's items with its self-assessment, review and acceptance side by side.")
    static final class AssessmentDetailCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "单位全称。 The unit's full name.")
        String unit;

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "支部名称。 The branch's name.")
        String org;

        @Option(names = "--year", paramLabel = "Y", description = "年度（默认今年）。 The year (default: this year).")
        Integer year;

        @Option(names = "--format", required = true, paramLabel = "xlsx|csv|pdf", description = "文件格式。 File format.")
        TableFormat format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = reports(store);
                ReportTable table = reports.assessmentDetail(unit, org, year, m);
                reports.write(table, format.format(), out, m, Progress.NONE);
                long items =
                        table.rows().stream().filter(r -> !"".equals(r.get(2))).count();
                spec.commandLine()
                        .getOut()
                        .println(m.get("report.detail.done", table.title(), items, out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }
}
