package org.taizhang.archfixture.checklist;

import org.jooq.DSLContext;

/** Allowed: a store uses jOOQ. Planted: it is public, so other packages could bypass the service. */
public final class ChecklistStore {
    static int count(DSLContext db) {
        return db.fetchCount(db.selectOne());
    }
}
