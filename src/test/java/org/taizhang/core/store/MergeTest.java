package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The merge of two record states (decisions/0006) on the cases where comparable tools lost data or diverged.
 * Devices: hub (H) and two laptops (A, B). States are built by hand: what each device would hold.
 */
class MergeTest {
    private static final String H = "hub";
    private static final String A = "laptop-a";
    private static final String B = "laptop-b";

    /** A small builder of one record's state: fields written by dots, and what the record has seen. */
    private static final class State {
        final Map<String, List<FieldVersion>> fields = new LinkedHashMap<>();
        VersionVector seen = VersionVector.EMPTY;
        Dot latest;
        final List<Dot> creates = new java.util.ArrayList<>();

        /** The record's create on a device: every field written by one dot, which names the create. */
        State create(Dot dot, Map<String, Object> values) {
            creates.add(dot);
            return write(dot, values);
        }

        State write(Dot dot, Map<String, Object> values) {
            values.forEach((f, v) -> fields.put(f, List.of(FieldVersion.of(v, dot))));
            seen = seen.with(dot);
            latest = latest == null || dot.compareTo(latest) > 0 ? dot : latest;
            return this;
        }

        State from(RecordState s) {
            fields.clear();
            fields.putAll(s.fields());
            seen = s.seen();
            latest = s.latest();
            creates.clear();
            creates.addAll(s.creates());
            return this;
        }

        RecordState build() {
            return new RecordState(
                    "finding", "f1", "2026-05-01T00:00:00.000Z", "t" + latest, latest, fields, seen, creates);
        }
    }

    private static Dot dot(long n, String site) {
        return new Dot(n, site);
    }

    private static RecordState created() {
        return new State()
                .write(dot(1, H), Map.of("note", "", "deadline", "2026-06-30", "deleted", 0))
                .build();
    }

    private static RecordState merge(RecordState a, RecordState b) {
        RecordState ab = Merge.merge(a, b);
        RecordState ba = Merge.merge(b, a);
        assertThat(RecordStates.encodeClock(ab)).isEqualTo(RecordStates.encodeClock(ba)); // commutative
        assertThat(ab.seen()).isEqualTo(ba.seen());
        assertThat(ab.creates()).isEqualTo(ba.creates());
        assertThat(Merge.merge(ab, b).fields()).isEqualTo(ab.fields()); // idempotent
        assertThat(Merge.merge(ab, a).fields()).isEqualTo(ab.fields());
        for (RecordState s : List.of(a, b, ab)) { // a record this device never held: the short path, the same result
            assertThat(Merge.merge(null, s)).isEqualTo(Merge.mergeIntoEmpty(s));
        }
        return ab;
    }

    @Test
    void aNoteOnTheLaptopAndADeadlineOnTheHubBothStayWithNoConflict() {
        RecordState base = created();
        RecordState laptop =
                new State().from(base).write(dot(2, A), Map.of("note", "已整改一半")).build();
        RecordState hub = new State()
                .from(base)
                .write(dot(2, H), Map.of("deadline", "2026-07-31"))
                .build();

        RecordState merged = merge(laptop, hub);

        assertThat(merged.value("note")).isEqualTo("已整改一半");
        assertThat(merged.value("deadline")).isEqualTo("2026-07-31");
        assertThat(merged.hasConflicts()).isFalse();
    }

    @Test
    void twoDevicesChangingTheSameFieldShowTheNewerAndKeepTheOtherAsAConflict() {
        RecordState base = created();
        RecordState a = new State()
                .from(base)
                .write(dot(2, A), Map.of("deadline", "2026-07-15"))
                .build();
        RecordState h = new State()
                .from(base)
                .write(dot(3, H), Map.of("deadline", "2026-07-31"))
                .build();

        RecordState merged = merge(a, h);

        assertThat(merged.value("deadline")).isEqualTo("2026-07-31");
        assertThat(merged.conflicts("deadline")).extracting(FieldVersion::value).containsExactly("2026-07-15");
    }

    @Test
    void equalCountersAreOrderedByDeviceNotByWallClock() {
        RecordState base = created();
        RecordState a =
                new State().from(base).write(dot(2, A), Map.of("deadline", "A")).build();
        RecordState b =
                new State().from(base).write(dot(2, B), Map.of("deadline", "B")).build();

        assertThat(merge(a, b).value("deadline")).isEqualTo("B"); // "laptop-b" > "laptop-a", on every device
    }

    @Test
    void aChangeMadeAfterSeeingAnotherReplacesItWithoutConflict() {
        RecordState base = created();
        RecordState a = new State()
                .from(base)
                .write(dot(2, A), Map.of("deadline", "2026-07-15"))
                .build();
        RecordState hubSawA = new State()
                .from(merge(base, a))
                .write(dot(3, H), Map.of("deadline", "2026-08-01"))
                .build();

        RecordState merged = merge(a, hubSawA);

        assertThat(merged.value("deadline")).isEqualTo("2026-08-01");
        assertThat(merged.hasConflicts()).isFalse();
    }

