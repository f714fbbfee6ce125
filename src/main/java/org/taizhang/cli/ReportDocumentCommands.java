package org.taizhang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The documents of {@code taizhang report}: pdf or docx in the GB/T 9704 layout, with the 发文字号 and 抄送 a clerk
 * gives ({@code --number}, {@code --copy-to}).
 */
final class ReportDocumentCommands {
    private ReportDocumentCommands() {}

    /**
     * {@code report notice (--unit UNIT --out FILE | --all-units --out FOLDER) [--format pdf]}: 整改通知书, for one unit
     * or one file per unit with findings to rectify.
     */
    @Command(
            name = "notice",
            description = "整改通知书：单位已交办、尚未整改完成的问题（问题编号、存在问题、依据、整改措施、整改时限）。"
                    + " Rectification notice: a unit's findings sent to it and not yet rectified.")
    static final class NoticeCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @picocli.CommandLine.ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--unit", paramLabel = "UNIT", description = "单位全称。 The unit's full name.")
            String unit;

            @Option(
                    names = "--all-units",
                    description = "每个有待整改问题的单位一份，写入 --out 文件夹。 One file per unit, into the --out folder.")
            boolean allUnits;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE|FOLDER", description = "输出文件或文件夹。 Output.")
        Path out;

        @picocli.CommandLine.Mixin
        ReportCommand.DocumentOptions document;

        @Override
        public Integer call() throws java.io.IOException {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = document.reports(store, spec, m);
                if (which.allUnits) {
                    java.nio.file.Files.createDirectories(out);
                    Reports.Notices written = reports.notices(out, document.format(), m, Progress.NONE);
                    spec.commandLine()
                            .getOut()
                            .println(m.get(
                                    "report.notice.allDone",
                                    written.files().size(),
                                    written.findings(),
                                    out.toAbsolutePath()));
                } else {
                    int n = reports.notice(which.unit, document.format(), out, m, Progress.NONE);
                    spec.commandLine()
                            .getOut()
                            .println(m.get("report.notice.done", which.unit, n, out.toAbsolutePath()));
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report term-reminders --months N --out FILE [--format pdf]}: 换届提示函. */
    @Command(
            name = "term-reminders",
            description = "换届提示函：任期将在 N 个月内届满（或已届满）的党组织，按单位列出。"
                    + " A reminder of the organizations whose term ends within N months.")
    static final class TermRemindersCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--months",
                required = true,
                paramLabel = "N",
                description = "几个月内届满（0–60）。 Terms ending within N months (0–60).")
        int months;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @picocli.CommandLine.Mixin
        ReportCommand.DocumentOptions document;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = document.reports(store, spec, m);
                int n = reports.termReminders(months, document.format(), out, m, Progress.NONE);
                spec.commandLine().getOut().println(m.get("report.term.done", n, months, out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report last-year --unit UNIT [--year Y] --out FILE [--format pdf|docx]}: 上年问题整改情况. */
    @Command(
            name = "last-year",
            description =
                    "上年问题整改情况：一个单位某年（默认上年）发现的问题及其整改、销号情况，供年终述职评议。 A unit's findings of a year (last year by default)"
                            + " and where each stands, for the year-end review.")
    static final class LastYearCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "单位全称。 The unit's full name.")
        String unit;

        @Option(names = "--year", paramLabel = "Y", description = "年度（默认上年）。 The year (last year by default).")
        Integer year;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @picocli.CommandLine.Mixin
        ReportCommand.DocumentOptions document;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                Reports reports = document.reports(store, spec, m);
                Reports.LastYear done = reports.lastYear(unit, year, document.format(), out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "report.lastYear.done",
                                unit,
                                Integer.toString(done.year()),
                                done.findings(),
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report inspection-report --round TITLE --out FILE [--format pdf|docx]}: 督查情况报告. */
    @Command(
            name = "inspection-report",
            description = "督查情况报告：一次督查的开展情况、发现的主要问题（按类别）、整改情况（按单位）。"
                    + " The report of one inspection round: what was done, what was found, how it is rectified.")
    static final class InspectionReportCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--round", required = true, paramLabel = "TITLE", description = "督查名称。 The round's title.")
        String round;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @picocli.CommandLine.Mixin
        ReportCommand.DocumentOptions document;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                int n = document.reports(store, spec, m)
                        .inspectionReport(round, document.format(), out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get("report.inspection.done.message", round, n, out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code report bulletin [--month YYYY-MM] --out FILE [--format pdf|docx]}: 月度通报. */
    @Command(
            name = "bulletin",
            description =
                    "月度通报：本月新发现、交办、销号的问题，逾期未整改问题清单，各单位销号率排名。 The monthly bulletin: the month's movement, the overdue"
                            + " findings, units ranked by closure rate.")
    static final class BulletinCommand implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--month", paramLabel = "YYYY-MM", description = "月份（默认本月）。 The month (default: this month).")
        String month;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @picocli.CommandLine.Mixin
        ReportCommand.DocumentOptions document;

        @Override
        public Integer call() {
            Messages m = report.root.messages;
            try (Store store = report.root.openStore()) {
                java.time.YearMonth which =
                        document.reports(store, spec, m).bulletin(month, document.format(), out, m, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "report.bulletin.done",
                                Integer.toString(which.getYear()),
                                which.getMonthValue(),
                                out.toAbsolutePath()));
                return ExitCodes.OK;
            }
        }
    }
}
