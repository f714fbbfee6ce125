package org.taizhang.core.files;

import java.util.List;
import org.taizhang.core.Issue;

/**
 * One row of a sheet an import reads, cell by cell: each problem becomes a {@link RowIssue} naming its sheet, row
 * and column, so a file is checked whole and every problem is reported at once. A feature's import extends it with
 * the readers of its own columns (a unit by name, a year, a round …).
 */
public class RowCells {
    private final String sheet;
    private final SheetData.Row row;
    private final List<RowIssue> errors;
    private final String requiredKey;

    /**
     * @param sheet the sheet read (its name as the file has it)
     * @param errors where the problems go
     * @param requiredKey the message for an empty required cell; its one argument is the column's name
     */
    protected RowCells(String sheet, SheetData.Row row, List<RowIssue> errors, String requiredKey) {
        this.sheet = sheet;
        this.row = row;
        this.errors = errors;
        this.requiredKey = requiredKey;
    }

    public final String sheet() {
        return sheet;
    }

    public final SheetData.Row row() {
        return row;
    }

    /** The cell's text, stripped; "" when empty or when the sheet has no such column. */
    public final String text(String column) {
        return row.text(column);
    }

    public final void error(String column, String key, Object... args) {
        errors.add(new RowIssue(sheet, row.number(), column, Issue.error(column, key, args)));
    }

    /** The cell's text; an empty one is a problem. */
    public final String required(String column) {
        String v = row.text(column);
        if (v.isEmpty()) {
            error(column, requiredKey, column);
        }
        return v;
    }
}
