package org.taizhang.archfixture.checklist;

import java.util.List;
import org.jooq.Record;

/** Planted: jOOQ outside a store, seen only in a signature's type argument (erased from the code itself). */
final class ChecklistRows {
    static List<Record> rows() {
        return List.of();
    }
}
