package org.taizhang.archfixture.checklist;

import java.sql.Connection;
import java.sql.SQLException;

/** Planted: SQL outside a store. */
final class ChecklistQueries {
    static boolean readOnly(Connection c) throws SQLException {
        return c.isReadOnly();
    }
}
