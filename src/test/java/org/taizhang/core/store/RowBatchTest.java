package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows bound by hand read back exactly as the same rows bound by jOOQ's batch: types, decimals' text, nulls. */
class RowBatchTest {
    @TempDir
    Path dir;

    private static final Field<BigDecimal> POINTS = DSL.field(DSL.name("points"), SQLDataType.NUMERIC(6, 2));
    private static final Field<Integer> RANK = DSL.field(DSL.name("rank"), SQLDataType.INTEGER);
    private static final Field<Long> COUNTER = DSL.field(DSL.name("counter"), SQLDataType.BIGINT);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.CLOB);
    private static final List<Field<?>> COLUMNS = List.of(POINTS, RANK, COUNTER, NAME);

    @Test
    void rowsReadBackAsJooqWroteThem() {
        List<Object[]> rows = List.of(
                new Object[] {new BigDecimal("2.50"), 3L, 7L, "党支部"},
                new Object[] {new BigDecimal("1E+2"), "12", 9_000_000_000L, 5L},
                new Object[] {null, null, null, null},
                new Object[] {new BigDecimal("-0.05"), 0L, 0L, ""});
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            List<List<Object>> byJooq = store.write(ctx -> {
                Table<?> t = scratch(ctx, "by_jooq");
                var batch = ctx.batch(ctx.insertInto(t).columns(COLUMNS).values(new Object[4]));
                rows.forEach(r -> batch.bind(r));
                batch.execute();
                return dump(ctx, t);
            });
            List<List<Object>> byHand = store.write(ctx -> {
                Table<?> t = scratch(ctx, "by_hand");
                RowBatch batch =
                        new RowBatch(ctx, ctx.insertInto(t).columns(COLUMNS).values(new Object[4]), COLUMNS);
                rows.forEach(r -> batch.add(r));
                batch.execute();
                return dump(ctx, t);
            });
            assertThat(byHand).isEqualTo(byJooq).hasSize(4);
            assertThat(byHand.getFirst().stream().map(String::valueOf))
                    .containsExactly("real", "2.5", "integer", "3", "integer", "7", "text", "党支部");
            assertThat(byHand.get(1).stream().map(String::valueOf))
                    .containsExactly("integer", "100", "integer", "12", "integer", "9000000000", "text", "5");
        }
    }

    @Test
    void aQueryWhoseParametersDoNotMatchItsColumnsIsRefused() {
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            store.write(ctx -> {
                Table<?> t = scratch(ctx, "short");
                assertThatThrownBy(() -> new RowBatch(
                                ctx,
                                ctx.insertInto(t).columns(POINTS, RANK).values((BigDecimal) null, (Integer) null),
                                COLUMNS))
                        .isInstanceOf(IllegalArgumentException.class);
                RowBatch batch =
                        new RowBatch(ctx, ctx.insertInto(t).columns(COLUMNS).values(new Object[4]), COLUMNS);
                assertThatThrownBy(() -> batch.add(1, 2)).isInstanceOf(IllegalArgumentException.class);
                return null;
            });
        }
    }

    private static Table<?> scratch(DSLContext ctx, String name) {
        ctx.execute("CREATE TEMP TABLE " + name + " (points DECIMAL(6, 2), rank INTEGER, counter BIGINT, name TEXT)");
        return DSL.table(DSL.name(name));
    }

    /** Each row as (SQLite's type, value) per column, in insertion order. */
    private static List<List<Object>> dump(DSLContext ctx, Table<?> t) {
        List<List<Object>> out = new ArrayList<>();
        ctx.resultQuery("SELECT typeof(points), points, typeof(rank), rank, typeof(counter), counter, typeof(name),"
                        + " name FROM " + t.getName() + " ORDER BY rowid")
                .fetch()
                .forEach(r -> {
                    List<Object> row = new ArrayList<>();
                    for (int i = 0; i < r.size(); i++) {
                        Object v = r.get(i);
                        row.add(v instanceof Integer n ? (Object) n.longValue() : v);
                    }
                    out.add(row);
                });
        return out;
    }
}
