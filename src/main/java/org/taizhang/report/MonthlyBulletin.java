package org.taizhang.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Warning;

/**
 * 月度通报 of a month: the month's movement (findings found, closed and sent to units in it), the overdue findings as
 * they stand (number, unit, problem, deadline, days overdue), and the units ranked by 销号率 over the year up to the
 * month's end (the findings of the year, merged ones left out, as the statistics count them).
 */
public final class MonthlyBulletin {
    private MonthlyBulletin() {}

    public static OfficialDocument of(
            YearMonth month, List<LedgerEntry> ledger, String committee, LocalDate today, Messages m) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<LedgerEntry> counted =
                ledger.stream().filter(e -> e.state() != FindingState.MERGED).toList();
        long foundInMonth = counted.stream()
                .filter(e -> within(e.finding().foundOn(), first, last))
                .count();
        long closedInMonth = counted.stream()
                .filter(e ->
                        e.state() == FindingState.CLOSED && within(e.timeline().closedOn(), first, last))
                .count();
        long notifiedInMonth = counted.stream()
                .filter(e -> within(e.timeline().notifiedOn(), first, last))
                .count();
        List<LedgerEntry> overdue = counted.stream()
                .filter(e -> e.warning() == Warning.OVERDUE || e.warning() == Warning.SEVERE)
                .filter(e -> e.timeline().deadline() != null)
                .sorted(Comparator.comparing((LedgerEntry e) -> e.timeline().deadline())
                        .thenComparing(e ->
                                e.finding().number() == null ? "" : e.finding().number()))
                .toList();

        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(new OfficialDocument.Paragraph(
                m.get("report.bulletin.intro", Integer.toString(month.getYear()), month.getMonthValue())));
        body.add(new OfficialDocument.Heading(m.get("report.bulletin.movement.heading")));
        body.add(new OfficialDocument.Paragraph(
                m.get("report.bulletin.movement", foundInMonth, notifiedInMonth, closedInMonth, overdue.size())));

        body.add(new OfficialDocument.Heading(m.get("report.bulletin.overdue.heading")));
        if (overdue.isEmpty()) {
            body.add(new OfficialDocument.Paragraph(m.get("report.bulletin.noOverdue")));
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (LedgerEntry e : overdue) {
                rows.add(Arrays.asList(
                        e.finding().number() == null
                                ? m.get("report.notice.unnumbered")
                                : e.finding().number(),
                        e.unitName(),
                        e.finding().description(),
                        e.timeline().deadline(),
                        (int) ChronoUnit.DAYS.between(e.timeline().deadline(), today)));
            }
            body.add(new OfficialDocument.Table(new ReportTable(
                    m.get("report.bulletin.table.overdue"),
                    m.get("report.bulletin.table.overdue"),
                    List.of(
                            Column.text(m.get("report.notice.column.number"), 13),
                            Column.text(m.get("report.grouping.unit"), 11),
                            Column.wrapped(m.get("report.notice.column.description"), 24),
                            // wide enough for 2026-03-29 on one line in 小四
                            new Column(m.get("report.notice.column.deadline"), ReportTable.Kind.DATE, 9),
                            Column.count(m.get("report.bulletin.column.days"))),
                    rows,
                    null,
                    List.of())));
        }

        body.add(new OfficialDocument.Heading(m.get("report.bulletin.ranking.heading")));
        List<LedgerEntry> ofYear = counted.stream()
                .filter(e -> e.finding().foundOn().getYear() == month.getYear()
                        && !e.finding().foundOn().isAfter(last))
                .toList();
        body.add(new OfficialDocument.Paragraph(m.get("report.bulletin.ranking", Integer.toString(month.getYear()))));
        List<List<Object>> ranking = new ArrayList<>();
        for (Map.Entry<String, LedgerStats.Figures> u :
                LedgerStats.grouped(ofYear, LedgerEntry::unitName).entrySet()) {
            LedgerStats.Figures f = u.getValue();
            ranking.add(
                    Arrays.asList(null, u.getKey(), f.found(), f.closed(), ReportTable.rate(f.closed(), f.found())));
        }
        ranking.sort(Comparator.comparing(
                        (List<Object> r) -> r.get(4) == null ? BigDecimal.valueOf(-1) : (BigDecimal) r.get(4))
                .reversed()
                .thenComparing(r -> -((Integer) r.get(2)))
                .thenComparing(r -> (String) r.get(1)));
        // the same 销号率 ranks the same (并列), the next rank counts the units before it: 1, 2, 2, 4
        for (int i = 0; i < ranking.size(); i++) {
            boolean tied = i > 0
                    && java.util.Objects.equals(
                            ranking.get(i).get(4), ranking.get(i - 1).get(4));
            ranking.get(i).set(0, tied ? ranking.get(i - 1).get(0) : i + 1);
        }
        LedgerStats.Figures all = LedgerStats.total(ofYear);
        ReportTable rankingTable = new ReportTable(
                m.get("report.bulletin.table.ranking", Integer.toString(month.getYear())),
                m.get("report.bulletin.table.ranking", Integer.toString(month.getYear())),
                List.of(
                        Column.count(m.get("report.bulletin.column.rank")),
                        Column.text(m.get("report.grouping.unit"), 14),
                        Column.count(m.get("report.rectification.found")),
                        Column.count(m.get("report.rectification.closed")),
                        Column.percent(m.get("report.rectification.closureRate"))),
                ranking,
                Arrays.asList(
                        m.get("report.table.total"),
                        "",
                        all.found(),
                        all.closed(),
                        ReportTable.rate(all.closed(), all.found())),
                List.of());
        body.add(new OfficialDocument.Table(rankingTable));
        body.add(ReportCharts.foundAndClosed(
                rankingTable, 1, 2, 3, m.get("report.bulletin.chart", Integer.toString(month.getYear())), m, 10));
        body.add(new OfficialDocument.Paragraph(m.get("report.bulletin.closing")));
        return new OfficialDocument(
                committee,
                "",
                m.get("report.bulletin.title", Integer.toString(month.getYear()), month.getMonthValue()),
                m.get("report.bulletin.recipient"),
                body,
                today,
                "");
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return day != null && !day.isBefore(first) && !day.isAfter(last);
    }
}
