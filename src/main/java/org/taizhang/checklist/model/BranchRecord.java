package org.taizhang.checklist.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.Scoring;
import org.taizhang.organization.model.Organization;

/**
 * One branch's standing over the years (its ratings may move up or down) and the items its latest finished
 * assessment did not fully meet — what the branch still has to work on, and what may become a finding.
 */
public record BranchRecord(Organization branch, List<Year> years, List<OpenItem> openItems) {

    /**
     * The branch in one year: where it stands on the board and the figures that decide it — its most advanced
     * assessment's, an imported result's ({@code imported}) or the committee's direct rating ({@code direct}).
     */
    public record Year(
            int year,
            AcceptanceStatus standing,
            Round round,
            BigDecimal total,
            String rating,
            boolean imported,
            boolean direct) {}

    /** An item scored below its points in the latest finished assessment (the template's own key kept). */
    public record OpenItem(String itemKey, String number, String text, BigDecimal points, BigDecimal maxPoints) {}

    /**
     * @param assessments the branch's assessments of the years wanted
     * @param templates every template by id
     */
    /**
     * @param boards the boards of the years wanted (they know imported results and direct ratings)
     * @param assessments the branch's assessments of those years
     * @param templates every template by id
     */
    public static BranchRecord of(
            Organization branch,
            List<AcceptanceBoard> boards,
            List<Assessment> assessments,
            Map<String, ChecklistTemplate> templates) {
        List<Year> years = new ArrayList<>();
        List<AcceptanceBoard> newestFirst = new ArrayList<>(boards);
        newestFirst.sort(Comparator.comparingInt(AcceptanceBoard::year).reversed());
        for (AcceptanceBoard board : newestFirst) {
            int year = board.year();
            AcceptanceBoard.Standing standing = board.standingByBranch().get(branch.id());
            Optional<Assessment> latest = assessments.stream()
                    .filter(a -> a.year() == year)
                    .max(Comparator.comparing((Assessment a) -> a.round().ordinal())
                            .thenComparing(Assessment::id));
            Scoring.Score score =
                    latest.flatMap(a -> score(a, branch, templates)).orElse(null);
            BigDecimal total = standing != null && standing.score() != null
                    ? standing.score()
                    : score == null ? null : score.total();
            String rating = standing != null && standing.rating() != null
                    ? standing.rating()
                    : score == null || score.rating() == null
                            ? null
                            : score.rating().name();
            years.add(new Year(
                    year,
                    standing == null ? AcceptanceStatus.NOT_ASSESSED : standing.status(),
                    latest.map(Assessment::round).orElse(null),
                    total,
                    rating,
                    standing != null && standing.imported(),
                    standing != null && standing.direct()));
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
}
