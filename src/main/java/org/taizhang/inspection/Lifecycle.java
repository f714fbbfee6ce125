package org.taizhang.inspection;

import static org.taizhang.inspection.model.FindingState.CLOSED;
import static org.taizhang.inspection.model.FindingState.CLOSE_REQUESTED;
import static org.taizhang.inspection.model.FindingState.MERGED;
import static org.taizhang.inspection.model.FindingState.NOTIFIED;
import static org.taizhang.inspection.model.FindingState.PENDING;
import static org.taizhang.inspection.model.FindingState.RECTIFYING;
import static org.taizhang.inspection.model.FindingState.REGISTERED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;

/**
 * The state machine of 挂号反馈、整改销号: which steps each state allows and where they lead. Only these
 * transitions exist. A timeline is folded in the order of its steps' dots; a step that arrived from another
 * device after the finding had moved on (a progress report written on a laptop while the hub closed the finding)
 * stays in the timeline, marked as not applied: it is shown, never lost, and never moves the finding back.
 */
public final class Lifecycle {
    private Lifecycle() {}

    private static final Set<FindingState> DEADLINE_STATES = EnumSet.of(NOTIFIED, RECTIFYING, CLOSE_REQUESTED);
    private static final Set<FindingState> OPEN_STATES =
            EnumSet.of(PENDING, REGISTERED, NOTIFIED, RECTIFYING, CLOSE_REQUESTED);

    /** The state a step of {@code kind} leads to from {@code state}, or empty when it is not allowed there. */
    public static Optional<FindingState> next(FindingState state, StepKind kind) {
        FindingState to = switch (kind) {
            case FOUND -> null; // only as the first step (see fold)
            case REGISTER -> state == PENDING ? REGISTERED : null;
            case NOTIFY -> state == REGISTERED ? NOTIFIED : null;
            case RECEIPT -> state == NOTIFIED ? RECTIFYING : null;
            case PROGRESS -> state == NOTIFIED || state == RECTIFYING ? RECTIFYING : null;
            case REQUEST_CLOSE -> state == NOTIFIED || state == RECTIFYING ? CLOSE_REQUESTED : null;
            case CLOSE -> state == CLOSE_REQUESTED ? CLOSED : null;
            case REJECT, REWORK -> state == CLOSE_REQUESTED ? RECTIFYING : null;
            case EXTEND, ESCALATE -> DEADLINE_STATES.contains(state) ? state : null;
            case FOLLOW_UP -> state == CLOSED ? CLOSED : null;
            case MERGE -> OPEN_STATES.contains(state) ? MERGED : null;
            case NOTE -> state;
        };
        return Optional.ofNullable(to);
    }

    /** The steps a clerk may take next from {@code state} (FOUND is never offered). */
    public static List<StepKind> allowed(FindingState state) {
        List<StepKind> kinds = new ArrayList<>();
        for (StepKind k : StepKind.values()) {
            if (k != StepKind.FOUND && next(state, k).isPresent()) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** Orders steps as they are folded: by the dot of the change that wrote them, then by id. */
    public static final Comparator<Step> ORDER = Comparator.comparing(
                    (Step s) -> s.order(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Step::id);

    /** The finding's timeline: its steps in order, each marked applied or not, and what they add up to. */
    public static Timeline fold(List<Step> steps) {
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(ORDER);
        Timeline.Builder t = new Timeline.Builder();
        FindingState state = null;
        for (Step s : sorted) {
            FindingState to;
            if (s.kind() == StepKind.FOUND) {
                to = state == null ? PENDING : null;
            } else {
                to = state == null ? null : next(state, s.kind()).orElse(null);
            }
            if (to == null) {
                t.skipped(s);
                continue;
            }
            t.applied(s, state, to);
            state = to;
        }
        return t.build(state == null ? PENDING : state);
    }
}
