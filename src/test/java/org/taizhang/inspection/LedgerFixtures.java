package org.taizhang.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.store.Dot;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Warning;

/** Ledger rows made by hand for the pure figures (no database): a finding, a timeline that reaches a state. */
final class LedgerFixtures {
    private LedgerFixtures() {}

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static int next;

    static LedgerEntry entry(
            String unitId,
            String unitName,
            String category,
            String round,
            FindingState state,
            Warning warning,
            String repeatOf,
            String description,
            String organizationName) {
        String id = "f" + (++next);
        Finding f = new Finding(
                id,
                round,
                null,
                unitId,
                null,
                category,
                description,
                null,
                Severity.ORDINARY,
                RectificationType.DEADLINE,
                FindingSource.VISIT,
                null,
                DAY,
                "李明",
                repeatOf,
                state == FindingState.MERGED ? "other" : null,
                null,
                null,
                null,
                null,
                null);
        return new LedgerEntry(
                f, Lifecycle.fold(steps(id, state)), unitName, null, organizationName, round, List.of(), 0, warning);
    }

    static LedgerEntry entry(String unitId, String unitName, String category, FindingState state) {
        return entry(unitId, unitName, category, "r1", state, Warning.NONE, null, "问题", null);
    }

    /** The shortest run of steps that reaches {@code state}. */
    static List<Step> steps(String id, FindingState state) {
        List<StepKind> kinds = new ArrayList<>(List.of(StepKind.FOUND));
        switch (state) {
            case PENDING -> {}
            case MERGED -> kinds.add(StepKind.MERGE);
            default -> {
                List<StepKind> path = List.of(
                        StepKind.REGISTER, StepKind.NOTIFY, StepKind.RECEIPT, StepKind.REQUEST_CLOSE, StepKind.CLOSE);
                int upTo = switch (state) {
                    case REGISTERED -> 1;
                    case NOTIFIED -> 2;
                    case RECTIFYING -> 3;
                    case CLOSE_REQUESTED -> 4;
                    default -> 5;
                };
                kinds.addAll(path.subList(0, upTo));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            Step s = Step.of(id + "-" + i, id, kinds.get(i), DAY, "王清", null);
            if (kinds.get(i) == StepKind.NOTIFY) {
                s = s.withDeadline(DAY.plusDays(30));
            }
            steps.add(s.withOrder(new Dot(i + 1, "d")));
        }
        return steps;
    }
}