    @Test
    void twoDevicesWritingTheSameValueIsNoConflict() {
        RecordState base = created();
        RecordState a =
                new State().from(base).write(dot(2, A), Map.of("note", "已销号")).build();
        RecordState b =
                new State().from(base).write(dot(2, B), Map.of("note", "已销号")).build();

        RecordState merged = merge(a, b);

        assertThat(merged.hasConflicts()).isFalse();
        assertThat(merged.fields().get("note").getFirst().dots()).containsExactly(dot(2, A), dot(2, B));
    }

    /** Tangerine #2484: the result must not depend on who exchanges first. */
    @Test
    void theResultIsTheSameWhateverTheOrderOfExchanges() {
        RecordState base = created();
        RecordState a =
                new State().from(base).write(dot(2, A), Map.of("deadline", "A")).build();
        RecordState b =
                new State().from(base).write(dot(2, B), Map.of("deadline", "B")).build();
        // the hub sees B, then overwrites it; A's concurrent change must still meet the hub's as a conflict
        RecordState h = new State()
                .from(merge(base, b))
                .write(dot(3, H), Map.of("deadline", "H"))
                .build();

        RecordState aFirst = Merge.merge(Merge.merge(Merge.merge(base, a), b), h);
        RecordState hFirst = Merge.merge(Merge.merge(Merge.merge(base, h), b), a);
        RecordState viaB = Merge.merge(Merge.merge(b, a), h);

        for (RecordState s : List.of(aFirst, hFirst, viaB)) {
            assertThat(s.value("deadline")).isEqualTo("H");
            assertThat(s.conflicts("deadline")).extracting(FieldVersion::value).containsExactly("A");
            assertThat(RecordStates.encodeClock(s)).isEqualTo(RecordStates.encodeClock(aFirst));
        }
    }

    /** cr-sqlite #299, ODK Central #805: a change delivered before the one it was based on. */
    @Test
    void aLaterChangeDeliveredFirstIsNotUndoneByTheEarlierOne() {
        RecordState base = created();
        RecordState first =
                new State().from(base).write(dot(2, A), Map.of("note", "一")).build();
        RecordState second =
                new State().from(first).write(dot(3, A), Map.of("note", "二")).build();

        RecordState hub = Merge.merge(Merge.merge(base, second), first);

        assertThat(hub.value("note")).isEqualTo("二");
        assertThat(hub.hasConflicts()).isFalse();
    }

    /** An edit that meets a deletion stays as a conflict on the deleted record: visible, restorable, not lost. */
    @Test
    void anEditConcurrentWithADeletionIsKeptAsAConflictOnTheTombstone() {
        RecordState base = created();
        RecordState deletedOnHub = new State()
                .from(base)
                .write(dot(2, H), Map.of("note", "", "deadline", "2026-06-30", "deleted", 1))
                .build();
        RecordState editedOnLaptop =
                new State().from(base).write(dot(2, A), Map.of("note", "现场已整改")).build();

        RecordState merged = merge(deletedOnHub, editedOnLaptop);

        assertThat(merged.deleted()).isTrue();
        assertThat(Merge.merge(merged, editedOnLaptop).deleted()).isTrue(); // the edit never restores it
        List<Object> noteVersions =
                merged.fields().get("note").stream().map(FieldVersion::value).toList();
        assertThat(noteVersions).contains("现场已整改");
        assertThat(merged.hasConflicts()).isTrue();
    }

    /** cr-sqlite #271: deleted, then created again under the same natural key (so the same id). */
    @Test
    void aRestoreAfterADeletionWinsEverywhereWhateverArrivesFirst() {
        RecordState base = created();
        RecordState deleted =
                new State().from(base).write(dot(2, H), Map.of("deleted", 1)).build();
        RecordState restored = new State()
                .from(deleted)
                .write(dot(3, H), Map.of("deleted", 0, "note", "重建"))
                .build();

        assertThat(Merge.merge(Merge.merge(base, restored), deleted).deleted()).isFalse();
        assertThat(Merge.merge(Merge.merge(base, deleted), restored).deleted()).isFalse();
        assertThat(Merge.merge(Merge.merge(base, deleted), restored).value("note"))
                .isEqualTo("重建");
    }

    @Test
    void theEarliestCreationTimeAndTheNewestChangeAreKept() {
        RecordState a = new RecordState(
                "unit",
                "u",
                "2026-05-02T00:00:00.000Z",
                "2026-05-02T00:00:00.000Z",
                dot(1, A),
                Map.of("name", List.of(FieldVersion.of("财政局", dot(1, A)))),
                VersionVector.EMPTY.with(dot(1, A)));
        RecordState b = new RecordState(
                "unit",
                "u",
                "2026-05-01T00:00:00.000Z",
                "2026-05-09T00:00:00.000Z",
                dot(4, B),
                Map.of("name", List.of(FieldVersion.of("财政局", dot(4, B)))),
                VersionVector.EMPTY.with(dot(4, B)));

        RecordState merged = merge(a, b);

        assertThat(merged.createdAt()).isEqualTo("2026-05-01T00:00:00.000Z");
        assertThat(merged.latest()).isEqualTo(dot(4, B));
        assertThat(merged.updatedAt()).isEqualTo("2026-05-09T00:00:00.000Z");
    }

