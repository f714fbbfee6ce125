package org.taizhang.exchange.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.schema.DefaultSchema;

/** Issue 17: the 待处理 list names a conflict's field in the clerk's words, in both languages, for every column. */
class ExchangeTextsTest {
    /** Tables that never travel, and the columns every travelling row has for the merge (not a clerk's field). */
    private static final Set<String> LOCAL = Set.of(
            "device",
            "local_setting",
            "flyway_schema_history",
            "merge_breach",
            "knowledge",
            "exchange_peer",
            "exchange_log",
            "device_key",
            "operator",
            "history",
            "field_conflict");

    private static final Set<String> SYNC =
            Set.of("id", "created_at", "updated_at", "updated_by", "revision", "deleted", "clock", "seen");

    @Test
    void everyFieldOfATravellingRecordHasAName() {
        ExchangeTexts zh = new ExchangeTexts(Messages.forLocale(Messages.CHINESE));
        ExchangeTexts en = new ExchangeTexts(Messages.forLocale(Messages.ENGLISH));
        List<String> unnamed = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (LOCAL.contains(t.getName())) {
                continue;
            }
            for (Field<?> f : t.fields()) {
                String column = f.getName();
                if (!SYNC.contains(column)
                        && (zh.field(column).equals(column) || en.field(column).equals(column))) {
                    unnamed.add(t.getName() + "." + column);
                }
            }
        }
        assertThat(unnamed).isEmpty();
        assertThat(zh.field("short_name")).isEqualTo("简称");
        assertThat(en.field("short_name")).isEqualTo("Short name");
        assertThat(zh.field("a_column_of_tomorrow")).isEqualTo("a_column_of_tomorrow");
    }
}
