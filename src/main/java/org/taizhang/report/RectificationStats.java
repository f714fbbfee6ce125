package org.taizhang.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.model.Grouping;
import org.taizhang.report.model.ReportFilter;

/**
 * 问题整改情况统计表: per unit, 共同体 or category — 发现问题, 已销号, 整改中, 逾期, 销号率, 反弹率 — and a 合计 whose 发现问题
 * and 已销号 are the rows and the 已销号 rows of the ledger report with the same filters (merged findings left out, as
 * there). 整改中 is every finding not yet closed (待挂号 and 待交办 included), so 发现问题 = 已销号 + 整改中 in every row.
 */
public final class RectificationStats {
    private RectificationStats() {}

    /** The findings the table counts: the filter's, merged ones left out. */
    public static List<LedgerEntry> select(List<LedgerEntry> ledger, ReportFilter f) {
        // the ledger report's own filter: the statistics count exactly the rows `report ledger` writes
        return LedgerReport.select(ledger, new LedgerReport.Filter(f.year(), f.round(), f.unit(), f.community(), null));
    }

    public static ReportTable table(List<LedgerEntry> ledger, ReportFilter filter, Grouping by, Messages m) {
        List<LedgerEntry> entries = select(ledger, filter);
        Function<LedgerEntry, String> key = switch (by) {
            case UNIT -> LedgerEntry::unitName;
            case COMMUNITY -> LedgerEntry::communityName;
            case CATEGORY -> e -> e.finding().category();
        };
        String none = m.get(
                switch (by) {
                    case UNIT -> "report.rectification.none.unit";
                    case COMMUNITY -> "report.rectification.none.community";
                    case CATEGORY -> "report.rectification.none.category";
                });
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, LedgerStats.Figures> g :
                LedgerStats.grouped(entries, key).entrySet()) {
            rows.add(row(g.getKey().isEmpty() ? none : g.getKey(), g.getValue()));
        }
        List<Column> columns = List.of(
                Column.text(m.get(by.messageKey()), by == Grouping.CATEGORY ? 10 : 14),
                Column.count(m.get("report.rectification.found")),
                Column.count(m.get("report.rectification.closed")),
                Column.count(m.get("report.rectification.open")),
                Column.count(m.get("report.rectification.overdue")),
                Column.percent(m.get("report.rectification.closureRate")),
                Column.percent(m.get("report.rectification.repeatRate")));
        return new ReportTable(
                title(filter, m),
                m.get("report.rectification.sheet", m.get(by.messageKey())),
                columns,
                rows,
                row(m.get("report.table.total"), LedgerStats.total(entries)),
                List.of(m.get("report.rectification.note")));
    }

    private static List<Object> row(String label, LedgerStats.Figures f) {
        // a rate of nothing found is an empty cell (null), not 0 %
        return java.util.Arrays.asList(
                label,
                f.found(),
                f.closed(),
                f.found() - f.closed(),
                f.overdue(),
                ReportTable.rate(f.closed(), f.found()),
                ReportTable.rate(f.repeats(), f.found()));
    }

    /** 2026年问题整改情况统计表, with the round's title when one is chosen. */
    static String title(ReportFilter f, Messages m) {
        StringBuilder sb = new StringBuilder();
        if (f.year() != null) {
            sb.append(m.get("report.rectification.titleYear", Integer.toString(f.year())));
        }
        if (f.round() != null) {
            sb.append(f.round());
        }
        if (f.unit() != null) {
            sb.append(f.unit());
        } else if (f.community() != null) {
            sb.append(f.community());
        }
        return sb.append(m.get("report.rectification.title")).toString();
    }
}
