package org.taizhang.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportTable;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.model.Grouping;
import org.taizhang.report.model.ReportFilter;

/**
 * 督查情况报告 of one round: what was done (dates, units in scope, teams, visits), what was found (the figures, a
 * table by category, the most common problems with an example of each), how the rectification stands (a table by
 * unit with 已销号, 整改中, 逾期 and 销号率 — the same counts as 问题整改情况统计表 for the round), and what comes next.
 * A clerk adds judgement in Word; every figure is the program's.
 */
public final class InspectionReport {
    /** How many categories "the most common problems" names. */
    static final int COMMON = 5;

    private InspectionReport() {}

    /** What the round covered, as the caller read it. */
    public record Scope(Inspection round, int units, int teams, int visits) {}

    public static OfficialDocument of(
            Scope scope, List<LedgerEntry> ledger, String committee, LocalDate today, Messages m) {
        Inspection round = scope.round();
        ReportFilter filter = new ReportFilter(null, round.title(), null, null);
        List<LedgerEntry> found = RectificationStats.select(ledger, filter);
        LedgerStats.Figures f = LedgerStats.total(found);
        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(new OfficialDocument.Paragraph(m.get(
                "report.inspection.intro",
                round.title(),
                round.startsOn() == null ? "" : OfficialDocument.date(round.startsOn()),
                round.endsOn() == null ? "" : OfficialDocument.date(round.endsOn()))));

        body.add(new OfficialDocument.Heading(m.get("report.inspection.done.heading")));
        body.add(new OfficialDocument.Paragraph(
                m.get("report.inspection.done", scope.units(), scope.teams(), scope.visits())));

        body.add(new OfficialDocument.Heading(m.get("report.inspection.found.heading")));
        body.add(new OfficialDocument.Paragraph(m.get(
                "report.inspection.found",
                found.size(),
                LedgerStats.grouped(found, LedgerEntry::unitName).size(),
                LedgerStats.grouped(found, e -> e.finding().category()).size())));
        ReportTable byCategory = RectificationStats.table(ledger, filter, Grouping.CATEGORY, m);
        body.add(new OfficialDocument.Table(titled(byCategory, m.get("report.inspection.table.category"))));
        body.add(ReportCharts.foundAndClosed(byCategory, 0, 1, 2, m.get("report.inspection.chart.category"), m, 10));
        body.add(new OfficialDocument.Subheading(m.get("report.inspection.common.heading")));
        Map<String, List<LedgerEntry>> byKind = new LinkedHashMap<>();
        for (LedgerEntry e : found) {
            byKind.computeIfAbsent(
                            e.finding().category() == null
                                    ? m.get("report.rectification.none.category")
                                    : e.finding().category(),
                            k -> new ArrayList<>())
                    .add(e);
        }
        List<Map.Entry<String, List<LedgerEntry>>> common = byKind.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<LedgerEntry>> x) ->
                                -x.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(COMMON)
                .toList();
        int i = 0;
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Map.Entry<String, List<LedgerEntry>> kind : common) {
            // each example from a unit not named yet, where there is one: the report is not about one unit
            LedgerEntry example = kind.getValue().stream()
                    .filter(e -> !named.contains(e.unitName()))
                    .findFirst()
                    .orElse(kind.getValue().getFirst());
            named.add(example.unitName());
            body.add(new OfficialDocument.Paragraph(m.get(
                    "report.inspection.common",
                    ++i,
                    kind.getKey(),
                    kind.getValue().size(),
                    example.unitName(),
                    example.finding().description())));
        }

        body.add(new OfficialDocument.Heading(m.get("report.inspection.rectification.heading")));
        String rate = f.closureRate().isPresent()
                ? String.format(java.util.Locale.ROOT, "%.1f%%", f.closureRate().getAsDouble() * 100)
                : "—";
        body.add(new OfficialDocument.Paragraph(
                m.get("report.inspection.rectification", f.closed(), found.size() - f.closed(), f.overdue(), rate)));
        ReportTable byUnit = RectificationStats.table(ledger, filter, Grouping.UNIT, m);
        body.add(new OfficialDocument.Table(titled(byUnit, m.get("report.inspection.table.unit"))));
        body.add(ReportCharts.foundAndClosed(byUnit, 0, 1, 2, m.get("report.inspection.chart.unit"), m, 10));

        body.add(new OfficialDocument.Heading(m.get("report.inspection.next.heading")));
        body.add(new OfficialDocument.Paragraph(m.get("report.inspection.next")));
        return new OfficialDocument(
                committee, "", m.get("report.inspection.title", round.title()), "", body, today, "");
    }

    /** The statistics' table with a caption of the document's own (its title names the round again). */
    static ReportTable titled(ReportTable t, String caption) {
        return new ReportTable(caption, t.sheet(), t.columns(), t.rows(), t.total(), List.of(), t.signatures());
    }
}
