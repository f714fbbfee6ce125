package org.taizhang.checklist;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.taizhang.organization.Community;
import org.taizhang.organization.Organization;
import org.taizhang.organization.OrganizationKind;
import org.taizhang.organization.Registry;

/**
 * The 达标验收 board of a year: every branch's status, and per 共同体 and overall the figures leadership reads —
 * 支部数, 已验收, 达标, 未达标, 达标率. The denominator is every 党支部 and 联合支部 of the registry (said under the
 * table), not only those assessed: 657 of 1,100+ branches is 57%, not 100%.
 */
public record AcceptanceBoard(int year, Map<String, AcceptanceStatus> statusByBranch, List<Row> rows, Row total) {

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

    public static AcceptanceBoard of(
            int year, Registry registry, List<Assessment> assessments, Function<Assessment, Scoring.Result> result) {
        Map<String, List<Assessment>> byBranch = new HashMap<>();
        for (Assessment a : assessments) {
            if (a.year() == year) {
                byBranch.computeIfAbsent(a.organizationId(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        Map<String, AcceptanceStatus> status = new LinkedHashMap<>();
        Map<String, int[]> counts =
                new LinkedHashMap<>(); // community id ("" = none) → branches, accepted, passed, failed
        for (Community c : registry.communities()) {
            counts.put(c.id(), new int[4]);
        }
        counts.put("", new int[4]);
        int[] total = new int[4];
        for (Organization o : registry.organizations()) {
            if (o.kind() != OrganizationKind.BRANCH && o.kind() != OrganizationKind.JOINT_BRANCH) {
                continue;
            }
            AcceptanceStatus s = AcceptanceStatus.of(byBranch.getOrDefault(o.id(), List.of()), result);
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
        return new AcceptanceBoard(year, status, rows, new Row(null, total[0], total[1], total[2], total[3]));
    }

    /** The community of the branch, or of the nearest organization above it that names one; "" for none. */
    static String communityOf(Registry registry, Organization o) {
        return registry.communityIdsOf(o).stream()
                .filter(id -> registry.community(id).isPresent())
                .findFirst()
                .orElse("");
    }
}
