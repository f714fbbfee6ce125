package org.taizhang.core.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Table;
import org.taizhang.core.DomainException;

/**
 * What a received set must satisfy before anything of it is merged; a set that breaks any bound is refused whole
 * ({@code store.setRefused}) and this database is left as it was. A counter near the top of the range would pass
 * into this device's clock and make every later local change fail; a table or column this program does not know
 * comes from a newer program, whose values would otherwise be dropped here and then sent on as overwritten.
 */
final class ReceivedSets {
    /** Half the int range: a device keeps a billion counters of room for its own changes after any set. */
    static final long MAX_COUNTER = Integer.MAX_VALUE / 2;

    static final int MAX_SITE = 64;
    static final int MAX_TEXT = 1_000_000;
    static final int MAX_RECORDS = 5_000_000;
    static final int MAX_HISTORY = 20_000_000;
    static final int MAX_VERSIONS = 256;
    static final int MAX_DOTS = 4_096;

    private ReceivedSets() {}

    static void check(ChangeSet set) {
        if (set.records().size() > MAX_RECORDS) {
            throw refused("records " + set.records().size() + " > " + MAX_RECORDS);
        }
        if (set.history().size() > MAX_HISTORY) {
            throw refused("history " + set.history().size() + " > " + MAX_HISTORY);
        }
        Set<String> records = new HashSet<>();
        Map<String, Set<String>> columnsOf = new HashMap<>(); // per table, not per record: a set holds thousands
        for (RecordState r : set.records()) {
            Set<String> columns = columnsOf.computeIfAbsent(r.table(), name -> {
                Set<String> c = new HashSet<>();
                for (Field<?> f : RecordStates.dataFields(known(name))) {
                    c.add(f.getName());
                }
                c.add(RecordState.DELETED);
                return c;
            });
            if (!records.add(r.table() + "/" + r.id())) {
                throw refused(r.table() + " " + r.id() + " twice");
            }
            text(r.id(), r.table(), "id");
            if (r.latest() == null) {
                throw refused(r.table() + " " + r.id() + " without its newest change");
            }
            dot(r.latest(), r);
            r.creates().forEach(d -> dot(d, r));
            if (r.creates().size() > MAX_DOTS) {
                throw refused(r.table() + " " + r.id() + ": " + r.creates().size() + " creates");
            }
            if (r.seen().maxCounter() > MAX_COUNTER || r.seen().size() > MAX_DOTS) {
                throw refused(r.table() + " " + r.id() + ": seen " + r.seen());
            }
            r.seen().sites().forEach(site -> site(site, r));
            for (var e : r.fields().entrySet()) {
                if (!columns.contains(e.getKey())) {
                    // a newer program's column: dropping its value here would send it on as overwritten
                    throw new DomainException("store.newerSchema", r.table() + "." + e.getKey());
                }
                List<FieldVersion> versions = e.getValue();
                if (versions.isEmpty() || versions.size() > MAX_VERSIONS) {
                    throw refused(r.table() + " " + r.id() + " " + e.getKey() + ": " + versions.size() + " versions");
                }
                for (FieldVersion v : versions) {
                    if (v.dots().size() > MAX_DOTS) {
                        throw refused(r.table() + " " + r.id() + " " + e.getKey() + ": "
                                + v.dots().size() + " dots");
                    }
                    v.dots().forEach(d -> {
                        dot(d, r);
                        if (!r.seen().covers(d)) {
                            throw refused(r.table() + " " + r.id() + " " + e.getKey() + ": " + d + " not seen");
                        }
                    });
                    if (v.value() instanceof String t) {
                        text(t, r.table(), e.getKey());
                    }
                }
            }
        }
        for (ChangeSet.HistoryItem h : set.history()) {
            known(h.entity());
            if (h.dot().counter() > MAX_COUNTER || h.dot().site().length() > MAX_SITE) {
                throw refused("history " + h.id());
            }
            // (entries from before version 2 keep their random ids; newer ones are named by their dot)
            text(h.id(), "history: id");
            text(h.changes(), "history: changes");
            text(h.entityId(), "history: entity_id");
        }
    }

    private static Table<?> known(String table) {
        try {
            return Replication.table(table);
        } catch (IllegalArgumentException e) {
            throw new DomainException("store.newerSchema", table);
        }
    }

    private static void dot(Dot d, RecordState r) {
        if (d.counter() > MAX_COUNTER) {
            throw refused(r.table() + " " + r.id() + ": counter " + d.counter() + " > " + MAX_COUNTER);
        }
        site(d.site(), r);
    }

    private static void site(String site, RecordState r) {
        if (site.length() > MAX_SITE) {
            throw refused(r.table() + " " + r.id() + ": device id of " + site.length() + " characters");
        }
    }

    private static void text(String t, String where) {
        text(t, where, null);
    }

    /** {@code table.column} is put together only when refused: this runs for every value of a set. */
    private static void text(String t, String table, String column) {
        if (t != null && t.length() > MAX_TEXT) {
            throw refused(
                    (column == null ? table : table + "." + column) + ": " + t.length() + " characters > " + MAX_TEXT);
        }
    }

    private static DomainException refused(String what) {
        return new DomainException("store.setRefused", what);
    }
}
