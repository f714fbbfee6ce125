package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.FIELD_CONFLICT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads and writes a {@link RecordState} as a row of a travelling table: the shown values in the table's own
 * columns, the changes behind each field in {@code clock}, what the record has seen in {@code seen}, and the
 * versions that lost in {@code field_conflict}.
 *
 * <p>{@code clock} is {@code [!]dots|field=dots;field=dots}: the dots before {@code |} wrote every field not
 * listed after it (a new record is one dot for all its fields, so the column stays short); a leading {@code !}
 * says the record has rows in {@code field_conflict}, so records without conflicts cost no extra query; a trailing
 * {@code #dots} names the changes that created the record (since version 7; see {@link RecordState#creates}).
 */
final class RecordStates {
    static final String ID = "id";
    static final String CLOCK = "clock";
    static final String SEEN = "seen";
    /** Columns the store fills; a feature never writes them. */
    static final Set<String> SYNC_COLUMNS =
            Set.of(ID, "created_at", "updated_at", "updated_by", "revision", RecordState.DELETED, CLOCK, SEEN);

    private RecordStates() {}

    static boolean isTravelling(Table<?> table) {
        return table.field(CLOCK) != null && table.field(SEEN) != null;
    }

    /** The table's own columns (not the sync columns), in table order. */
    static List<Field<?>> dataFields(Table<?> table) {
        List<Field<?>> list = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (!SYNC_COLUMNS.contains(f.getName())) {
                list.add(f);
            }
        }
        return list;
    }

    static RecordState read(DSLContext ctx, Table<?> table, String id) {
        Record r = ctx.selectFrom(table)
                .where(field(table, ID, String.class).eq(id))
                .fetchOne();
        return r == null ? null : fromRow(ctx, table, r);
    }

    static RecordState fromRow(DSLContext ctx, Table<?> table, Record r) {
        String id = r.get(ID, String.class);
        String clock = r.get(CLOCK, String.class);
        boolean conflicts = clock.startsWith("!");
        Map<String, List<Dot>> dots = parseClock(conflicts ? clock.substring(1) : clock);
        List<Dot> creates = dots.getOrDefault(CREATES, List.of());
        List<Dot> all = dots.get("");
        Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
        for (Field<?> f : dataFields(table)) {
            fields.put(
                    f.getName(),
                    new ArrayList<>(List.of(new FieldVersion(r.get(f), dots.getOrDefault(f.getName(), all)))));
        }
        fields.put(
                RecordState.DELETED,
                new ArrayList<>(List.of(new FieldVersion(
                        r.get(RecordState.DELETED, Integer.class), dots.getOrDefault(RecordState.DELETED, all)))));
        if (conflicts) {
            for (var c : ctx.selectFrom(FIELD_CONFLICT)
                    .where(FIELD_CONFLICT.ENTITY.eq(table.getName()))
                    .and(FIELD_CONFLICT.ENTITY_ID.eq(id))
                    .fetch()) {
                Field<?> f = table.field(c.getField());
                Object value = c.getValue() == null || f == null
                        ? c.getValue()
                        : f.getDataType().convert(c.getValue());
                fields.computeIfAbsent(c.getField(), k -> new ArrayList<>())
                        .add(new FieldVersion(value, parseDots(c.getDots())));
            }
        }
        Long revision = r.get("revision", Long.class);
        return new RecordState(
                table.getName(),
                id,
                r.get("created_at", String.class),
                r.get("updated_at", String.class),
                new Dot(revision, r.get("updated_by", String.class)),
                fields,
                VersionVector.parse(r.get(SEEN, String.class)),
                creates);
    }

    /**
     * Inserts new records of one table through one prepared statement bound per record (a statement prepared per
     * row costs more than the insert): what {@link #write} does for a record with no row yet, for many at once.
     */
    static void insertAll(DSLContext ctx, Table<?> table, List<RecordState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Field<?>> columns = new java.util.ArrayList<>(dataFields(table));
        columns.add(field(table, RecordState.DELETED, Integer.class));
        columns.add(field(table, CLOCK, String.class));
        columns.add(field(table, SEEN, String.class));
        columns.add(field(table, "created_at", String.class));
        columns.add(field(table, "updated_at", String.class));
        columns.add(field(table, "updated_by", String.class));
        columns.add(field(table, "revision", Long.class));
        columns.add(field(table, ID, String.class));
        Object[] nulls = new Object[columns.size()];
        var batch = new RowBatch(ctx, ctx.insertInto(table).columns(columns).values(nulls), columns);
        for (RecordState s : states) {
            Object[] row = new Object[columns.size()];
            int i = 0;
            for (Field<?> f : dataFields(table)) {
                row[i++] = s.value(f.getName());
            }
            row[i++] = s.deleted() ? 1 : 0;
            row[i++] = encodeClock(s);
            row[i++] = s.seen().encode();
            row[i++] = s.createdAt();
            row[i++] = s.updatedAt();
            row[i++] = s.latest().site();
            row[i++] = s.latest().counter();
            row[i] = s.id();
            batch.add(row);
        }
        batch.execute();
        for (RecordState s : states) {
            if (s.hasConflicts()) {
                writeConflicts(ctx, table, s);
            }
        }
    }

    /** Writes {@code s} over the row (or inserts it); {@code before} is the row's state before, or null. */
    static void write(DSLContext ctx, Table<?> table, RecordState s, RecordState before) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (Field<?> f : dataFields(table)) {
            values.put(f, s.value(f.getName()));
        }
        values.put(field(table, RecordState.DELETED, Integer.class), s.deleted() ? 1 : 0);
        values.put(field(table, CLOCK, String.class), encodeClock(s));
        values.put(field(table, SEEN, String.class), s.seen().encode());
        values.put(field(table, "created_at", String.class), s.createdAt());
        values.put(field(table, "updated_at", String.class), s.updatedAt());
        values.put(field(table, "updated_by", String.class), s.latest().site());
        values.put(field(table, "revision", Long.class), s.latest().counter());
        if (before == null) {
            values.put(field(table, ID, String.class), s.id());
            ctx.insertInto(table).set(values).execute();
        } else {
            ctx.update(table)
                    .set(values)
                    .where(field(table, ID, String.class).eq(s.id()))
                    .execute();
        }
        if ((before != null && before.hasConflicts()) || s.hasConflicts()) {
            ctx.deleteFrom(FIELD_CONFLICT)
                    .where(FIELD_CONFLICT.ENTITY.eq(table.getName()))
                    .and(FIELD_CONFLICT.ENTITY_ID.eq(s.id()))
                    .execute();
            writeConflicts(ctx, table, s);
        }
    }

    private static void writeConflicts(DSLContext ctx, Table<?> table, RecordState s) {
        {
            s.fields().forEach((name, versions) -> {
                for (FieldVersion lost : s.conflicts(name)) {
                    ctx.insertInto(FIELD_CONFLICT)
                            .set(FIELD_CONFLICT.ENTITY, table.getName())
                            .set(FIELD_CONFLICT.ENTITY_ID, s.id())
                            .set(FIELD_CONFLICT.FIELD, name)
                            .set(FIELD_CONFLICT.DOTS, encodeDots(lost.dots()))
                            .set(FIELD_CONFLICT.VALUE, lost.value() == null ? null : text(lost.value()))
                            .execute();
                }
            });
        }
    }

    private static String text(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
    }

    static String encodeClock(RecordState s) {
        Map<String, String> byField = new LinkedHashMap<>();
        Map<String, Integer> count = new HashMap<>();
        // most fields of a record share their dots (written by one change): each distinct list is put in text once
        Map<List<Dot>, String> texts = new HashMap<>();
        s.fields().forEach((name, versions) -> {
            String dots = versions.isEmpty()
                    ? ""
                    : texts.computeIfAbsent(versions.getFirst().dots(), RecordStates::encodeDots);
            byField.put(name, dots);
            count.merge(dots, 1, Integer::sum);
        });
        String common = "";
        int most = 0;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(count).entrySet()) {
            if (e.getValue() > most) { // the most frequent, the first in text order on a tie: the same everywhere
                common = e.getKey();
                most = e.getValue();
            }
        }
        StringBuilder sb =
                new StringBuilder(s.hasConflicts() ? "!" : "").append(common).append('|');
        boolean first = true;
        for (Map.Entry<String, String> e : byField.entrySet()) {
            if (!e.getValue().equals(common)) {
                sb.append(first ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
                first = false;
            }
        }
        if (!s.creates().isEmpty()) {
            sb.append('#').append(encodeDots(s.creates()));
        }
        return sb.toString();
    }

    /** The key of {@link #parseClock}'s map that holds the changes that created the record. */
    static final String CREATES = "#";

    /** The changes that created a record, from its {@code clock} column: the first one orders what is folded. */
    public static List<Dot> creates(String clock) {
        int hash = clock.lastIndexOf('#');
        return hash < 0 ? List.of() : parseDots(clock.substring(hash + 1));
    }

    /**
     * Field → dots; the key "" holds the dots of every field not listed, {@link #CREATES} the changes that created
     * the record.
     */
    static Map<String, List<Dot>> parseClock(String text) {
        Map<String, List<Dot>> map = new HashMap<>();
        String clock = text;
        int hash = text.lastIndexOf('#');
        if (hash >= 0) {
            map.put(CREATES, parseDots(text.substring(hash + 1)));
            clock = text.substring(0, hash);
        }
        int bar = clock.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("bad clock " + clock);
        }
        map.put("", parseDots(clock.substring(0, bar)));
        String rest = clock.substring(bar + 1);
        if (!rest.isEmpty()) {
            for (String part : rest.split(";")) {
                int eq = part.indexOf('=');
                map.put(part.substring(0, eq), parseDots(part.substring(eq + 1)));
            }
        }
        return map;
    }

    static String encodeDots(List<Dot> dots) {
        StringBuilder sb = new StringBuilder();
        for (Dot d : dots) {
            sb.append(sb.isEmpty() ? "" : ",").append(d);
        }
        return sb.toString();
    }

    static List<Dot> parseDots(String text) {
        List<Dot> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isEmpty()) {
                list.add(Dot.parse(part));
            }
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<?> f = table.field(name);
        if (f == null) {
            throw new IllegalArgumentException(table.getName() + " has no column " + name);
        }
        return DSL.field(f.getQualifiedName(), type);
    }
}
