package org.taizhang.backup.store;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.taizhang.backup.model.Problem;
import org.taizhang.backup.model.Problem.Kind;

/**
 * The queries of {@code taizhang check} (issue 22). Each returns at most {@link #LIMIT} problems of its kind: a
 * database damaged throughout says so in a page, not a million lines.
 */
public final class IntegrityStore {
    public static final int LIMIT = 200;

    private IntegrityStore() {}

    /** SQLite's own checks: every page and index, then every foreign key. */
    public static List<Problem> sqlite(DSLContext ctx) {
        List<Problem> problems = new ArrayList<>();
        try {
            for (Record r : ctx.fetch("PRAGMA integrity_check(" + LIMIT + ")")) {
                String line = r.get(0, String.class);
                if (!"ok".equals(line)) {
                    problems.add(new Problem(Kind.DAMAGED, "", line));
                }
            }
        } catch (org.jooq.exception.DataAccessException e) {
            // a page SQLite cannot even walk: the check itself stops ("database disk image is malformed")
            problems.add(new Problem(Kind.DAMAGED, "", String.valueOf(e.getCause() == null ? e : e.getCause())));
            return problems;
        }
        for (Record r : ctx.fetch("PRAGMA foreign_key_check")) {
            if (problems.size() >= 2 * LIMIT) {
                break;
            }
            // table, rowid, referenced table, foreign key index
            problems.add(new Problem(
                    Kind.FOREIGN_KEY, r.get(0, String.class) + " #" + r.get(1, String.class), r.get(2, String.class)));
        }
        return problems;
    }

    /** Attachment records that are not deleted: their ids, which are their files' SHA-256. */
    public static List<String> attachmentIds(DSLContext ctx) {
        return ctx.fetch("SELECT id FROM attachment WHERE deleted = 0 ORDER BY id")
                .getValues(0, String.class);
    }

    /**
     * The history against the records of {@code tables} (the travelling ones): every record has its create entry and
     * an entry for its newest change; every entry names a record that exists; one change names one entry.
     */
    public static List<Problem> history(DSLContext ctx, List<String> tables) {
        List<Problem> problems = new ArrayList<>();
        for (String t : tables) {
            String table = '"' + t.replace("\"", "") + '"';
            collect(
                    problems,
                    ctx.fetch(
                            "SELECT r.id FROM " + table + " r WHERE NOT EXISTS (SELECT 1 FROM history h WHERE"
                                    + " h.entity = ? AND h.entity_id = r.id AND h.action = 'create') LIMIT " + LIMIT,
                            t),
                    Kind.NO_CREATE_ENTRY,
                    t);
            collect(
                    problems,
                    ctx.fetch(
                            "SELECT r.id FROM " + table + " r WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.entity"
                                    + " = ? AND h.entity_id = r.id AND h.revision = r.revision AND"
                                    + " h.updated_by = r.updated_by) LIMIT " + LIMIT,
                            t),
                    Kind.REVISION_WITHOUT_HISTORY,
                    t);
            collect(
                    problems,
                    ctx.fetch(
                            "SELECT h.id FROM history h WHERE h.entity = ? AND NOT EXISTS (SELECT 1 FROM " + table
                                    + " r WHERE r.id = h.entity_id) LIMIT " + LIMIT,
                            t),
                    Kind.HISTORY_WITHOUT_RECORD,
                    t);
        }
        collect(
                problems,
                ctx.fetch(
                        "SELECT h.id FROM history h WHERE h.entity NOT IN (" + "?,".repeat(tables.size() - 1) + "?)"
                                + " LIMIT " + LIMIT,
                        tables.toArray()),
                Kind.HISTORY_WITHOUT_RECORD,
                "history");
        // entries from version 2 on are named by their change (counter:device); older ones keep random ids
        collect(
                problems,
                ctx.fetch("SELECT id FROM history WHERE id GLOB '[0-9]*:*' AND id <> revision || ':' || updated_by"
                        + " UNION ALL SELECT min(id) FROM history GROUP BY updated_by, revision HAVING count(*) > 1"
                        + " LIMIT " + LIMIT),
                Kind.HISTORY_NAME,
                "history");
        return problems;
    }

    /** 挂号 numbers that two findings which are neither deleted nor merged into another carry. */
    public static List<Problem> duplicateNumbers(DSLContext ctx) {
        List<Problem> problems = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT number, group_concat(id, ', ') FROM finding WHERE deleted = 0 AND"
                + " merged_into IS NULL AND number IS NOT NULL AND number <> '' GROUP BY number HAVING count(*) > 1"
                + " LIMIT " + LIMIT)) {
            problems.add(new Problem(Kind.DUPLICATE_NUMBER, r.get(0, String.class), r.get(1, String.class)));
        }
        return problems;
    }

    private static void collect(List<Problem> into, org.jooq.Result<Record> rows, Kind kind, String table) {
        for (Record r : rows) {
            into.add(new Problem(kind, table, r.get(0, String.class)));
        }
    }
}
