package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.core.store.schema.Tables.FINDING;
import static org.taizhang.core.store.schema.Tables.FINDING_STEP;
import static org.taizhang.core.store.schema.Tables.ORGANIZATION;
import static org.taizhang.core.store.schema.Tables.RECTIFICATION_MEASURE;

import java.nio.file.Path;
import java.util.List;
import org.jooq.TableRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.schema.tables.records.FindingRecord;
import org.taizhang.core.store.schema.tables.records.FindingStepRecord;
import org.taizhang.core.store.schema.tables.records.OrganizationRecord;

/**
 * Two changes that are each valid can together break a rule across records; the merge joins them, never refuses,
 * and lists each breach for a clerk on every device (issue 16). And a part of the records, exported, applies on its
 * own: whole aggregates, every record any version names.
 */
class MergeCheckTest {
    @TempDir
    Path dir;

    private Store hub;
    private Store laptop;

    @BeforeEach
    void open() {
        hub = Store.openOrCreate(dir.resolve("hub/taizhang.db"));
        laptop = Store.openOrCreate(dir.resolve("laptop/taizhang.db"));
        save(hub, TestRecords.unit("u1", "江海市财政局"));
        save(hub, organization("a", null, "第一党总支"));
        save(hub, organization("b", null, "第二党总支"));
        laptop.applyChanges(hub.exportChanges(r -> true));
    }

    @AfterEach
    void close() {
        hub.close();
        laptop.close();
    }

    private static void save(Store store, TableRecord<?> record) {
        store.write(ctx -> store.tracked(ctx).save(record));
    }

    private static OrganizationRecord organization(String id, String parentId, String name) {
        OrganizationRecord r = ORGANIZATION.newRecord();
        r.setId(id);
        r.setUnitId("u1");
        r.setParentId(parentId);
        r.setName(name);
        r.setKind(parentId == null ? "GENERAL_BRANCH" : "BRANCH");
        return r;
    }

    private void exchange() {
        Store.ApplyResult atHub = hub.applyChanges(laptop.exportChanges(r -> true));
        Store.ApplyResult atLaptop = laptop.applyChanges(hub.exportChanges(r -> true));
        assertThat(atHub.breaches()).isEqualTo(atLaptop.breaches());
        assertThat(hub.breaches()).isEqualTo(laptop.breaches());
    }

    @Test
    void twoOrganizationsMovedUnderEachOtherOnTwoDevicesAreACycleForAClerk() {
        save(hub, organization("a", "b", "第一党总支"));
        save(laptop, organization("b", "a", "第二党总支"));

        exchange();

        assertThat(hub.breaches())
                .extracting(MergeBreach::kind, MergeBreach::entityId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CYCLE", "a"),
                        org.assertj.core.groups.Tuple.tuple("CYCLE", "b"));
        // a clerk moves one back: the next check lists nothing
        save(hub, organization("a", null, "第一党总支"));
        assertThat(hub.checkRecords()).isEmpty();
        assertThat(hub.breaches()).isEmpty();
    }

    @Test
    void aBranchAddedOnALaptopUnderAnOrganizationDeletedOnTheHubIsListed() {
        hub.write(ctx -> hub.tracked(ctx).delete(ORGANIZATION, "b"));
        save(laptop, organization("c", "b", "第三党支部"));

        exchange();

        assertThat(laptop.breaches())
                .containsExactly(new MergeBreach("DELETED_PARENT", "organization", "c", "organization.parent_id=b"));
    }

    private static FindingRecord finding(String id, Integer seq) {
        FindingRecord r = FINDING.newRecord();
        r.setId(id);
        r.setUnitId("u1");
        r.setDescription("支委会未按月召开" + id);
        r.setSource("VISIT");
        r.setFoundOn("2026-06-01");
        if (seq != null) {
            r.setNumberYear(2026);
            r.setNumberSeq(seq);
            r.setNumber("督改〔2026〕000" + seq + "号");
        }
        return r;
    }

