package org.taizhang.report;

import java.nio.file.Path;
import java.util.List;
import org.taizhang.checklist.AcceptanceStats;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.DocumentMarks;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.files.DocumentFiles;
import org.taizhang.core.report.files.TableFiles;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;
import org.taizhang.report.model.Grouping;
import org.taizhang.report.model.ReportFilter;

/**
 * The reports, as the 报表 page and {@code taizhang report} ask for them: each counted from the features' services
 * and written through the shared table writers with the settings' 填报单位 and today's date. A filter naming a round,
 * unit or 共同体 that does not exist is refused in words, not answered with an empty table.
 */
public final class Reports {
    private final RegistryService registry;
    private final ChecklistService checklists;
    private final FindingService findings;
    private final InspectionService inspections;
    /** The 发文字号 and 抄送 a clerk gave for the documents written next (none by default). */
    private final DocumentMarks marks;

    public Reports(
            RegistryService registry,
            ChecklistService checklists,
            FindingService findings,
            InspectionService inspections) {
        this(registry, checklists, findings, inspections, DocumentMarks.NONE);
    }

    private Reports(
            RegistryService registry,
            ChecklistService checklists,
            FindingService findings,
            InspectionService inspections,
            DocumentMarks marks) {
        this.registry = registry;
        this.checklists = checklists;
        this.findings = findings;
        this.inspections = inspections;
        this.marks = marks;
    }

    /**
     * These reports writing their documents with a 发文字号 (its 版头 and 印发 line) and a 抄送: one document's, so a
     * folder of notices refuses a number.
     */
    public Reports withMarks(DocumentMarks marks) {
        return new Reports(registry, checklists, findings, inspections, marks);
    }

    /** Every document goes out through here, with the marks given. */
    private void document(OfficialDocument d, ReportFormat format, Path file, Progress progress) {
        if (marks.numbered() && d.issuer().isEmpty()) {
            // a 发文字号 stands under the 发文机关's name: without 填报单位 there is no 版头 to number
            throw new DomainException("document.error.numberWithoutIssuer");
        }
        DocumentFiles.write(marks.on(d), format, file, progress);
    }

    /** The 抄送 last given to a document the 报表 page exported (its field starts with it), or "". */
    public String lastCopyTo() {
        return findings.documentCopyTo();
    }

    /**
     * Remembers the marks' 抄送 for the page's next document: after an export, not after each first-page preview
     * (which writes the document too, but is no document sent).
     */
    public void rememberCopyTo() {
        if (!marks.copyTo().isEmpty()) {
            findings.noteDocumentCopyTo(marks.copyTo());
        }
    }

    /** 填报单位 (the settings') and 填报日期 (today) above every table. */
    public ReportTable.Heading heading() {
        return new ReportTable.Heading(findings.committee(), findings.today());
    }

    /** 问题整改情况统计表 over the ledger as it stands. */
    public ReportTable rectificationStats(ReportFilter filter, Grouping by, Messages m) {
        check(filter);
        return RectificationStats.table(findings.ledger(), filter, by, m);
    }

    /** The ledger's rows the statistics count (the same as the ledger report's with the same filters). */
    public List<LedgerEntry> countedFindings(ReportFilter filter) {
        check(filter);
        return RectificationStats.select(findings.ledger(), filter);
    }

    /**
     * The 整改台账 with the filters, as {@code report ledger} writes it: the same rows as the statistics count (merged
     * findings left out), the columns clerks know, computed as they are written; {@code state} (null: any) cuts it
     * to 未销号, 逾期 or a step of the cycle.
     */
    public ReportTable ledger(ReportFilter filter, LedgerReport.State state, Messages m) {
        check(filter);
        return LedgerReport.table(
                findings.ledger(),
                new LedgerReport.Filter(filter.year(), filter.round(), filter.unit(), filter.community(), state),
                m);
    }

