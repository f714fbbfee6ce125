package org.taizhang.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * A database as version 1 of the program left it (schema V1 only, written with plain SQL as v1 wrote it): two units
 * of {@link DeviceActions#UNIT_NAMES} with their history, every change made by one device {@code old-device}. For the
 * convergence test's v1 start (copies made before the upgrade share their change names, issue 16).
 */
final class V1Database {
    private V1Database() {}

    static Path create(Path db) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        sql(
                db,
                "INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision, deleted)"
                        + " VALUES ('v1-unit-0', '" + DeviceActions.UNIT_NAMES[0] + "', 1, '2026-01-01T00:00:00.000Z',"
                        + " '2026-02-01T00:00:00.000Z', 'old-device', 3, 0)",
                history("v1-create-0", "v1-unit-0", "create", "2026-01-01T00:00:00.000Z"),
                history("v1-update-0", "v1-unit-0", "update", "2026-01-15T00:00:00.000Z"),
                history("v1-update-1", "v1-unit-0", "update", "2026-02-01T00:00:00.000Z"),
                "INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision, deleted)"
                        + " VALUES ('v1-unit-1', '" + DeviceActions.UNIT_NAMES[1] + "', 2, '2026-01-01T00:00:00.000Z',"
                        + " '2026-01-01T00:00:00.000Z', 'old-device', 1, 0)",
                history("v1-create-1", "v1-unit-1", "create", "2026-01-01T00:00:00.000Z"));
        return db;
    }

    /** A v1 edit of the first unit's short name on one copy: the row's fourth change, with its own history entry. */
    static void edit(Path db, String shortName, String historyId) throws SQLException {
        sql(
                db,
                "UPDATE unit SET short_name = '" + shortName + "', revision = 4,"
                        + " updated_at = '2026-03-01T00:00:00.000Z' WHERE id = 'v1-unit-0'",
                history(historyId, "v1-unit-0", "update", "2026-03-01T00:00:00.000Z"));
    }

    private static String history(String id, String unitId, String action, String at) {
        return "INSERT INTO history (id, entity, entity_id, action, changes, created_at, updated_at, updated_by)"
                + " VALUES ('" + id + "', 'unit', '" + unitId + "', '" + action + "', '{}', '" + at + "', '" + at
                + "', 'old-device')";
    }

    /** Runs statements on a database as plain SQL (v1 had no store of its own to write through). */
    static void sql(Path db, String... statements) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
