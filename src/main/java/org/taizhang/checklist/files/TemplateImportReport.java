package org.taizhang.checklist.files;

import java.util.List;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.core.files.RowIssue;

/**
 * What a template import did: the draft it saved (a new template, the same draft again, or the next version of
 * a published one), or why it saved nothing — every problem with its sheet, row and column.
 */
public record TemplateImportReport(ChecklistTemplate draft, List<RowIssue> errors) {
    public TemplateImportReport {
        errors = List.copyOf(errors);
    }

    public boolean applied() {
        return draft != null;
    }
}
