package org.taizhang.core.ui;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.HistoryEntry.FieldChange;
import org.taizhang.core.store.Times;

/**
 * One history line as a clerk reads it, for every page: 2026-11-23 10:02  张三  修改：书记 张红玲 → 马兵德；党员人数 12 → 15.
 * The feature names the fields: each change's {@code field} is the label a clerk knows, not the database column.
 */
public final class HistoryText {
    private HistoryText() {}

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** {@code zone}: where the clerk sits (the store keeps UTC; a change at 10:02 in Beijing reads 10:02). */
    public static String describe(HistoryEntry h, List<FieldChange> changes, Messages m, ZoneId zone) {
        String when = localTime(h.at(), zone);
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

    public static String localTime(String storedUtc, ZoneId zone) {
        try {
            return MINUTES.format(Times.parse(storedUtc).atZone(zone));
        } catch (DateTimeException e) {
            return storedUtc; // not ours to hide: show what is stored
        }
    }

    private static String change(FieldChange c, boolean created, Messages m) {
        if (created) {
            return m.get("history.change.set", c.field(), c.after());
        }
        return m.get("history.change.update", c.field(), orEmpty(c.before(), m), orEmpty(c.after(), m));
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
