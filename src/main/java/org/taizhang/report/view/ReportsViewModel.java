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
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
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
        /** The 整改台账 with the statistics' filters: a table of one row per finding. */
        LEDGER("report.kind.ledger", "report.kind.ledger.hint"),
        /** A document, not a table: one unit's, or every unit's into a folder; PDF or Word. */
        NOTICE("report.kind.notice", "report.kind.notice.hint"),
        /** A document of one round: its preview is its table by category; PDF or Word. */
        INSPECTION_REPORT("report.kind.inspection", "report.kind.inspection.hint");

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
            return this == NOTICE || this == INSPECTION_REPORT;
        }
    }

    /** What the filters can be set to. */
    public record Choices(List<Integer> years, List<String> rounds, List<String> units, List<String> communities) {}

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
    private final ReadOnlyObjectWrapper<ReportTable> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Choices> choices =
            new ReadOnlyObjectWrapper<>(new Choices(List.of(), List.of(), List.of(), List.of()));
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
        for (ObjectProperty<?> p : List.of(kind, year, round, unit, community, grouping)) {
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
                    ReportTable table = k == Kind.RECTIFICATION_STATS
                            ? org.taizhang.report.RectificationStats.table(findings, first, g, m)
                            : count(k, first, g, thisYear);
                    return new Loaded(
                            new Choices(
                                    List.copyOf(years),
                                    reports.roundTitles(),
                                    reports.unitNames(),
                                    reports.communityNames()),
                            thisYear,
                            table);
                },
                loaded -> {
                    quiet = true;
                    choices.set(loaded.choices());
                    year.set(loaded.year());
                    quiet = false;
                    show(loaded.table());
                });
    }

    private record Loaded(Choices choices, int year, ReportTable table) {}

    /** Counts the chosen report with the filters on the worker and shows it. */
    public void refresh() {
        Kind k = kind.get();
        ReportFilter f = filter();
        Grouping g = grouping.get();
        Integer y = year.get();
        tasks.run("report.task.count", p -> count(k, f, g, y), this::show);
    }

    private void show(ReportTable t) {
        table.set(t);
        rows.setAll(t.texts().subList(1, t.texts().size()));
        drawFirstPage(kind.get(), t);
    }

    /** The preview's resolution: an A4 page 744 pixels wide, shrunk to the pane. */
    static final float PREVIEW_DPI = 90f;

    /**
     * Draws the first page as the export will write it, on the worker: a table's first page from its first rows
     * (TablePdf.firstPage), a document's PDF (a notice of the chosen unit or of the first one listed, the round's report).
     */
    private void drawFirstPage(Kind k, ReportTable t) {
        String u = unit.get();
        String r = round.get();
        int ticket = ++pagesAsked; // a page drawn for filters changed since is not shown
        if (k == Kind.INSPECTION_REPORT && r == null) {
            firstPage.set(null);
            return;
        }
        tasks.run(
                "report.task.preview",
                p -> {
                    java.nio.file.Path pdf = java.nio.file.Files.createTempFile("taizhang-preview", ".pdf");
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

    private ReportTable count(Kind k, ReportFilter f, Grouping g, Integer y) {
        return switch (k) {
            case RECTIFICATION_STATS -> reports.rectificationStats(f, g, m);
            case ACCEPTANCE_STATS ->
                reports.acceptanceStats(y == null ? reports.heading().date().getYear() : y, m);
            case LEDGER -> reports.ledger(f, m);
            case NOTICE -> reports.noticePreview(f.unit(), m);
            case INSPECTION_REPORT -> reports.inspectionPreview(f.round(), m);
        };
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
        tasks.run(
                "report.task.export",
                p -> {
                    reports.write(t, format, file, m, p);
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
        tasks.run(
                "report.task.export",
                p -> {
                    reports.inspectionReport(r, format, file, m, p);
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("report.task.export"), m.get("report.info.exported", written), written));
    }

    /** {@link #exportNotices(Path)} as PDF or Word files. */
    public void exportNotices(ReportFormat format, Path target) {
        String u = unit.get();
        tasks.run(
                "report.task.notices",
                p -> {
                    if (u != null) {
                        reports.notice(u, format, target, m, p);
                    } else {
                        reports.notices(target, format, m, p);
                    }
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
