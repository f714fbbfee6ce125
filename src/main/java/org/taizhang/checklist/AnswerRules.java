package org.taizhang.checklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.core.Issue;

/** Whether an answer fits its item: the form, the Excel round trip and the save all ask here. */
public final class AnswerRules {
    private AnswerRules() {}

    public static List<Issue> check(ChecklistItem item, ItemAnswer answer) {
        List<Issue> issues = new ArrayList<>();
        String field = item.number();
        if (answer.notApplicable()) {
            if (answer.notApplicableReason() == null
                    || answer.notApplicableReason().isBlank()) {
                issues.add(Issue.error(field, "checklist.error.notApplicableReason", item.number()));
            }
            if (item.veto()) {
                issues.add(Issue.error(field, "checklist.error.vetoNotApplicable", item.number()));
            }
            return issues;
        }
        if (answer.score() != null) {
            BigDecimal s = answer.score();
            if (s.signum() < 0 || s.compareTo(item.maxPoints()) > 0) {
                issues.add(Issue.error(field, "checklist.error.scoreRange", item.number(), item.maxPoints()));
            } else if (s.stripTrailingZeros().scale() > 1) {
                issues.add(Issue.error(field, "checklist.error.scoreDecimals", item.number()));
            }
        }
        if (answer.occurrences() != null && answer.occurrences() < 0) {
            issues.add(Issue.error(field, "checklist.error.occurrencesNegative", item.number()));
        }
        return issues;
    }
}
