package org.taizhang.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportTable;

/**
 * The charts of the documents: 发现问题 beside 已销号 for the groups of a table the document already holds, the largest
 * first and at most {@code most} of them (62 units' bars would be unreadable on a 156 mm page; the table beside it has
 * them all).
 */
final class ReportCharts {
    private ReportCharts() {}

    static OfficialDocument.Chart foundAndClosed(
            ReportTable table, int label, int found, int closed, String caption, Messages m, int most) {
        List<List<Object>> rows = new ArrayList<>(table.rows());
        rows.sort(Comparator.comparingLong((List<Object> r) -> -number(r.get(found)))
                .thenComparing(r -> String.valueOf(r.get(label))));
        List<List<Object>> shown = rows.subList(0, Math.min(most, rows.size()));
        List<String> names =
                shown.stream().map(r -> String.valueOf(r.get(label))).toList();
        return new OfficialDocument.Chart(
                caption,
                m.get("report.chart.count"),
                names,
                List.of(
                        new OfficialDocument.Series(
                                m.get("report.rectification.found"),
                                shown.stream().map(r -> number(r.get(found))).toList()),
                        new OfficialDocument.Series(
                                m.get("report.rectification.closed"),
                                shown.stream().map(r -> number(r.get(closed))).toList())));
    }

    private static long number(Object cell) {
        return cell instanceof Number n ? n.longValue() : 0;
    }
}
