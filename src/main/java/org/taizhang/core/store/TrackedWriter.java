package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.HISTORY;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.taizhang.core.DomainException;

/**
 * The store's write path for changes made on this device (the other path, {@link Replication}, applies
 * changes received from another device). Each change gets a new dot — this device's next logical counter —
 * which names it on every device: the changed fields are marked as written by it (overwriting any conflict
 * they held), and one history row (留痕) with the same name lists each field's old and new value. Writing the
 * same values again changes nothing and leaves no history, so repeated imports are harmless.
 *
 * <p>Features write typed jOOQ records ({@code UNIT.newRecord()} with its setters): a wrong column or type
 * does not compile. Only the fields set on the record are written.
 */
public final class TrackedWriter {
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private final DSLContext ctx;
    private final Clock clock;
    private final String deviceId;
    private final String userName;
    private final LongSupplier nextCounter;

    TrackedWriter(DSLContext ctx, Clock clock, String deviceId, String userName, LongSupplier nextCounter) {
        this.ctx = ctx;
        this.clock = clock;
        this.deviceId = deviceId;
        this.userName = userName;
        this.nextCounter = nextCounter;
    }

    /**
     * Inserts the record, or updates the fields set on it. A deleted record is not saved: restoring it is an
     * explicit {@link #restore} (a save must never bring a deletion back as a side effect).
     *
     * @throws DomainException {@code store.recordDeleted} when the record is deleted
     */
    public Outcome save(TableRecord<?> record) {
        Table<?> table = record.getTable();
        String id = idOf(record);
        Inserts inserts = new Inserts();
        Outcome outcome = save(record, RecordStates.read(ctx, table, id), inserts);
        inserts.flush();
        return outcome;
    }

    /**
     * Saves a record whose id comes from what it is (a branch and year, a category's name, a link's file), so that it
     * can be made again after its deletion: then it comes back explicitly (a restore in its history), then is saved.
     * The one home of "restore if deleted, then save"; {@link #save} alone never brings a deletion back.
     */
    public Outcome restoreAndSave(TableRecord<?> record) {
        Table<?> table = record.getTable();
        String id = idOf(record);
        RecordState before = RecordStates.read(ctx, table, id);
        if (before != null && before.deleted()) {
            write(table, before, Map.of(RecordState.DELETED, 0), "restore", Map.of(), true);
            before = RecordStates.read(ctx, table, id);
        }
        Inserts inserts = new Inserts();
        Outcome outcome = save(record, before, inserts);
        inserts.flush();
        return outcome;
    }

    /**
     * {@link #restoreAndSave} for many records (an import's slice): the ones deleted before are found with one query per
     * table and a few hundred ids, restored, then all are saved through {@link #saveAll}.
     */
    public List<Outcome> restoreAndSaveAll(List<? extends TableRecord<?>> records) {
        Map<Table<?>, List<String>> idsByTable = new LinkedHashMap<>();
        for (TableRecord<?> r : records) {
            idsByTable.computeIfAbsent(r.getTable(), t -> new ArrayList<>()).add(idOf(r));
        }
        idsByTable.forEach((table, ids) -> {
            Field<String> id = RecordStates.field(table, RecordStates.ID, String.class);
            Field<Integer> deleted = RecordStates.field(table, RecordState.DELETED, Integer.class);
            for (int from = 0; from < ids.size(); from += 500) {
                ctx.select(id)
                        .from(table)
                        .where(id.in(ids.subList(from, Math.min(ids.size(), from + 500))))
                        .and(deleted.eq(1))
                        .fetch(id)
                        .forEach(gone -> restore(table, gone));
            }
        });
        return saveAll(records);
    }

