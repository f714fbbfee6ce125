package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.core.store.schema.Tables.FIELD_CONFLICT;
import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.core.store.schema.Tables.ORGANIZATION;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.schema.tables.records.OrganizationRecord;
import org.taizhang.core.store.schema.tables.records.UnitRecord;

/** The store's second write path: changes received from another device (decisions/0006). */
class ReplicationTest {
    @TempDir
    Path dir;

    private Store hub;
    private Store laptop;

    @BeforeEach
    void open() {
        hub = Store.openOrCreate(dir.resolve("hub/taizhang.db"));
        laptop = Store.openOrCreate(dir.resolve("laptop/taizhang.db"));
    }

    @AfterEach
    void close() {
        hub.close();
        laptop.close();
    }

    private static OrganizationRecord organization(String id, String unitId, String parentId, String name) {
        OrganizationRecord r = ORGANIZATION.newRecord();
        r.setId(id);
        r.setUnitId(unitId);
        r.setParentId(parentId);
        r.setName(name);
        r.setKind(parentId == null ? "PARTY_COMMITTEE" : "BRANCH");
        return r;
    }

    private void saveOn(Store store, org.jooq.TableRecord<?> record) {
        store.write(ctx -> store.tracked(ctx).save(record));
    }

    private UnitRecord unitOn(Store store, String id) {
        return store.read().selectFrom(UNIT).where(UNIT.ID.eq(id)).fetchOne();
    }

    @Test
    void aSetAppliesWhateverOrderItsRecordsComeIn() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        saveOn(hub, organization("o1", "u1", null, "机关党委"));
        saveOn(hub, organization("o2", "u1", "o1", "第一党支部"));
        ChangeSet set = hub.exportChanges(r -> r.id().equals("o2")); // the branch; its parents come along
        assertThat(set.records()).extracting(RecordState::id).containsExactlyInAnyOrder("o2", "o1", "u1");
        List<RecordState> childFirst = new ArrayList<>(set.records());
        childFirst.sort((a, b) -> a.id().equals("o2") ? -1 : b.id().equals("o2") ? 1 : b.id().compareTo(a.id()));

        Store.ApplyResult result = laptop.applyChanges(new ChangeSet(childFirst, set.history()));

        assertThat(result.created()).isEqualTo(3);
        assertThat(laptop.read().fetchCount(ORGANIZATION)).isEqualTo(2);
    }

    @Test
    void aReceivedRecordKeepsItsOriginsMetadataAndHistoryAndAddsNoneOfItsOwn() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        UnitRecord atHub = unitOn(hub, "u1");

        laptop.applyChanges(hub.exportChanges(r -> true));

        UnitRecord atLaptop = unitOn(laptop, "u1");
        assertThat(atLaptop.getUpdatedBy()).isEqualTo(hub.deviceId());
        assertThat(atLaptop.getRevision()).isEqualTo(atHub.getRevision());
        assertThat(atLaptop.getUpdatedAt()).isEqualTo(atHub.getUpdatedAt());
        assertThat(atLaptop.getClock()).isEqualTo(atHub.getClock());
        assertThat(laptop.read().selectFrom(HISTORY).fetch(h -> h.getId()))
                .containsExactlyElementsOf(hub.read().selectFrom(HISTORY).fetch(h -> h.getId()));
        assertThat(laptop.clockCounter()).isGreaterThanOrEqualTo(atHub.getRevision());
    }

    @Test
    void applyingTheSameSetTwiceChangesNothingTheSecondTime() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        ChangeSet set = hub.exportChanges(r -> true);
        laptop.applyChanges(set);

        Store.ApplyResult again = laptop.applyChanges(set);

        assertThat(again.created() + again.updated() + again.historyAdded()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    @Test
    void aConcurrentChangeOfTheSameFieldIsKeptAsAConflictUntilAClerkDecides() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        laptop.applyChanges(hub.exportChanges(r -> true));
        UnitRecord onHub = TestRecords.unit("u1", "江海市财政局");
        onHub.setShortName("财政局");
        saveOn(hub, onHub);
        UnitRecord onLaptop = TestRecords.unit("u1", "江海市财政局");
        onLaptop.setShortName("市财政局");
        saveOn(laptop, onLaptop);

        hub.applyChanges(laptop.exportChanges(r -> true));
        laptop.applyChanges(hub.exportChanges(r -> true));

        assertThat(unitOn(hub, "u1").getShortName())
                .isEqualTo(unitOn(laptop, "u1").getShortName());
        String lost = unitOn(hub, "u1").getShortName().equals("财政局") ? "市财政局" : "财政局";
        assertThat(hub.read().select(FIELD_CONFLICT.VALUE).from(FIELD_CONFLICT).fetch(FIELD_CONFLICT.VALUE))
                .containsExactly(lost);
        assertThat(laptop.read()
                        .select(FIELD_CONFLICT.VALUE)
                        .from(FIELD_CONFLICT)
                        .fetch(FIELD_CONFLICT.VALUE))
                .containsExactly(lost);

        hub.write(ctx -> {
            hub.tracked(ctx).resolve(UNIT, "u1", "short_name", lost);
            return null;
        });
        laptop.applyChanges(hub.exportChanges(r -> true));

        assertThat(unitOn(laptop, "u1").getShortName()).isEqualTo(lost);
        assertThat(hub.read().fetchCount(FIELD_CONFLICT)).isZero();
        assertThat(laptop.read().fetchCount(FIELD_CONFLICT)).isZero();
    }

    @Test
    void aReceivedEditNeverRestoresARecordDeletedHere() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        laptop.applyChanges(hub.exportChanges(r -> true));
        hub.write(ctx -> hub.tracked(ctx).delete(UNIT, "u1"));
        UnitRecord edit = TestRecords.unit("u1", "江海市财政局");
        edit.setRemark("现场已整改");
        saveOn(laptop, edit);

        hub.applyChanges(laptop.exportChanges(r -> true));

        assertThat(unitOn(hub, "u1").getDeleted()).isEqualTo(1);
        // the edit met the deletion: both versions of the remark stay (the newer shown), nothing is lost
        RecordState state = RecordStates.read(hub.read(), UNIT, "u1");
        assertThat(state.fields().get("remark"))
                .extracting(FieldVersion::value)
                .containsExactlyInAnyOrder("现场已整改", null);
        assertThat(hub.read().fetchCount(FIELD_CONFLICT)).isEqualTo(1);
    }
}
