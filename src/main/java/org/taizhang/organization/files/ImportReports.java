package org.taizhang.organization.files;

import java.util.List;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;

/** An import's problems as lines a clerk reads: “党组织”表第5行“党员人数”：“三十”不是整数。 */
public final class ImportReports {
    private ImportReports() {}

    public static String line(RowIssue i, Messages m) {
        String text = m.get(i.issue().messageKey(), i.issue().args());
        if (i.sheet() == null) {
            return m.get("import.issue.file", text);
        }
        if (i.column() == null) {
            return m.get("import.issue.row", i.sheet(), i.row(), text);
        }
        return m.get("import.issue.cell", i.sheet(), i.row(), i.column(), text);
    }

    public static List<String> lines(List<RowIssue> issues, Messages m) {
        return issues.stream().map(i -> line(i, m)).toList();
    }
}
