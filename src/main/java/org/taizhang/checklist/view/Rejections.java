package org.taizhang.checklist.view;

import java.util.List;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;

/** A rejected file's problems as a table the clerk can read, sort and copy into Excel: where, and what. */
final class Rejections {
    /** One problem at a sheet, row (0: the file) and column (null: the row). */
    record Problem(String sheet, int row, String column, Issue issue) {}

    private Rejections() {}

    static void show(DialogService dialogs, Messages m, String titleKey, List<Problem> problems) {
        dialogs.showTable(
                m.get(titleKey),
                m.get("checklist.view.rejected", problems.size()),
                true,
                List.of(
                        m.get("checklist.view.column.sheet"),
                        m.get("checklist.view.column.row"),
                        m.get("checklist.view.column.column"),
                        m.get("checklist.view.column.message")),
                problems.stream()
                        .map(p -> List.of(
                                p.sheet() == null ? "" : p.sheet(),
                                p.row() <= 0 ? "" : Integer.toString(p.row()),
                                p.column() == null ? "" : p.column(),
                                m.get(p.issue().messageKey(), p.issue().args())))
                        .toList());
    }
}
