package org.taizhang.inspection.files;

import java.util.List;
import org.taizhang.core.files.RowIssue;

/**
 * What importing an inspection team's spreadsheet did, or why it did nothing.
 *
 * @param recorded findings recorded (each 待挂号); 0 when rejected
 * @param sheet the sheet read (问题清单, or the file's only sheet, or its one sheet with the required columns); null
 *     when the file was not read (imported before)
 * @param unread the sheet's columns that were not read (no finding has a place for them), in the sheet's order
 * @param errors each bad row (sheet, row, column, message), or the whole file (the same file again, no sheet);
 *     any error means nothing was written
 */
public record FindingImport(int recorded, String sheet, List<String> unread, List<RowIssue> errors) {
    public FindingImport {
        unread = List.copyOf(unread);
        errors = List.copyOf(errors);
    }

    public boolean applied() {
        return errors.isEmpty();
    }
}
