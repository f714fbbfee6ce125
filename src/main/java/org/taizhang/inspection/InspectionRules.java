package org.taizhang.inspection;

import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.Issue;
import org.taizhang.inspection.model.Inspection;

/** The checks a round must pass before it is saved (the form's live checks and the service use the same). */
public final class InspectionRules {
    private InspectionRules() {}

    public static List<Issue> check(Inspection i) {
        List<Issue> issues = new ArrayList<>();
        if (i.title() == null || i.title().isBlank()) {
            issues.add(Issue.error("title", "inspection.error.titleRequired"));
        } else if (i.title().length() > 100) {
            issues.add(Issue.error(
                    "title", "inspection.error.tooLong", 100, i.title().length()));
        }
        if (i.kind() == null || i.kind().isBlank()) {
            issues.add(Issue.error("kind", "inspection.error.kindRequired"));
        }
        if (i.year() < 2000 || i.year() > 2100) {
            issues.add(Issue.error("year", "inspection.error.year"));
        }
        if (i.startsOn() != null && i.endsOn() != null && i.endsOn().isBefore(i.startsOn())) {
            issues.add(Issue.error("endsOn", "inspection.error.periodReversed"));
        }
        if (i.startsOn() != null && i.startsOn().getYear() != i.year()) {
            issues.add(Issue.warning(
                    "startsOn", "inspection.check.otherYear", i.startsOn().getYear(), i.year()));
        }
        return issues;
    }

    /** A round its findings refer to stays: deleting it would take the 来源 from the ledger. */
    public static List<Issue> checkDelete(Inspection i, long findings) {
        return findings > 0 ? List.of(Issue.error(null, "inspection.error.roundInUse", findings)) : List.of();
    }
}
