package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.core.store.schema.Tables.FIELD_CONFLICT;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A version-1 database copied before its upgrade: both copies name their v1 changes {@code revision:old-device}.
 * Renamed after their content once before the first exchange, untouched changes keep one name and changes the
 * copies made apart become a conflict, instead of one name with two values refused for ever (issue 16).
 */
class V1NamesTest {
    @TempDir
    Path dir;

    private static void sql(Path db, String... statements) throws Exception {
        V1Database.sql(db, statements);
    }

    private static String history(String id, String action, String at) {
        return "INSERT INTO history (id, entity, entity_id, action, changes, created_at, updated_at, updated_by)"
                + " VALUES ('" + id + "', 'unit', 'u1', '" + action + "', '{}', '" + at + "', '" + at
                + "', 'old-device')";
    }

    /** A v1 edit of the short name: the row's fourth change, with its own history entry. */
    private static void v1Edit(Path db, String shortName, String historyId) throws Exception {
        sql(
                db,
                "UPDATE unit SET short_name = '" + shortName
                        + "', revision = 4, updated_at = '2026-03-01T00:00:00.000Z'"
                        + " WHERE id = 'u1'",
                history(historyId, "update", "2026-03-01T00:00:00.000Z"));
    }

    @Test
    void copiesOfAVersionOneDatabaseMergeAfterTheirUpgradeInsteadOfBeingRefused() throws Exception {
        Path hubDb = Files.createDirectories(dir.resolve("hub")).resolve("taizhang.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + hubDb);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        sql(
                hubDb,
                "INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision, deleted)"
                        + " VALUES ('u1', '江海市财政局', 1, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z',"
                        + " 'old-device', 3, 0)",
                history("b", "create", "2026-01-01T00:00:00.000Z"),
                history("a", "update", "2026-01-15T00:00:00.000Z"),
                history("c", "update", "2026-02-01T00:00:00.000Z"),
                "INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision, deleted)"
                        + " VALUES ('u2', '江海市审计局', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
                        + " 'old-device', 1, 0)",
                "INSERT INTO history (id, entity, entity_id, action, changes, created_at, updated_at, updated_by)"
                        + " VALUES ('u2-create', 'unit', 'u2', 'create', '{}', '2026-01-01T00:00:00.000Z',"
                        + " '2026-01-01T00:00:00.000Z', 'old-device')");
        Path laptopDb = Files.createDirectories(dir.resolve("laptop")).resolve("taizhang.db");
        Files.copy(hubDb, laptopDb); // copied before the upgrade: the same v1 device id in both
        v1Edit(hubDb, "财政局", "hub-edit");
        v1Edit(laptopDb, "市财政局", "laptop-edit");

        try (Store hub = Store.open(hubDb);
                Store laptop = Store.open(laptopDb)) {
            hub.applyChanges(laptop.exportChanges(r -> true));
            laptop.applyChanges(hub.exportChanges(r -> true));

            for (Store s : new Store[] {hub, laptop}) {
                // the change both copies made apart: a conflict for a clerk, both values kept
                assertThat(s.read()
                                .select(FIELD_CONFLICT.FIELD)
                                .from(FIELD_CONFLICT)
                                .fetch(FIELD_CONFLICT.FIELD))
                        .containsExactly("short_name");
                assertThat(s.read()
                                .select(UNIT.SHORT_NAME)
                                .from(UNIT)
                                .where(UNIT.ID.eq("u1"))
                                .fetchOne(UNIT.SHORT_NAME))
                        .isIn("财政局", "市财政局");
                // the untouched record: one change under one name on both
                assertThat(RecordStates.read(s.read(), UNIT, "u2").fields().get("name"))
                        .hasSize(1);
            }
            assertThat(RecordStates.encodeClock(RecordStates.read(hub.read(), UNIT, "u2")))
                    .isEqualTo(RecordStates.encodeClock(RecordStates.read(laptop.read(), UNIT, "u2")));
            assertThat(TrackedWriter.historyOf(hub.read(), "unit", "u1")).hasSize(5);
        }
    }

    /** A v1 change without a history entry is named after the values it wrote: differing copies get two names. */
    @Test
    void aVersionOneChangeWithoutHistoryIsNamedAfterItsValues() throws Exception {
        Path hubDb = Files.createDirectories(dir.resolve("hub2")).resolve("taizhang.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + hubDb);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        sql(
                hubDb,
                // the v1 program made its device row at its first start
                "INSERT INTO device (id, name, created_at) VALUES ('old-device', '办公室', '2026-01-01T00:00:00.000Z')",
                "INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision, deleted)"
                        + " VALUES ('u2', '江海市审计局', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
                        + " 'old-device', 1, 0)");
        Path laptopDb = Files.createDirectories(dir.resolve("laptop2")).resolve("taizhang.db");
        Files.copy(hubDb, laptopDb);
        sql(hubDb, "UPDATE unit SET short_name = '审计局', revision = 2 WHERE id = 'u2'");
        sql(laptopDb, "UPDATE unit SET short_name = '市审计局', revision = 2 WHERE id = 'u2'");

        try (Store hub = Store.open(hubDb);
                Store laptop = Store.open(laptopDb)) {
            hub.applyChanges(laptop.exportChanges(r -> true));
            assertThat(RecordStates.read(hub.read(), UNIT, "u2").fields().get("short_name"))
                    .extracting(FieldVersion::value)
                    .containsExactlyInAnyOrder("审计局", "市审计局");
        }
    }
}
