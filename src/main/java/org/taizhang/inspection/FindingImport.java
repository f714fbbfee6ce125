package org.taizhang.inspection;

import java.util.List;
import org.taizhang.core.files.FormWorkbook.CellIssue;

/**
 * What importing an inspection team's spreadsheet did, or why it did nothing.
 *
 * @param recorded findings recorded (each 待挂号); 0 when rejected
 * @param errors each bad row (sheet, row, column, message), or the whole file (the same file again, no sheet);
 *     any error means nothing was written
 */
public record FindingImport(int recorded, List<CellIssue> errors) {
    public FindingImport {
        errors = List.copyOf(errors);
    }

    public boolean applied() {
        return errors.isEmpty();
    }
}
