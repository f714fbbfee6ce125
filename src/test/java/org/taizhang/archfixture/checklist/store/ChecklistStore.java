package org.taizhang.archfixture.checklist.store;

import org.jooq.DSLContext;

/** Allowed: a store uses jOOQ, and it is public so that its feature's root can reach it. */
public final class ChecklistStore {
    public static int count(DSLContext db) {
        return db.fetchCount(db.selectOne());
    }
}
