package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
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
        firstRevision = (int) store.clockCounter() + 1;
    }

    @AfterEach
    void close() {
        store.close();
    }

    private UnitRecord finance(String shortName) {
        UnitRecord r = TestRecords.unit(id, "江海市财政局");
        r.setShortName(shortName);
        r.setSortOrder(7);
        return r;
    }

    private Outcome save(UnitRecord record) {
        return store.write(ctx -> store.tracked(ctx).save(record));
    }

    private boolean restore() {
        return store.write(ctx -> store.tracked(ctx).restore(UNIT, id));
    }

    /** Revisions are the device's logical clock: this test's changes are its only ones after opening. */
    private int firstRevision;

    private boolean delete() {
        return store.write(ctx -> store.tracked(ctx).delete(UNIT, id));
    }

    private UnitRecord row() {
        return store.read().selectFrom(UNIT).where(UNIT.ID.eq(id)).fetchOne();
    }

    private List<HistoryRecord> history() {
        // rowid is SQLite's insertion order: the order the writer wrote the entries in
        return store.read()
                .selectFrom(HISTORY)
                .where(HISTORY.ENTITY_ID.eq(id))
                .orderBy(DSL.field(DSL.name("rowid")))
                .fetch();
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
        assertThat(r.getRevision()).isEqualTo(firstRevision);
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

        assertThat(history().get(0).getChanges()).isEqualTo("{\"name\":[null,\"江海市财政局\"],\"sort_order\":[null,7]}");
    }

    @Test
    void anUpdateWithChangedValuesBumpsTheRevisionAndTheUpdateTime() {
        save(finance("市财政局"));
        clock.advance(Duration.ofHours(1));

        assertThat(save(finance("财政局"))).isEqualTo(Outcome.UPDATED);

        UnitRecord r = row();
        assertThat(r.getShortName()).isEqualTo("财政局");
        assertThat(r.getRevision()).isEqualTo(firstRevision + 1);
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

        assertThat(row().getRevision()).isEqualTo(firstRevision);
        assertThat(row().getUpdatedAt()).isEqualTo(CREATED_AT);
        assertThat(history()).hasSize(1);
    }

    @Test
    void aFractionalChangeOfANumberIsAChange() {
        assertThat(Values.same(92.0, 92.5)).isFalse();
        assertThat(Values.same(92.0, 92)).isTrue();
        assertThat(Values.same(7, 7L)).isTrue();
        assertThat(Values.same(new java.math.BigDecimal("92.50"), 92.5)).isTrue();
        assertThat(Values.same(Long.MAX_VALUE, Long.MAX_VALUE - 1)).isFalse();
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
        assertThat(r.getRevision()).isEqualTo(firstRevision + 1);
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
        assertThat(row().getRevision()).isEqualTo(firstRevision + 1);
    }

    @Test
    void savingADeletedRowIsRefusedAndChangesNothing() {
        save(finance("市财政局"));
        delete();

        assertThatThrownBy(() -> save(finance("财政局")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("store.recordDeleted");

        assertThat(row().getDeleted()).isEqualTo(1);
        assertThat(row().getShortName()).isEqualTo("市财政局");
        assertThat(history()).extracting(HistoryRecord::getAction).containsExactly("create", "delete");
    }

    /**
     * "Restore if deleted, then save" in one place, for one record and for an import's slice: a record named again
     * after its deletion (the same natural key, so the same id) comes back explicitly, then takes the new values;
     * one that was never deleted is only saved.
     */
    @Test
    void aDeletedRecordSavedAgainThroughRestoreAndSaveComesBackInHistory() {
        save(finance("市财政局"));
        delete();

        Outcome saved = store.write(ctx -> store.tracked(ctx).restoreAndSave(finance("财政局")));
        assertThat(saved).isEqualTo(Outcome.UPDATED);
        assertThat(row().getDeleted()).isZero();
        assertThat(row().getShortName()).isEqualTo("财政局");
        assertThat(history())
                .extracting(HistoryRecord::getAction)
                .containsExactly("create", "delete", "restore", "update");

        delete();
        UnitRecord other = TestRecords.unit(Ids.newId(), "江海市审计局");
        List<Outcome> both = store.write(ctx -> store.tracked(ctx).restoreAndSaveAll(List.of(finance("市财政局"), other)));
        assertThat(both).containsExactly(Outcome.UPDATED, Outcome.CREATED);
        assertThat(row().getDeleted()).isZero();
        assertThat(row().getShortName()).isEqualTo("市财政局");
    }

    @Test
    void restoreIsAnExplicitChangeKeptInHistory() {
        save(finance("市财政局"));
        delete();

        assertThat(restore()).isTrue();
        assertThat(restore()).isFalse();

        assertThat(row().getDeleted()).isZero();
        assertThat(row().getRevision()).isEqualTo(firstRevision + 2);
        assertThat(history()).extracting(HistoryRecord::getAction).containsExactly("create", "delete", "restore");
        assertThat(save(finance("财政局"))).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void syncColumnsCannotBeGivenByTheCaller() {
        UnitRecord values = finance("市财政局");
        values.setRevision(99);

        assertThatThrownBy(() -> save(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revision");
        assertThat(row()).isNull();
    }

    @Test
    void onlyTheFieldsSetOnTheRecordAreWritten() {
        save(finance("市财政局"));
        UnitRecord remarkOnly = UNIT.newRecord();
        remarkOnly.setId(id);
        remarkOnly.setRemark("联系点");

        assertThat(save(remarkOnly)).isEqualTo(Outcome.UPDATED);

        assertThat(row().getShortName()).isEqualTo("市财政局");
        assertThat(row().getRemark()).isEqualTo("联系点");
        assertThat(history().getLast().getChanges()).isEqualTo("{\"remark\":[null,\"联系点\"]}");
    }

    @Test
    void everyChangeIsNamedByItsDotAndTheClockSurvivesReopening() {
        save(finance("市财政局"));
        save(finance("财政局"));
        long counter = store.clockCounter();
        store.close();
        store = Store.open(dir.resolve("taizhang.db"), clock);

        assertThat(store.clockCounter()).isEqualTo(counter);
        List<String> names = history().stream().map(HistoryRecord::getId).toList();
        assertThat(names)
                .containsExactly(
                        (counter - 1) + ":" + names.get(0).split(":")[1],
                        counter + ":" + names.get(0).split(":")[1]);
        save(finance("市财政局"));
        assertThat(row().getRevision()).isEqualTo((int) counter + 1);
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
                .map(e -> e.action().equals("create")
                        ? "create"
                        : "update:" + e.changesJson().replaceAll(".*,\"(.*)\"]}", "$1"))
                .toList();

        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void historyIdsAreDistinctAndNewIdsAreRandomUuids() {
        save(finance("市财政局"));
        save(finance("财政局"));
        delete();

        List<String> ids = history().stream().map(HistoryRecord::getId).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        String newId = Ids.newId();
        assertThat(UUID.fromString(newId).version()).isEqualTo(4);
        assertThat(newId).isNotEqualTo(Ids.newId());
    }

    @Test
    void aRecordTwiceInOneSaveAllIsRefusedBeforeAnythingIsWritten() {
        save(finance("市财政局"));
        long before = store.clockCounter();

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        store.write(ctx -> store.tracked(ctx).saveAll(List.of(finance("财政局"), finance("市财政")))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(row().getShortName()).isEqualTo("市财政局");
        assertThat(store.clockCounter()).isEqualTo(before);
    }
}
