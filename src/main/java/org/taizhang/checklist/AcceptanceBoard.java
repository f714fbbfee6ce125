package org.taizhang.checklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.DirectRating;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.RatingQuota;
import org.taizhang.checklist.model.Round;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/**
 * The 达标验收 board of a year: every branch's status, score and rating, and per 共同体 and overall the figures
 * leadership reads — 支部数, 已验收, 达标, 未达标, 达标率. The denominator is every 党支部 and 联合支部 of the registry
 * (said under the table), not only those assessed: 657 of 1,100+ branches is 57%, not 100%.
 *
 * <p>A branch's standing comes from its assessments of the year; when it has no 达标验收 assessment that year, from
 * a result of that year imported from a spreadsheet ({@link PastResult}): an imported 达标验收 result gives
 * 达标/未达标 with its score and rating, so the board shows the years before the program too.
 *
 * @param standingByBranch every branch's status with its score and rating (null when there is none yet)
 */
public record AcceptanceBoard(
        int year,
        Map<String, AcceptanceStatus> statusByBranch,
        Map<String, Standing> standingByBranch,
        List<Row> rows,
        Row total) {

    /**
     * Where one branch stands: its status, and the total and rating of the assessment (or imported result) that
     * decides it; {@code imported} when they come from an imported result.
     */
    public record Standing(AcceptanceStatus status, BigDecimal score, String rating, boolean imported, boolean direct) {
        public Standing(AcceptanceStatus status, BigDecimal score, String rating, boolean imported) {
            this(status, score, rating, imported, false);
        }

        /**
         * Whether the rating is the year's 达标验收 rating (an acceptance, its imported result, or 直接定级), the one
         * the 等级比例 limit: an imported 自评 or 检查组评估 rating is shown but not counted.
         */
        public boolean ratedInAcceptance() {
            return status == AcceptanceStatus.PASSED
                    || status == AcceptanceStatus.FAILED
                    || status == AcceptanceStatus.IN_PUBLICITY;
        }

        /** 直接定级: the committee's rating over the computed one; the branch is 达标. */
        Standing directly(String directRating) {
            return new Standing(AcceptanceStatus.PASSED, score, directRating, imported, true);
        }
    }

    /**
     * One line: a 共同体 (a branch belongs to the community of its nearest organization that names one), the
     * branches not in any (community null), or the total.
     */
    public record Row(Community community, int branches, int accepted, int passed, int failed) {
        /** 达标率: passed of all branches, in percent with one decimal (57.1). */
        public BigDecimal rate() {
            return branches == 0
                    ? BigDecimal.ZERO.setScale(1)
                    : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(branches), 1, RoundingMode.HALF_UP);
        }
    }

    /** The board from assessments alone, knowing only each finished assessment's result (no scores shown). */
    public static AcceptanceBoard of(
            int year, Registry registry, List<Assessment> assessments, Function<Assessment, Scoring.Result> result) {
        return of(
                year,
                registry,
                assessments,
                List.of(),
                a -> new Scoring.Score(null, null, null, Map.of(), List.of(), List.of(), result.apply(a), null));
    }

    /**
     * @param assessments assessments of the year (others are ignored)
     * @param results imported results (those of other years are ignored)
     * @param score a finished or publicised assessment scored by its own template and its branch's kind
     */
    public static AcceptanceBoard of(
            int year,
            Registry registry,
            List<Assessment> assessments,
            List<PastResult> results,
            Function<Assessment, Scoring.Score> score) {
        return of(year, registry, assessments, results, score, AcceptanceStatus.order(a -> 0L, a -> null));
    }

    /**
     * @param order of several assessments of one branch in one round, the one it puts last decides
     *     ({@link AcceptanceStatus#order}: the newest template's, then a handed-in one, then the later handed in)
     */
    public static AcceptanceBoard of(
            int year,
            Registry registry,
            List<Assessment> assessments,
            List<PastResult> results,
            Function<Assessment, Scoring.Score> score,
            java.util.Comparator<Assessment> order) {
        Map<String, List<Assessment>> byBranch = new HashMap<>();
        for (Assessment a : assessments) {
            if (a.year() == year) {
                byBranch.computeIfAbsent(a.organizationId(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        Map<String, List<PastResult>> importedByBranch = new HashMap<>();
        for (PastResult r : results) {
            if (r.year() == year) {
                importedByBranch
                        .computeIfAbsent(r.organizationId(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        Map<String, Standing> standings = new LinkedHashMap<>();
        for (Organization o : registry.organizations()) {
            if (o.kind() != OrganizationKind.BRANCH && o.kind() != OrganizationKind.JOINT_BRANCH) {
                continue;
            }
            standings.put(
                    o.id(),
                    standing(
                            byBranch.getOrDefault(o.id(), List.of()),
                            importedByBranch.getOrDefault(o.id(), List.of()),
                            score,
                            order));
        }
        return tally(year, registry, standings);
    }

    /**
     * The same board with the committee's direct ratings of its year applied: each such branch is 达标 with the
     * rating given, whatever its assessments say.
     */
    public AcceptanceBoard withDirectRatings(Registry registry, List<DirectRating> direct) {
        Map<String, Standing> standings = new LinkedHashMap<>(standingByBranch);
        for (DirectRating d : direct) {
            Standing was = standings.get(d.organizationId());
            if (d.year() == year && was != null) {
                standings.put(d.organizationId(), was.directly(d.rating()));
            }
        }
        return tally(year, registry, standings);
    }

    /** Ratings over their share of the year's branches (every 党支部 and 联合支部 is the denominator, as for 达标率). */
    public List<RatingQuota.Excess> excesses(List<RatingQuota> quotas) {
        List<RatingQuota.Excess> over = new ArrayList<>();
        for (RatingQuota q : quotas) {
            if (q.year() != year || total.branches() == 0) {
                continue;
            }
            int count = (int) standingByBranch.values().stream()
                    .filter(s -> s.ratedInAcceptance() && q.rating().equals(s.rating()))
                    .count();
            BigDecimal share = BigDecimal.valueOf(count * 100L)
                    .divide(BigDecimal.valueOf(total.branches()), 1, RoundingMode.HALF_UP);
            if (share.compareTo(q.maxShare()) > 0) {
                over.add(new RatingQuota.Excess(q.rating(), count, share, q.maxShare()));
            }
        }
        return over;
    }

    /** Counts the branches' standings per 共同体 and overall. */
    private static AcceptanceBoard tally(int year, Registry registry, Map<String, Standing> standings) {
        Map<String, AcceptanceStatus> status = new LinkedHashMap<>();
        Map<String, int[]> counts =
                new LinkedHashMap<>(); // community id ("" = none) → branches, accepted, passed, failed
        for (Community c : registry.communities()) {
            counts.put(c.id(), new int[4]);
        }
        counts.put("", new int[4]);
        int[] total = new int[4];
        for (Organization o : registry.organizations()) {
            Standing standing = standings.get(o.id());
            if (standing == null) {
                continue;
            }
            AcceptanceStatus s = standing.status();
            status.put(o.id(), s);
            String community = communityOf(registry, o);
            for (int[] c : List.of(counts.computeIfAbsent(community, k -> new int[4]), total)) {
                c[0]++;
                if (s == AcceptanceStatus.PASSED || s == AcceptanceStatus.FAILED) {
                    c[1]++;
                }
                if (s == AcceptanceStatus.PASSED) {
                    c[2]++;
                }
                if (s == AcceptanceStatus.FAILED) {
                    c[3]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((id, c) -> {
            if (!id.isEmpty() || c[0] > 0) {
                rows.add(new Row(registry.community(id).orElse(null), c[0], c[1], c[2], c[3]));
            }
        });
        return new AcceptanceBoard(
                year,
                status,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(standings)),
                rows,
                new Row(null, total[0], total[1], total[2], total[3]));
    }

    /** A unit's line: its branches' figures (a branch counts for the unit it belongs to). */
    public record UnitRow(org.taizhang.organization.model.Unit unit, Row figures) {}

    /** The same figures per unit, in the registry's order; units without branches are left out. */
    public List<UnitRow> byUnit(Registry registry) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        registry.units().forEach(u -> counts.put(u.id(), new int[4]));
        for (Organization o : registry.organizations()) {
            AcceptanceStatus s = statusByBranch.get(o.id());
            int[] c = counts.get(o.unitId());
            if (s == null || c == null) {
                continue; // not a branch, or a branch of a unit no longer in the registry
            }
            c[0]++;
            if (s == AcceptanceStatus.PASSED || s == AcceptanceStatus.FAILED) {
                c[1]++;
            }
            if (s == AcceptanceStatus.PASSED) {
                c[2]++;
            }
            if (s == AcceptanceStatus.FAILED) {
                c[3]++;
            }
        }
        List<UnitRow> rows = new ArrayList<>();
        registry.units().forEach(u -> {
            int[] c = counts.get(u.id());
            if (c[0] > 0) {
                rows.add(new UnitRow(u, new Row(null, c[0], c[1], c[2], c[3])));
            }
        });
        return rows;
    }

    /** One board per year from {@code from} to {@code to} (the three-year plan), the registry as it is now. */
    public static List<AcceptanceBoard> of(
            int from,
            int to,
            Registry registry,
            List<Assessment> assessments,
            List<PastResult> results,
            Function<Assessment, Scoring.Score> score) {
        return of(from, to, registry, assessments, results, score, AcceptanceStatus.order(a -> 0L, a -> null));
    }

    /** … the newest template's assessment deciding among several of one round (see {@link AcceptanceStatus#order}). */
    public static List<AcceptanceBoard> of(
            int from,
            int to,
            Registry registry,
            List<Assessment> assessments,
            List<PastResult> results,
            Function<Assessment, Scoring.Score> score,
            java.util.Comparator<Assessment> order) {
        List<AcceptanceBoard> boards = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            boards.add(of(year, registry, assessments, results, score, order));
        }
        return boards;
    }

    /**
     * A 达标验收 assessment of the year decides, whatever its state; without one, an imported 达标验收 result does;
     * without either, the other assessments (and an imported 自评 or 检查组评估 result counts as a finished one of
     * that round: the branch awaits its acceptance).
     */
    private static Standing standing(
            List<Assessment> own,
            List<PastResult> imported,
            Function<Assessment, Scoring.Score> score,
            java.util.Comparator<Assessment> rank) {
        Optional<Assessment> acceptance = AcceptanceStatus.latest(own, Round.ACCEPTANCE, rank);
        if (acceptance.isPresent()) {
            Assessment a = acceptance.get();
            Scoring.Score s = a.status() == Assessment.Status.SCORING ? null : score.apply(a);
            AcceptanceStatus status = AcceptanceStatus.of(own, x -> s.result(), rank);
            return new Standing(
                    status,
                    s == null ? null : s.total(),
                    s == null || s.rating() == null ? null : s.rating().name(),
                    false);
        }
        Optional<PastResult> result = imported.stream()
                .filter(r -> r.round() == Round.ACCEPTANCE)
                .findFirst(); // one per branch, round and year: the id says so
        if (result.isPresent()) {
            PastResult r = result.get();
            return new Standing(
                    r.passed() ? AcceptanceStatus.PASSED : AcceptanceStatus.FAILED, r.totalScore(), r.rating(), true);
        }
        AcceptanceStatus status = AcceptanceStatus.of(own, x -> score.apply(x).result(), rank);
        if (status == AcceptanceStatus.NOT_ASSESSED && !imported.isEmpty()) {
            PastResult r = imported.stream()
                    .max(java.util.Comparator.comparing(PastResult::round))
                    .orElseThrow();
            return new Standing(AcceptanceStatus.AWAITING_REVIEW, r.totalScore(), r.rating(), true);
        }
        return new Standing(status, null, null, false);
    }

    /** The community of the branch, or of the nearest organization above it that names one; "" for none. */
    static String communityOf(Registry registry, Organization o) {
        return registry.communityIdsOf(o).stream()
                .filter(id -> registry.community(id).isPresent())
                .findFirst()
                .orElse("");
    }
}
