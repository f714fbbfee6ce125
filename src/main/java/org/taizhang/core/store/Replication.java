package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.HISTORY;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.schema.DefaultSchema;

/**
 * The store's write path for changes received from another device (the local path is {@link TrackedWriter}),
 * and the reading of this device's records as changes to send. A received record is merged field by field
 * ({@link Merge}) and written with the origin's metadata as it is; its history entries are added as they are.
 * Nothing here makes a new change, so applying a set never writes a history row of its own.
 */
final class Replication {
    /** Travelling tables, parents before the tables that refer to them. */
    static final List<Table<?>> TABLES = travellingTablesParentsFirst();

    private Replication() {}

    record Applied(int created, int updated, int unchanged, int historyAdded, Map<String, Store.Counts> perTable) {}

    static Applied apply(DSLContext ctx, ChangeSet changes, LongConsumer observeCounter) {
        ReceivedSets.check(changes);
        // a set may hold an organization before its unit, or a parent organization after its branch
        ctx.execute("PRAGMA defer_foreign_keys = ON");
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < TABLES.size(); i++) {
            order.put(TABLES.get(i).getName(), i);
        }
        List<RecordState> records = new ArrayList<>(changes.records());
        records.sort(Comparator.comparing(r -> order.getOrDefault(r.table(), Integer.MAX_VALUE)));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, int[]> per = new java.util.TreeMap<>(); // new, changed, conflicting, unchanged
        Map<String, Set<String>> held = heldIds(ctx, records);
        // new records, inserted per table in one batch after the loop (keys are deferred to the commit; a set names
        // a record once, ReceivedSets)
        Map<Table<?>, Map<String, RecordState>> fresh = new LinkedHashMap<>();
        for (RecordState remote : records) {
            Table<?> table = table(remote.table());
            observeCounter.accept(remote.seen().maxCounter());
            // a record not held here needs no read (a laptop's first package is mostly new records)
            RecordState local = held.getOrDefault(remote.table(), Set.of()).contains(remote.id())
                    ? RecordStates.read(ctx, table, remote.id())
                    : null;
            RecordState merged;
            try {
                merged = Merge.merge(local, remote);
            } catch (Merge.Clash clash) {
                throw new DomainException(
                        "store.changeClash",
                        clash.table(),
                        clash.id(),
                        clash.field(),
                        clash.dot().toString());
            }
            int[] counts = per.computeIfAbsent(remote.table(), t -> new int[4]);
            if (local == null) {
                fresh.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(remote.id(), merged);
                created++;
                counts[0]++;
            } else if (sameState(local, merged)) {
                unchanged++;
                counts[3]++;
            } else {
                RecordStates.write(ctx, table, merged, local);
                updated++;
                counts[conflictsGrew(local, merged) ? 2 : 1]++;
            }
        }
        fresh.forEach((table, states) -> RecordStates.insertAll(ctx, table, new ArrayList<>(states.values())));
        int added = 0;
        Set<String> heldHistory = new HashSet<>();
        List<String> historyIds =
                changes.history().stream().map(ChangeSet.HistoryItem::id).toList();
        for (int from = 0; from < historyIds.size(); from += 500) {
            heldHistory.addAll(ctx.select(HISTORY.ID)
                    .from(HISTORY)
                    .where(HISTORY.ID.in(historyIds.subList(from, Math.min(historyIds.size(), from + 500))))
                    .fetch(HISTORY.ID));
        }
        // the new entries in one prepared statement, bound once per entry (a statement prepared per row costs more
        // than the insert itself)
        var insert = new RowBatch(
                ctx,
                ctx.insertInto(HISTORY)
                        .set(HISTORY.ID, (String) null)
                        .set(HISTORY.ENTITY, (String) null)
                        .set(HISTORY.ENTITY_ID, (String) null)
                        .set(HISTORY.ACTION, (String) null)
                        .set(HISTORY.CHANGES, (String) null)
                        .set(HISTORY.USER_NAME, (String) null)
                        .set(HISTORY.CREATED_AT, (String) null)
                        .set(HISTORY.UPDATED_AT, (String) null)
                        .set(HISTORY.UPDATED_BY, (String) null)
                        .set(HISTORY.REVISION, (Integer) null)
                        .set(HISTORY.DELETED, (Integer) null)
                        .onConflictDoNothing(),
                List.of(
                        HISTORY.ID,
                        HISTORY.ENTITY,
                        HISTORY.ENTITY_ID,
                        HISTORY.ACTION,
                        HISTORY.CHANGES,
                        HISTORY.USER_NAME,
                        HISTORY.CREATED_AT,
                        HISTORY.UPDATED_AT,
                        HISTORY.UPDATED_BY,
                        HISTORY.REVISION,
                        HISTORY.DELETED));
        Map<String, ChangeSet.HistoryItem> inThisSet = new HashMap<>();
        for (ChangeSet.HistoryItem h : changes.history()) {
            observeCounter.accept(h.dot().counter());
            if (heldHistory.contains(h.id())) {
                refuseHistoryClash(ctx, h);
                continue;
            }
            ChangeSet.HistoryItem twice = inThisSet.putIfAbsent(h.id(), h);
            if (twice != null) {
                if (!(java.util.Objects.equals(twice.entity(), h.entity())
                        && java.util.Objects.equals(twice.entityId(), h.entityId())
                        && java.util.Objects.equals(twice.action(), h.action())
                        && java.util.Objects.equals(twice.changes(), h.changes()))) {
                    throw new DomainException("store.changeClash", h.entity(), h.entityId(), "history", h.id());
                }
                continue; // the same entry twice in one set
            }
            insert.add(
                    h.id(),
                    h.entity(),
                    h.entityId(),
                    h.action(),
                    h.changes(),
                    h.userName(),
                    h.createdAt(),
                    h.createdAt(),
                    h.dot().site(),
                    Math.toIntExact(h.dot().counter()),
                    0);
            added++;
        }
        if (added > 0) {
            insert.execute();
        }
        Map<String, Store.Counts> perTable = new LinkedHashMap<>();
        per.forEach((t, c) -> perTable.put(t, new Store.Counts(c[0], c[1], c[2], c[3])));
        return new Applied(created, updated, unchanged, added, perTable);
    }

    /** Per table, the ids of {@code records} this database holds already (read in chunks, one query each). */
    private static Map<String, Set<String>> heldIds(DSLContext ctx, List<RecordState> records) {
        Map<String, List<String>> byTable = new HashMap<>();
        records.forEach(
                r -> byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r.id()));
        Map<String, Set<String>> held = new HashMap<>();
        byTable.forEach((name, ids) -> {
            Table<?> table = table(name);
            org.jooq.Field<String> id = RecordStates.field(table, "id", String.class);
            Set<String> found = new HashSet<>();
            for (int from = 0; from < ids.size(); from += 500) {
                found.addAll(ctx.select(id)
                        .from(table)
                        .where(id.in(ids.subList(from, Math.min(ids.size(), from + 500))))
                        .fetch(id));
            }
            held.put(name, found);
        });
        return held;
    }

    /** The merge left a field with more versions than before: a conflict a clerk will have to settle. */
    private static boolean conflictsGrew(RecordState local, RecordState merged) {
        for (var e : merged.fields().entrySet()) {
            int before = local.fields().getOrDefault(e.getKey(), List.of()).size();
            if (e.getValue().size() > Math.max(1, before)) {
                return true;
            }
        }
        return false;
    }

    /** An entry's name is its change's: one held here under that name with other content is another change. */
    private static void refuseHistoryClash(DSLContext ctx, ChangeSet.HistoryItem h) {
        var held = ctx.selectFrom(HISTORY).where(HISTORY.ID.eq(h.id())).fetchOne();
        if (held != null
                && !(java.util.Objects.equals(held.getEntity(), h.entity())
                        && java.util.Objects.equals(held.getEntityId(), h.entityId())
                        && java.util.Objects.equals(held.getAction(), h.action())
                        && java.util.Objects.equals(held.getChanges(), h.changes()))) {
            throw new DomainException("store.changeClash", h.entity(), h.entityId(), "history", h.id());
        }
    }

    /**
     * The records {@code include} accepts, with every record they refer to in any version (so the set applies on
     * its own, whichever version the receiver shows) along {@link References}, and whole aggregates (a finding
     * with its steps, measures and evidence …), with the history of those records.
     */
    static ChangeSet export(DSLContext ctx, Predicate<RecordState> include) {
        Map<String, RecordState> chosen = new LinkedHashMap<>();
        Map<String, RecordState> all = new HashMap<>();
        for (Table<?> table : TABLES) {
            for (var row : ctx.selectFrom(table).fetch()) {
                RecordState s = RecordStates.fromRow(ctx, table, row);
                all.put(key(s.table(), s.id()), s);
                if (include.test(s)) {
                    chosen.put(key(s.table(), s.id()), s);
                }
            }
        }
        // the parts of aggregates, by root: a template's categories, items and bands, a finding's steps …
        Map<String, List<RecordState>> parts = new HashMap<>();
        References.AGGREGATES.forEach((root, children) -> {
            for (References.Column child : children) {
                for (RecordState s : all.values()) {
                    if (s.table().equals(child.table()) && s.value(child.column()) != null) {
                        parts.computeIfAbsent(key(root, s.value(child.column()).toString()), k -> new ArrayList<>())
                                .add(s);
                    }
                }
            }
        });
        List<RecordState> pending = new ArrayList<>(chosen.values());
        while (!pending.isEmpty()) {
            RecordState s = pending.removeLast();
            List<RecordState> next = new ArrayList<>(parts.getOrDefault(key(s.table(), s.id()), List.of()));
            for (References.Reference ref : References.of(s.table())) {
                // every version: the receiver may show a conflict's value, whose record must be there too
                for (FieldVersion v : s.fields().getOrDefault(ref.column(), List.of())) {
                    if (v.value() != null) {
                        RecordState parent = all.get(key(ref.parent(), v.value().toString()));
                        if (parent != null) {
                            next.add(parent);
                        }
                    }
                }
            }
            for (RecordState n : next) {
                if (chosen.putIfAbsent(key(n.table(), n.id()), n) == null) {
                    pending.add(n);
                }
            }
        }
        Set<String> entities = new HashSet<>(chosen.keySet());
        List<ChangeSet.HistoryItem> history = new ArrayList<>();
        for (var h : ctx.selectFrom(HISTORY)
                .orderBy(HISTORY.REVISION, HISTORY.UPDATED_BY)
                .fetch()) {
            if (entities.contains(key(h.getEntity(), h.getEntityId()))) {
                history.add(historyItem(h));
            }
        }
        return new ChangeSet(new ArrayList<>(chosen.values()), history);
    }

    /**
     * What a device that holds {@code known} lacks of this database: every record one of whose changes it has not
     * seen (its whole state, overwritten changes included, so the receiver merges exactly what is here) and every
     * history entry above it. Reads the rows' {@code seen} only, and whole states of the few that changed (issue 17:
     * an export after 100 edits reads 100 records, not every row). No reference closure: a receiver that holds
     * {@code known} holds every record not sent, in the same state as here.
     */
    static ChangeSet exportSince(DSLContext ctx, VersionVector known) {
        List<RecordState> records = new ArrayList<>();
        for (Table<?> table : TABLES) {
            org.jooq.Field<String> id = RecordStates.field(table, "id", String.class);
            org.jooq.Field<String> seen = RecordStates.field(table, "seen", String.class);
            List<String> changed = new ArrayList<>();
            for (var r : ctx.select(id, seen).from(table).fetch()) {
                if (!VersionVector.parse(r.value2()).coveredBy(known)) {
                    changed.add(r.value1());
                }
            }
            for (int from = 0; from < changed.size(); from += 500) {
                List<String> chunk = changed.subList(from, Math.min(changed.size(), from + 500));
                for (var row : ctx.selectFrom(table).where(id.in(chunk)).fetch()) {
                    records.add(RecordStates.fromRow(ctx, table, row));
                }
            }
        }
        org.jooq.Condition above = HISTORY.UPDATED_BY.notIn(known.sites());
        for (var e : known.counters().entrySet()) {
            above = above.or(HISTORY.UPDATED_BY.eq(e.getKey()).and(HISTORY.REVISION.gt(Math.toIntExact(e.getValue()))));
        }
        List<ChangeSet.HistoryItem> history = new ArrayList<>();
        for (var h : ctx.selectFrom(HISTORY)
                .where(above)
                .orderBy(HISTORY.REVISION, HISTORY.UPDATED_BY)
                .fetch()) {
            history.add(historyItem(h));
        }
        return new ChangeSet(records, history);
    }

    private static ChangeSet.HistoryItem historyItem(org.taizhang.core.store.schema.tables.records.HistoryRecord h) {
        return new ChangeSet.HistoryItem(
                h.getId(),
                h.getEntity(),
                h.getEntityId(),
                h.getAction(),
                h.getChanges(),
                h.getUserName(),
                h.getCreatedAt(),
                new Dot(h.getRevision(), h.getUpdatedBy()));
    }

    private static String key(String table, String id) {
        return table + "/" + id;
    }

    /** Two states hold the same: same versions (values and dots), same seen, same metadata. */
    static boolean sameState(RecordState a, RecordState b) {
        return RecordStates.encodeClock(a).equals(RecordStates.encodeClock(b))
                && a.seen().equals(b.seen())
                && java.util.Objects.equals(a.createdAt(), b.createdAt())
                && java.util.Objects.equals(a.updatedAt(), b.updatedAt())
                && a.latest().equals(b.latest())
                && sameValues(a, b);
    }

    private static boolean sameValues(RecordState a, RecordState b) {
        if (!a.fields().keySet().equals(b.fields().keySet())) {
            return false;
        }
        for (String f : a.fields().keySet()) {
            List<FieldVersion> x = a.fields().get(f);
            List<FieldVersion> y = b.fields().get(f);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!Values.same(x.get(i).value(), y.get(i).value())
                        || !x.get(i).dots().equals(y.get(i).dots())) {
                    return false;
                }
            }
        }
        return true;
    }

    static Table<?> table(String name) {
        for (Table<?> t : TABLES) {
            if (t.getName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a travelling table: " + name);
    }

    private static List<Table<?>> travellingTablesParentsFirst() {
        List<Table<?>> travelling = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (RecordStates.isTravelling(t)) {
                travelling.add(t);
            }
        }
        travelling.sort(Comparator.comparing(Table::getName)); // a stable start for the sort below
        LinkedHashSet<Table<?>> ordered = new LinkedHashSet<>();
        while (ordered.size() < travelling.size()) {
            int before = ordered.size();
            for (Table<?> t : travelling) {
                boolean parentsIn = t.getReferences().stream()
                        .map(fk -> fk.getKey().getTable())
                        .allMatch(p -> p.getName().equals(t.getName())
                                || ordered.stream().anyMatch(o -> o.getName().equals(p.getName()))
                                || !RecordStates.isTravelling(p));
                if (parentsIn) {
                    ordered.add(t);
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("travelling tables refer to each other in a cycle: " + travelling);
            }
        }
        return List.copyOf(ordered);
    }
}
