package org.taizhang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.model.FindingState.CLOSED;
import static org.taizhang.inspection.model.FindingState.CLOSE_REQUESTED;
import static org.taizhang.inspection.model.FindingState.MERGED;
import static org.taizhang.inspection.model.FindingState.NOTIFIED;
import static org.taizhang.inspection.model.FindingState.PENDING;
import static org.taizhang.inspection.model.FindingState.RECTIFYING;
import static org.taizhang.inspection.model.FindingState.REGISTERED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taizhang.core.store.Dot;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.NumberFormat;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Warning;
import org.taizhang.inspection.model.WarningPolicy;

/** The state machine, written out by hand: every state × every step, and how timelines from two devices fold. */
class LifecycleTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    /** Where each allowed step leads, per state; everything not listed is refused. */
    private static Map<FindingState, Map<StepKind, FindingState>> table() {
        Map<FindingState, Map<StepKind, FindingState>> t = new EnumMap<>(FindingState.class);
        for (FindingState s : FindingState.values()) {
            t.put(s, new EnumMap<>(StepKind.class));
            t.get(s).put(StepKind.NOTE, s);
        }
        t.get(PENDING).put(StepKind.REGISTER, REGISTERED);
        t.get(REGISTERED).put(StepKind.NOTIFY, NOTIFIED);
        t.get(NOTIFIED).put(StepKind.RECEIPT, RECTIFYING);
        t.get(NOTIFIED).put(StepKind.PROGRESS, RECTIFYING);
        t.get(RECTIFYING).put(StepKind.PROGRESS, RECTIFYING);
        t.get(NOTIFIED).put(StepKind.REQUEST_CLOSE, CLOSE_REQUESTED);
        t.get(RECTIFYING).put(StepKind.REQUEST_CLOSE, CLOSE_REQUESTED);
        t.get(CLOSE_REQUESTED).put(StepKind.CLOSE, CLOSED);
        t.get(CLOSE_REQUESTED).put(StepKind.REJECT, RECTIFYING);
        t.get(CLOSE_REQUESTED).put(StepKind.REWORK, RECTIFYING);
        for (FindingState s : List.of(NOTIFIED, RECTIFYING, CLOSE_REQUESTED)) {
            t.get(s).put(StepKind.EXTEND, s);
            t.get(s).put(StepKind.ESCALATE, s);
        }
        t.get(CLOSED).put(StepKind.FOLLOW_UP, CLOSED);
        for (FindingState s : List.of(PENDING, REGISTERED, NOTIFIED, RECTIFYING, CLOSE_REQUESTED)) {
            t.get(s).put(StepKind.MERGE, MERGED);
        }
        return t;
    }

    @Test
    void onlyTheTransitionsOfTheTableExist() {
        Map<FindingState, Map<StepKind, FindingState>> table = table();
        for (FindingState s : FindingState.values()) {
            for (StepKind k : StepKind.values()) {
                assertThat(Lifecycle.next(s, k))
                        .as(s + " + " + k)
                        .isEqualTo(java.util.Optional.ofNullable(table.get(s).get(k)));
            }
            List<StepKind> offered = new ArrayList<>(table.get(s).keySet());
            assertThat(Lifecycle.allowed(s)).containsExactlyInAnyOrderElementsOf(offered);
        }
    }

    @Test
    void closedAndMergedAreTheOnlyEndsAndNothingLeadsBackToPending() {
        for (FindingState s : FindingState.values()) {
            for (StepKind k : StepKind.values()) {
                Lifecycle.next(s, k)
                        .ifPresent(
                                to -> assertThat(to == PENDING && s != PENDING).isFalse());
            }
        }
        assertThat(CLOSED.isOpen()).isFalse();
        assertThat(MERGED.isOpen()).isFalse();
        assertThat(Lifecycle.allowed(MERGED)).containsExactly(StepKind.NOTE);
    }

    private static Step step(String id, StepKind kind, long counter, String device) {
        return Step.of(id, "f", kind, DAY, "王清", null).withOrder(new Dot(counter, device));
    }

    @Test
    void stepsFoldInTheOrderOfTheirDotsWhateverOrderTheyArrive() {
        List<Step> steps = new ArrayList<>(List.of(
                step("e", StepKind.PROGRESS, 5, "b"),
                step("a", StepKind.FOUND, 1, "a"),
                step("c", StepKind.NOTIFY, 3, "a").withDeadline(DAY.plusDays(30)),
                step("b", StepKind.REGISTER, 2, "a")));
        Timeline t = Lifecycle.fold(steps);
        assertThat(t.state()).isEqualTo(RECTIFYING);
        assertThat(t.entries()).extracting(e -> e.step().id()).containsExactly("a", "b", "c", "e");
        assertThat(t.deadline()).isEqualTo(DAY.plusDays(30));
        java.util.Collections.reverse(steps);
        assertThat(Lifecycle.fold(steps)).isEqualTo(t);
    }

    @Test
    void aProgressReportWrittenOnALaptopWhileTheHubClosedIsKeptButDoesNotReopen() {
        // the hub closed at counter 7; the laptop, not having seen it, reported progress at counter 8
        Timeline t = Lifecycle.fold(List.of(
                step("1", StepKind.FOUND, 1, "hub"),
                step("2", StepKind.REGISTER, 2, "hub"),
                step("3", StepKind.NOTIFY, 3, "hub").withDeadline(DAY.plusDays(30)),
                step("4", StepKind.PROGRESS, 4, "hub"),
                step("5", StepKind.REQUEST_CLOSE, 5, "hub"),
                step("6", StepKind.CLOSE, 7, "hub").withVerdict(Verdict.GOOD),
                step("7", StepKind.PROGRESS, 8, "laptop")));
        assertThat(t.state()).isEqualTo(CLOSED);
        assertThat(t.entries()).hasSize(7);
        assertThat(t.entries().getLast().applied()).isFalse();
        assertThat(t.closedOn()).isEqualTo(DAY);
        assertThat(t.verifier()).isEqualTo("王清");
    }

    @Test
    void aSecondFoundOrAStepBeforeFoundIsNotApplied() {
        Timeline t = Lifecycle.fold(List.of(
                step("0", StepKind.NOTE, 1, "a"),
                step("1", StepKind.FOUND, 2, "a"),
                step("2", StepKind.FOUND, 3, "b")));
        assertThat(t.state()).isEqualTo(PENDING);
        assertThat(t.entries()).extracting(Timeline.Entry::applied).containsExactly(false, true, false);
    }

    @Test
    void extensionsAndReworkMoveTheDeadlineAndTheFirstDeadlineStays() {
        Timeline t = Lifecycle.fold(List.of(
                step("1", StepKind.FOUND, 1, "a"),
                step("2", StepKind.REGISTER, 2, "a"),
                step("3", StepKind.NOTIFY, 3, "a").withDeadline(DAY.plusDays(30)),
                step("4", StepKind.EXTEND, 4, "a").withDeadline(DAY.plusDays(60)),
                step("5", StepKind.REQUEST_CLOSE, 5, "a"),
                step("6", StepKind.REWORK, 6, "a").withVerdict(Verdict.POOR).withDeadline(DAY.plusDays(90)),
                step("7", StepKind.ESCALATE, 7, "a").withEscalation(Escalation.TALK)));
        assertThat(t.firstDeadline()).isEqualTo(DAY.plusDays(30));
        assertThat(t.deadline()).isEqualTo(DAY.plusDays(90));
        assertThat(t.extensions()).isEqualTo(1);
        assertThat(t.reworks()).isEqualTo(1);
        assertThat(t.escalations()).extracting(Step::escalation).containsExactly(Escalation.TALK);
        assertThat(t.state()).isEqualTo(RECTIFYING);
    }

    @Test
    void warningsFollowTheDeadlineTodayAndThePolicyAndNeverAFindingAwaitingVerification() {
        WarningPolicy p = new WarningPolicy(20, 10, 30);
        LocalDate today = LocalDate.of(2026, 6, 15);
        assertThat(Warning.of(RECTIFYING, today.plusDays(21), today, p)).isEqualTo(Warning.NONE);
        assertThat(Warning.of(RECTIFYING, today.plusDays(20), today, p)).isEqualTo(Warning.ATTENTION);
        assertThat(Warning.of(RECTIFYING, today.plusDays(10), today, p)).isEqualTo(Warning.SOON);
        assertThat(Warning.of(NOTIFIED, today, today, p)).isEqualTo(Warning.SOON);
        assertThat(Warning.of(NOTIFIED, today.minusDays(1), today, p)).isEqualTo(Warning.OVERDUE);
        assertThat(Warning.of(NOTIFIED, today.minusDays(30), today, p)).isEqualTo(Warning.OVERDUE);
        assertThat(Warning.of(NOTIFIED, today.minusDays(31), today, p)).isEqualTo(Warning.SEVERE);
        assertThat(Warning.of(CLOSE_REQUESTED, today.minusDays(31), today, p)).isEqualTo(Warning.NONE);
        assertThat(Warning.of(CLOSED, today.minusDays(31), today, p)).isEqualTo(Warning.NONE);
        assertThat(Warning.OVERDUE.reportLabel()).isEqualTo("逾期");
        assertThat(Warning.SOON.reportLabel()).isEqualTo("临期");
        assertThat(Warning.ATTENTION.reportLabel()).isEmpty();
    }

    @Test
    void warningPoliciesAndNumberFormatsAreReadFromTheirSettings() {
        assertThat(WarningPolicy.parse("20，10，30")).contains(new WarningPolicy(20, 10, 30));
        assertThat(WarningPolicy.parse("0,3,30")).contains(new WarningPolicy(0, 3, 30));
        assertThat(WarningPolicy.parse("5,10,30")).isEmpty(); // 关注 after 临期 makes no sense
        assertThat(WarningPolicy.parse("a,b,c")).isEmpty();
        assertThat(NumberFormat.DEFAULT.format(2026, 7)).isEqualTo("督改〔2026〕0007号");
        assertThat(NumberFormat.DEFAULT.format(2026, 12345)).isEqualTo("督改〔2026〕12345号");
        assertThat(new NumberFormat("{year}-{seq}").format(2027, 3)).isEqualTo("2027-3");
        assertThat(NumberFormat.isValid("督改〔2026〕{seq}号")).isFalse();
        assertThat(NumberFormat.isValid("督改〔{year}〕号")).isFalse();
        assertThat(NumberFormat.isValid("{year}{seq}{seq}")).isFalse();
    }
}
