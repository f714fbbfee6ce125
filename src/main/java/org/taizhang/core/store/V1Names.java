package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.core.store.schema.Tables.LOCAL_SETTING;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Version 2 named every change made before it {@code revision:device} with the version-1 device id. A database
 * copied before its upgrade shares those names with the original: two copies that both edited a record under v1 hold
 * two different changes under one name, which a merge must refuse (decisions/0006). So, once per database and before
 * its first exchange, every such change is renamed after its content: its record and its history entry's random id
 * (v1 gave each change one; without one, the values it wrote), so untouched copies of a change keep one name
 * everywhere and copies that diverged get two names, which merge as a conflict. A v1 change is one of a device whose
 * history entries have no dot for an id, or of a device this database had before version 2.
 */
final class V1Names {
    static final String DONE_KEY = "clock.v1Renamed";

    private V1Names() {}

    /** Renames the v1 changes unless done before; returns how many records it rewrote. */
    static int renameOnce(DSLContext ctx) {
        if (ctx.fetchExists(ctx.selectFrom(LOCAL_SETTING).where(LOCAL_SETTING.KEY.eq(DONE_KEY)))) {
            return 0;
        }
        Set<String> sites = new java.util.TreeSet<>(ctx.selectDistinct(HISTORY.UPDATED_BY)
                .from(HISTORY)
                .where(HISTORY.ID.notLike("%:%"))
                .fetch(HISTORY.UPDATED_BY));
        // and the devices this database had before version 2 (a v1 change may have left no history entry)
        sites.addAll(ctx.resultQuery("SELECT d.id FROM device d, flyway_schema_history f WHERE f.version = '2'"
                        + " AND substr(replace(d.created_at, 'T', ' '), 1, 19) < substr(f.installed_on, 1, 19)")
                .fetch(0, String.class));
        int rewritten = 0;
        for (String site : sites) {
            // the history entry that names each v1 change: (entity, id, counter) → its random id
            Map<String, String> entries = new HashMap<>();
            for (var h : ctx.select(HISTORY.ENTITY, HISTORY.ENTITY_ID, HISTORY.REVISION, HISTORY.ID)
                    .from(HISTORY)
                    .where(HISTORY.UPDATED_BY.eq(site))
                    .and(HISTORY.ID.notLike("%:%"))
                    .fetch()) {
                entries.put(h.value1() + "\n" + h.value2() + "\n" + h.value3(), h.value4());
            }
            for (Table<?> table : Replication.TABLES) {
                for (Record row : ctx.selectFrom(table)
                        .where(DSL.field(DSL.name("seen"), String.class).like("%:" + site + "%"))
                        .fetch()) {
                    RecordState before = RecordStates.fromRow(ctx, table, row);
                    RecordState after = renamed(before, site, entries);
                    if (after != null) {
                        RecordStates.write(ctx, table, after, before);
                        rewritten++;
                    }
                }
            }
            for (var h : ctx.selectFrom(HISTORY)
                    .where(HISTORY.UPDATED_BY.eq(site))
                    .and(HISTORY.ID.notLike("%:%"))
                    .fetch()) {
                String newSite = name(h.getEntity(), h.getEntityId(), h.getRevision(), h.getId());
                ctx.update(HISTORY)
                        .set(HISTORY.UPDATED_BY, newSite)
                        .where(HISTORY.ID.eq(h.getId()))
                        .execute();
            }
        }
        ctx.insertInto(LOCAL_SETTING)
                .set(LOCAL_SETTING.KEY, DONE_KEY)
                .set(LOCAL_SETTING.VALUE, Integer.toString(rewritten))
                .onConflictDoNothing()
                .execute();
        return rewritten;
    }

    /** The record with every change of {@code site} renamed; null when it holds none. */
    private static RecordState renamed(RecordState s, String site, Map<String, String> entries) {
        Map<Dot, Dot> names = new HashMap<>();
        java.util.function.Function<Dot, Dot> rename = d -> !d.site().equals(site)
                ? d
                : names.computeIfAbsent(
                        d,
                        x -> new Dot(
                                x.counter(),
                                name(
                                        s.table(),
                                        s.id(),
                                        x.counter(),
                                        entries.getOrDefault(
                                                s.table() + "\n" + s.id() + "\n" + x.counter(), written(s, x)))));
        Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
        s.fields().forEach((field, versions) -> {
            List<FieldVersion> list = new ArrayList<>();
            for (FieldVersion v : versions) {
                list.add(new FieldVersion(
                        v.value(), v.dots().stream().map(rename).toList()));
            }
            fields.put(field, list);
        });
        List<Dot> creates = s.creates().stream().map(rename).toList();
        Dot latest = rename.apply(s.latest());
        long seenOfSite = s.seen().counter(site);
        if (names.isEmpty() && seenOfSite == 0) {
            return null;
        }
        // what the record has seen of the old name: every v1 change of it up to that counter, each under its new
        // name, so a copy still holding one that was overwritten here does not bring it back
        for (long n = 1; n <= seenOfSite; n++) {
            if (entries.containsKey(s.table() + "\n" + s.id() + "\n" + n)) {
                rename.apply(new Dot(n, site));
            }
        }
        VersionVector seen = VersionVector.EMPTY;
        for (String other : s.seen().sites()) {
            if (!other.equals(site)) {
                seen = seen.join(VersionVector.parse(s.seen().counter(other) + ":" + other));
            }
        }
        for (Dot d : names.values()) {
            seen = seen.with(d);
        }
        return new RecordState(s.table(), s.id(), s.createdAt(), s.updatedAt(), latest, fields, seen, creates);
    }

    /**
     * For a change without a history entry: the values it wrote, so copies that wrote different values under one
     * name get two names.
     */
    private static String written(RecordState s, Dot d) {
        StringBuilder sb = new StringBuilder("values");
        new java.util.TreeMap<>(s.fields()).forEach((field, versions) -> {
            for (FieldVersion v : versions) {
                if (v.dots().contains(d)) {
                    sb.append('\n').append(field).append('=').append(Values.text(v.value()));
                }
            }
        });
        return sb.toString();
    }

    /** {@code v1-} and 24 hex digits of SHA-256 over the record and the change's history entry. */
    static String name(String table, String id, long counter, String historyId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((table + "\n" + id + "\n" + counter + "\n" + historyId).getBytes(StandardCharsets.UTF_8));
            return "v1-" + HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
