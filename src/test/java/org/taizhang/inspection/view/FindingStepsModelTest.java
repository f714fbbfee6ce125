package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.view.ReadLedger.TODAY;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.inspection.LedgerFixtures;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.StepKind;

/** The steps of a finding's life from the ledger page, on a ledger read from a real database. */
class FindingStepsModelTest {
    @TempDir
    Path dir;

    private ReadLedger ledger;
    private FindingStepsModel steps;

    @BeforeEach
    void open() {
        ledger = new ReadLedger(dir);
        steps = new FindingStepsModel(ledger.service, ledger, ledger.tasks, ledger.dialogs);
        ledger.onSelect = steps::show;
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private FindingState state(Finding f) {
        return ledger.service.timeline(f.id()).state();
    }

    @Test
    void theStepsOfferedFollowTheStateAndMergeIsNeverOffered() {
        Finding f = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        ledger.choose(f);
        assertThat(steps.actions()).containsExactly(StepKind.REGISTER, StepKind.NOTE);

        steps.register();
        assertThat(state(f)).isEqualTo(FindingState.REGISTERED);
        assertThat(ledger.chosen().state()).as("read again").isEqualTo(FindingState.REGISTERED);
        assertThat(steps.actions()).containsExactly(StepKind.NOTIFY, StepKind.NOTE);

        ledger.select(null);
        assertThat(steps.actions()).isEmpty();
        assertThat(steps.actionForm(StepKind.NOTE)).isNull();
    }

    @Test
    void eachFormIsFilledAsFarAsItCanBe() {
        Finding f = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        ledger.service.register(f.id());
        ledger.choose(f);
        assertThat(steps.actionForm(StepKind.REGISTER))
                .as("挂号 asks for nothing")
                .isNull();

        // 交办: the deadline from the rectification type (限期整改: 60 days)
        ActionForm notice = steps.actionForm(StepKind.NOTIFY);
        assertThat(notice.deadline.get()).isEqualTo(TODAY.plusDays(60).toString());
        assertThat(notice.on.get()).isEqualTo(TODAY.toString());
        notice.leader.set("李副局长");
        notice.department.set("办公室");
        notice.person.set("赵敏");
        boolean[] done = {false};
        steps.submit(notice, () -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(state(f)).isEqualTo(FindingState.NOTIFIED);

        // the people of the notice in force come back in the next form; 延期 proposes 30 days more
        ActionForm extend = steps.actionForm(StepKind.EXTEND);
        assertThat(extend.leader.get()).isEqualTo("李副局长");
        assertThat(extend.person.get()).isEqualTo("赵敏");
        assertThat(extend.deadline.get()).isEqualTo(TODAY.plusDays(90).toString());
        assertThat(steps.actionForm(StepKind.NOTE).deadline.get()).isEmpty();
    }

    @Test
    void everyStepWithAFormReachesTheService() {
        Finding f = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        ledger.notified(f, TODAY.plusDays(30));
        ledger.choose(f);
        steps.submit(steps.actionForm(StepKind.RECEIPT), () -> {});
        assertThat(state(f)).isEqualTo(FindingState.RECTIFYING);

        ActionForm progress = steps.actionForm(StepKind.PROGRESS);
        progress.text.set("已制定计划");
        progress.evidence.add(LedgerFixtures.file(dir, "计划.txt"));
        steps.submit(progress, () -> {});
        ActionForm note = steps.actionForm(StepKind.NOTE);
        note.text.set("电话督促");
        steps.submit(note, () -> {});
        steps.submit(steps.actionForm(StepKind.REQUEST_CLOSE), () -> {});
        assertThat(state(f)).isEqualTo(FindingState.CLOSE_REQUESTED);

        ActionForm reject = steps.actionForm(StepKind.REJECT);
        reject.text.set("记录不完整");
        steps.submit(reject, () -> {});
        assertThat(state(f)).isEqualTo(FindingState.RECTIFYING);
        assertThat(ledger.service.timeline(f.id()).lastRejection()).isEqualTo("记录不完整");
        assertThat(ledger.dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void aBlockedStepSaysWhyBeforeTheFormIsFilled() {
        Finding f = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        ledger.notified(f, TODAY.plusDays(30));
        ledger.service.saveMeasure(
                new Measure(org.taizhang.core.Ids.newId(), f.id(), "制定计划", null, TODAY.plusDays(5), null, 0));
        ledger.choose(f);
        assertThat(steps.blockedReason(StepKind.REQUEST_CLOSE)).hasValue("还有 1 项整改措施未完成，全部完成后才能申请销号。");
        assertThat(steps.blockedReason(StepKind.CLOSE)).isEmpty();

        ledger.verifier(false);
        assertThat(steps.blockedReason(StepKind.CLOSE)).hasValue("只有核查人可以销号、退回或要求二次整改；当前操作人“王清”不是核查人（在“设置”中指定）。");
        assertThat(steps.blockedReason(StepKind.NOTE)).isEmpty();
        ledger.select(null);
        assertThat(steps.blockedReason(StepKind.CLOSE)).isEmpty();
    }

    @Test
    void registerAllAsksFirstAndSaysWhichNumbers() {
        ledger.found(ledger.unit, "三会一课", "问题一", TODAY.minusDays(3));
        ledger.found(ledger.otherUnit, "作风", "问题二", TODAY.minusDays(1));
        ledger.reload();

        ledger.dialogs.confirmAnswer = false;
        steps.registerAll();
        assertThat(ledger.entries()).allMatch(e -> e.state() == FindingState.PENDING);

        ledger.dialogs.confirmAnswer = true;
        ledger.dialogs.shown.clear();
        steps.registerAll();
        assertThat(ledger.dialogs.shown)
                .containsExactly("confirm: 全部挂号", "info: 全部挂号: 已挂号 2 条，编号 督改〔2026〕0001号 至 督改〔2026〕0002号。");
        assertThat(ledger.entries()).allMatch(e -> e.state() == FindingState.REGISTERED);
    }

    @Test
    void aUnitsNoticeStartsFromTheFilteredUnitElseTheChosenFindingsAndProposesItsDeadline() {
        Finding a = ledger.found(ledger.unit, "三会一课", "问题一", TODAY.minusDays(3));
        ledger.found(ledger.unit, "党费", "问题二", TODAY.minusDays(2));
        Finding c = ledger.found(ledger.otherUnit, "作风", "问题三", TODAY.minusDays(1));
        ledger.service.registerPending();
        ledger.choose(c);

        ActionForm fromChosen = steps.notifyUnitForm();
        assertThat(fromChosen.unit.get()).isEqualTo(ledger.otherUnit);
        assertThat(fromChosen.unitChoices).containsExactlyInAnyOrder(ledger.unit, ledger.otherUnit);

        ledger.filter = new LedgerFilter("", null, ledger.unit.id(), null, null, null, null, null, null, Map.of());
        ActionForm notice = steps.notifyUnitForm();
        assertThat(notice.unit.get()).isEqualTo(ledger.unit);
        assertThat(steps.registeredOf(ledger.unit)).isEqualTo(2);
        assertThat(steps.registeredOf(null)).isZero();
        assertThat(notice.deadline.get()).isEqualTo(TODAY.plusDays(60).toString());
        // another unit: its deadline, unless the clerk typed one
        notice.unit.set(ledger.otherUnit);
        assertThat(notice.deadline.get()).isEqualTo(TODAY.plusDays(60).toString());
        notice.deadline.set(TODAY.plusDays(20).toString());
        notice.unit.set(ledger.unit);
        assertThat(notice.deadline.get()).isEqualTo(TODAY.plusDays(20).toString());

        steps.submit(notice, () -> {});
        assertThat(ledger.dialogs.shown.getLast()).isEqualTo("info: 向单位交办…: 已向" + ledger.unit.name() + "交办 2 条问题。");
        assertThat(state(a)).isEqualTo(FindingState.NOTIFIED);
        assertThat(state(c)).isEqualTo(FindingState.REGISTERED);
        assertThat(ledger.service.timeline(a.id()).deadline()).isEqualTo(TODAY.plusDays(20));
    }
}
