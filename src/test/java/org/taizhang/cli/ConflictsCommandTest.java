package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;

/** {@code taizhang conflicts list|resolve}: what merges leave for a clerk, and the clerk's decision, which travels. */
class ConflictsCommandTest {
    @TempDir
    Path dir;

    private CliRun cli;

    private int run(Object... args) {
        cli = new CliRun();
        return cli.run(args);
    }

    private static void shortName(Store store, String value) {
        var r = UNIT.newRecord();
        r.setId("u1");
        r.setName("江海市财政局");
        r.setShortName(value);
        store.write(ctx -> store.tracked(ctx).save(r));
    }

    @Test
    void aConflictIsListedDecidedAndTheDecisionTravels() throws Exception {
        Path hubDb = dir.resolve("hub/taizhang.db");
        Path laptopDb = dir.resolve("laptop/taizhang.db");
        try (Store hub = Store.openOrCreate(hubDb);
                Store laptop = Store.openOrCreate(laptopDb)) {
            shortName(hub, null);
            laptop.applyChanges(hub.exportChanges(r -> true));
            shortName(hub, "财政局");
            shortName(laptop, "市财政局");
            hub.applyChanges(laptop.exportChanges(r -> true));
        }
        assertThat(run("--db", hubDb, "conflicts", "list")).isZero();
        assertThat(cli.out.toString())
                .contains("冲突\tunit\tu1\tshort_name")
                .contains("财政局")
                .contains("共 1 项");
        Path csv = dir.resolve("待处理.csv");
        assertThat(run("--db", hubDb, "conflicts", "list", "--format", "csv", "--out", csv))
                .isZero();
        assertThat(Files.readString(csv)).contains("类型").contains("short_name");
        assertThat(run("--db", hubDb, "conflicts", "list", "--format", "csv")).isEqualTo(ExitCodes.ERROR);

        assertThat(run(
                        "--db",
                        hubDb,
                        "conflicts",
                        "resolve",
                        "--table",
                        "unit",
                        "--id",
                        "u1",
                        "--field",
                        "short_name",
                        "--value",
                        "市财政局"))
                .isZero();
        assertThat(run("--db", hubDb, "conflicts", "list")).isZero();
        assertThat(cli.out.toString()).contains("没有待处理");
        assertThat(run(
                        "--db",
                        hubDb,
                        "conflicts",
                        "resolve",
                        "--table",
                        "unit",
                        "--id",
                        "u1",
                        "--field",
                        "short_name",
                        "--value",
                        "x"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("没有待处理的冲突");

        try (Store hub = Store.open(hubDb);
                Store laptop = Store.open(laptopDb)) {
            laptop.applyChanges(hub.exportChanges(r -> true));
            assertThat(laptop.conflicts()).isEmpty();
            assertThat(laptop.read().select(UNIT.SHORT_NAME).from(UNIT).fetchOne(UNIT.SHORT_NAME))
                    .isEqualTo("市财政局");
        }
    }
}
