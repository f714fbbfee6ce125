package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.view.ReadLedger.TODAY;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.inspection.LedgerFixtures;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Verdict;

/** 疑似重复 and 屡查屡犯 from the ledger page, on a ledger read from a real database. */
class DuplicatesModelTest {
    @TempDir
    Path dir;

    private ReadLedger ledger;
    private DuplicatesModel duplicates;

    @BeforeEach
    void open() {
        ledger = new ReadLedger(dir);
        duplicates = new DuplicatesModel(ledger.service, ledger, ledger.tasks, ledger.dialogs);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void theNumberedFindingCarriesOnElseTheOneFoundFirst() {
        Finding earlier = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(5));
        Finding later = ledger.found(ledger.unit, "三会一课", "支委会未按月召开", TODAY.minusDays(2));
        ledger.reload();
        var e = ledger.entry(earlier.id());
        var l = ledger.entry(later.id());
        assertThat(DuplicatesModel.kept(e, l)).isSameAs(e);
        assertThat(DuplicatesModel.kept(l, e)).isSameAs(e);

        ledger.service.register(later.id());
        ledger.reload();
        assertThat(DuplicatesModel.kept(ledger.entry(earlier.id()), ledger.entry(later.id()))
                        .id())
                .isEqualTo(later.id());
    }

    @Test
    void aPairSaidToBeTwoProblemsIsNotListedAgainAndTheDecisionIsInTheTimeline() {
        Finding a = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开，会议记录不全", TODAY);
        Finding b = ledger.found(ledger.unit, "三会一课", "支委会未按月召开，会议记录不完整", TODAY);
        ledger.reload();
        assertThat(org.taizhang.inspection.Duplicates.pairs(List.copyOf(ledger.entries())))
                .hasSize(1);

        ledger.service.markDistinct(b.id(), a.id(), "核对：不是同一问题", TODAY);
        ledger.reload();
        assertThat(org.taizhang.inspection.Duplicates.pairs(List.copyOf(ledger.entries())))
                .isEmpty();
        assertThat(ledger.entry(b.id()).timeline().steps()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(org.taizhang.inspection.model.StepKind.NOTE);
            assertThat(s.otherId()).isEqualTo(a.id());
            assertThat(s.text()).isEqualTo("核对：不是同一问题");
        });
        // both stay open and apart: nothing merged
        assertThat(ledger.entry(a.id()).finding().mergedInto()).isNull();
        assertThat(ledger.entry(b.id()).finding().mergedInto()).isNull();
        // a finding is never "not a duplicate" of itself
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ledger.service.markDistinct(a.id(), a.id(), "x", TODAY))
                .isInstanceOf(org.taizhang.core.DomainException.class);
    }

    @Test
    void aPairIsMergedOnlyOnTheClerksYesAndTheOneKeptIsChosen() {
        Finding numbered = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开，会议记录不全", TODAY);
        ledger.service.register(numbered.id());
        Finding twin = ledger.found(ledger.unit, "三会一课", "支委会未按月召开，会议记录不完整", TODAY);
        ledger.found(ledger.unit, "党费", "党费收缴不及时", TODAY);
        ledger.reload();

        ledger.dialogs.chooseAnswer = Optional.empty();
        duplicates.reviewDuplicates();
        assertThat(ledger.dialogs.shown.getLast()).startsWith("choose: 疑似重复").contains("待挂号");
        ledger.dialogs.chooseAnswer = Optional.of(0);
        ledger.dialogs.confirmAnswer = false;
        duplicates.reviewDuplicates();
        assertThat(ledger.service.timeline(twin.id()).state()).isEqualTo(FindingState.PENDING);

        ledger.dialogs.confirmAnswer = true;
        duplicates.reviewDuplicates();
        assertThat(ledger.service.timeline(twin.id()).state()).isEqualTo(FindingState.MERGED);
        assertThat(ledger.service.finding(twin.id()).orElseThrow().mergedInto()).isEqualTo(numbered.id());
        assertThat(ledger.chosen().id()).isEqualTo(numbered.id());

        ledger.dialogs.shown.clear();
        duplicates.reviewDuplicates();
        assertThat(ledger.dialogs.shown)
                .singleElement()
                .satisfies(s -> assertThat(s).startsWith("info: 疑似重复的问题: 没有疑似重复的问题"));
    }

    @Test
    void anOpenFindingMayRepeatAClosedOneOfItsUnitAndKind() {
        Finding closed = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(20));
        ledger.notified(closed, TODAY.plusDays(9));
        ledger.service.progress(closed.id(), "已整改", null, List.of(LedgerFixtures.file(dir, "记录.txt")), TODAY);
        ledger.service.requestClose(closed.id(), null, TODAY);
        ledger.service.close(closed.id(), Verdict.GOOD, null, TODAY);
        Finding again = ledger.found(ledger.unit, "三会一课", "支部委员会会议又未按月召开", TODAY);
        Finding otherUnit = ledger.found(ledger.otherUnit, "三会一课", "支部委员会会议未按月召开", TODAY);

        ledger.choose(otherUnit);
        assertThat(duplicates.earlierOfSameKind()).isEmpty();
        ledger.choose(closed);
        assertThat(duplicates.earlierOfSameKind())
                .as("a closed finding repeats nothing")
                .isEmpty();

        ledger.choose(again);
        assertThat(duplicates.earlierOfSameKind()).extracting(e -> e.id()).containsExactly(closed.id());
        ledger.dialogs.chooseAnswer = Optional.empty();
        duplicates.markRepeat();
        assertThat(ledger.service.finding(again.id()).orElseThrow().repeatOf()).isNull();

        ledger.dialogs.chooseAnswer = Optional.of(0);
        duplicates.markRepeat();
        assertThat(ledger.service.finding(again.id()).orElseThrow().repeatOf()).isEqualTo(closed.id());
        assertThat(duplicates.earlierOfSameKind()).as("marked once").isEmpty();
        assertThat(org.taizhang.inspection.StepRules.sameProblemKind(again, closed))
                .isTrue();
    }
}
