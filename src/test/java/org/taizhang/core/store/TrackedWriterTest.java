package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Ids;
import org.taizhang.core.store.TrackedWriter.Outcome;
import org.taizhang.core.store.schema.tables.records.HistoryRecord;
import org.taizhang.core.store.schema.tables.records.UnitRecord;

class TrackedWriterTest {
    private static final String CREATED_AT = "2026-11-23T02:30:00.000Z";
    private static final String LATER = "2026-11-23T03:30:00.000Z";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private Store store;
    private final String id = Ids.newId();

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<String, Object> finance(String shortName) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "江海市财政局");
        values.put("short_name", shortName);
        values.put("sort_order", 7);
        return values;
    }

    private Outcome save(Map<String, Object> values) {
        return store.write(ctx -> store.tracked(ctx).save(UNIT, id, values));
    }

    private boolean delete() {
        return store.write(ctx -> store.tracked(ctx).delete(UNIT, id));
    }

    private UnitRecord row() {
        return store.read().selectFrom(UNIT).where(UNIT.ID.eq(id)).fetchOne();
    }

    private List<HistoryRecord> history() {
        // rowid is SQLite's insertion order: the order the writer wrote the entries in
        return store.read().selectFrom(HISTORY).where(HISTORY.ENTITY_ID.eq(id))
                .orderBy(DSL.field(DSL.name("rowid"))).fetch();
    }

    @Test
    void creatingARowFillsTheSyncColumns() {
        assertThat(save(finance("市财政局"))).isEqualTo(Outcome.CREATED);

        UnitRecord r = row();
        assertThat(r.getName()).isEqualTo("江海市财政局");
        assertThat(r.getShortName()).isEqualTo("市财政局");
        assertThat(r.getSortOrder()).isEqualTo(7);
        assertThat(r.getCreatedAt()).isEqualTo(CREATED_AT);
        assertThat(r.getUpdatedAt()).isEqualTo(CREATED_AT);
        assertThat(r.getUpdatedBy()).isEqualTo(store.deviceId());
        assertThat(r.getRevision()).isEqualTo(1);
        assertThat(r.getDeleted()).isZero();
    }

    @Test
    void creatingARowWritesOneCreateHistoryEntryWithTheNewValues() {
        save(finance("市财政局"));

        List<HistoryRecord> h = history();
        assertThat(h).hasSize(1);
        HistoryRecord entry = h.get(0);
        assertThat(entry.getEntity()).isEqualTo("unit");
        assertThat(entry.getAction()).isEqualTo("create");
        assertThat(entry.getChanges())
                .isEqualTo("{\"name\":[null,\"江海市财政局\"],\"short_name\":[null,\"市财政局\"],\"sort_order\":[null,7]}");
        assertThat(entry.getCreatedAt()).isEqualTo(CREATED_AT);
        assertThat(entry.getUpdatedBy()).isEqualTo(store.deviceId());
        assertThat(entry.getUserName()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void nullValuesAreLeftOutOfTheCreateHistory() {
        save(finance(null));

        assertThat(history().get(0).getChanges())
                .isEqualTo("{\"name\":[null,\"江海市财政局\"],\"sort_order\":[null,7]}");
    }

    @Test
    void anUpdateWithChangedValuesBumpsTheRevisionAndTheUpdateTime() {
        save(finance("市财政局"));
        clock.advance(Duration.ofHours(1));

        assertThat(save(finance("财政局"))).isEqualTo(Outcome.UPDATED);

        UnitRecord r = row();
        assertThat(r.getShortName()).isEqualTo("财政局");
        assertThat(r.getRevision()).isEqualTo(2);
        assertThat(r.getCreatedAt()).isEqualTo(CREATED_AT);
        assertThat(r.getUpdatedAt()).isEqualTo(LATER);
        assertThat(r.getDeleted()).isZero();
    }

    @Test
    void anUpdateWritesAnUpdateHistoryEntryWithOldAndNewOfTheChangedFieldsOnly() {
        save(finance("市财政局"));
        clock.advance(Duration.ofHours(1));
        save(finance("财政局"));

        List<HistoryRecord> h = history();
        assertThat(h).extracting(HistoryRecord::getAction).containsExactly("create", "update");
        assertThat(h.get(1).getChanges()).isEqualTo("{\"short_name\":[\"市财政局\",\"财政局\"]}");
        assertThat(h.get(1).getCreatedAt()).isEqualTo(LATER);
    }

    @Test
    void clearingAValueRecordsTheOldValueAndNull() {
        save(finance("市财政局"));
        save(finance(null));

        assertThat(row().getShortName()).isNull();
        assertThat(history().get(1).getChanges()).isEqualTo("{\"short_name\":[\"市财政局\",null]}");
    }

    @Test
    void savingIdenticalValuesIsUnchangedAndWritesNoHistory() {
        save(finance("市财政局"));
        clock.advance(Duration.ofHours(1));

        assertThat(save(finance("市财政局"))).isEqualTo(Outcome.UNCHANGED);

        assertThat(row().getRevision()).isEqualTo(1);
        assertThat(row().getUpdatedAt()).isEqualTo(CREATED_AT);
        assertThat(history()).hasSize(1);
    }

    @Test
    void aNumberOfAnotherJavaTypeWithTheSameValueIsUnchanged() {
        save(finance("市财政局"));
        Map<String, Object> sameAsLong = finance("市财政局");
        sameAsLong.put("sort_order", 7L);

        assertThat(save(sameAsLong)).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void deleteLeavesATombstoneRow() {
        save(finance("市财政局"));
        clock.advance(Duration.ofHours(1));

        assertThat(delete()).isTrue();

        UnitRecord r = row();
        assertThat(r).isNotNull();
        assertThat(r.getDeleted()).isEqualTo(1);
        assertThat(r.getName()).isEqualTo("江海市财政局");
        assertThat(r.getRevision()).isEqualTo(2);
        assertThat(r.getUpdatedAt()).isEqualTo(LATER);
    }

    @Test
    void deleteWritesADeleteHistoryEntry() {
        save(finance("市财政局"));
        delete();

        List<HistoryRecord> h = history();
        assertThat(h).extracting(HistoryRecord::getAction).containsExactly("create", "delete");
        assertThat(h.get(1).getChanges()).isEqualTo("{}");
    }

    @Test
    void deletingTwiceOrDeletingAnAbsentRowDoesNothing() {
        save(finance("市财政局"));
        delete();

        assertThat(delete()).isFalse();
        boolean absentDeleted = store.write(ctx -> store.tracked(ctx).delete(UNIT, Ids.newId()));
        assertThat(absentDeleted).isFalse();
        assertThat(history()).hasSize(2);
        assertThat(row().getRevision()).isEqualTo(2);
    }

    @Test
    void savingADeletedRowAgainRestoresIt() {
        save(finance("市财政局"));
        delete();

        assertThat(save(finance("市财政局"))).isEqualTo(Outcome.UPDATED);

        assertThat(row().getDeleted()).isZero();
        assertThat(row().getRevision()).isEqualTo(3);
        assertThat(history()).extracting(HistoryRecord::getAction).containsExactly("create", "delete", "restore");
    }

    @Test
    void syncColumnsCannotBeGivenByTheCaller() {
        Map<String, Object> values = finance("市财政局");
        values.put("revision", 99);

        assertThatThrownBy(() -> save(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revision");
        assertThat(row()).isNull();
    }

    @Test
    void historyOfReturnsTheEntriesOldestFirst() {
        save(finance("市财政局"));
        clock.advance(Duration.ofHours(1));
        save(finance("财政局"));

        List<HistoryEntry> entries = TrackedWriter.historyOf(store.read(), "unit", id);

        assertThat(entries).extracting(HistoryEntry::action).containsExactly("create", "update");
        assertThat(entries).extracting(HistoryEntry::at).containsExactly(CREATED_AT, LATER);
        assertThat(entries).extracting(HistoryEntry::deviceId).containsOnly(store.deviceId());
    }

    @Test
    void historyOfKeepsTheWriteOrderOfChangesMadeInTheSameMillisecond() {
        List<String> written = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            save(finance("简称" + i));
            written.add(i == 1 ? "create" : "update:" + "简称" + i);
        }

        List<String> read = TrackedWriter.historyOf(store.read(), "unit", id).stream()
                .map(e -> e.action().equals("create") ? "create"
                        : "update:" + e.changesJson().replaceAll(".*,\"(.*)\"]}", "$1"))
                .toList();

        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void historyIdsAndNewIdsAreDistinctUuids() {
        save(finance("市财政局"));
        save(finance("财政局"));
        delete();

        List<String> ids = history().stream().map(HistoryRecord::getId).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        ids.forEach(i -> assertThat(UUID.fromString(i)).hasToString(i));
        String newId = Ids.newId();
        assertThat(UUID.fromString(newId).version()).isEqualTo(4);
        assertThat(newId).isNotEqualTo(Ids.newId());
    }
}
