package org.taizhang.checklist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.core.report.files.TableFiles;
import org.taizhang.core.task.Progress;

/**
 * The 达标验收 figures as a table (达标情况统计表): one row per 共同体 (and one for branches in none) or per unit, then 合计 — 共同体,
 * 支部数, 已验收, 达标, 未达标, 达标率 (a percent with one decimal: 57.1%). Written by the shared table writers in the
 * official layout (core.report), as .xlsx, .csv or .pdf.
 */
public final class AcceptanceStats {
    private AcceptanceStats() {}

    public static ReportTable table(AcceptanceBoard board, Messages m) {
        List<List<Object>> rows = new ArrayList<>();
        for (AcceptanceBoard.Row r : board.rows()) {
            rows.add(row(
                    r.community() == null
                            ? m.get("checklist.stats.noCommunity")
                            : r.community().name(),
                    r));
        }
        return table(board, m.get("checklist.stats.community"), rows, m);
    }

    /**
     * The same figures per unit ({@link AcceptanceBoard#byUnit}: units with branches, in the registry's order); the
     * 合计 is the board's, as by 共同体.
     */
    public static ReportTable byUnit(AcceptanceBoard board, List<AcceptanceBoard.UnitRow> units, Messages m) {
        List<List<Object>> rows = new ArrayList<>();
        for (AcceptanceBoard.UnitRow u : units) {
            rows.add(row(u.unit().name(), u.figures()));
        }
        return table(board, m.get("checklist.stats.unit"), rows, m);
    }

    private static ReportTable table(AcceptanceBoard board, String first, List<List<Object>> rows, Messages m) {
        List<Column> columns = List.of(
                Column.text(first, 14),
                Column.count(m.get("checklist.stats.branches")),
                Column.count(m.get("checklist.stats.accepted")),
                Column.count(m.get("checklist.stats.passed")),
                Column.count(m.get("checklist.stats.failed")),
                Column.percent(m.get("checklist.stats.rate")));
        return new ReportTable(
                m.get("checklist.stats.title", Integer.toString(board.year())),
                m.get("checklist.stats.sheet"),
                columns,
                rows,
                row(m.get("checklist.stats.total"), board.total()),
                List.of(m.get("checklist.stats.note")));
    }

    private static List<Object> row(String label, AcceptanceBoard.Row r) {
        return List.of(label, r.branches(), r.accepted(), r.passed(), r.failed(), r.rate());
    }

    /** Writes the table in {@code format}, whatever the file is named (the command line's --format decides). */
    public static void write(
            AcceptanceBoard board,
            ReportTable.Heading heading,
            ReportFormat format,
            Path file,
            Messages m,
            Progress p) {
        TableFiles.write(table(board, m), heading, format, file, m, p);
    }
}
