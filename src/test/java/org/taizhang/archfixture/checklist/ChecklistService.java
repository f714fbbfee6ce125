package org.taizhang.archfixture.checklist;

import org.taizhang.archfixture.checklist.store.ChecklistStore;

/** Allowed: a feature's root (its service) uses its store. */
final class ChecklistService {
    static int count() {
        return ChecklistStore.count(null);
    }
}
