package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.FIELD_CONFLICT;
import static org.taizhang.core.store.schema.Tables.MERGE_BREACH;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The rules across records that a merge can break although each change it joined was valid: a cycle (two 党总支
 * moved under each other, two findings merged into each other), a live record under a parent deleted on another
 * device, an id that names no record, one 挂号 number on two findings, one name on two units, two devices both
 * designated as the hub. Run over the whole database after every apply, in its transaction; the result replaces
 * {@code merge_breach}, so a breach a later change mended leaves the list. Computed from the records alone, so
 * every device holding the same records lists the same breaches. Never refuses the merge. The plain SQL here names
 * only tables and columns from {@link References}, never a value from the data.
 */
final class MergeCheck {
    private MergeCheck() {}

    static List<MergeBreach> run(DSLContext ctx, Clock clock) {
        Set<MergeBreach> found = new LinkedHashSet<>();
        for (References.Reference ref : References.ALL) {
            String column = ref.table() + "." + ref.column();
            if (ref.table().equals(ref.parent())) {
                cycles(ctx, ref, found);
            }
            if (References.GUARDED.contains(new References.Column(ref.table(), ref.column()))) {
                for (Record r : ctx.resultQuery("SELECT c.id, c." + ref.column() + " FROM " + ref.table() + " c JOIN "
                                + ref.parent() + " p ON p.id = c." + ref.column()
                                + " WHERE c.deleted = 0 AND p.deleted = 1")
                        .fetch()) {
                    found.add(new MergeBreach(
                            "DELETED_PARENT",
                            ref.table(),
                            r.get(0, String.class),
                            column + "=" + r.get(1, String.class)));
                }
            }
            if (!ref.declared()) {
                for (Record r : ctx.resultQuery("SELECT c.id, c." + ref.column() + " FROM " + ref.table()
                                + " c LEFT JOIN "
                                + ref.parent() + " p ON p.id = c." + ref.column() + " WHERE c.deleted = 0 AND c."
                                + ref.column() + " IS NOT NULL AND p.id IS NULL")
                        .fetch()) {
                    found.add(new MergeBreach(
                            "DANGLING", ref.table(), r.get(0, String.class), column + "=" + r.get(1, String.class)));
                }
            }
        }
        duplicates(
                ctx,
                "finding",
                "number_year || '-' || number_seq",
                "number_seq IS NOT NULL",
                "DUPLICATE_NUMBER",
                found);
        References.NATURAL_KEYS.forEach((table, columns) -> duplicates(
                ctx,
                table,
                String.join(
                        " || '/' || ",
                        columns.stream().map(c -> "COALESCE(" + c + ", '')").toList()),
                "1 = 1",
                "DUPLICATE_NAME",
                found));
        for (String id : ctx.selectDistinct(FIELD_CONFLICT.ENTITY_ID)
                .from(FIELD_CONFLICT)
                .where(FIELD_CONFLICT.ENTITY.eq("hub_designation"))
                .and(FIELD_CONFLICT.FIELD.eq("device_id"))
                .and(FIELD_CONFLICT.VALUE.isNotNull())
                .fetch(FIELD_CONFLICT.ENTITY_ID)) {
            found.add(new MergeBreach("TWO_HUBS", "hub_designation", id, "device_id"));
        }
        registeredOffTheHub(ctx, found);
        ctx.deleteFrom(MERGE_BREACH).execute();
        String now = Times.now(clock);
        for (MergeBreach b : found) {
            ctx.insertInto(MERGE_BREACH)
                    .set(MERGE_BREACH.KIND, b.kind())
                    .set(MERGE_BREACH.ENTITY, b.entity())
                    .set(MERGE_BREACH.ENTITY_ID, b.entityId())
                    .set(MERGE_BREACH.DETAIL, b.detail())
                    .set(MERGE_BREACH.FOUND_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
        // in one order everywhere, as listed()
        return found.stream()
                .sorted(java.util.Comparator.comparing(MergeBreach::kind)
                        .thenComparing(MergeBreach::entity)
                        .thenComparing(MergeBreach::entityId)
                        .thenComparing(MergeBreach::detail))
                .toList();
    }

    /**
     * A 挂号 step written by a device that was never designated the hub (issue 16): it gave a number it may not
     * give (a copy of the hub's file that missed the designation's move, a clock that moved back). Which devices were
     * ever the hub is read from the designation's history and its versions, so every device holding the same records
     * decides the same; a step of a device that was the hub at some other time is not listed (the history does not
     * say when a change was made, only in which order each device made its own).
     */
    private static void registeredOffTheHub(DSLContext ctx, Set<MergeBreach> found) {
        Set<String> hubs = new HashSet<>();
        for (Record h : ctx.resultQuery("SELECT changes FROM history WHERE entity = 'hub_designation'")
                .fetch()) {
            for (HistoryEntry.FieldChange c : Json.parseChanges(h.get(0, String.class))) {
                if (c.field().equals("device_id") && c.after() != null) {
                    hubs.add(c.after());
                }
            }
        }
        for (Record r : ctx.resultQuery("SELECT device_id FROM hub_designation WHERE device_id IS NOT NULL UNION"
                        + " SELECT value FROM field_conflict WHERE entity = 'hub_designation' AND field = 'device_id'"
                        + " AND value IS NOT NULL")
                .fetch()) {
            hubs.add(r.get(0, String.class));
        }
        for (Record r : ctx.resultQuery("SELECT id, clock FROM finding_step WHERE deleted = 0 AND kind = 'REGISTER'")
                .fetch()) {
            for (Dot create : RecordStates.creates(r.get(1, String.class))) {
                if (!hubs.contains(create.site())) {
                    found.add(new MergeBreach(
                            "REGISTERED_OFF_HUB", "finding_step", r.get(0, String.class), "device=" + create.site()));
                }
            }
        }
    }

    static List<MergeBreach> listed(DSLContext ctx) {
        return ctx.selectFrom(MERGE_BREACH)
                .orderBy(MERGE_BREACH.KIND, MERGE_BREACH.ENTITY, MERGE_BREACH.ENTITY_ID, MERGE_BREACH.DETAIL)
                .fetch(r -> new MergeBreach(r.getKind(), r.getEntity(), r.getEntityId(), r.getDetail()));
    }

    /** Live records that reach themselves through {@code ref} (a record naming itself included). */
    private static void cycles(DSLContext ctx, References.Reference ref, Set<MergeBreach> found) {
        Map<String, String> up = new HashMap<>();
        for (Record r : ctx.resultQuery("SELECT id, " + ref.column() + " FROM " + ref.table()
                        + " WHERE deleted = 0 AND " + ref.column() + " IS NOT NULL")
                .fetch()) {
            up.put(r.get(0, String.class), r.get(1, String.class));
        }
        for (String start : up.keySet()) {
            Set<String> path = new HashSet<>();
            String at = start;
            while (at != null && path.add(at)) {
                at = up.get(at);
            }
            if (start.equals(at)) {
                found.add(new MergeBreach(
                        "CYCLE", ref.table(), start, ref.table() + "." + ref.column() + "=" + up.get(start)));
            }
        }
    }

    private static void duplicates(
            DSLContext ctx, String table, String keyExpression, String where, String kind, Set<MergeBreach> found) {
        Map<String, List<String>> byKey = new HashMap<>();
        for (Record r : ctx.resultQuery("SELECT id, " + keyExpression + " FROM " + table + " WHERE deleted = 0 AND ("
                        + where + ") AND " + keyExpression + " IN (SELECT " + keyExpression + " FROM " + table
                        + " WHERE deleted = 0 AND (" + where + ") GROUP BY 1 HAVING COUNT(*) > 1)")
                .fetch()) {
            byKey.computeIfAbsent(r.get(1, String.class), k -> new ArrayList<>())
                    .add(r.get(0, String.class));
        }
        byKey.forEach((key, ids) -> {
            for (String id : ids) {
                List<String> others =
                        ids.stream().filter(o -> !o.equals(id)).sorted().toList();
                found.add(new MergeBreach(kind, table, id, key + " " + String.join(",", others)));
            }
        });
    }
}
