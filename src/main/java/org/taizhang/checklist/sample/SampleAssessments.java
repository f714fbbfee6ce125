package org.taizhang.checklist.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/**
 * A year of assessments for the sample registry, as a committee would have it in autumn: most branches accepted
 * (a few failing: missed meetings, a late 换届), some on public notice, some awaiting review, some still doing
 * their self-assessment, some not started. Deterministic (seeded by the branch's id), so two devices that load
 * the sample make the same assessments with the same ids.
 */
public final class SampleAssessments {
    private SampleAssessments() {}

    /** The assessments to store, in order; each is complete and consistent with its status. */
    public static List<Assessment> of(Registry registry, ChecklistTemplate template, int year, LocalDate today) {
        List<Assessment> list = new ArrayList<>();
        List<Organization> branches = registry.organizations().stream()
                .filter(o -> o.kind().isBranch())
                .sorted(Comparator.comparing(Organization::id))
                .toList();
        for (Organization branch : branches) {
            Random random = new Random(branch.id().hashCode() * 31L + year);
            int roll = random.nextInt(100);
            if (roll < 10) {
                continue; // 未评
            }
            if (roll < 18) {
                list.add(scored(start(template, branch, Round.SELF, year), template, branch.kind(), random, 0.95, 20));
                continue; // 自评中: about a fifth of the items still open
            }
            if (roll < 28) {
                list.add(finished(start(template, branch, Round.SELF, year), template, branch, random, 0.97, today));
                continue; // 待审核
            }
            // accepted ones carry only their acceptance: the sample stays small enough to load in seconds
            double quality = roll < 36 ? 0.55 : 0.93; // a few branches fall short
            Assessment acceptance =
                    finished(start(template, branch, Round.ACCEPTANCE, year), template, branch, random, quality, today);
            list.add(roll < 44 ? acceptance : acceptance.closePublicity()); // 公示中, else the result stands
        }
        return list;
    }

    private static Assessment start(ChecklistTemplate t, Organization branch, Round round, int year) {
        return Assessment.start(
                ChecklistService.assessmentId(branch.id(), t.id(), round, year), branch.id(), t, round, year);
    }

    private static Assessment finished(
            Assessment a, ChecklistTemplate t, Organization branch, Random random, double quality, LocalDate today) {
        return scored(a, t, branch.kind(), random, quality, 100).finish(t, branch.kind(), today);
    }

    /** Answers {@code percent} of the applicable items; each is met with probability {@code quality}. */
    private static Assessment scored(
            Assessment a, ChecklistTemplate t, OrganizationKind kind, Random random, double quality, int percent) {
        Assessment result = a;
        for (ChecklistItem item : t.items()) {
            if (!item.appliesTo(kind)) {
                continue; // e.g. 党小组 for a 联合支部: not part of its standard
            }
            if (item.bonus()) {
                if (random.nextInt(10) == 0) {
                    result = result.answer(
                            t,
                            new ItemAnswer(
                                    item.key(),
                                    null,
                                    BigDecimal.valueOf(
                                            1 + random.nextInt(item.maxPoints().intValue())),
                                    null,
                                    false,
                                    null,
                                    "特色党建品牌"));
                }
                continue;
            }
            if (percent < 100 && random.nextInt(100) >= percent) {
                continue;
            }
            boolean good = random.nextDouble() < quality;
            ItemAnswer answer = switch (item.mode()) {
                case YES_NO ->
                    ItemAnswer.met(item.key(), good && !(item.veto() && quality < 0.6 && random.nextBoolean()));
                case GRADED ->
                    new ItemAnswer(
                            item.key(),
                            null,
                            good ? item.maxPoints() : item.maxPoints().divide(BigDecimal.valueOf(2)),
                            null,
                            false,
                            null,
                            null);
                case DEDUCTION -> ItemAnswer.occurrences(item.key(), good ? 0 : 1 + random.nextInt(4));
            };
            result = result.answer(t, answer);
        }
        return result;
    }
}
