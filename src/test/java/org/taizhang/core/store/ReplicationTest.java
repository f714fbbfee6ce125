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
    void aSetThatNamesARecordTwiceIsRefusedWhole() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        ChangeSet first = hub.exportChanges(r -> true);
        UnitRecord renamed = unitOn(hub, "u1");
        renamed.setName("江海市财政局（更名）");
        saveOn(hub, renamed);
        ChangeSet second = hub.exportChanges(r -> true);
        java.util.List<RecordState> both = new java.util.ArrayList<>(second.records());
        both.addAll(first.records());
        java.util.List<ChangeSet.HistoryItem> history = new java.util.ArrayList<>(second.history());
        history.addAll(first.history());

        // new records are inserted in one batch: a record named twice must never reach it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> laptop.applyChanges(new ChangeSet(both, history)))
                .satisfies(e -> assertThat(((org.taizhang.core.DomainException) e).messageKey())
                        .isEqualTo("store.setRefused"));
        assertThat(laptop.exportChanges(r -> true).records()).isEmpty();
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

    /** Both devices change u1's short name without seeing each other, then exchange: one value is a conflict. */
    private String conflictOnShortName() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        laptop.applyChanges(hub.exportChanges(r -> true));
        UnitRecord onHub = TestRecords.unit("u1", "江海市财政局");
        onHub.setShortName("财政局");
        saveOn(hub, onHub);
        UnitRecord onLaptop = TestRecords.unit("u1", "江海市财政局");
        onLaptop.setShortName("市财政局");
        saveOn(laptop, onLaptop);
        hub.applyChanges(laptop.exportChanges(r -> true));
        return hub.read().select(FIELD_CONFLICT.VALUE).from(FIELD_CONFLICT).fetchOne(FIELD_CONFLICT.VALUE);
    }

    private List<String> conflictsOn(Store store) {
        return store.read().select(FIELD_CONFLICT.VALUE).from(FIELD_CONFLICT).fetch(FIELD_CONFLICT.VALUE);
    }

    @Test
    void deletingARecordKeepsItsPendingConflictsAndRestoringShowsThemAgain() {
        String lost = conflictOnShortName();
        assertThat(lost).isNotNull();

        hub.write(ctx -> hub.tracked(ctx).delete(UNIT, "u1"));
        assertThat(conflictsOn(hub)).containsExactly(lost);
        hub.write(ctx -> hub.tracked(ctx).restore(UNIT, "u1"));
        assertThat(conflictsOn(hub)).containsExactly(lost);

        // and on a device that receives the deletion and the restore
        laptop.applyChanges(hub.exportChanges(r -> true));
        assertThat(conflictsOn(laptop)).containsExactly(lost);
    }

    @Test
    void anOrdinaryEditOfAConflictedFieldKeepsTheOtherValueUntilAClerkResolvesIt() {
        String lost = conflictOnShortName();
        UnitRecord edit = TestRecords.unit("u1", "江海市财政局");
        edit.setShortName("市财政");
        saveOn(hub, edit);

        assertThat(unitOn(hub, "u1").getShortName()).isEqualTo("市财政");
        assertThat(conflictsOn(hub)).contains(lost);

        hub.write(ctx -> {
            hub.tracked(ctx).resolve(UNIT, "u1", "short_name", "市财政");
            return null;
        });
        assertThat(conflictsOn(hub)).isEmpty();
    }

    @Test
    void aSetWithACounterPastTheBoundIsRefusedWholeAndLeavesEverythingAsItWas() {
        saveOn(laptop, TestRecords.unit("u1", "江海市财政局"));
        saveOn(laptop, TestRecords.unit("u2", "江海市审计局"));
        ChangeSet good = laptop.exportChanges(r -> true);
        List<RecordState> records = new ArrayList<>(good.records());
        RecordState r = records.removeLast();
        Dot huge = new Dot(1L << 31, r.latest().site());
        java.util.Map<String, List<FieldVersion>> fields = new java.util.LinkedHashMap<>(r.fields());
        fields.put("remark", List.of(FieldVersion.of("x", huge)));
        records.add(new RecordState(
                r.table(),
                r.id(),
                r.createdAt(),
                r.updatedAt(),
                huge,
                fields,
                r.seen().with(huge),
                r.creates()));
        long clockBefore = hub.clockCounter();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> hub.applyChanges(new ChangeSet(records, good.history())))
                .isInstanceOf(org.taizhang.core.DomainException.class)
                .extracting(e -> ((org.taizhang.core.DomainException) e).messageKey())
                .isEqualTo("store.setRefused");

        assertThat(hub.read().fetchCount(UNIT)).isZero();
        assertThat(hub.clockCounter()).isEqualTo(clockBefore);
        saveOn(hub, TestRecords.unit("u9", "江海市统计局")); // local writes still work
    }

    @Test
    void aSetFromANewerProgramWithAColumnThisOneDoesNotKnowIsRefusedNotDropped() {
        saveOn(laptop, TestRecords.unit("u1", "江海市财政局"));
        ChangeSet good = laptop.exportChanges(r -> true);
        RecordState r = good.records().getFirst();
        java.util.Map<String, List<FieldVersion>> fields = new java.util.LinkedHashMap<>(r.fields());
        fields.put("credit_code", List.of(FieldVersion.of("11330100", r.latest())));
        RecordState newer = new RecordState(
                r.table(), r.id(), r.createdAt(), r.updatedAt(), r.latest(), fields, r.seen(), r.creates());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> hub.applyChanges(new ChangeSet(List.of(newer), good.history())))
                .isInstanceOf(org.taizhang.core.DomainException.class)
                .extracting(e -> ((org.taizhang.core.DomainException) e).messageKey())
                .isEqualTo("store.newerSchema");
        assertThat(hub.read().fetchCount(UNIT)).isZero();
    }

    @Test
    void aChangeNameThatCarriesAnotherValueHereIsRefusedAndReportedNeverMerged() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        laptop.applyChanges(hub.exportChanges(r -> true));
        ChangeSet fromHub = hub.exportChanges(r -> true);
        RecordState r = fromHub.records().getFirst();
        // the same change name with another value: a copy of the hub restored with its device file did this
        java.util.Map<String, List<FieldVersion>> fields = new java.util.LinkedHashMap<>(r.fields());
        fields.put(
                "name",
                List.of(FieldVersion.of(
                        "江海市财政局（改）", fields.get("name").getFirst().latest())));
        RecordState forged = new RecordState(
                r.table(), r.id(), r.createdAt(), r.updatedAt(), r.latest(), fields, r.seen(), r.creates());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> laptop.applyChanges(new ChangeSet(List.of(forged), List.of())))
                .isInstanceOf(org.taizhang.core.DomainException.class)
                .extracting(e -> ((org.taizhang.core.DomainException) e).messageKey())
                .isEqualTo("store.changeClash");
        assertThat(unitOn(laptop, "u1").getName()).isEqualTo("江海市财政局");
    }

    @Test
    void aRecordBothDevicesCreateKeepsTheValueTheHubSetAfterItsOwnCreate() {
        // the laptop is busier: its create is named by a higher counter than the hub's later edit
        for (int i = 0; i < 30; i++) {
            saveOn(laptop, TestRecords.unit("busy" + i, "单位" + i));
        }
        saveOn(laptop, TestRecords.unit("u1", "江海市财政局"));
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        UnitRecord edit = TestRecords.unit("u1", "江海市财政局");
        edit.setShortName("财政局");
        saveOn(hub, edit);

        hub.applyChanges(laptop.exportChanges(r -> true));
        laptop.applyChanges(hub.exportChanges(r -> true));

        assertThat(unitOn(hub, "u1").getShortName()).isEqualTo("财政局");
        assertThat(unitOn(laptop, "u1").getShortName()).isEqualTo("财政局");
        assertThat(conflictsOn(hub)).isEmpty();
        assertThat(conflictsOn(laptop)).isEmpty();
    }

    @Test
    void aClerkMayKeepTheEmptyValueOfAConflict() {
        saveOn(hub, TestRecords.unit("u1", "江海市财政局"));
        laptop.applyChanges(hub.exportChanges(r -> true));
        UnitRecord onHub = TestRecords.unit("u1", "江海市财政局");
        onHub.setShortName("财政局");
        saveOn(hub, onHub);
        UnitRecord onLaptop = TestRecords.unit("u1", "江海市财政局");
        onLaptop.setRemark("x");
        onLaptop.setShortName("市财政局");
        saveOn(laptop, onLaptop);
        hub.applyChanges(laptop.exportChanges(r -> true));

        hub.resolve("unit", "u1", "short_name", null);

        assertThat(unitOn(hub, "u1").getShortName()).isNull();
        assertThat(conflictsOn(hub)).isEmpty();
    }
}
