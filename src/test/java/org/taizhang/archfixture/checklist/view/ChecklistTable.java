package org.taizhang.archfixture.checklist.view;

import org.jooq.Record;

/** Planted: a view holding a database record. */
final class ChecklistTable {
    Record selected;
}
