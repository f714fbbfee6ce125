package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.taizhang.core.store.schema.DefaultSchema;

/**
 * Every table says in its migration whether it travels between devices, and every travelling record table has
 * the columns the merge needs (decisions/0006), so a new feature's table cannot travel without them.
 */
class SchemaTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile("(?i)CREATE TABLE\\s+(\\w+)");
    private static final Pattern DECLARED = Pattern.compile(
            "(?m)^-- (travels|travels as a union of entries|" + "travels with its record|local): (.+)$");

    private static Map<String, String> declarations() throws IOException {
        Map<String, String> kinds = new HashMap<>();
        for (String sql : scripts()) {
            Matcher m = DECLARED.matcher(sql);
            while (m.find()) {
                for (String table : m.group(2).split(",")) {
                    String previous = kinds.put(table.strip(), m.group(1));
                    assertThat(previous)
                            .as("table %s declared twice", table.strip())
                            .isNull();
                }
            }
        }
        return kinds;
    }

    private static List<String> scripts() throws IOException {
        List<String> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path p : files.sorted().toList()) {
                list.add(Files.readString(p));
            }
        }
        return list;
    }

    @Test
    void everyTableTheMigrationsCreateIsDeclaredTravellingOrLocal() throws IOException {
        Set<String> created = new TreeSet<>();
        for (String sql : scripts()) {
            Matcher m = CREATE.matcher(sql);
            while (m.find()) {
                created.add(m.group(1));
            }
        }
        assertThat(new TreeSet<>(declarations().keySet())).isEqualTo(created);
    }

    @Test
    void everyTravellingRecordTableHasTheSyncColumnsAndOnlyThose() throws IOException {
        Map<String, String> kinds = declarations();
        List<String> travelling = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Set<String> columns = new TreeSet<>();
            for (Field<?> f : t.fields()) {
                columns.add(f.getName());
            }
            if ("travels".equals(kinds.get(t.getName()))) {
                assertThat(columns).as(t.getName()).containsAll(RecordStates.SYNC_COLUMNS);
                assertThat(t.getPrimaryKey().getFields())
                        .extracting(Field::getName)
                        .containsExactly("id");
                travelling.add(t.getName());
            } else {
                assertThat(RecordStates.isTravelling(t))
                        .as(t.getName() + " is not declared travelling")
                        .isFalse();
            }
        }
        assertThat(Replication.TABLES).extracting(Table::getName).containsExactlyInAnyOrderElementsOf(travelling);
    }

    @Test
    void parentsComeBeforeTheTablesThatReferToThem() {
        List<String> order = Replication.TABLES.stream().map(Table::getName).toList();
        assertThat(order.indexOf("unit")).isLessThan(order.indexOf("community"));
        assertThat(order.indexOf("community")).isLessThan(order.indexOf("organization"));
    }
}
