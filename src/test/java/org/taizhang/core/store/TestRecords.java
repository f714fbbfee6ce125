package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.UNIT;

import org.taizhang.core.store.schema.tables.records.UnitRecord;

/** Typed records for store tests. */
final class TestRecords {
    private TestRecords() {}

    static UnitRecord unit(String id, String name) {
        UnitRecord r = UNIT.newRecord();
        r.setId(id);
        r.setName(name);
        return r;
    }
}
