package org.taizhang.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Text;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.NumberFormat;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Verdict;

/**
 * What each action of 挂号反馈、整改销号 asks of its input and the step it makes: the one home of these rules, used
 * by {@link FindingService} (one action per transaction) and by {@link FindingBatch} (many in one, for the sample and
 * benchmarks), so a rule added here holds on both paths. {@link Lifecycle} says which step a state allows; the rules
 * here check what the step carries. Each action is checked in two parts: its input first (before any record is read,
 * so a form's mistake is named before the state), then against the timeline it would join.
 */
public final class StepRules {
    private StepRules() {}

    /**
     * Makes a step's id and names its operator: a new id on the service, one derived from the finding and the step's
     * place in its timeline in a batch (so the same batch on two devices makes the same records).
     */
    @FunctionalInterface
    public interface StepMaker {
        Step make(String findingId, StepKind kind, LocalDate on, String text);
    }

    // ---- recording and numbering

    /**
     * A finding as recorded, 待挂号: the description stripped, found by {@code operator} unless it names who found
     * it, and what the life cycle owns (merged into, the number) left empty.
     */
    public static Finding recorded(Finding f, String operator) {
        return f.toBuilder()
                .description(f.description() == null ? null : f.description().strip())
                .foundBy(f.foundBy() == null ? operator : f.foundBy())
                .mergedInto(null)
                .number(null, null, null)
                .build();
    }

    /** The order 待挂号 findings are numbered in: as found, then as recorded (the id breaks ties the same way). */
    public static final Comparator<Finding> FOUND_ORDER = Comparator.comparing(Finding::foundOn)
            .thenComparing(f -> f.sourceRef() == null ? "" : f.sourceRef())
            .thenComparing(Finding::id);

    /** Only the hub gives numbers: two devices numbering on their own would give the same number twice. */
    public static void requireHub(InspectionSettings s) {
        if (!s.hub()) {
            throw new DomainException("inspection.error.registerOnHub");
        }
    }

    /**
     * Numbers {@code pending} in {@link #FOUND_ORDER}, in {@code year}, after the highest number ever given that
     * year; returns the numbered findings in that order.
     */
    public static List<Finding> number(List<Finding> pending, int year, int highestSeq, NumberFormat format) {
        List<Finding> sorted = new ArrayList<>(pending);
        sorted.sort(FOUND_ORDER);
        List<Finding> numbered = new ArrayList<>(sorted.size());
        int seq = highestSeq;
        for (Finding f : sorted) {
            seq++;
            numbered.add(f.withNumber(format.format(year, seq), year, seq));
        }
        return numbered;
    }

    // ---- what every step asks of the timeline it joins

    /** Refused unless the finding's state allows a step of {@code kind} ({@link Lifecycle#next}). */
    public static void allowed(Timeline t, StepKind kind) {
        if (Lifecycle.next(t.state(), kind).isEmpty()) {
            throw new DomainException(
                    "inspection.error.notAllowed",
                    new Text(kind.labelKey()),
                    new Text(t.state().labelKey()));
        }
    }

    /**
     * Refused unless the state allows the step and the step is not dated before the problem was found (a 交办
     * dated before it is a typing error).
     */
    public static void joins(Finding f, Timeline t, Step s) {
        allowed(t, s.kind());
        if (s.occurredOn() != null && f.foundOn() != null && s.occurredOn().isBefore(f.foundOn())) {
            throw new DomainException("inspection.error.stepBeforeFound", s.occurredOn(), f.foundOn());
        }
    }

    /** Measures, evidence and the record itself change only while the finding is open. */
    public static void requireOpen(FindingState state) {
        if (!state.isOpen()) {
            throw new DomainException("inspection.error.notOpen", new Text(state.labelKey()));
        }
    }

    // ---- each step's input

    public static Step notice(StepMaker m, String findingId, FindingService.Notice n, LocalDate on) {
        if (n.deadline() == null) {
            throw new DomainException("inspection.error.deadlineRequired");
        }
        if (n.deadline().isBefore(on)) {
            throw new DomainException("inspection.error.deadlineBeforeDay");
        }
        return m.make(findingId, StepKind.NOTIFY, on, n.text())
                .withDeadline(n.deadline())
                .withPeople(blankToNull(n.leader()), blankToNull(n.department()), blankToNull(n.person()));
    }

    public static Step receipt(StepMaker m, String findingId, LocalDate on) {
        return m.make(findingId, StepKind.RECEIPT, on, null);
    }

    /** A progress report, of one measure or of the whole: it must say what was done. */
    public static Step progress(StepMaker m, String findingId, String text, String measureId, LocalDate on) {
        if (text == null || text.isBlank()) {
            throw new DomainException("inspection.error.progressRequired");
        }
        return m.make(findingId, StepKind.PROGRESS, on, text.strip()).withMeasure(measureId);
    }

    /** 申请销号: what it asks of the timeline, evidence and measures is {@link FindingRules#checkRequestClose}. */
    public static Step requestClose(StepMaker m, String findingId, String text, LocalDate on) {
        return m.make(findingId, StepKind.REQUEST_CLOSE, on, blankToNull(text));
    }

    /** 核查 is a verifier's: 销号, 退回 and 二次整改 are refused to anyone else. */
    public static void requireVerifier(boolean verifier, String operator) {
        if (!verifier) {
            throw new DomainException("inspection.error.notVerifier", operator);
        }
    }

    public static Step close(StepMaker m, String findingId, Verdict verdict, String opinion, LocalDate on) {
        if (verdict == null || !verdict.closes()) {
            throw new DomainException("inspection.error.closeVerdict");
        }
        return m.make(findingId, StepKind.CLOSE, on, blankToNull(opinion)).withVerdict(verdict);
    }

