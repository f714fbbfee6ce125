package org.taizhang.inspection.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.files.CsvFiles;
import org.taizhang.inspection.model.LedgerEntry;

/** The 整改台账 as CSV: the header, then one row per finding ({@link LedgerReport}); data only, no title block. */
public final class LedgerCsv {
    private LedgerCsv() {}

    static void write(List<LedgerEntry> entries, Path file) {
        List<List<String>> rows = new ArrayList<>(entries.size() + 1);
        rows.add(LedgerReport.COLUMNS);
        int seq = 0;
        for (LedgerEntry e : entries) {
            rows.add(LedgerReport.row(e, ++seq));
        }
        CsvFiles.write(file, rows);
    }
}