    @Test
    void clocksAndVersionVectorsReadBackAsWritten() {
        RecordState s = new State()
                .from(created())
                .write(dot(7, A), Map.of("note", "x"))
                .build();
        String clock = RecordStates.encodeClock(s);

        assertThat(clock).isEqualTo("1:hub|note=7:laptop-a");
        assertThat(RecordStates.parseClock(clock)).containsEntry("note", List.of(dot(7, A)));
        assertThat(VersionVector.parse(s.seen().encode())).isEqualTo(s.seen());
        assertThat(s.seen().encode()).isEqualTo("1:hub,7:laptop-a");
    }

    // ---- records that two devices both create (a finding from the same sheet row: the same id everywhere)

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void aBusierDevicesCreateDoesNotHideTheNumberTheHubGaveAfterItsOwnCreate() {
        // the laptop has made 30 more changes: its create's dot is newer than the hub's later 挂号
        RecordState laptop = new State()
                .create(dot(40, A), fields("number", null, "text", "支委会未按月召开", "deleted", 0))
                .build();
        RecordState hub = new State()
                .create(dot(10, H), fields("number", null, "text", "支委会未按月召开", "deleted", 0))
                .write(dot(11, H), fields("number", "督改〔2026〕0001号"))
                .build();

        RecordState merged = merge(laptop, hub);

        assertThat(merged.value("number")).isEqualTo("督改〔2026〕0001号");
        assertThat(merged.conflicts("number")).isEmpty();
        assertThat(merged.hasConflicts()).isFalse();
        assertThat(merged.value("text")).isEqualTo("支委会未按月召开");
        assertThat(merged.creates()).containsExactly(dot(10, H), dot(40, A));
    }

    @Test
    void anEditAfterACreateOutranksTheOtherDevicesCreateEvenWhenThatCameLater() {
        RecordState hub = new State()
                .create(dot(3, H), fields("text", "原文", "deleted", 0))
                .write(dot(4, H), fields("text", "改后"))
                .build();
        RecordState laptop = new State()
                .create(dot(90, A), fields("text", "原文", "deleted", 0))
                .build();

        RecordState merged = merge(hub, laptop);
        // and through a third device, in the other order: the same
        RecordState viaB = merge(merge(new State().from(laptop).build(), hub), laptop);

        assertThat(merged.value("text")).isEqualTo("改后");
        assertThat(merged.hasConflicts()).isFalse();
        assertThat(RecordStates.encodeClock(viaB)).isEqualTo(RecordStates.encodeClock(merged));
    }

    @Test
    void aCreatesEmptyFieldNeverHidesAnotherCreatesValue() {
        RecordState laptop = new State()
                .create(dot(50, A), fields("basis", null, "deleted", 0))
                .build();
        RecordState hub = new State()
                .create(dot(2, H), fields("basis", "《条例》第十条", "deleted", 0))
                .build();

        RecordState merged = merge(laptop, hub);

        assertThat(merged.value("basis")).isEqualTo("《条例》第十条");
        assertThat(merged.conflicts("basis")).isEmpty();
    }

    @Test
    void twoCreatesWithDifferentValuesKeepBothForAClerk() {
        RecordState laptop = new State()
                .create(dot(5, A), fields("basis", "第十条", "deleted", 0))
                .build();
        RecordState hub = new State()
                .create(dot(2, H), fields("basis", "第十一条", "deleted", 0))
                .build();

        RecordState merged = merge(laptop, hub);

        assertThat(merged.value("basis")).isEqualTo("第十条");
        assertThat(merged.conflicts("basis")).extracting(FieldVersion::value).containsExactly("第十一条");
    }

    @Test
    void aDeletionOnOneDeviceOutranksTheOtherDevicesCreate() {
        RecordState hub = new State()
                .create(dot(2, H), fields("text", "x", "deleted", 0))
                .write(dot(3, H), fields("text", "x", "deleted", 1))
                .build();
        RecordState laptop = new State()
                .create(dot(70, A), fields("text", "x", "deleted", 0))
                .build();

        assertThat(merge(hub, laptop).deleted()).isTrue();
    }

    @Test
    void oneChangeNameWithTwoValuesIsRefusedNotMerged() {
        // a database copied before version 2: both copies name their own later edit "2:old"
        RecordState one = new State()
                .write(dot(2, "old"), fields("text", "甲", "deleted", 0))
                .build();
        RecordState other = new State()
                .write(dot(2, "old"), fields("text", "乙", "deleted", 0))
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Merge.merge(one, other))
                .isInstanceOf(Merge.Clash.class)
                .hasMessageContaining("text");
    }
}
