package org.taizhang.archfixture.inspection;

import org.taizhang.archfixture.checklist.store.ChecklistStore;

/** Planted: a feature reaching another feature's store, and a feature it may not use. */
final class InspectionReport {
    static int count() {
        return ChecklistStore.count(null);
    }
}
