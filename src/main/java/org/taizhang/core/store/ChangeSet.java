package org.taizhang.core.store;

import java.util.List;

/**
 * Changes that travel from one device to another: whole record states (with the records they refer to, so a
 * set applies on its own) and history entries. Applying a set is idempotent and order-free: applying it twice,
 * or several sets in any order, ends in the same records.
 */
public record ChangeSet(List<RecordState> records, List<HistoryItem> history) {
    public ChangeSet {
        records = List.copyOf(records);
        history = List.copyOf(history);
    }

    /** One 留痕 entry as stored; {@code dot} names the change that made it. */
    public record HistoryItem(
            String id,
            String entity,
            String entityId,
            String action,
            String changes,
            String userName,
            String createdAt,
            Dot dot) {}
}
