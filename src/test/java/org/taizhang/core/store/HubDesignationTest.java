package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The hub (汇总机) is a designation that names a device id and travels (issue 16): a new database is a field device
 * until a person makes it the hub; a copy of the hub's file is not the hub; a restored hub is confirmed once and the
 * designation moves to its new id, which the laptops receive.
 */
class HubDesignationTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private Path hubDatabase() {
        Path db = dir.resolve("hub/taizhang.db");
        try (Store store = Store.openOrCreate(db, clock)) {
            store.setDeviceName("办公室汇总机");
            store.designateHub();
            assertThat(store.isHub()).isTrue();
            assertThat(store.hubDeviceId()).contains(store.deviceId());
        }
        return db;
    }

    @Test
    void aNewDatabaseIsAFieldDeviceUntilAPersonMakesItTheHub() {
        try (Store store = Store.openOrCreate(dir.resolve("new/taizhang.db"), clock)) {
            assertThat(store.isHub()).isFalse();
            assertThat(store.hubDeviceId()).isEmpty();
            assertThat(store.wasHubUnderAnotherId()).isFalse();
        }
    }

    @Test
    void theHubCanBecomeAFieldDeviceAndTheNameIsKept() {
        Path db = hubDatabase();
        try (Store store = Store.open(db, clock)) {
            assertThat(store.deviceName()).isEqualTo("办公室汇总机");
            store.designateField();
            assertThat(store.isHub()).isFalse();
            assertThat(store.hubDeviceId()).isEmpty();
        }
    }

    @Test
    void aCopyOfTheHubsFileWithOrWithoutItsDeviceFileIsNotTheHub() throws Exception {
        Path db = hubDatabase();
        Path alone = Files.createDirectories(dir.resolve("copy1")).resolve("taizhang.db");
        Files.copy(db, alone);
        Path withDeviceFile = Files.createDirectories(dir.resolve("copy2")).resolve("taizhang.db");
        Files.copy(db, withDeviceFile);
        Files.copy(db.resolveSibling("taizhang.db.device"), withDeviceFile.resolveSibling("taizhang.db.device"));

        for (Path copy : new Path[] {alone, withDeviceFile}) {
            try (Store store = Store.open(copy, clock)) {
                assertThat(store.isHub()).as(copy.toString()).isFalse();
                assertThat(store.wasHubUnderAnotherId()).as(copy.toString()).isTrue();
            }
        }
        try (Store original = Store.open(db, clock)) {
            assertThat(original.isHub()).isTrue();
            assertThat(original.wasHubUnderAnotherId()).isFalse();
        }
    }

    @Test
    void aRestoredHubConfirmedOnceMovesTheDesignationAndTheLaptopsReceiveIt() throws Exception {
        Path db = hubDatabase();
        Path laptopDb = dir.resolve("laptop/taizhang.db");
        try (Store hub = Store.open(db, clock);
                Store laptop = Store.openOrCreate(laptopDb, clock)) {
            laptop.applyChanges(hub.exportChanges(r -> true));
            assertThat(laptop.hubDeviceId()).contains(hub.deviceId());
            assertThat(laptop.isHub()).isFalse();
        }
        // the disk failed: the backup is restored on a new disk (a file alone, elsewhere)
        Path restored = Files.createDirectories(dir.resolve("newdisk")).resolve("taizhang.db");
        Files.copy(db, restored);
        String newId;
        try (Store hub = Store.open(restored, clock);
                Store laptop = Store.open(laptopDb, clock)) {
            assertThat(hub.wasHubUnderAnotherId()).isTrue();
            hub.designateHub();
            newId = hub.deviceId();
            assertThat(hub.isHub()).isTrue();
            laptop.applyChanges(hub.exportChanges(r -> true));
            assertThat(laptop.hubDeviceId()).contains(newId);
        }
        try (Store hub = Store.open(restored, clock)) {
            assertThat(hub.wasHubUnderAnotherId()).isFalse(); // asked once
        }
    }

    /** Before version 8 every database numbered unless 设置 said 外业机: such a database stays the hub. */
    @Test
    void aVersionSevenDatabaseStaysTheHubUnlessItsSettingSaidField() throws Exception {
        for (String role : new String[] {null, "hub", "field"}) {
            Path db = dir.resolve("v7-" + role + "/taizhang.db");
            Files.createDirectories(db.getParent());
            String id;
            try (Store store = Store.openOrCreate(db, clock)) {
                id = store.deviceId();
            }
            SQLiteDataSource ds = new SQLiteDataSource();
            ds.setUrl("jdbc:sqlite:" + db);
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                // back to version 7: as the program before this one left it
                s.execute("DROP TABLE hub_designation");
                s.execute("DELETE FROM history WHERE entity = 'hub_designation'");
                s.execute("DROP TABLE merge_breach"); // V9, and any later version: undone too
                for (String later :
                        new String[] {"knowledge", "exchange_peer", "exchange_log", "device_key", "operator"}) {
                    s.execute("DROP TABLE " + later); // V10, V11
                }
                s.execute("DELETE FROM flyway_schema_history WHERE CAST(version AS INTEGER) >= 8");
                if (role != null) {
                    s.execute("INSERT INTO local_setting (key, value) VALUES ('device.role', '" + role + "')");
                }
            }
            assertThat(Flyway.configure()
                            .dataSource(ds)
                            .locations("classpath:db/migration")
                            .load()
                            .info()
                            .pending())
                    .isNotEmpty();
            try (Store store = Store.open(db, clock)) {
                assertThat(store.deviceId()).isEqualTo(id);
                assertThat(store.isHub()).as(String.valueOf(role)).isEqualTo(!"field".equals(role));
                // the designation is a change like any other: in the history, named by the next counter
                assertThat(TrackedWriter.historyOf(store.read(), "hub_designation", "hub"))
                        .hasSize("field".equals(role) ? 0 : 1);
                store.write(ctx -> store.tracked(ctx).save(TestRecords.unit("u1", "江海市财政局")));
            }
        }
    }
}