    public static Step reject(StepMaker m, String findingId, String reason, LocalDate on) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException("inspection.error.reasonRequired");
        }
        return m.make(findingId, StepKind.REJECT, on, reason.strip());
    }

    /** 二次整改: the verifier rates the work 一般 or 差 and sets a new deadline, not before the day. */
    public static Step rework(
            StepMaker m, String findingId, Verdict verdict, String opinion, LocalDate newDeadline, LocalDate on) {
        if (verdict == null || verdict.closes()) {
            throw new DomainException("inspection.error.reworkVerdict");
        }
        if (newDeadline == null || newDeadline.isBefore(on)) {
            throw new DomainException("inspection.error.deadlineBeforeDay");
        }
        return m.make(findingId, StepKind.REWORK, on, blankToNull(opinion))
                .withVerdict(verdict)
                .withDeadline(newDeadline);
    }

    /** 延期 needs a reason and who approved it; the new deadline is checked against the timeline by {@link #later}. */
    public static Step extension(
            StepMaker m, String findingId, LocalDate newDeadline, String reason, String approver, LocalDate on) {
        if (reason == null || reason.isBlank() || approver == null || approver.isBlank()) {
            throw new DomainException("inspection.error.extensionIncomplete");
        }
        return m.make(findingId, StepKind.EXTEND, on, reason.strip())
                .withDeadline(newDeadline)
                .withApprover(approver.strip());
    }

    /** An extension moves the deadline later, never earlier or to the same day. */
    public static void later(Step extension, Timeline t) {
        LocalDate newDeadline = extension.deadline();
        if (newDeadline == null || (t.deadline() != null && !newDeadline.isAfter(t.deadline()))) {
            throw new DomainException("inspection.error.extensionNotLater", t.deadline());
        }
    }

    public static Step escalation(StepMaker m, String findingId, Escalation kind, String text, LocalDate on) {
        Objects.requireNonNull(kind, "kind");
        return m.make(findingId, StepKind.ESCALATE, on, blankToNull(text)).withEscalation(kind);
    }

    public static Step followUp(StepMaker m, String findingId, String text, LocalDate on) {
        return m.make(findingId, StepKind.FOLLOW_UP, on, required(text));
    }

    public static Step note(StepMaker m, String findingId, String text, LocalDate on) {
        return m.make(findingId, StepKind.NOTE, on, required(text));
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("inspection.error.textRequired");
        }
        return text.strip();
    }

    // ---- measures, 合并 and 屡查屡犯

    public static void checkMeasure(Measure m) {
        if (m.text() == null || m.text().isBlank()) {
            throw new DomainException("inspection.error.measureTextRequired");
        }
    }

    public static void checkMergeSelf(String absorbedId, String targetId) {
        if (absorbedId.equals(targetId)) {
            throw new DomainException("inspection.error.mergeSelf");
        }
    }

    /**
     * A merge keeps one finding of a unit: the target is open, and a number given is never lost or reused (when
     * only the absorbed one is numbered, the clerk must keep that one instead). Returns the 合并 step.
     */
    public static Step merge(
            StepMaker m,
            Finding absorbed,
            Timeline absorbedTimeline,
            Finding target,
            Timeline targetTimeline,
            LocalDate on) {
        if (!absorbed.unitId().equals(target.unitId())) {
            throw new DomainException("inspection.error.mergeOtherUnit");
        }
        if (absorbed.isNumbered() && !target.isNumbered()) {
            throw new DomainException("inspection.error.mergeKeepNumber", absorbed.number());
        }
        requireOpen(targetTimeline.state());
        allowed(absorbedTimeline, StepKind.MERGE);
        return m.make(absorbed.id(), StepKind.MERGE, on, target.number()).withOther(target.id());
    }

    /**
     * 不是重复: a clerk looked at two findings listed as possibly one problem and said they are two. Kept as a 备注 on
     * {@code finding} naming the other (a step like any other: it travels, stays in the timeline, and an older
     * program shows it as a plain 备注), so the pair is not listed again on any device.
     */
    public static Step distinct(StepMaker m, Finding finding, Finding other, String text, LocalDate on) {
        if (finding.id().equals(other.id())) {
            throw new DomainException("inspection.error.mergeSelf");
        }
        if (!finding.unitId().equals(other.unitId())) {
            throw new DomainException("inspection.error.mergeOtherUnit");
        }
        return m.make(finding.id(), StepKind.NOTE, on, required(text)).withOther(other.id());
    }

    /** Whether a clerk said the two findings are two problems ({@link #distinct}), on either of them. */
    public static boolean saidDistinct(Timeline a, String aId, Timeline b, String bId) {
        return a.steps().stream().anyMatch(s -> s.kind() == StepKind.NOTE && bId.equals(s.otherId()))
                || b.steps().stream().anyMatch(s -> s.kind() == StepKind.NOTE && aId.equals(s.otherId()));
    }

    /** 屡查屡犯: an earlier, closed finding of the same unit, of the same kind of problem. */
    public static void checkRepeat(Finding f, Finding earlier, Timeline earlierTimeline) {
        if (!earlier.unitId().equals(f.unitId()) || earlier.id().equals(f.id())) {
            throw new DomainException("inspection.error.repeatOtherUnit");
        }
        if (!earlierTimeline.isClosed()) {
            throw new DomainException("inspection.error.repeatNotClosed");
        }
        if (!sameProblemKind(f, earlier)) {
            throw new DomainException("inspection.error.repeatOtherCategory");
        }
    }

    /** 屡查屡犯 means the same kind of problem: the same category, or the same checklist item (source ref). */
    public static boolean sameProblemKind(Finding f, Finding earlier) {
        return Objects.equals(f.category(), earlier.category())
                || (f.sourceRef() != null && f.sourceRef().equals(earlier.sourceRef()));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
