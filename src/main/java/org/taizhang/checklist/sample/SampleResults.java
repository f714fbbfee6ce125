package org.taizhang.checklist.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.Round;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;

/**
 * Two earlier years of 达标验收 results for the sample registry, as a committee would have them in a spreadsheet
 * from before the program: the rate rising over the three-year plan (about 35% two years ago, 45% last year; the
 * sample assessments of this year pass about half), some branches not accepted in a year, ratings moving up
 * and down from year to year. Deterministic (seeded by branch and year), so every device makes the same results.
 */
public final class SampleResults {
    /** The file name noted on the sample's results: that of the same results in sample-data/. */
    public static final String SOURCE_FILE = "past-results.xlsx";

    private SampleResults() {}

    /** The results of {@code year − 2} and {@code year − 1}. */
    public static List<PastResult> of(Registry registry, int year) {
        List<Organization> branches = registry.organizations().stream()
                .filter(o -> o.kind().isBranch())
                .sorted(Comparator.comparing(Organization::id))
                .toList();
        List<PastResult> list = new ArrayList<>();
        double[] accepted = {0.50, 0.62}; // of all branches, two years ago and last year
        double[] passed = {0.35, 0.45};
        for (int k = 0; k < 2; k++) {
            int y = year - 2 + k;
            // a branch's standing is half its own (good branches stay good) and half the year's luck; the
            // branches are ranked by it, so that the rates are as intended rather than as the dice fall
            Map<Organization, Double> standing = new HashMap<>();
            for (Organization branch : branches) {
                // SplittableRandom mixes its seed: java.util.Random's first draws from neighbouring seeds are alike
                double own = new SplittableRandom(branch.id().hashCode()).nextDouble();
                double luck = new SplittableRandom(branch.id().hashCode() * 31L + y).nextDouble();
                standing.put(branch, own + luck);
            }
            List<Organization> ranked = branches.stream()
                    .sorted(Comparator.comparing((Organization o) -> -standing.get(o))
                            .thenComparing(Organization::id))
                    .toList();
            for (int i = 0; i < ranked.size(); i++) {
                double rank = (double) i / ranked.size();
                if (rank >= accepted[k]) {
                    break; // the rest were not accepted that year: 未评 on that year's board
                }
                Organization branch = ranked.get(i);
                SplittableRandom random = new SplittableRandom(branch.id().hashCode() * 17L + y);
                boolean pass = rank < passed[k];
                // a pass spreads over 二星..五星, a failure stays under 60 (一星)
                double raw = pass ? 60 + random.nextDouble() * 39.9 : 40 + random.nextDouble() * 19.9;
                BigDecimal score = BigDecimal.valueOf(raw).setScale(1, RoundingMode.HALF_UP);
                list.add(new PastResult(
                        PastResult.idOf(branch.id(), y, Round.ACCEPTANCE),
                        branch.id(),
                        y,
                        Round.ACCEPTANCE,
                        score,
                        rating(score, random),
                        pass,
                        SOURCE_FILE));
            }
        }
        list.sort(Comparator.comparing(PastResult::id));
        return list;
    }

    /** The 四化 standard's bands; 五星 needs an innovation project, which about half of those over 90 had. */
    private static String rating(BigDecimal score, SplittableRandom random) {
        if (score.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return random.nextBoolean() ? "五星" : "四星";
        }
        if (score.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "四星";
        }
        if (score.compareTo(BigDecimal.valueOf(70)) >= 0) {
            return "三星";
        }
        if (score.compareTo(BigDecimal.valueOf(60)) >= 0) {
            return "二星";
        }
        return "一星";
    }
}
