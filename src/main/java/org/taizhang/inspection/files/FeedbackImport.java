package org.taizhang.inspection.files;

import java.util.List;
import org.taizhang.core.files.RowIssue;

/**
 * What importing a unit's filled 整改情况反馈表 did, or why it did nothing.
 *
 * @param applied progress reports were added
 * @param alreadyImported every report in the file is already held: the same file again, nothing added
 * @param unitName the unit the form was made for
 * @param added progress reports added now
 * @param reported rows that carried a report (added now or before)
 * @param errors any error means nothing was written
 */
public record FeedbackImport(
        boolean applied, boolean alreadyImported, String unitName, int added, int reported, List<RowIssue> errors) {
    public FeedbackImport {
        errors = List.copyOf(errors);
    }

    static FeedbackImport rejected(String unitName, List<RowIssue> errors) {
        return new FeedbackImport(false, false, unitName, 0, 0, errors);
    }
}
