package org.taizhang.report.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.DocumentMarks;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.report.Reports;
import org.taizhang.report.model.Grouping;
import org.taizhang.report.model.ReportFilter;

/**
 * The 报表 page's state: which report, its filters (the choices read from the data: years findings were found in,
 * rounds, units, 共同体), the table as it would be written (counted on the worker), and 导出 in a format. A filter left
 * at 全部 is no filter. Each change of report or filter counts the table again.
 */
public final class ReportsViewModel {
    /** The reports the page lists, in its order. */
    public enum Kind {
        RECTIFICATION_STATS("report.kind.rectification", "report.kind.rectification.hint"),
        ACCEPTANCE_STATS("report.kind.acceptance", "report.kind.acceptance.hint"),
        /** The registry's organizations, written by the registry's own files (xlsx, csv, pdf). */
        REGISTRY("report.kind.registry", "report.kind.registry.hint"),
        /** The 整改台账 with the statistics' filters: a table of one row per finding. */
        LEDGER("report.kind.ledger", "report.kind.ledger.hint"),
        /** A document, not a table: one unit's, or every unit's into a folder; PDF or Word. */
        NOTICE("report.kind.notice", "report.kind.notice.hint"),
        /** A document of one round: its preview is its table by category; PDF or Word. */
        INSPECTION_REPORT("report.kind.inspection", "report.kind.inspection.hint"),
        /** 月度通报 of a month (year and month chosen): a document. */
        BULLETIN("report.kind.bulletin", "report.kind.bulletin.hint"),
        /** 上年问题整改情况 of a unit for a year (last year first): a document. */
        LAST_YEAR("report.kind.lastYear", "report.kind.lastYear.hint"),
        /** 换届提示函 for the terms ending within some months: a document. */
        TERM_REMINDERS("report.kind.termReminders", "report.kind.termReminders.hint"),
        /** A template's blank 测评表 for paper: a table. */
        BLANK_CHECKLIST("report.kind.blankChecklist", "report.kind.blankChecklist.hint"),
        /** 评估明细表 of a branch assessed in a year: a table. */
        ASSESSMENT_DETAIL("report.kind.assessmentDetail", "report.kind.assessmentDetail.hint"),
        /** 销号确认单 of a finding that applied for closing: a table to sign. */
        CLOSE_CONFIRMATION("report.kind.closeConfirmation", "report.kind.closeConfirmation.hint");

        final String key;
        final String hintKey;

        Kind(String key, String hintKey) {
            this.key = key;
            this.hintKey = hintKey;
        }

        /** The name shown in the list. */
        public String messageKey() {
            return key;
        }

        /** What the report counts, under its name. */
        public String hintKey() {
            return hintKey;
        }

        /** Which filters this report takes: year, round, unit, 共同体. */
        public boolean filtersFindings() {
            return this == RECTIFICATION_STATS || this == LEDGER;
        }

        /** Whether it is counted by unit, 共同体 or category (统计口径). */
        public boolean grouped() {
            return this == RECTIFICATION_STATS;
        }

        /** A document: written as PDF or Word. */
        public boolean isDocument() {
            return this == NOTICE || this == INSPECTION_REPORT || heldDocument();
        }

        /** A document the page counts whole and holds (its preview table is the document's first table). */
        public boolean heldDocument() {
            return this == BULLETIN || this == LAST_YEAR || this == TERM_REMINDERS;
        }
    }

    /** What the filters can be set to. */
    public record Choices(
            List<Integer> years,
            List<String> rounds,
            List<String> units,
            List<String> communities,
            List<String> templates,
            List<org.taizhang.report.Reports.AssessedBranch> branches,
            List<String> closable) {}

    /** The months a 换届提示函 can look ahead. */
    public static final List<Integer> TERM_MONTHS = List.of(3, 6, 12);