    @Test
    void oneNumberGivenOnTwoDevicesAndAnIdThatNamesNothingAreListedNotRefused() {
        save(hub, finding("f1", 1));
        save(laptop, finding("f2", 1)); // a laptop that also acted as the hub
        FindingRecord repeat = finding("f3", null);
        repeat.setRepeatOf("f-never-sent");
        save(laptop, repeat);

        exchange();

        assertThat(hub.breaches())
                .extracting(MergeBreach::kind, MergeBreach::entityId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("DUPLICATE_NUMBER", "f1"),
                        org.assertj.core.groups.Tuple.tuple("DUPLICATE_NUMBER", "f2"),
                        org.assertj.core.groups.Tuple.tuple("DANGLING", "f3"));
    }

    @Test
    void twoDevicesDesignatedAsTheHubAreListed() {
        hub.designateHub();
        laptop.designateHub();

        exchange();

        assertThat(hub.breaches()).extracting(MergeBreach::kind).containsExactly("TWO_HUBS");
    }

    private static FindingStepRecord register(String id, String findingId) {
        var step = FINDING_STEP.newRecord();
        step.setId(id);
        step.setFindingId(findingId);
        step.setKind("REGISTER");
        step.setOccurredOn("2026-06-02");
        step.setOperator("王清");
        return step;
    }

    @Test
    void aRegisterStepWrittenByADeviceThatWasNeverTheHubIsListed() {
        hub.designateHub();
        save(hub, finding("f1", 1));
        save(hub, register("s-hub", "f1"));
        exchange();
        save(laptop, finding("f2", 2)); // a laptop that numbered as if it were the hub (a copy, an old version)
        save(laptop, register("s-laptop", "f2"));

        exchange();

        assertThat(hub.breaches())
                .extracting(MergeBreach::kind, MergeBreach::entityId, MergeBreach::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "REGISTERED_OFF_HUB", "s-laptop", "device=" + laptop.deviceId()));
        // the hub handed over to the laptop: its register steps were written by a device that was the hub
        laptop.designateHub();
        exchange();
        assertThat(hub.breaches()).extracting(MergeBreach::kind).doesNotContain("REGISTERED_OFF_HUB");
    }

    @Test
    void aFindingChosenAloneTravelsWithItsWholeAggregateAndAppliesToAnEmptyDatabase() {
        save(hub, finding("f1", null));
        var measure = RECTIFICATION_MEASURE.newRecord();
        measure.setId("m1");
        measure.setFindingId("f1");
        measure.setText("建立制度");
        save(hub, measure);
        var step = FINDING_STEP.newRecord();
        step.setId("s1");
        step.setFindingId("f1");
        step.setKind("PROGRESS");
        step.setOccurredOn("2026-06-02");
        step.setOperator("王清");
        step.setMeasureId("m1");
        save(hub, step);

        ChangeSet part = hub.exportChanges(r -> r.table().equals("finding") && r.id().equals("f1"));

        assertThat(part.records())
                .extracting(r -> r.table() + "/" + r.id())
                .contains("finding/f1", "finding_step/s1", "rectification_measure/m1", "unit/u1");
        try (Store empty = Store.openOrCreate(dir.resolve("empty/taizhang.db"))) {
            empty.applyChanges(part);
            assertThat(empty.read().resultQuery("PRAGMA foreign_key_check").fetch())
                    .isEmpty();
            assertThat(empty.breaches()).isEmpty();
        }
    }

    @Test
    void aRecordThatAConflictsValueNamesTravelsToo() {
        // the hub moves a under b, the laptop under a new c: the receiver may show either parent
        save(laptop, organization("c", null, "第三党总支"));
        save(hub, organization("a", "b", "第一党总支"));
        save(laptop, organization("a", "c", "第一党总支"));
        hub.applyChanges(laptop.exportChanges(r -> true));

        ChangeSet part = hub.exportChanges(r -> r.id().equals("a"));

        assertThat(part.records()).extracting(RecordState::id).contains("a", "b", "c", "u1");
        try (Store empty = Store.openOrCreate(dir.resolve("empty/taizhang.db"))) {
            empty.applyChanges(part);
            assertThat(empty.read().resultQuery("PRAGMA foreign_key_check").fetch())
                    .isEmpty();
        }
        List<FieldVersion> parents =
                RecordStates.read(hub.read(), ORGANIZATION, "a").fields().get("parent_id");
        assertThat(parents).extracting(FieldVersion::value).containsExactlyInAnyOrder("b", "c");
    }
}
