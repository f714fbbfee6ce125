package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.HISTORY;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.taizhang.core.Ids;

/**
 * Writes travelling records inside one transaction: fills the sync columns (created/updated time, device,
 * revision, tombstone) and writes one history row (留痕) per real change, listing each field's old and new
 * value. Writing the same values again changes nothing and leaves no history, so repeated imports are harmless.
 */
public final class TrackedWriter {
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private static final Field<Long> ROWID = DSL.field(DSL.name("rowid"), Long.class);

    private static final List<String> SYNC_COLUMNS =
            List.of("id", "created_at", "updated_at", "updated_by", "revision", "deleted");

    private final DSLContext ctx;
    private final Clock clock;
    private final String deviceId;
    private final String userName;

    TrackedWriter(DSLContext ctx, Clock clock, String deviceId, String userName) {
        this.ctx = ctx;
        this.clock = clock;
        this.deviceId = deviceId;
        this.userName = userName;
    }

    /**
     * Inserts or updates the row {@code id} of {@code table} with {@code values} (column name → value; the
     * sync columns are this writer's business and must not be given).
     */
    public Outcome save(Table<?> table, String id, Map<String, Object> values) {
        for (String column : values.keySet()) {
            if (SYNC_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("sync column given: " + column);
            }
        }
        Field<String> idField = field(table, "id", String.class);
        Record existing = ctx.selectFrom(table).where(idField.eq(id)).fetchOne();
        String now = Times.now(clock);
        if (existing == null) {
            var insert = ctx.insertInto(table).set(idField, id)
                    .set(field(table, "created_at", String.class), now)
                    .set(field(table, "updated_at", String.class), now)
                    .set(field(table, "updated_by", String.class), deviceId)
                    .set(field(table, "revision", Integer.class), 1)
                    .set(field(table, "deleted", Integer.class), 0);
            Map<String, Object[]> changes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : values.entrySet()) {
                insert = insert.set(field(table, e.getKey(), Object.class), e.getValue());
                if (e.getValue() != null) {
                    changes.put(e.getKey(), new Object[] {null, e.getValue()});
                }
            }
            insert.execute();
            history(table, id, "create", changes, now);
            return Outcome.CREATED;
        }
        Map<String, Object[]> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object old = existing.get(e.getKey());
            if (!sameValue(old, e.getValue())) {
                changes.put(e.getKey(), new Object[] {old, e.getValue()});
            }
        }
        boolean wasDeleted = Integer.valueOf(1).equals(existing.get("deleted", Integer.class));
        if (changes.isEmpty() && !wasDeleted) {
            return Outcome.UNCHANGED;
        }
        var update = ctx.update(table).set(field(table, "updated_at", String.class), now)
                .set(field(table, "updated_by", String.class), deviceId)
                .set(field(table, "revision", Integer.class), existing.get("revision", Integer.class) + 1)
                .set(field(table, "deleted", Integer.class), 0);
        for (String column : changes.keySet()) {
            update = update.set(field(table, column, Object.class), values.get(column));
        }
        update.where(idField.eq(id)).execute();
        history(table, id, wasDeleted ? "restore" : "update", changes, now);
        return Outcome.UPDATED;
    }

    /** Marks the row deleted (a tombstone that travels); returns false when it was already deleted or absent. */
    public boolean delete(Table<?> table, String id) {
        Field<String> idField = field(table, "id", String.class);
        Record existing = ctx.selectFrom(table).where(idField.eq(id)).fetchOne();
        if (existing == null || Integer.valueOf(1).equals(existing.get("deleted", Integer.class))) {
            return false;
        }
        String now = Times.now(clock);
        ctx.update(table).set(field(table, "deleted", Integer.class), 1)
                .set(field(table, "updated_at", String.class), now)
                .set(field(table, "updated_by", String.class), deviceId)
                .set(field(table, "revision", Integer.class), existing.get("revision", Integer.class) + 1)
                .where(idField.eq(id)).execute();
        history(table, id, "delete", Map.of(), now);
        return true;
    }

    private void history(Table<?> table, String id, String action, Map<String, Object[]> changes, String now) {
        ctx.insertInto(HISTORY)
                .set(HISTORY.ID, Ids.newId())
                .set(HISTORY.ENTITY, table.getName())
                .set(HISTORY.ENTITY_ID, id)
                .set(HISTORY.ACTION, action)
                .set(HISTORY.CHANGES, Json.changes(changes))
                .set(HISTORY.USER_NAME, userName)
                .set(HISTORY.CREATED_AT, now)
                .set(HISTORY.UPDATED_AT, now)
                .set(HISTORY.UPDATED_BY, deviceId)
                .set(HISTORY.REVISION, 1)
                .set(HISTORY.DELETED, 0)
                .execute();
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue();
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<?> f = table.field(name);
        if (f == null) {
            throw new IllegalArgumentException(table.getName() + " has no column " + name);
        }
        return type == Object.class ? (Field<T>) f : DSL.field(f.getQualifiedName(), type);
    }

    /** History of one record, oldest first. */
    public static List<HistoryEntry> historyOf(DSLContext ctx, String entity, String id) {
        List<HistoryEntry> list = new ArrayList<>();
        for (var r : ctx.selectFrom(HISTORY).where(HISTORY.ENTITY.eq(entity)).and(HISTORY.ENTITY_ID.eq(id))
                .orderBy(HISTORY.CREATED_AT, ROWID).fetch()) { // rowid: insertion order within one millisecond
            list.add(new HistoryEntry(r.getCreatedAt(), r.getAction(), r.getUserName(), r.getUpdatedBy(),
                    r.getChanges()));
        }
        return list;
    }
}
