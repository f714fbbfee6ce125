package org.taizhang.checklist.files;

import java.util.List;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.files.RowIssue;

/**
 * What importing a filled assessment form did, or why it did nothing.
 *
 * @param applied false when {@code errors} rejected the file (nothing was written) or nothing was new
 * @param alreadyImported every answer in the file was already stored as it is: the same file again (nothing written)
 * @param started the assessment did not exist and was started by the import
 * @param written answers written (new or changed)
 * @param replaced item numbers whose stored answer the file changed (kept in the history, but said out loud)
 * @param unscored items the branch must still score before the assessment can be finished
 */
public record AssessmentFormImport(
        boolean applied,
        boolean alreadyImported,
        String assessmentId,
        String organizationName,
        String templateName,
        Round round,
        int year,
        boolean started,
        int written,
        List<String> replaced,
        int unscored,
        List<RowIssue> errors) {

    public AssessmentFormImport {
        replaced = List.copyOf(replaced);
        errors = List.copyOf(errors);
    }

    public static AssessmentFormImport rejected(List<RowIssue> errors) {
        return new AssessmentFormImport(false, false, null, null, null, null, 0, false, 0, List.of(), 0, errors);
    }
}
