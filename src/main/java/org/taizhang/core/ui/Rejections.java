package org.taizhang.core.ui;

import java.util.List;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;

/**
 * A rejected file's problems as a table the clerk can read, sort and copy into Excel: where, and what. The one
 * table every import shows (the registry, the checklists' files, the ledger's files).
 */
public final class Rejections {
    private Rejections() {}

    /** The table under the line "the file has N problems; nothing was imported". */
    public static void show(DialogService dialogs, Messages m, String title, List<RowIssue> problems) {
        show(dialogs, m, title, m.get("rejections.summary", problems.size()), problems);
    }

    /** @param summary the line above the table (how many problems; that nothing was written) */
    public static void show(DialogService dialogs, Messages m, String title, String summary, List<RowIssue> problems) {
        dialogs.showTable(
                title,
                summary,
                true,
                List.of(
                        m.get("rejections.column.sheet"),
                        m.get("rejections.column.row"),
                        m.get("rejections.column.column"),
                        m.get("rejections.column.message")),
                problems.stream()
                        .map(p -> List.of(
                                p.sheet() == null ? "" : p.sheet(),
                                p.row() <= 0 ? "" : Integer.toString(p.row()),
                                p.column() == null ? "" : p.column(),
                                m.get(p.issue().messageKey(), p.issue().args())))
                        .toList());
    }
}
