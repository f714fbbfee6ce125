package org.taizhang.checklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taizhang.organization.Organization;

/**
 * One branch's standing over the years (its ratings may move up or down) and the items its latest finished
 * assessment did not fully meet — what the branch still has to work on, and what may become a finding.
 */
public record BranchRecord(Organization branch, List<Year> years, List<OpenItem> openItems) {

    /** The branch in one year: where it stands on the board and its most advanced assessment's figures. */
    public record Year(int year, AcceptanceStatus standing, Round round, BigDecimal total, String rating) {}

    /** An item scored below its points in the latest finished assessment (the template's own key kept). */
    public record OpenItem(String itemKey, String number, String text, BigDecimal points, BigDecimal maxPoints) {}

    /**
     * @param assessments the branch's assessments of the years wanted
     * @param templates every template by id
     */
    public static BranchRecord of(
            Organization branch,
            int fromYear,
            int toYear,
            List<Assessment> assessments,
            Map<String, ChecklistTemplate> templates) {
        List<Year> years = new ArrayList<>();
        for (int y = toYear; y >= fromYear; y--) {
            int year = y;
            List<Assessment> ofYear =
                    assessments.stream().filter(a -> a.year() == year).toList();
            AcceptanceStatus standing = AcceptanceStatus.of(ofYear, a -> result(a, branch, templates));
            Optional<Assessment> latest = ofYear.stream()
                    .max(Comparator.comparing((Assessment a) -> a.round().ordinal())
                            .thenComparing(Assessment::id));
            Scoring.Score score =
                    latest.flatMap(a -> score(a, branch, templates)).orElse(null);
            years.add(new Year(
                    year,
                    standing,
                    latest.map(Assessment::round).orElse(null),
                    score == null ? null : score.total(),
                    score == null || score.rating() == null
                            ? null
                            : score.rating().name()));
        }
        List<OpenItem> open = new ArrayList<>();
        assessments.stream()
                .filter(Assessment::isReadOnly)
                .max(Comparator.comparing(Assessment::year)
                        .thenComparing(a -> a.round().ordinal())
                        .thenComparing(Assessment::id))
                .ifPresent(a -> {
                    ChecklistTemplate t = templates.get(a.templateId());
                    Scoring.Score s = score(a, branch, templates).orElse(null);
                    if (t == null || s == null) {
                        return;
                    }
                    for (ChecklistItem item : t.items()) {
                        BigDecimal p = s.points().get(item.key());
                        if (!item.bonus() && p != null && p.compareTo(item.maxPoints()) < 0) {
                            open.add(new OpenItem(item.key(), item.number(), item.text(), p, item.maxPoints()));
                        }
                    }
                });
        return new BranchRecord(branch, List.copyOf(years), List.copyOf(open));
    }

    private static Optional<Scoring.Score> score(
            Assessment a, Organization branch, Map<String, ChecklistTemplate> templates) {
        ChecklistTemplate t = templates.get(a.templateId());
        return t == null ? Optional.empty() : Optional.of(a.score(t, branch.kind()));
    }

    private static Scoring.Result result(Assessment a, Organization branch, Map<String, ChecklistTemplate> templates) {
        return score(a, branch, templates).map(Scoring.Score::result).orElse(Scoring.Result.INCOMPLETE);
    }
}
