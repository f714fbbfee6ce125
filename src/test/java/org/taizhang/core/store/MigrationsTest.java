package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;

/**
 * Backups before a schema change. Only V1 exists on the class path, so "an older database" is one whose Flyway
 * history stops at a baseline (version 0) below V1 and holds data of its own: opening it has V1 pending on a
 * database that already has a schema, which is the path every later upgrade (V1 → V2 …) takes.
 */
class MigrationsTest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private Path db() {
        return dir.resolve("taizhang.db");
    }

    private String expectedBackupName(String reason) {
        return "taizhang-" + STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + "-" + reason + ".db";
    }

    /** A database at schema version 0 (before V1) holding a row the upgrade must not lose. */
    private void createVersionZeroDatabase(String... extraStatements) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db());
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE legacy_note (text TEXT NOT NULL)");
            s.execute("INSERT INTO legacy_note VALUES ('升级前的台账')");
            for (String sql : extraStatements) {
                s.execute(sql);
            }
        }
        Flyway.configure()
                .dataSource(ds)
                .baselineVersion("0")
                .baselineDescription("before V1")
                .load()
                .baseline();
    }

    @Test
    void aPendingMigrationOnAnExistingSchemaWritesABackupFirst() throws Exception {
        createVersionZeroDatabase();

        try (Store store = Store.open(db(), clock)) {
            Path backup = store.migrationBackup().orElseThrow();
            assertThat(backup)
                    .isEqualTo(
                            dir.resolve("backups").resolve(expectedBackupName("before-V" + Migrations.LATEST_VERSION)));
            assertThat(backup).isRegularFile();
        }
    }

    @Test
    void theBackupIsASqliteDatabaseWithTheOldSchemaAndData() throws Exception {
        createVersionZeroDatabase();

        Path backup;
        try (Store store = Store.open(db(), clock)) {
            backup = store.migrationBackup().orElseThrow();
        }

        assertThat(query(backup, "SELECT text FROM legacy_note")).containsExactly("升级前的台账");
        assertThat(query(backup, "SELECT max(version) FROM flyway_schema_history"))
                .containsExactly("0");
        assertThat(query(backup, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'unit'"))
                .isEmpty();
    }

    @Test
    void afterTheBackupTheDatabaseIsMigratedAndKeepsItsData() throws Exception {
        createVersionZeroDatabase();

        try (Store store = Store.open(db(), clock)) {
            assertThat(store.read().fetchCount(UNIT)).isZero();
            assertThat(store.deviceId()).isNotBlank();
        }
        assertThat(query(db(), "SELECT text FROM legacy_note")).containsExactly("升级前的台账");
        assertThat(query(db(), "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"))
                .containsExactly(Migrations.LATEST_VERSION);
    }

    @Test
    void theLatestVersionConstantIsTheNewestScriptOnTheClassPath() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("scan.db"));
        var all = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .info()
                .all();

        assertThat(all[all.length - 1].getVersion().getVersion()).isEqualTo(Migrations.LATEST_VERSION);
    }

    @Test
    void onlyADatabaseWithEveryMigrationAppliedSuccessfullyCountsAsUpToDate() throws Exception {
        createVersionZeroDatabase();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db());
        assertThat(Migrations.isUpToDate(ds)).isFalse();

        Store.open(db(), clock).close();
        assertThat(Migrations.isUpToDate(ds)).isTrue();

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
        }
        assertThat(Migrations.isUpToDate(ds)).isFalse();
        assertThatThrownBy(() -> Store.open(db(), clock)).isInstanceOf(DomainException.class);
    }

    @Test
    void aDatabaseFromANewerProgramIsRefusedUntouched() throws Exception {
        Store.openOrCreate(db(), clock).close();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db());
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', "
                    + "'test', 1, 1)");
        }
        byte[] before = java.nio.file.Files.readAllBytes(db());

        assertThatThrownBy(() -> Store.open(db(), clock)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.tooNew");
            assertThat(e.args()).containsExactly(db().toAbsolutePath(), "99", Migrations.LATEST_VERSION);
        });
        assertThat(java.nio.file.Files.readAllBytes(db())).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aNewDatabaseIsNotBackedUp() {
        try (Store store = Store.openOrCreate(db(), clock)) {
            assertThat(store.migrationBackup()).isEmpty();
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void anUpToDateDatabaseIsNotBackedUpOnReopen() {
        try (Store store = Store.openOrCreate(db(), clock)) {
            assertThat(store.isNew()).isTrue();
        }
        try (Store store = Store.open(db(), clock)) {
            assertThat(store.migrationBackup()).isEmpty();
        }
        // the day's copy only (issue 22), no upgrade's
        assertThat(Backups.list(db())).extracting(Backups.Copy::reason).containsExactly(Backups.DAILY);
    }

    @Test
    void aFailedMigrationNamesTheBackupAndLeavesTheOldDataInPlace() throws Exception {
        // a table V1 wants to create already exists: V1 fails half-way
        createVersionZeroDatabase("CREATE TABLE unit (x TEXT)");
        Path expectedBackup =
                dir.resolve("backups").resolve(expectedBackupName("before-V" + Migrations.LATEST_VERSION));

        assertThatThrownBy(() -> Store.open(db(), clock)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("store.migrationFailed");
            assertThat(e.args()).containsExactly(db().toAbsolutePath(), expectedBackup);
        });

        assertThat(expectedBackup).isRegularFile();
        assertThat(query(expectedBackup, "SELECT text FROM legacy_note")).containsExactly("升级前的台账");
        assertThat(query(db(), "SELECT text FROM legacy_note")).containsExactly("升级前的台账");
    }

    @Test
    void backupWritesACopyHoldingTheCurrentData() throws Exception {
        String id = Ids.newId();
        try (Store store = Store.openOrCreate(db(), clock)) {
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(id, "江海市财政局")));

            Path backup = store.backup("manual");

            assertThat(backup).isEqualTo(dir.resolve("backups").resolve(expectedBackupName("manual")));
            assertThat(query(backup, "SELECT name FROM unit WHERE id = '" + id + "'"))
                    .containsExactly("江海市财政局");
        }
    }

    @Test
    void backupWorksInAFolderWithChineseCharactersAndAnApostrophe() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("张三's 台账 数据"));
        Path database = folder.resolve("taizhang.db");
        try (Store store = Store.openOrCreate(database, clock)) {
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市审计局")));

            Path backup = store.backup("manual");

            assertThat(backup.getParent()).isEqualTo(folder.resolve("backups"));
            assertThat(query(backup, "SELECT name FROM unit")).containsExactly("江海市审计局");
        }
    }

    @Test
    void aSecondBackupWithTheSameReasonAndTimeKeepsTheFirst() throws Exception {
        try (Store store = Store.openOrCreate(db(), clock)) {
            Path first = store.backup("manual");
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(Ids.newId(), "江海市统计局")));
            Path second = store.backup("manual");

            assertThat(second).isNotEqualTo(first);
            assertThat(query(first, "SELECT name FROM unit")).isEmpty();
            assertThat(query(second, "SELECT name FROM unit")).containsExactly("江海市统计局");
        }
    }

    /**
     * A database written by version 1 (no clock, no seen; revisions counted per row; random history ids) is
     * upgraded to records that can merge: every field is marked as written by the row's last change, history
     * entries are numbered per record in their old order, and the device's clock continues above them all.
     */
    @Test
    void aVersionOneDatabaseBecomesMergeableAndKeepsItsHistoryOrder() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db());
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision, deleted)"
                    + " VALUES ('u1', '江海市财政局', 1, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z',"
                    + " 'old-device', 3, 0)");
            for (String[] h : new String[][] {
                {"b", "create", "2026-01-01T00:00:00.000Z"},
                {"a", "update", "2026-01-15T00:00:00.000Z"},
                {"c", "update", "2026-02-01T00:00:00.000Z"}
            }) {
                s.execute("INSERT INTO history (id, entity, entity_id, action, changes, created_at, updated_at,"
                        + " updated_by) VALUES ('" + h[0] + "', 'unit', 'u1', '" + h[1] + "', '{}', '" + h[2]
                        + "', '" + h[2] + "', 'old-device')");
            }
        }

        try (Store store = Store.open(db(), clock)) {
            assertThat(query(db(), "SELECT clock || ' ' || seen FROM unit"))
                    .containsExactly("3:old-device|#1:old-device 3:old-device"); // V7: the create is named
            assertThat(query(db(), "SELECT id || revision FROM history ORDER BY revision"))
                    .containsExactly("b1", "a2", "c3");
            assertThat(store.clockCounter()).isEqualTo(3);
            assertThat(TrackedWriter.historyOf(store.read(), "unit", "u1"))
                    .extracting(HistoryEntry::at)
                    .containsExactly(
                            "2026-01-01T00:00:00.000Z", "2026-01-15T00:00:00.000Z", "2026-02-01T00:00:00.000Z");

            var rename = TestRecords.unit("u1", "江海市财政局（国资委）");
            store.write(ctx -> store.tracked(ctx).save(rename));
            assertThat(query(db(), "SELECT revision FROM unit")).containsExactly("4");
            assertThat(TrackedWriter.historyOf(store.read(), "unit", "u1")).hasSize(4);
        }
    }

    /** Version 7: records written before it learn which changes created them, from their create entries. */
    @Test
    void aVersionSixDatabaseNamesTheCreatesOfItsRecords() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db());
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target("6")
                .load()
                .migrate();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String[] u : new String[][] {{"u1", "5:dev|", "5:dev"}, {"u2", "7:other|", "2:dev,7:other"}}) {
                s.execute("INSERT INTO unit (id, name, sort_order, created_at, updated_at, updated_by, revision,"
                        + " deleted, clock, seen) VALUES ('" + u[0] + "', '单位" + u[0] + "', 1,"
                        + " '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'dev', 5, 0, '" + u[1] + "', '"
                        + u[2] + "')");
            }
            // u1 created here and edited; u2 created on two devices (a sheet's row), as received
            for (String[] h : new String[][] {
                {"2:dev", "u1", "create", "2", "dev"},
                {"5:dev", "u1", "update", "5", "dev"},
                {"2:dev2", "u2", "create", "2", "dev"},
                {"7:other", "u2", "create", "7", "other"}
            }) {
                s.execute("INSERT INTO history (id, entity, entity_id, action, changes, created_at, updated_at,"
                        + " updated_by, revision) VALUES ('" + h[0] + "', 'unit', '" + h[1] + "', '" + h[2]
                        + "', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '" + h[4] + "', "
                        + h[3] + ")");
            }
        }

        try (Store store = Store.open(db(), clock)) {
            assertThat(query(db(), "SELECT clock FROM unit ORDER BY id"))
                    .containsExactly("5:dev|#2:dev", "7:other|#2:dev,7:other");
            assertThat(RecordStates.read(store.read(), org.taizhang.core.store.schema.Tables.UNIT, "u2")
                            .creates())
                    .containsExactly(new Dot(2, "dev"), new Dot(7, "other"));
        }
    }

    private static List<String> query(Path database, String sql) throws SQLException {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + database);
        ds.setReadOnly(true);
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
