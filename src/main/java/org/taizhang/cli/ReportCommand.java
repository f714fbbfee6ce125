package org.taizhang.cli;

import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.DocumentMarks;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.organization.RegistryService;
import org.taizhang.report.Reports;
import org.taizhang.report.model.ReportFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code taizhang report …}: figures for leadership. */
@Command(
        name = "report",
        description = "统计报表。 Reports.",
        subcommands = {
            ReportTableCommands.AcceptanceStatsCommand.class,
            ReportTableCommands.LedgerCommand.class,
            ReportTableCommands.RectificationStatsCommand.class,
            ReportDocumentCommands.NoticeCommand.class,
            ReportTableCommands.CloseConfirmationCommand.class,
            ReportTableCommands.RegistryCommand.class,
            ReportDocumentCommands.TermRemindersCommand.class,
            ReportDocumentCommands.LastYearCommand.class,
            ReportTableCommands.BlankChecklistCommand.class,
            ReportTableCommands.AssessmentDetailCommand.class,
            ReportDocumentCommands.InspectionReportCommand.class,
            ReportDocumentCommands.BulletinCommand.class
        })
final class ReportCommand {
    @ParentCommand
    TaizhangCommand root;

    /** A document's formats. */
    enum DocumentFormat {
        pdf,
        docx;

        ReportFormat format() {
            return this == pdf ? ReportFormat.PDF : ReportFormat.DOCX;
        }
    }

    /** A table's formats (a document's are pdf and docx): anything else is a usage error, exit 2. */
    enum TableFormat {
        xlsx,
        csv,
        pdf;

        ReportFormat format() {
            return ReportFormat.valueOf(name().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A 状态 by its word (未销号) or name (open); an unknown one is a usage error naming the choices. */
    static final class StateConverter implements picocli.CommandLine.ITypeConverter<LedgerReport.State> {
        @Override
        public LedgerReport.State convert(String value) {
            return LedgerReport.State.named(value)
                    .orElseThrow(() ->
                            new picocli.CommandLine.TypeConversionException(Messages.forLocale(Messages.CHINESE)
                                    .get(
                                            "cli.report.stateUnknown",
                                            value,
                                            String.join(
                                                    "、",
                                                    java.util.Arrays.stream(LedgerReport.State.values())
                                                            .map(LedgerReport.State::word)
                                                            .toList()))));
        }
    }

    /** Which findings a table of findings holds: the ledger's and the statistics' filters. */
    static final class FindingFilters {
        @Option(
                names = "--year",
                paramLabel = "Y",
                description = "只含这一年发现的问题（按发现日期）。 Only findings found in this year.")
        Integer year;

        @Option(names = "--round", paramLabel = "TITLE", description = "只含这次督查的问题。 Only this round's findings.")
        String round;

        @Option(names = "--unit", paramLabel = "UNIT", description = "只含这个单位的问题。 Only this unit's findings.")
        String unit;

        @Option(
                names = "--community",
                paramLabel = "NAME",
                description = "只含这个共同体各单位的问题。 Only the findings of this community's units.")
        String community;

        ReportFilter filter() {
            return new ReportFilter(year, round, unit, community);
        }
    }

    /**
     * What every document command takes besides its own: the format (pdf, or docx for a clerk who adds the 红头 and
     * the seal or edits the wording) and the 发文字号 and 抄送 (the 版头 and 版记 a clerk would otherwise add by hand).
     */
    static final class DocumentOptions {
        @Option(
                names = "--format",
                paramLabel = "pdf|docx",
                description = "文件格式（默认 pdf；docx 供加红头、盖章、改措辞）。 File format (default pdf; docx to edit).")
        DocumentFormat format = DocumentFormat.pdf;

        @Option(
                names = "--number",
                paramLabel = "NUMBER",
                description = "发文字号，如 江机工委督〔2026〕3号（有它才印版头和印发机关）。 Document number: prints the masthead.")
        String number;

        @Option(names = "--copy-to", paramLabel = "ORGANS", description = "抄送机关，如 市委组织部，市纪委监委。 Copies to.")
        String copyTo;

        ReportFormat format() {
            return format.format();
        }

        /**
         * The report feature writing documents with these marks; before a 填报单位 is set, said on the error stream
         * that the document goes out unsigned (written all the same: a clerk may sign on paper).
         */
        Reports reports(Store store, picocli.CommandLine.Model.CommandSpec spec, Messages m) {
            if (store.committee().isEmpty()) {
                spec.commandLine().getErr().println(m.get("cli.report.unsigned"));
            }
            return ReportCommand.reports(store).withMarks(new DocumentMarks(number, copyTo));
        }
    }

    /** The report feature over one opened database, as every report command uses it. */
    static Reports reports(Store store) {
        RegistryService registry = new RegistryService(store);
        return new Reports(
                registry,
                new ChecklistService(store, registry),
                new FindingService(store, registry),
                new InspectionService(store));
    }
}