    /** 达标情况统计表 of a year, by 共同体 or by unit (a category is no grouping of branches: refused). */
    public ReportTable acceptanceStats(int year, Grouping by, Messages m) {
        if (year < 2000 || year > findings.today().getYear()) { // a year to come has no acceptance to count
            throw new DomainException("report.lastYear.badYear", Integer.toString(year));
        }
        var board = checklists.board(year);
        return switch (by) {
            case COMMUNITY -> AcceptanceStats.table(board, m);
            case UNIT -> AcceptanceStats.byUnit(board, checklists.byUnit(board), m);
            case CATEGORY -> throw new IllegalArgumentException("达标情况统计表 is by 共同体 or unit");
        };
    }

    /** The table's first page as a PDF (for the 报表 page's preview), as its export would begin. */
    public void firstPage(ReportTable table, Path file, Messages m, Progress progress) {
        org.taizhang.core.report.files.TablePdf.firstPage(
                table, heading(), file, m, org.taizhang.core.pdf.PdfFonts.system(), progress);
    }

    /** Writes a table in a table format (xlsx, csv, pdf); docx is a document's. */
    public void write(ReportTable table, ReportFormat format, Path file, Messages m, Progress progress) {
        TableFiles.write(table, heading(), format, file, m, progress);
    }

    /** What {@link #notices} wrote: a file per unit, and how many findings in all. */
    public record Notices(List<Path> files, int findings) {}

    /** The findings a unit's 整改通知书 lists now, in ledger order (refused in words when the unit is unknown). */
    public List<LedgerEntry> noticeFindings(String unitName) {
        check(new ReportFilter(null, null, unitName, null));
        return findings.ledger().stream()
                .filter(e -> unitName.equals(e.unitName()) && RectificationNotice.listed(e))
                .toList();
    }

    /** A unit's 整改通知书 as a PDF; refused when the unit has no finding to rectify (an empty notice confuses). */
    public int notice(String unitName, Path file, Messages m, Progress progress) {
        return notice(unitName, ReportFormat.PDF, file, m, progress);
    }

    /** A unit's 整改通知书 as a PDF or a Word file (for a clerk who adds the 红头 and the seal). */
    public int notice(String unitName, ReportFormat format, Path file, Messages m, Progress progress) {
        List<LedgerEntry> listed = noticeFindings(unitName);
        if (listed.isEmpty()) {
            throw new DomainException("report.notice.none", unitName);
        }
        document(
                RectificationNotice.of(unitName, listed, findings.committee(), findings.today(), m),
                format,
                file,
                progress);
        return listed.size();
    }

    /**
     * One 整改通知书 per unit that has findings to rectify, into {@code folder} (named after the unit), with progress
     * per unit and cancel between them; a notice already written stays when a later one is cancelled.
     */
    public Notices notices(Path folder, Messages m, Progress progress) {
        return notices(folder, ReportFormat.PDF, m, progress);
    }

