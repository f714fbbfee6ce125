package org.taizhang.organization.view;

import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;

/** One history line as a clerk reads it: 2026-11-23 10:02 张三 修改 {…}. */
final class HistoryText {
    private HistoryText() {}

    static String describe(HistoryEntry h, Messages m) {
        String when = h.at().length() >= 16 ? h.at().substring(0, 16).replace('T', ' ') : h.at();
        String changes = "{}".equals(h.changesJson()) ? "" : " " + h.changesJson();
        return m.get("history.line", when, h.userName() == null ? "-" : h.userName(),
                m.get(actionKey(h.action())), changes);
    }

    private static String actionKey(String action) {
        return switch (action) {
            case "create" -> "history.action.create";
            case "update" -> "history.action.update";
            case "delete" -> "history.action.delete";
            default -> "history.action.restore";
        };
    }
}
