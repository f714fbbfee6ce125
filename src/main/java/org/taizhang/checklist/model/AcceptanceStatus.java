package org.taizhang.checklist.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.taizhang.checklist.Scoring;

/**
 * Where a branch stands in a year on the 达标验收 board: 未评 / 自评中 / 待审核 / 公示中 / 达标 / 未达标. Derived from
 * its assessments of that year, never stored: a branch is 达标 when its latest finished 达标验收 says so.
 */
public enum AcceptanceStatus {
    NOT_ASSESSED("checklist.board.notAssessed"),
    SELF_ASSESSING("checklist.board.selfAssessing"),
    AWAITING_REVIEW("checklist.board.awaitingReview"),
    IN_PUBLICITY("checklist.board.inPublicity"),
    PASSED("checklist.board.passed"),
    FAILED("checklist.board.failed");

    private final String messageKey;

    AcceptanceStatus(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /**
     * @param assessments one branch's assessments of one year (any order; {@code id} breaks ties the same way
     *     everywhere)
     * @param result the computed result of a finished assessment (its template's rules)
     */
    public static AcceptanceStatus of(List<Assessment> assessments, Function<Assessment, Scoring.Result> result) {
        return of(assessments, result, order(a -> 0L, a -> null));
    }

    /**
     * Which of several assessments of one round counts, the greatest last: the newest template's (year, then
     * version), then a handed-in one (finished or on public notice) over one still scoring, then the one handed in
     * later ({@code handedIn}: when, as the history says it — the same on every device), then by id for a stable
     * choice. The board counts by it and the scoring page shows them in it, the one counting first.
     */
    public static Comparator<Assessment> order(
            java.util.function.ToLongFunction<Assessment> templateRank, Function<Assessment, String> handedIn) {
        return Comparator.comparingLong(templateRank)
                .thenComparing((Assessment a) -> a.status() != Assessment.Status.SCORING)
                .thenComparing(handedIn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Assessment::id);
    }

    /** … of several assessments of one round, the one {@link #order} puts last decides. */
    public static AcceptanceStatus of(
            List<Assessment> assessments,
            Function<Assessment, Scoring.Result> result,
            Comparator<Assessment> templateRank) {
        Optional<Assessment> acceptance = latest(assessments, Round.ACCEPTANCE, templateRank);
        if (acceptance.isPresent()) {
            Assessment a = acceptance.get();
            return switch (a.status()) {
                case FINISHED -> result.apply(a) == Scoring.Result.PASSED ? PASSED : FAILED;
                case PUBLICITY -> IN_PUBLICITY;
                case SCORING -> AWAITING_REVIEW; // the team is scoring: the branch waits for its result
            };
        }
        if (assessments.stream().anyMatch(a -> a.round() != Round.SELF)) {
            return AWAITING_REVIEW;
        }
        Optional<Assessment> self = latest(assessments, Round.SELF, templateRank);
        if (self.isEmpty()) {
            return NOT_ASSESSED;
        }
        return self.get().status() == Assessment.Status.SCORING ? SELF_ASSESSING : AWAITING_REVIEW;
    }

    public static Optional<Assessment> latest(List<Assessment> assessments, Round round) {
        return latest(assessments, round, order(a -> 0L, a -> null));
    }

    /**
     * The assessment of a round that counts: the newest template's (one branch may be assessed against several),
     * then a finished one over an open one (a reopened one is open again), then by id for a stable choice — the
     * order the scoring page shows them in.
     */
    public static Optional<Assessment> latest(List<Assessment> assessments, Round round, Comparator<Assessment> order) {
        return assessments.stream().filter(a -> a.round() == round).max(order);
    }
}
