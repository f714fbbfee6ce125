package org.taizhang.organization.view;

import java.util.List;
import java.util.stream.Collectors;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.organization.RegistryHistory.Change;

/** One history line as a clerk reads it: 2026-11-23 10:02  张三  修改：书记 张红玲 → 马兵德；党员人数 12 → 15. */
final class HistoryText {
    private HistoryText() {}

    static String describe(HistoryEntry h, List<Change> changes, Messages m) {
        String when = h.at().length() >= 16 ? h.at().substring(0, 16).replace('T', ' ') : h.at();
        String details = changes.isEmpty()
                ? ""
                : m.get(
                        "history.changes",
                        changes.stream()
                                .map(c -> change(c, "create".equals(h.action()), m))
                                .collect(Collectors.joining(m.get("history.changes.separator"))));
        return m.get(
                "history.line", when, h.userName() == null ? "-" : h.userName(), m.get(actionKey(h.action())), details);
    }

    private static String change(Change c, boolean created, Messages m) {
        if (created) {
            return m.get("history.change.set", c.column(), c.after());
        }
        return m.get("history.change.update", c.column(), orEmpty(c.before(), m), orEmpty(c.after(), m));
    }

    private static String orEmpty(String value, Messages m) {
        return value == null ? m.get("history.value.empty") : value;
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