    /**
     * {@link #save} for many records in order, with the same dots, rows and history as saving them one by one,
     * at a fraction of the cost: the records' states are read a few hundred at a time, and new rows and their
     * history are inserted in JDBC batches (one prepared statement each) instead of a statement per row. An
     * update is written at once, after the inserts before it, so parents saved first exist for their children.
     */
    public List<Outcome> saveAll(List<? extends TableRecord<?>> records) {
        // the states are read before the writes: a record twice in one call would undo its first save unseen
        java.util.Set<String> once = new java.util.HashSet<>();
        for (TableRecord<?> r : records) {
            if (!once.add(r.getTable().getName() + "\n" + idOf(r))) {
                throw new IllegalArgumentException(
                        "saveAll: " + r.getTable().getName() + " " + idOf(r) + " twice; save it once, as it ends");
            }
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        Inserts inserts = new Inserts();
        for (int from = 0; from < records.size(); from += READ_CHUNK) {
            List<? extends TableRecord<?>> chunk = records.subList(from, Math.min(records.size(), from + READ_CHUNK));
            Map<String, RecordState> before = readStates(chunk);
            for (TableRecord<?> r : chunk) {
                outcomes.add(save(r, before.get(r.getTable().getName() + "\n" + idOf(r)), inserts));
            }
        }
        inserts.flush();
        return outcomes;
    }

    private static final int READ_CHUNK = 500; // ids per "where id in (...)", under SQLite's bind limit

    private Map<String, RecordState> readStates(List<? extends TableRecord<?>> records) {
        Map<Table<?>, List<String>> ids = new LinkedHashMap<>();
        for (TableRecord<?> r : records) {
            ids.computeIfAbsent(r.getTable(), t -> new ArrayList<>()).add(idOf(r));
        }
        Map<String, RecordState> states = new java.util.HashMap<>();
        ids.forEach((table, list) -> {
            for (Record row : ctx.selectFrom(table)
                    .where(RecordStates.field(table, RecordStates.ID, String.class)
                            .in(list))
                    .fetch()) {
                RecordState s = RecordStates.fromRow(ctx, table, row);
                states.put(table.getName() + "\n" + s.id(), s);
            }
        });
        return states;
    }

    private static String idOf(TableRecord<?> record) {
        String id = record.get(RecordStates.ID, String.class);
        if (id == null) {
            throw new IllegalArgumentException(record.getTable().getName() + " record without id");
        }
        return id;
    }

    private Outcome save(TableRecord<?> record, RecordState before, Inserts inserts) {
        Table<?> table = record.getTable();
        String id = idOf(record);
        Map<String, Object> given = new LinkedHashMap<>();
        for (Field<?> f : table.fields()) {
            if (record.changed(f) && !f.getName().equals(RecordStates.ID)) {
                if (RecordStates.SYNC_COLUMNS.contains(f.getName())) {
                    throw new IllegalArgumentException("sync column given: " + f.getName());
                }
                given.put(f.getName(), record.get(f));
            }
        }
        if (before != null && before.deleted()) {
            throw new DomainException("store.recordDeleted");
        }
        Map<String, Object[]> changes = new LinkedHashMap<>();
        if (before == null) {
            Dot dot = nextDot();
            String now = Times.now(clock);
            // one dot wrote every field (fields not given take the column's default); the clock says so briefly
            Map<Field<?>, Object> row = new LinkedHashMap<>();
            row.put(RecordStates.field(table, RecordStates.ID, String.class), id);
            for (Map.Entry<String, Object> e : given.entrySet()) {
                row.put(table.field(e.getKey()), e.getValue());
                if (e.getValue() != null) {
                    changes.put(e.getKey(), new Object[] {null, e.getValue()});
                }
            }
            row.put(RecordStates.field(table, RecordState.DELETED, Integer.class), 0);
            // the dot also names the record's create, which outranks no edit (decisions/0006)
            row.put(RecordStates.field(table, RecordStates.CLOCK, String.class), dot + "|#" + dot);
            row.put(
                    RecordStates.field(table, RecordStates.SEEN, String.class),
                    VersionVector.EMPTY.with(dot).encode());
            row.put(RecordStates.field(table, "created_at", String.class), now);
            row.put(RecordStates.field(table, "updated_at", String.class), now);
            row.put(RecordStates.field(table, "updated_by", String.class), dot.site());
            row.put(RecordStates.field(table, "revision", Long.class), dot.counter());
            inserts.add(table, row);
            inserts.add(HISTORY, historyRow(table, id, "create", changes, dot, now));
            return Outcome.CREATED;
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Object old = before.value(e.getKey());
            if (!Values.same(old, e.getValue())) {
                changes.put(e.getKey(), new Object[] {old, e.getValue()});
            }
        }
        if (changes.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        changes.forEach((field, oldNew) -> values.put(field, oldNew[1]));
        inserts.flush(); // rows inserted before this one (its new parent, say) must exist first
        write(table, before, values, "update", changes, true);
        return Outcome.UPDATED;
    }

    /**
     * New rows waiting to be inserted, in order; consecutive rows of one table with the same columns go to the
     * database as one JDBC batch over one prepared statement.
     */
    private final class Inserts {
        private Table<?> table;
        private List<Field<?>> columns;
        private final List<Object[]> rows = new ArrayList<>();
        private Table<?> historyTable;
        private final List<Object[]> history = new ArrayList<>();
        private List<Field<?>> historyColumns;

        void add(Table<?> t, Map<Field<?>, Object> row) {
            if (t == HISTORY) {
                if (historyColumns == null) {
                    historyColumns = List.copyOf(row.keySet());
                    historyTable = t;
                } else if (!historyColumns.equals(List.copyOf(row.keySet()))) {
                    flush();
                    historyColumns = List.copyOf(row.keySet());
                }
                history.add(row.values().toArray());
                return;
            }
            List<Field<?>> cols = List.copyOf(row.keySet());
            if (table != t || !cols.equals(columns)) {
                flushRecords();
                table = t;
                columns = cols;
            }
            rows.add(row.values().toArray());
        }

        void flush() {
            flushRecords();
            if (!history.isEmpty()) {
                execute(historyTable, historyColumns, history);
            }
        }

        private void flushRecords() {
            if (!rows.isEmpty()) {
                execute(table, columns, rows);
            }
        }

        private void execute(Table<?> t, List<Field<?>> cols, List<Object[]> values) {
            var insert = ctx.insertInto(t).columns(cols).values(java.util.Collections.nCopies(cols.size(), null));
            var batch = ctx.batch(insert);
            for (Object[] v : values) {
                batch = batch.bind(v);
            }
            batch.execute();
            values.clear();
        }
    }

    /** Marks the row deleted (a tombstone that travels); returns false when it was already deleted or absent. */
    public boolean delete(Table<?> table, String id) {
        RecordState before = RecordStates.read(ctx, table, id);
        if (before == null || before.deleted()) {
            return false;
        }
        // the deletion writes every field (with its value unchanged): an edit another device makes meanwhile
        // then meets it as a conflict on that field, for a clerk to see, instead of vanishing into a tombstone
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : before.fields().keySet()) {
            values.put(field, before.value(field));
        }
        values.put(RecordState.DELETED, 1);
        write(table, before, values, "delete", Map.of(), true);
        return true;
    }

    /** Brings a deleted row back (an explicit action, kept in history); false when it is absent or not deleted. */
    public boolean restore(Table<?> table, String id) {
        RecordState before = RecordStates.read(ctx, table, id);
        if (before == null || !before.deleted()) {
            return false;
        }
        write(table, before, Map.of(RecordState.DELETED, 0), "restore", Map.of(), true);
        return true;
    }

    /**
     * A clerk's decision on a field's conflict: {@code value} (the shown one, a lost one, or another) is written
     * as a new change, which overwrites every version the field held here. This is the only change that settles a
     * conflict: an ordinary edit or a deletion keeps the field's other versions for a clerk to see.
     */
    public void resolve(Table<?> table, String id, String field, Object value) {
        RecordState before = RecordStates.read(ctx, table, id);
        if (before == null || !before.fields().containsKey(field)) {
            throw new IllegalArgumentException("no field " + field + " in " + table.getName() + " " + id);
        }
        Map<String, Object[]> changes = new LinkedHashMap<>();
        changes.put(field, new Object[] {before.value(field), value});
        // a clerk may keep an empty value (one device cleared the field): Map.of refuses null
        write(table, before, java.util.Collections.singletonMap(field, value), "update", changes, false);
    }

    private void write(
            Table<?> table,
            RecordState before,
            Map<String, Object> values,
            String action,
            Map<String, Object[]> changes,
            boolean keepConflicts) {
        Dot dot = nextDot();
        String now = Times.now(clock);
        Map<String, List<FieldVersion>> fields = new LinkedHashMap<>(before.fields());
        values.forEach((field, value) -> {
            List<FieldVersion> versions = new ArrayList<>();
            versions.add(FieldVersion.of(value, dot));
            if (keepConflicts) {
                // the other device's value is still undecided: only a clerk's resolve settles it (a value equal
                // to the one written now is settled by it). But this change is an edit, and an edit outranks what
                // only creates wrote (Merge.outranked): a create's value kept here would be dropped by every other
                // device's merge and stay here, sent to no one again, and the devices would differ for good
                for (FieldVersion other : before.conflicts(field)) {
                    List<Dot> edits = other.dots().stream()
                            .filter(d -> !before.creates().contains(d))
                            .toList();
                    if (!Values.same(other.value(), value) && !edits.isEmpty()) {
                        versions.add(new FieldVersion(other.value(), edits));
                    }
                }
            }
            fields.put(field, versions);
        });
        RecordState after = new RecordState(
                table.getName(),
                before.id(),
                before.createdAt(),
                now,
                dot,
                fields,
                before.seen().with(dot),
                before.creates());
        RecordStates.write(ctx, table, after, before);
        history(table, before.id(), action, changes, dot, now);
    }

    private Dot nextDot() {
        return new Dot(nextCounter.getAsLong(), deviceId);
    }

    private void history(Table<?> table, String id, String action, Map<String, Object[]> changes, Dot dot, String now) {
        ctx.insertInto(HISTORY)
                .set(historyRow(table, id, action, changes, dot, now))
                .execute();
    }

    private Map<Field<?>, Object> historyRow(
            Table<?> table, String id, String action, Map<String, Object[]> changes, Dot dot, String now) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(HISTORY.ID, dot.toString());
        row.put(HISTORY.ENTITY, table.getName());
        row.put(HISTORY.ENTITY_ID, id);
        row.put(HISTORY.ACTION, action);
        row.put(HISTORY.CHANGES, Json.changes(changes));
        row.put(HISTORY.USER_NAME, userName);
        row.put(HISTORY.CREATED_AT, now);
        row.put(HISTORY.UPDATED_AT, now);
        row.put(HISTORY.UPDATED_BY, dot.site());
        row.put(HISTORY.REVISION, Math.toIntExact(dot.counter()));
        row.put(HISTORY.DELETED, 0);
        return row;
    }

    /**
     * History of one record in the order of its changes (by their dots: counter, then device), which is the
     * same on every device whatever order the entries arrived in.
     */
    public static List<HistoryEntry> historyOf(DSLContext ctx, String entity, String id) {
        List<HistoryEntry> list = new ArrayList<>();
        for (var r : ctx.selectFrom(HISTORY)
                .where(HISTORY.ENTITY.eq(entity))
                .and(HISTORY.ENTITY_ID.eq(id))
                .orderBy(HISTORY.REVISION, HISTORY.UPDATED_BY)
                .fetch()) {
            list.add(new HistoryEntry(
                    r.getCreatedAt(), r.getAction(), r.getUserName(), r.getUpdatedBy(), r.getChanges()));
        }
        return list;
    }
}