    private final Reports reports;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.RECTIFICATION_STATS);
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObjectProperty<String> round = new SimpleObjectProperty<>();
    private final ObjectProperty<String> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<String> community = new SimpleObjectProperty<>();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.UNIT);
    /** 达标情况统计表's rows: by 共同体 (as the board) or by unit. */
    private final ObjectProperty<Grouping> acceptanceGrouping = new SimpleObjectProperty<>(Grouping.COMMUNITY);
    /** The 整改台账's 状态 (null: any): 未销号, 逾期, a step of the cycle. */
    private final ObjectProperty<LedgerReport.State> ledgerState = new SimpleObjectProperty<>();
    /** 月度通报's month, 1–12 (null: this month). */
    private final ObjectProperty<Integer> month = new SimpleObjectProperty<>();
    /** 换届提示函: the terms ending within this many months. */
    private final ObjectProperty<Integer> termMonths = new SimpleObjectProperty<>(6);
    /** The blank 测评表's template (null: the first). */
    private final ObjectProperty<String> template = new SimpleObjectProperty<>();
    /** The 评估明细表's branch (null: the first assessed). */
    private final ObjectProperty<org.taizhang.report.Reports.AssessedBranch> branch = new SimpleObjectProperty<>();
    /** The 销号确认单's finding number (null: the newest that applied). */
    private final ObjectProperty<String> finding = new SimpleObjectProperty<>();
    /** A document's 发文字号 ("" for none: no 版头), given before 导出. */
    private final ObjectProperty<String> number = new SimpleObjectProperty<>("");
    /** A document's 抄送 ("" for none); starts with the last one given. */
    private final ObjectProperty<String> copyTo = new SimpleObjectProperty<>("");
    /** The document counted, for a kind the page holds whole ({@link Kind#heldDocument}); null otherwise. */
    private OfficialDocument document;

    private final ReadOnlyObjectWrapper<ReportTable> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Choices> choices = new ReadOnlyObjectWrapper<>(
            new Choices(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    /** The report's first page as the export writes it (null until drawn, or when there is none to draw). */
    private final ReadOnlyObjectWrapper<javafx.scene.image.Image> firstPage = new ReadOnlyObjectWrapper<>();
    /** The preview's rows as text, the 合计 last. */
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();

    /** Set while the choices are filled in, so that setting them does not count the table once per filter. */
    private boolean quiet;

    public ReportsViewModel(Reports reports, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.reports = reports;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        // 上年问题整改情况 is about last year: the year filter moves there when it still says this year
        kind.addListener((o, was, now) -> {
            Integer y = year.get();
            if (now == Kind.LAST_YEAR
                    && y != null
                    && y == reports.heading().date().getYear()) {
                quiet = true;
                year.set(y - 1);
                quiet = false;
            }
        });
        for (ObjectProperty<?> p : List.of(
                kind,
                year,
                round,
                unit,
                community,
                grouping,
                acceptanceGrouping,
                ledgerState,
                month,
                termMonths,
                template,
                branch,
                finding,
                number,
                copyTo)) {
            // a change listener, not an invalidation one: a value set quietly and never read would leave the
            // property invalid, and the clerk's next choice would not be heard
            p.addListener((javafx.beans.value.ChangeListener<Object>) (o, was, now) -> {
                if (!quiet) {
                    refresh();
                }
            });
        }
    }

    /** Reads the filters' choices, sets the year to this year, and counts the table: the ledger read once for both. */
    public void load() {
        Kind k = kind.get();
        Grouping g = grouping.get();
        tasks.run(
                "report.task.load",
                p -> {
                    // one reading of the ledger gives the years to choose from and the first table
                    var findings = reports.countedFindings(ReportFilter.ALL);
                    int thisYear = reports.heading().date().getYear();
                    TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
                    years.add(thisYear);
                    findings.forEach(e -> years.add(e.finding().foundOn().getYear()));
                    ReportFilter first = new ReportFilter(thisYear, null, null, null);
                    Counted table = k == Kind.RECTIFICATION_STATS
                            ? new Counted(org.taizhang.report.RectificationStats.table(findings, first, g, m), null)
                            : count(k, first, g, thisYear, ledgerState.get());
                    return new Loaded(
                            new Choices(
                                    List.copyOf(years),
                                    reports.roundTitles(),
                                    reports.unitNames(),
                                    reports.communityNames(),
                                    reports.templateNames(),
                                    reports.assessedBranches(thisYear),
                                    reports.closableNumbers()),
                            thisYear,
                            table,
                            reports.lastCopyTo());
                },
                loaded -> {
                    quiet = true;
                    choices.set(loaded.choices());
                    year.set(loaded.year());
                    if (copyTo.get().isEmpty()) {
                        copyTo.set(loaded.copyTo());
                    }
                    quiet = false;
                    show(loaded.table());
                });
    }

    private record Loaded(Choices choices, int year, Counted table, String copyTo) {}

    /** The reports writing documents with the 发文字号 and 抄送 given (refused in words when one is wrong). */
    private Reports marked(String n, String c) {
        return reports.withMarks(new DocumentMarks(n, c));
    }

    /** What a count gives: the table shown, and the document when the page holds one. */
    private record Counted(
            ReportTable table, OfficialDocument document, List<org.taizhang.report.Reports.AssessedBranch> branches) {
        Counted(ReportTable table, OfficialDocument document) {
            this(table, document, null);
        }
    }

    /** Counts the chosen report with the filters on the worker and shows it. */
    public void refresh() {
        Kind k = kind.get();
        ReportFilter f = filter();
        Grouping g = grouping.get();
        Integer y = year.get();
        LedgerReport.State s = ledgerState.get();
        tasks.run("report.task.count", p -> count(k, f, g, y, s), this::show);
    }

    private void show(Counted c) {
        if (c.branches() != null && !c.branches().equals(choices.get().branches())) {
            // the branches assessed in the year counted: another year has others to choose from
            Choices was = choices.get();
            quiet = true;
            choices.set(new Choices(
                    was.years(),
                    was.rounds(),
                    was.units(),
                    was.communities(),
                    was.templates(),
                    c.branches(),
                    was.closable()));
            if (branch.get() != null && !c.branches().contains(branch.get())) {
                branch.set(null); // the first of the year's, as counted
            }
            quiet = false;
        }
        document = c.document();
        ReportTable t = c.table();
        table.set(t);
        rows.setAll(t.texts().subList(1, t.texts().size()));
        drawFirstPage(kind.get(), t, c.document());
    }

    /** The preview's resolution: an A4 page 744 pixels wide, shrunk to the pane. */
    static final float PREVIEW_DPI = 90f;

    /**
     * Draws the first page as the export will write it, on the worker: a table's first page from its first rows
     * (TablePdf.firstPage), a document's PDF (a notice of the chosen unit or of the first one listed, the round's report).
     */
    private void drawFirstPage(Kind k, ReportTable t, OfficialDocument held) {
        String u = unit.get();
        String r = round.get();
        int ticket = ++pagesAsked; // a page drawn for filters changed since is not shown
        String n = number.get();
        String c = copyTo.get();
        if (k == Kind.INSPECTION_REPORT && r == null || k.heldDocument() && held == null) {
            firstPage.set(null);
            return;
        }
        tasks.run(
                "report.task.preview",
                p -> {
                    java.nio.file.Path pdf = java.nio.file.Files.createTempFile("taizhang-preview", ".pdf");
                    Reports reports;
                    try {
                        reports = marked(n, c);
                    } catch (org.taizhang.core.DomainException wrong) {
                        reports = this.reports; // the export says what is wrong; the page shows it without
                    }
                    try {
                        switch (k) {
                            case NOTICE -> {
                                String shown = u != null
                                        ? u
                                        : t.rows().isEmpty()
                                                ? null
                                                : String.valueOf(
                                                        t.rows().getFirst().getFirst());
                                if (shown == null) {
                                    return null;
                                }
                                reports.notice(shown, ReportFormat.PDF, pdf, m, p);
                            }
                            case INSPECTION_REPORT -> reports.inspectionReport(r, ReportFormat.PDF, pdf, m, p);
                            case BULLETIN, LAST_YEAR, TERM_REMINDERS -> reports.write(held, ReportFormat.PDF, pdf, p);
                            case REGISTRY -> reports.writeRegistry(ReportFormat.PDF, pdf, m, p);
                            default -> reports.firstPage(t, pdf, m, p);
                        }
                        return image(org.taizhang.core.report.files.PagePreview.firstPage(pdf, PREVIEW_DPI));
                    } finally {
                        java.nio.file.Files.deleteIfExists(pdf);
                    }
                },
                image -> {
                    if (ticket == pagesAsked) {
                        firstPage.set(image);
                    }
                });
    }

    /** How many first pages were asked for: only the last one asked is shown. */
    private int pagesAsked;

    /** A drawn page as an image JavaFX shows. */
    static javafx.scene.image.Image image(java.awt.image.BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(w, h);
        image.getPixelWriter()
                .setPixels(
                        0,
                        0,
                        w,
                        h,
                        javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        page.getRGB(0, 0, w, h, null, 0, w),
                        0,
                        w);
        return image;
    }

    private Counted count(Kind k, ReportFilter f, Grouping g, Integer y, LedgerReport.State state) {
        int thisYear = reports.heading().date().getYear();
        return switch (k) {
            case RECTIFICATION_STATS -> new Counted(reports.rectificationStats(f, g, m), null);
            case ACCEPTANCE_STATS ->
                new Counted(reports.acceptanceStats(y == null ? thisYear : y, acceptanceGrouping.get(), m), null);
            case LEDGER -> new Counted(reports.ledger(f, state, m), null);
            case REGISTRY -> new Counted(reports.registryTable(m), null);
            case NOTICE -> new Counted(reports.noticePreview(f.unit(), m), null);
            case INSPECTION_REPORT -> new Counted(reports.inspectionPreview(f.round(), m), null);
            case BLANK_CHECKLIST -> {
                List<String> names = choices.get().templates();
                String t = template.get() != null ? template.get() : names.isEmpty() ? null : names.getFirst();
                yield t == null ? said(k, "report.view.noTemplate") : new Counted(reports.blankChecklist(t, m), null);
            }
            case BULLETIN, LAST_YEAR, TERM_REMINDERS -> held(k, f, y);
            case ASSESSMENT_DETAIL -> {
                var branches = reports.assessedBranches(y == null ? thisYear : y);
                var chosen = branch.get();
                var b = chosen != null && branches.contains(chosen)
                        ? chosen
                        : branches.isEmpty() ? null : branches.getFirst();
                Counted c = b == null
                        ? said(k, "report.view.noBranch")
                        : orSaid(k, () -> reports.assessmentDetail(b.unit(), b.branch(), y, m));
                yield new Counted(c.table(), null, branches);
            }
            case CLOSE_CONFIRMATION -> {
                var numbers = choices.get().closable();
                String n = finding.get() != null ? finding.get() : numbers.isEmpty() ? null : numbers.getFirst();
                yield n == null ? said(k, "report.view.noClosable") : orSaid(k, () -> reports.closeConfirmation(n, m));
            }
        };
    }

    /** A table counted, or what stands in its way (a branch not assessed that year …) in a sentence. */
    private Counted orSaid(Kind k, java.util.function.Supplier<ReportTable> counted) {
        try {
            return new Counted(counted.get(), null);
        } catch (org.taizhang.core.DomainException e) {
            return new Counted(sentence(k, m.get(e.messageKey(), e.args())), null);
        }
    }

    /** A document the page holds: counted whole; what stands in its way (no unit, no term ending) said instead. */
    private Counted held(Kind k, ReportFilter f, Integer y) {
        try {
            OfficialDocument d = switch (k) {
                case BULLETIN -> {
                    java.time.YearMonth now =
                            java.time.YearMonth.from(reports.heading().date());
                    yield reports.bulletinDocument(
                            java.time.YearMonth.of(
                                    y == null ? now.getYear() : y,
                                    month.get() == null ? now.getMonthValue() : month.get()),
                            m);
                }
                case LAST_YEAR -> {
                    if (f.unit() == null) {
                        yield null;
                    }
                    yield reports.lastYearDocument(f.unit(), y, m);
                }
                case TERM_REMINDERS ->
                    reports.termRemindersDocument(termMonths.get() == null ? 6 : termMonths.get(), m);
                default -> throw new IllegalArgumentException(k.name());
            };
            return d == null ? said(k, "report.view.chooseUnit") : new Counted(tableOf(d), d);
        } catch (org.taizhang.core.DomainException e) {
            return new Counted(sentence(k, m.get(e.messageKey(), e.args())), null);
        }
    }

    private Counted said(Kind k, String key) {
        return new Counted(sentence(k, m.get(key)), null);
    }

    /** A table of one sentence under the report's name: what the clerk must choose, or why there is nothing. */
    private ReportTable sentence(Kind k, String text) {
        return new ReportTable(
                m.get(k.messageKey()),
                m.get(k.messageKey()),
                List.of(ReportTable.Column.wrapped(m.get(k.messageKey()), 40)),
                List.of(List.of(text)),
                null,
                List.of());
    }

    /** A document's rows for the 数据 tab: its first table, or its paragraphs one a row. */
    private ReportTable tableOf(OfficialDocument d) {
        for (OfficialDocument.Block b : d.body()) {
            if (b instanceof OfficialDocument.Table t) {
                ReportTable inner = t.table();
                return new ReportTable(
                        d.title(), inner.sheet(), inner.columns(), inner.rows(), inner.total(), inner.notes());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (OfficialDocument.Block b : d.body()) {
            if (!b.text().isBlank()) {
                rows.add(List.of(b.text()));
            }
        }
        return new ReportTable(
                d.title(), d.title(), List.of(ReportTable.Column.wrapped(d.title(), 60)), rows, null, List.of());
    }

    /** Writes the document counted (月度通报, 上年问题整改情况, 换届提示函), then offers to open it. */
    public void exportDocument(ReportFormat format, Path file) {
        OfficialDocument d = document;
        if (d == null) {
            return;
        }
        String n = number.get();
        String c = copyTo.get();
        tasks.run(
                "report.task.export",
                p -> {
                    Reports marked = marked(n, c);
                    marked.write(d, format, file, p);
                    marked.rememberCopyTo();
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("report.task.export"), m.get("report.info.exported", written), written));
    }

    /** Whether the document counted can be written (a unit chosen, a term ending …). */
    public boolean hasDocument() {
        return document != null;
    }

    /** The filters as set (全部 is null). */
    public ReportFilter filter() {
        return new ReportFilter(year.get(), round.get(), unit.get(), community.get());
    }

    /** Writes the table shown in {@code format}, then offers to open the file or its folder. */
    public void export(ReportFormat format, Path file) {
        ReportTable t = table.get();
        if (t == null) {
            return;
        }
        boolean registry = kind.get() == Kind.REGISTRY;
        tasks.run(
                "report.task.export",
                p -> {
                    if (registry) {
                        reports.writeRegistry(format, file, m, p);
                    } else {
                        reports.write(t, format, file, m, p);
                    }
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("report.task.export"), m.get("report.info.exported", written), written));
    }

    /**
     * 整改通知书: the chosen unit's into {@code target} (a file), or with 全部 one per unit into {@code target} (a
     * folder); then offers to open what was written.
     */
    public void exportNotices(Path target) {
        exportNotices(ReportFormat.PDF, target);
    }

    /** 督查情况报告 of the chosen round into {@code file}, then offers to open it. */
    public void exportInspectionReport(ReportFormat format, Path file) {
        String r = round.get();
        if (r == null) {
            return;
        }
        String n = number.get();
        String c = copyTo.get();
        tasks.run(
                "report.task.export",
                p -> {
                    Reports marked = marked(n, c);
                    marked.inspectionReport(r, format, file, m, p);
                    marked.rememberCopyTo();
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("report.task.export"), m.get("report.info.exported", written), written));
    }

    /** {@link #exportNotices(Path)} as PDF or Word files. */
    public void exportNotices(ReportFormat format, Path target) {
        String u = unit.get();
        String n = number.get();
        String c = copyTo.get();
        tasks.run(
                "report.task.notices",
                p -> {
                    Reports marked = marked(n, c);
                    if (u != null) {
                        marked.notice(u, format, target, m, p);
                    } else {
                        marked.notices(target, format, m, p); // a number for many is refused in words
                    }
                    marked.rememberCopyTo();
                    return target;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("report.task.notices"), m.get("report.info.exported", written), written));
    }

    /** Whether the document's export writes one file (a unit chosen) or a folder of them. */
    public boolean oneUnit() {
        return unit.get() != null;
    }

    /** A file name for the table shown, in {@code format}. */
    public String suggestedName(ReportFormat format) {
        ReportTable t = table.get();
        String title = t == null ? m.get(kind.get().messageKey()) : t.title();
        return org.taizhang.core.files.FileNames.safe(title) + "." + format.extension();
    }

    /** A document's 发文字号 ("" for none). */
    public ObjectProperty<String> numberProperty() {
        return number;
    }

    /** A document's 抄送 ("" for none). */
    public ObjectProperty<String> copyToProperty() {
        return copyTo;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObjectProperty<String> roundProperty() {
        return round;
    }

    public ObjectProperty<String> unitProperty() {
        return unit;
    }

    public ObjectProperty<String> communityProperty() {
        return community;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** 达标情况统计表's rows: {@link Grouping#COMMUNITY} or {@link Grouping#UNIT}. */
    public ObjectProperty<Grouping> acceptanceGroupingProperty() {
        return acceptanceGrouping;
    }

    /** The 整改台账's 状态 (null: any); the other reports do not take it. */
    public ObjectProperty<LedgerReport.State> ledgerStateProperty() {
        return ledgerState;
    }

    public ObjectProperty<Integer> monthProperty() {
        return month;
    }

    public ObjectProperty<Integer> termMonthsProperty() {
        return termMonths;
    }

    public ObjectProperty<String> templateProperty() {
        return template;
    }

    public ObjectProperty<org.taizhang.report.Reports.AssessedBranch> branchProperty() {
        return branch;
    }

    public ObjectProperty<String> findingProperty() {
        return finding;
    }

    public ReadOnlyObjectProperty<ReportTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Choices> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<javafx.scene.image.Image> firstPageProperty() {
        return firstPage.getReadOnlyProperty();
    }

    public ObservableList<List<String>> rows() {
        return rows;
    }

    /** The column names of the table shown (empty before the first count). */
    public List<String> columnNames() {
        ReportTable t = table.get();
        return t == null ? List.of() : new ArrayList<>(t.texts().getFirst());
    }

    /** Whether a preview row is the 合计 (the last, when the table has one). */
    public boolean isTotal(List<String> row) {
        ReportTable t = table.get();
        return t != null && t.total() != null && !rows.isEmpty() && row == rows.getLast();
    }
}
