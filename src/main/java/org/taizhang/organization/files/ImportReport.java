package org.taizhang.organization.files;

import java.util.List;
import org.taizhang.core.files.RowIssue;

/**
 * What an import did, or why it did nothing: counts of records created, updated and unchanged, and every
 * problem with its sheet, row and column. {@code applied} is false when any error rejected the file. {@code sheet}
 * names the one sheet read when an import reads one sheet found by its columns (往年结果); null otherwise.
 */
public record ImportReport(
        boolean applied,
        int created,
        int updated,
        int unchanged,
        List<RowIssue> errors,
        List<RowIssue> warnings,
        String sheet) {

    public ImportReport(
            boolean applied, int created, int updated, int unchanged, List<RowIssue> errors, List<RowIssue> warnings) {
        this(applied, created, updated, unchanged, errors, warnings, null);
    }

    public ImportReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
