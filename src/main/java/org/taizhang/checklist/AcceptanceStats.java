package org.taizhang.checklist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.checklist.files.AcceptanceStatsWorkbook;
import org.taizhang.core.files.CsvFiles;
import org.taizhang.core.i18n.Messages;

/**
 * The 达标验收 figures as a table: one row per 共同体 (and one for branches in none), then 合计 — 共同体, 支部数,
 * 已验收, 达标, 未达标, 达标率 (a percent with one decimal: 57.1%). Written as .csv here or .xlsx by
 * {@link AcceptanceStatsWorkbook}; the reports issue gives it the official layout and a PDF.
 */
public final class AcceptanceStats {
    private AcceptanceStats() {}

    public static List<String> header(Messages m) {
        return List.of(
                m.get("checklist.stats.community"),
                m.get("checklist.stats.branches"),
                m.get("checklist.stats.accepted"),
                m.get("checklist.stats.passed"),
                m.get("checklist.stats.failed"),
                m.get("checklist.stats.rate"));
    }

    /** The rows below the header, the 合计 row last. */
    public static List<List<String>> rows(AcceptanceBoard board, Messages m) {
        List<List<String>> rows = new ArrayList<>();
        for (AcceptanceBoard.Row r : board.rows()) {
            rows.add(row(
                    r.community() == null
                            ? m.get("checklist.stats.noCommunity")
                            : r.community().name(),
                    r));
        }
        rows.add(row(m.get("checklist.stats.total"), board.total()));
        return rows;
    }

    private static List<String> row(String label, AcceptanceBoard.Row r) {
        return List.of(
                label,
                Integer.toString(r.branches()),
                Integer.toString(r.accepted()),
                Integer.toString(r.passed()),
                Integer.toString(r.failed()),
                r.rate().toPlainString() + "%");
    }

    /** Writes the table as .xlsx or .csv, whatever the file is named (the command line's --format decides). */
    public static void write(AcceptanceBoard board, Path file, boolean xlsx, Messages m) {
        if (!xlsx) {
            List<List<String>> all = new ArrayList<>();
            all.add(header(m));
            all.addAll(rows(board, m));
            CsvFiles.write(file, all);
        } else {
            AcceptanceStatsWorkbook.write(board, file, m);
        }
    }
}
