package org.taizhang.core.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;

/**
 * Many rows through one prepared statement, bound by hand. jOOQ's batch binds every value through its DSL (a
 * parameter and a data type looked up per value), which cost more than SQLite's insert itself: a quarter of a large
 * package's import (docs/benchmarks.md, issue 17). The SQL is jOOQ's, rendered once; each value is converted to its
 * column's type by jOOQ's own converter and bound as jOOQ binds it on SQLite (a decimal as its text), so a row reads
 * back the same whichever way it was written ({@code RowBatchTest}).
 */
final class RowBatch {
    /** Rows per executeBatch: the driver keeps a batch's values in memory until it runs. */
    private static final int FLUSH = 2_000;

    private final DSLContext ctx;
    private final String sql;
    private final List<DataType<?>> types;
    /** Each column's java.sql.Types code, looked up once (jOOQ builds a whole DSLContext to answer it). */
    private final int[] sqlTypes;

    private final java.util.ArrayList<Object[]> rows = new java.util.ArrayList<>();

    /** {@code query} with one bind value per column of {@code columns}, in their order. */
    RowBatch(DSLContext ctx, Query query, List<? extends Field<?>> columns) {
        this.ctx = ctx;
        this.sql = ctx.render(query);
        this.types = columns.stream().<DataType<?>>map(Field::getDataType).toList();
        this.sqlTypes = types.stream().mapToInt(DataType::getSQLType).toArray();
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != types.size()) {
            throw new IllegalArgumentException(marks + " parameters for " + types.size() + " columns: " + sql);
        }
    }

    void add(Object... row) {
        if (row.length != types.size()) {
            throw new IllegalArgumentException(row.length + " values for " + types.size() + " columns");
        }
        rows.add(row);
    }

    void execute() {
        if (rows.isEmpty()) {
            return;
        }
        ctx.connection(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(p, i + 1, types.get(i), sqlTypes[i], row[i]);
                    }
                    p.addBatch();
                    if (++pending == FLUSH) {
                        p.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    p.executeBatch();
                }
            }
        });
        rows.clear();
    }

    private static void bind(PreparedStatement p, int index, DataType<?> type, int sqlType, Object value)
            throws SQLException {
        Object v = value == null || value.getClass() == type.getType() ? value : type.convert(value);
        switch (v) {
            case null -> p.setNull(index, sqlType);
            case String s -> p.setString(index, s);
            case Integer n -> p.setInt(index, n);
            case Long n -> p.setLong(index, n);
            case BigDecimal d -> p.setString(index, d.toString()); // jOOQ binds decimals as text on SQLite
            default -> p.setObject(index, v);
        }
    }
}
