package org.taizhang.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taizhang.core.DomainException;
import org.taizhang.core.Issue;
import org.taizhang.core.store.Dot;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.organization.model.Registry;

/** The checks a finding must pass before it is written (a form's live checks and the service use the same). */
public final class FindingRules {
    private FindingRules() {}

    /** Longest texts accepted, in characters (a ledger cell is read on paper; longer text is an error of entry). */
    public static final Map<String, Integer> MAX_LENGTHS =
            Map.of("description", 2000, "basis", 1000, "category", 50, "sourceRef", 200, "internalNotes", 2000);

    /**
     * What a finding must be to be recorded. {@code today}: a finding cannot have been found after it (null: the
     * caller checks the date itself, as the findings sheet does with the cell's own text).
     */
    public static List<Issue> check(Finding f, Registry registry, LocalDate today) {
        List<Issue> issues = new ArrayList<>();
        if (f.unitId() == null || registry.unit(f.unitId()).isEmpty()) {
            issues.add(Issue.error("unit", "inspection.error.unitRequired"));
        }
        if (f.organizationId() != null) {
            registry.organization(f.organizationId())
                    .filter(o -> o.unitId().equals(f.unitId()))
                    .ifPresentOrElse(
                            o -> {},
                            () -> issues.add(Issue.error("organization", "inspection.error.organizationOfOtherUnit")));
        }
        if (f.description() == null || f.description().isBlank()) {
            issues.add(Issue.error("description", "inspection.error.descriptionRequired"));
        }
        if (f.foundOn() == null) {
            issues.add(Issue.error("foundOn", "inspection.error.foundOnRequired"));
        } else if (today != null && f.foundOn().isAfter(today)) {
            issues.add(Issue.error("foundOn", "inspection.error.foundAfterToday", f.foundOn()));
        }
        length(issues, "description", f.description());
        length(issues, "basis", f.basis());
        length(issues, "category", f.category());
        length(issues, "sourceRef", f.sourceRef());
        length(issues, "internalNotes", f.internalNotes());
        return issues;
    }

    /**
     * What 申请销号 needs, for the service and its batch alike: evidence of the rectification, every measure done,
     * and after a 退回 or 二次整改 something new since it — a 整改进展 or evidence added later. Without that the
     * verifier would be asked again about the evidence just judged insufficient. Throws when refused.
     *
     * @param evidence when each piece of rectification evidence was first added (null: it comes with this request)
     */
    public static void checkRequestClose(Timeline t, List<Dot> evidence, long openMeasures) {
        if (evidence.isEmpty()) {
            throw new DomainException("inspection.error.evidenceRequired");
        }
        if (openMeasures > 0) {
            throw new DomainException("inspection.error.measuresOpen", openMeasures);
        }
        Step judged = null;
        boolean progressSince = false;
        for (Timeline.Entry e : t.entries()) {
            if (!e.applied()) {
                continue;
            }
            StepKind k = e.step().kind();
            if (k == StepKind.REJECT || k == StepKind.REWORK) {
                judged = e.step();
                progressSince = false;
            } else if (k == StepKind.PROGRESS) {
                progressSince = true;
            }
        }
        if (judged == null || progressSince) {
            return;
        }
        Dot after = judged.order();
        boolean newEvidence = evidence.stream().anyMatch(d -> d == null || after == null || d.compareTo(after) > 0);
        if (!newEvidence) {
            throw new DomainException(
                    "inspection.error.nothingNewSinceJudged",
                    new org.taizhang.core.i18n.Text(judged.kind().labelKey()),
                    judged.occurredOn());
        }
    }

    private static void length(List<Issue> issues, String field, String value) {
        int max = MAX_LENGTHS.get(field);
        if (value != null && value.length() > max) {
            issues.add(Issue.error(field, "inspection.error.tooLong", max, value.length()));
        }
    }
}