    /** {@link #notices(Path, Messages, Progress)} as PDF or Word files. */
    public Notices notices(Path folder, ReportFormat format, Messages m, Progress progress) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            throw new DomainException("report.error.noFolder", folder);
        }
        if (marks.numbered()) {
            throw new DomainException("document.error.numberForMany");
        }
        java.util.Map<String, List<LedgerEntry>> byUnit = new java.util.LinkedHashMap<>();
        for (LedgerEntry e : findings.ledger()) {
            if (RectificationNotice.listed(e) && e.unitName() != null) {
                byUnit.computeIfAbsent(e.unitName(), k -> new java.util.ArrayList<>())
                        .add(e);
            }
        }
        List<Path> written = new java.util.ArrayList<>();
        int count = 0;
        int done = 0;
        for (var unit : byUnit.entrySet()) {
            progress.checkCancelled();
            progress.update(done++, byUnit.size(), "report.notice.progress");
            Path file =
                    folder.resolve(org.taizhang.core.files.FileNames.safe(unit.getKey() + m.get("report.notice.title"))
                            + "." + format.extension());
            document(
                    RectificationNotice.of(unit.getKey(), unit.getValue(), findings.committee(), findings.today(), m),
                    format,
                    file,
                    progress);
            written.add(file);
            count += unit.getValue().size();
        }
        progress.update(byUnit.size(), byUnit.size(), "report.notice.progress");
        return new Notices(written, count);
    }

    /**
     * What the 整改通知书 of {@code unitName} will list (问题编号, 问题类别, 存在问题, 整改时限), or, with no unit, how many
     * findings each unit's notice will list: the 报表 page's preview.
     */
    public ReportTable noticePreview(String unitName, Messages m) {
        if (unitName != null) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (LedgerEntry e : noticeFindings(unitName)) {
                rows.add(java.util.Arrays.asList(
                        e.finding().number(),
                        e.finding().category(),
                        e.finding().description(),
                        e.timeline().deadline()));
            }
            return new ReportTable(
                    unitName + m.get("report.notice.title"),
                    m.get("report.notice.title"),
                    List.of(
                            ReportTable.Column.text(m.get("report.notice.column.number"), 10),
                            ReportTable.Column.text(m.get("report.notice.column.category"), 8),
                            ReportTable.Column.wrapped(m.get("report.notice.column.description"), 30),
                            ReportTable.Column.date(m.get("report.notice.column.deadline"))),
                    rows,
                    null,
                    List.of());
        }
        java.util.Map<String, Integer> byUnit =
                new java.util.TreeMap<>(java.text.Collator.getInstance(java.util.Locale.CHINA));
        for (LedgerEntry e : findings.ledger()) {
            if (RectificationNotice.listed(e) && e.unitName() != null) {
                byUnit.merge(e.unitName(), 1, Integer::sum);
            }
        }
        List<List<Object>> rows = new java.util.ArrayList<>();
        byUnit.forEach((u, n) -> rows.add(List.of(u, n)));
        return new ReportTable(
                m.get("report.notice.title"),
                m.get("report.notice.title"),
                List.of(
                        ReportTable.Column.text(m.get("report.grouping.unit"), 20),
                        ReportTable.Column.count(m.get("report.notice.column.count"))),
                rows,
                java.util.Arrays.asList(
                        m.get("report.table.total"),
                        byUnit.values().stream().mapToInt(i -> i).sum()),
                List.of(m.get("report.notice.allUnitsHint")));
    }

    /**
     * 销号确认单 of the finding numbered {@code number} (督改〔2026〕0147号, or 0147 of this year's numbering as typed),
     * as a PDF; refused for a number nobody holds and for a finding that has not yet applied for closing.
     */
    public ReportTable closeConfirmation(String number, Messages m) {
        String wanted = DocumentMarks.yearInBrackets(number.strip()); // 督改[2025]0001号 is 督改〔2025〕0001号
        LedgerEntry e = findings.ledger().stream()
                .filter(x -> x.finding().number() != null)
                .filter(x -> x.finding().number().equals(wanted)
                        || (wanted.chars().allMatch(Character::isDigit)
                                && x.finding().numberSeq() != null
                                && x.finding().numberSeq() == Integer.parseInt(wanted)
                                && x.finding().numberYear() != null
                                && x.finding().numberYear() == findings.today().getYear()))
                .findFirst()
                .orElseThrow(() -> new DomainException("report.close.noFinding", wanted));
        if (e.timeline().closeRequestedOn() == null && e.timeline().closedOn() == null) {
            throw new DomainException("report.close.notRequested", e.finding().number());
        }
        return CloseConfirmation.of(e, findings.evidence(e.id()), m);
    }

    /**
     * 换届提示函 for the organizations whose term ends within {@code months} months (or has ended), as a PDF; returns
     * how many it names. Refused when there is none (a letter about nothing).
     */
    public int termReminders(int months, Path file, Messages m, Progress progress) {
        return termReminders(months, ReportFormat.PDF, file, m, progress);
    }

    /** {@link #termReminders(int, Path, Messages, Progress)} as a PDF or a Word file. */
    public int termReminders(int months, ReportFormat format, Path file, Messages m, Progress progress) {
        var due = termRemindersDue(months);
        document(TermReminders.of(due, months, findings.committee(), findings.today(), m), format, file, progress);
        return due.values().stream().mapToInt(List::size).sum();
    }

    /** The 换届提示函 for {@code months} as a document (the 报表 page shows and writes it). */
    public OfficialDocument termRemindersDocument(int months, Messages m) {
        return TermReminders.of(termRemindersDue(months), months, findings.committee(), findings.today(), m);
    }

    private java.util.Map<org.taizhang.organization.model.Unit, List<org.taizhang.organization.model.Organization>>
            termRemindersDue(int months) {
        if (months < 0 || months > 60) {
            throw new DomainException("report.term.months", months);
        }
        var due = TermReminders.due(registry.load(), findings.today(), months);
        if (due.isEmpty()) {
            throw new DomainException("report.term.none", months);
        }
        return due;
    }

    /** Writes a document the 报表 page holds, as a PDF or a Word file. */
    public void write(OfficialDocument document, ReportFormat format, Path file, Progress progress) {
        document(document, format, file, progress);
    }

    /**
     * 上年问题整改情况 of {@code unitName} for {@code year} (last year when null), for the year-end 述职评议, as a PDF or a
     * Word file (a year without findings says so in the document). An unknown unit is refused in words.
     */
    public LastYear lastYear(
            String unitName, Integer year, ReportFormat format, Path file, Messages m, Progress progress) {
        int y = lastYearOf(unitName, year);
        List<LedgerEntry> found = LastYearReport.findings(findings.ledger(), unitName, y);
        document(
                LastYearReport.of(unitName, y, found, findings.committee(), findings.today(), m),
                format,
                file,
                progress);
        return new LastYear(y, found.size());
    }

    /** 上年问题整改情况 of a unit as a document (the 报表 page shows and writes it). */
    public OfficialDocument lastYearDocument(String unitName, Integer year, Messages m) {
        int y = lastYearOf(unitName, year);
        return LastYearReport.of(
                unitName,
                y,
                LastYearReport.findings(findings.ledger(), unitName, y),
                findings.committee(),
                findings.today(),
                m);
    }

    private int lastYearOf(String unitName, Integer year) {
        check(new ReportFilter(null, null, unitName, null));
        int y = year == null ? findings.today().getYear() - 1 : year;
        if (y < 2000 || y > findings.today().getYear()) {
            throw new DomainException("report.lastYear.badYear", Integer.toString(y));
        }
        return y;
    }

    /**
     * A template's blank 测评表 for paper (the newest published version of that name, else the newest draft), as a
     * table in any table format; an unknown name is refused in words.
     */
    public ReportTable blankChecklist(String templateName, Messages m) {
        String wanted = templateName == null ? "" : templateName.strip();
        var named = checklists.templates().stream()
                .filter(t -> t.name().equals(wanted))
                .toList();
        if (named.isEmpty()) {
            throw new DomainException("report.blank.noTemplate", wanted, among(templateNames()));
        }
        // the newest published version: a draft is still being written, and paper scored on it would not count
        var template = named.stream()
                .filter(org.taizhang.checklist.model.ChecklistTemplate::isPublished)
                .max(java.util.Comparator.comparingInt(org.taizhang.checklist.model.ChecklistTemplate::version))
                .orElseThrow(() -> new DomainException("report.blank.onlyDraft", wanted));
        return BlankChecklist.of(template, m);
    }

    /**
     * 评估明细表 of one branch in {@code year} (this year when null): the items of the newest template it was assessed
     * against that year, with 自评, 检查组评估 and 达标验收 side by side. Refused in words for an unknown unit or
     * organization and for a branch not assessed that year.
     */
    public ReportTable assessmentDetail(String unitName, String organizationName, Integer year, Messages m) {
        int y = year == null ? findings.today().getYear() : year;
        var o = checklists.organizationNamed(unitName, organizationName, null);
        List<org.taizhang.checklist.model.Assessment> of = checklists.assessmentsOfYear(y).stream()
                .filter(a -> a.organizationId().equals(o.id()))
                .toList();
        var template = of.stream()
                .map(a -> checklists.template(a.templateId()).orElse(null))
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparingLong(org.taizhang.checklist.ChecklistService::templateRank))
                .orElseThrow(() -> new DomainException(
                        "report.detail.notAssessed", unitName, organizationName, Integer.toString(y)));
        return AssessmentDetail.of(o, unitName, y, template, of, m);
    }

    /**
     * 督查情况报告 of the round titled {@code roundTitle} as a PDF or a Word file; returns how many findings it counts.
     * An unknown round is refused in words.
     */
    public int inspectionReport(String roundTitle, ReportFormat format, Path file, Messages m, Progress progress) {
        var round = inspections.inspections().stream()
                .filter(i -> i.title().equals(roundTitle))
                .findFirst()
                .orElseThrow(() -> new DomainException("report.error.noRound", roundTitle, among(roundTitles())));
        var scope = new InspectionReport.Scope(
                round,
                inspections.scope(round.id()).size(),
                inspections.teams(round.id()).size(),
                inspections.visits(round.id()).size());
        List<LedgerEntry> ledger = findings.ledger();
        document(InspectionReport.of(scope, ledger, findings.committee(), findings.today(), m), format, file, progress);
        return RectificationStats.select(ledger, new ReportFilter(null, roundTitle, null, null))
                .size();
    }

    /**
     * What the 督查情况报告 of {@code roundTitle} counts by category (its first table), or, with no round, a line asking
     * for one: the 报表 page's preview.
     */
    public ReportTable inspectionPreview(String roundTitle, Messages m) {
        if (roundTitle == null) {
            return new ReportTable(
                    m.get("report.kind.inspection"),
                    m.get("report.kind.inspection"),
                    List.of(ReportTable.Column.wrapped(m.get("report.inspection.chooseRound"), 40)),
                    List.of(),
                    null,
                    List.of());
        }
        check(new ReportFilter(null, roundTitle, null, null));
        ReportTable t = RectificationStats.table(
                findings.ledger(),
                new ReportFilter(null, roundTitle, null, null),
                org.taizhang.report.model.Grouping.CATEGORY,
                m);
        return new ReportTable(
                m.get("report.inspection.title", roundTitle), t.sheet(), t.columns(), t.rows(), t.total(), t.notes());
    }

    /**
     * 月度通报 of {@code month} (YYYY-MM; this month when null) as a PDF or a Word file. A month written otherwise, or
     * one after this month, is refused in words.
     */
    public java.time.YearMonth bulletin(String month, ReportFormat format, Path file, Messages m, Progress progress) {
        java.time.YearMonth which = bulletinMonth(month);
        document(bulletinDocument(which, m), format, file, progress);
        return which;
    }

    /** 月度通报 of a month as a document (the 报表 page shows and writes it); a month to come is refused. */
    public OfficialDocument bulletinDocument(java.time.YearMonth month, Messages m) {
        bulletinMonth(month.toString());
        return MonthlyBulletin.of(month, findings.ledger(), findings.committee(), findings.today(), m);
    }

    private static final java.util.regex.Pattern MONTH =
            java.util.regex.Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(0?[1-9]|1[0-2])\\s*月?");

    private java.time.YearMonth bulletinMonth(String month) {
        java.time.YearMonth now = java.time.YearMonth.from(findings.today());
        java.time.YearMonth which;
        var typed = month == null ? null : MONTH.matcher(month.strip());
        if (typed != null && !typed.matches()) {
            throw new DomainException("report.bulletin.badMonth", month);
        }
        // 2026-11, 2026-1, 2026/11, 2026.11, 2026年11月: as clerks write a month
        which = typed == null
                ? now
                : java.time.YearMonth.of(Integer.parseInt(typed.group(1)), Integer.parseInt(typed.group(2)));
        if (which.isAfter(now)) {
            throw new DomainException("report.bulletin.futureMonth", month);
        }
        if (which.getYear() < 2000) {
            throw new DomainException("report.bulletin.earlyMonth", month);
        }
        return which;
    }

    /**
     * The registry's organizations as the 报表 page shows them: the columns of the registry's own files (which stay
     * the registry's writers: the workbook is also the form its import reads back).
     */
    public ReportTable registryTable(Messages m) {
        var reg = registry.load();
        List<org.taizhang.organization.model.Organization> orgs = reg.organizations();
        return new ReportTable(
                m.get("report.registry.title"),
                m.get("report.registry.title"),
                org.taizhang.organization.files.RegistryColumns.ORGANIZATION_HEADERS.stream()
                        .map(h -> ReportTable.Column.text(h, Math.max(5, h.length() + 1)))
                        .toList(),
                ReportTable.computed(
                        orgs.size(),
                        i -> List.<Object>copyOf(
                                org.taizhang.organization.files.RegistryRows.organizationRow(reg, orgs.get(i)))),
                null,
                List.of());
    }

    /** The registry in its own files: the workbook (the form its import reads back), the CSV, the PDF. */
    public void writeRegistry(ReportFormat format, Path file, Messages m, Progress progress) {
        switch (format) {
            case XLSX -> registry.exportWorkbook(file, progress);
            case CSV -> registry.exportCsv(file);
            case PDF -> registry.exportPdf(file, null, m, progress);
            case DOCX ->
                throw new DomainException("report.error.format", format.extension(), m.get("report.registry.title"));
        }
    }

    /** A branch assessed in a year, by its unit's and its own name (the 评估明细表's choice). */
    public record AssessedBranch(String unit, String branch) {
        @Override
        public String toString() {
            return unit + " / " + branch;
        }
    }

    /** The branches assessed in {@code year}, by unit and name in Chinese order (for the 评估明细表). */
    public List<AssessedBranch> assessedBranches(int year) {
        var reg = registry.load();
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        return checklists.assessmentsOfYear(year).stream()
                .map(a -> reg.organization(a.organizationId()).orElse(null))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(o -> new AssessedBranch(
                        reg.unit(o.unitId()).map(u -> u.name()).orElse(""), o.name()))
                .sorted(java.util.Comparator.comparing(AssessedBranch::unit, chinese)
                        .thenComparing(AssessedBranch::branch, chinese))
                .toList();
    }

    /** The numbers of the findings that applied for closing or were closed (for 销号确认单), newest first. */
    public List<String> closableNumbers() {
        return findings.ledger().stream()
                .filter(e -> e.finding().number() != null
                        && (e.timeline().closeRequestedOn() != null
                                || e.timeline().closedOn() != null))
                .sorted(FindingService.LEDGER_ORDER.reversed())
                .map(e -> e.finding().number())
                .toList();
    }

    /** The names of the checklist templates (for the blank 测评表), in the templates' order, each once. */
    public List<String> templateNames() {
        return checklists.templates().stream()
                .filter(org.taizhang.checklist.model.ChecklistTemplate::isPublished) // a blank form of a draft: no
                .map(org.taizhang.checklist.model.ChecklistTemplate::name)
                .distinct()
                .toList();
    }

    /** The names there are, for a refusal of a name that is not: the first ten, 、 between them. */
    private static String among(List<String> names) {
        if (names.isEmpty()) {
            return "—";
        }
        return String.join("、", names.subList(0, Math.min(10, names.size()))) + (names.size() > 10 ? "……" : "");
    }

    /** What {@link #lastYear} wrote: the year it is about and how many findings it lists. */
    public record LastYear(int year, int findings) {}

    /** The inspection rounds' titles, for the round filter. */
    public List<String> roundTitles() {
        return inspections.inspections().stream()
                .map(org.taizhang.inspection.model.Inspection::title)
                .distinct()
                .toList();
    }

    /** The units' names in the registry's order, for the unit filter. */
    public List<String> unitNames() {
        return registry.load().units().stream()
                .map(org.taizhang.organization.model.Unit::name)
                .toList();
    }

    /** The 共同体' names, for the community filter. */
    public List<String> communityNames() {
        return registry.load().communities().stream()
                .map(org.taizhang.organization.model.Community::name)
                .toList();
    }

    private void check(ReportFilter f) {
        if (f.round() != null
                && inspections.inspections().stream().noneMatch(i -> i.title().equals(f.round()))) {
            throw new DomainException("report.error.noRound", f.round(), among(roundTitles()));
        }
        Registry r = registry.load();
        if (f.unit() != null && r.unitNamed(f.unit()).isEmpty()) {
            throw new DomainException("report.error.noUnit", f.unit());
        }
        if (f.community() != null && r.communityNamed(f.community()).isEmpty()) {
            throw new DomainException("report.error.noCommunity", f.community());
        }
    }
}
