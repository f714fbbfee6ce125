package org.taizhang.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.Field;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.schema.DefaultSchema;

/**
 * At open, after the migrations: every table and column the migrations create (the generated jOOQ schema, built
 * from the same scripts) must be in the file. A damaged file (a table or column dropped by hand or by a tool)
 * would otherwise open as "ready" and fail with SQL errors on the first read or write; it is refused in words
 * ({@code store.damaged}), before anything is written. Extra tables or columns are left alone.
 */
final class SchemaCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);

    private SchemaCheck() {}

    static void verify(DataSource dataSource, Path database) {
        Map<String, Set<String>> present = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
                        + " WHERE m.type = 'table'")) {
            while (rs.next()) {
                present.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), t -> new HashSet<>())
                        .add(rs.getString(2).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw SqliteFaults.translate(e, database)
                    .orElseGet(() -> new DomainException(e, "store.notADatabase", database, e.getMessage()));
        }
        List<String> missing = missing(present);
        if (!missing.isEmpty()) {
            LOG.error("{} refused: the schema lacks {}", database, missing);
            throw new DomainException("store.damaged", database, String.join(", ", missing));
        }
    }

    /** "table" for a missing table, "table.column" for a missing column, in the schema's order. */
    static List<String> missing(Map<String, Set<String>> present) {
        List<String> missing = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            String name = table.getName().toLowerCase(Locale.ROOT);
            Set<String> columns = present.get(name);
            if (columns == null) {
                missing.add(name);
                continue;
            }
            for (Field<?> field : table.fields()) {
                if (!columns.contains(field.getName().toLowerCase(Locale.ROOT))) {
                    missing.add(name + "." + field.getName());
                }
            }
        }
        return missing;
    }
}
