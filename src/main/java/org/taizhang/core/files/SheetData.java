package org.taizhang.core.files;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sheet as read from a workbook or CSV file, before any checking: the headers found and the non-empty rows
 * as text cells keyed by header, each with its row number in the file (for the error report).
 */
public record SheetData(String name, Set<String> headers, List<Row> rows) {

    /** {@code uncalculated}: the columns holding a formula saved without its result (read as blank). */
    public record Row(int number, Map<String, String> cells, Set<String> uncalculated) {
        public Row(int number, Map<String, String> cells) {
            this(number, cells, Set.of());
        }

        /** Whether the file has this column at all (absent columns keep the stored values). */
        public boolean has(String column) {
            return cells.containsKey(column);
        }

        public String text(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    public static SheetData absent(String name) {
        return new SheetData(name, Set.of(), List.of());
    }

    public boolean present() {
        return !headers.isEmpty();
    }
}
