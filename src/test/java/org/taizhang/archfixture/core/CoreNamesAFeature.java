package org.taizhang.archfixture.core;

import org.taizhang.archfixture.checklist.Checklist;

/** Planted: core reaching into a feature. */
public final class CoreNamesAFeature {
    public String title(Checklist c) {
        return c.title();
    }
}
