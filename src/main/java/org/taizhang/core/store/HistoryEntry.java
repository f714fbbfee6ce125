package org.taizhang.core.store;

import java.util.List;

/** One line of a record's 留痕: when, what kind of change, by whom on which device, and the field changes (JSON). */
public record HistoryEntry(String at, String action, String userName, String deviceId, String changesJson) {

    /** One field's value before and after, as stored (text; numbers as written; null when empty). */
    public record FieldChange(String field, String before, String after) {}

    /** The field changes in the order they were written. */
    public List<FieldChange> changes() {
        return Json.parseChanges(changesJson);
    }
}
