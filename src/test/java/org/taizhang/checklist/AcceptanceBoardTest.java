package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.RatingQuota;
import org.taizhang.checklist.model.Round;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

class AcceptanceBoardTest {
    private final ChecklistTemplate site = BuiltInTemplates.site(2026).published();

    private static Organization org(String id, String parent, OrganizationKind kind, String community) {
        return new Organization(
                id, "u1", parent, id, kind, null, null, 10, false, null, null, community, null, null, null, 0);
    }

    private Assessment acceptance(String branch, boolean pass) {
        Assessment a = Assessment.start("a-" + branch, branch, site, Round.ACCEPTANCE, 2026);
        for (ChecklistItem i : site.items()) {
            a = a.answer(
                    site,
                    switch (i.mode()) {
                        case YES_NO -> ItemAnswer.met(i.key(), pass);
                        case GRADED ->
                            ItemAnswer.scored(i.key(), pass ? i.maxPoints().toPlainString() : "0");
                        case DEDUCTION -> ItemAnswer.occurrences(i.key(), pass ? 0 : 10);
                    });
        }
        return a.finish(site, OrganizationKind.BRANCH, LocalDate.of(2026, 6, 1)).closePublicity();
    }

    @Test
    void ofTwoAcceptancesOfOneBranchTheNewestTemplatesDecidesNotTheLargestId() {
        Registry registry = new Registry(
                List.of(new Unit("u1", "江海市财政局", null, null, null, null, 0)),
                List.of(),
                List.of(org("b1", null, OrganizationKind.BRANCH, null)));
        Assessment older = acceptance("b1", true);
        Assessment newer = acceptance("b1", false);
        // the older template's assessment has the larger id: by id alone it decided
        older = new Assessment(
                "z-older",
                older.organizationId(),
                older.templateId(),
                older.round(),
                older.year(),
                older.status(),
                older.publicityStart(),
                older.publicityEnd(),
                older.reopenReason(),
                older.answers());
        newer = new Assessment(
                "a-newer",
                newer.organizationId(),
                newer.templateId(),
                newer.round(),
                newer.year(),
                newer.status(),
                newer.publicityStart(),
                newer.publicityEnd(),
                newer.reopenReason(),
                newer.answers());
        String newerId = newer.id();

        AcceptanceBoard board = AcceptanceBoard.of(
                2026,
                registry,
                List.of(older, newer),
                List.of(),
                a -> a.score(site, OrganizationKind.BRANCH),
                AcceptanceStatus.order(a -> a.id().equals(newerId) ? 20_260_002L : 20_260_001L, a -> null));

        assertThat(board.statusByBranch()).containsEntry("b1", AcceptanceStatus.FAILED);
    }

    @Test
    void onlyRatingsOfTheAcceptanceCountTowardTheQuotas() {
        Registry registry = new Registry(
                List.of(new Unit("u1", "江海市财政局", null, null, null, null, 0)),
                List.of(),
                List.of(
                        org("b1", null, OrganizationKind.BRANCH, null),
                        org("b2", null, OrganizationKind.BRANCH, null),
                        org("b3", null, OrganizationKind.BRANCH, null),
                        org("b4", null, OrganizationKind.BRANCH, null)));
        java.math.BigDecimal ninety = new java.math.BigDecimal("90");
        List<PastResult> imported = List.of(
                new PastResult("r1", "b1", 2026, Round.SELF, ninety, "五星", true, "自评.xlsx"),
                new PastResult("r2", "b2", 2026, Round.REVIEW, ninety, "五星", true, "检查组.xlsx"),
                new PastResult("r3", "b3", 2026, Round.ACCEPTANCE, ninety, "五星", true, "验收.xlsx"));
        AcceptanceBoard board =
                AcceptanceBoard.of(2026, registry, List.of(), imported, a -> a.score(site, OrganizationKind.BRANCH));
        RatingQuota quota = new RatingQuota("q", 2026, "五星", new java.math.BigDecimal("25"));

        // one 五星 of four branches in the 达标验收 is 25%, within the share; the 自评 and 检查组 ones do not count
        assertThat(board.excesses(List.of(quota))).isEmpty();
        RatingQuota tighter = new RatingQuota("q", 2026, "五星", new java.math.BigDecimal("20"));
        assertThat(board.excesses(List.of(tighter)))
                .singleElement()
                .satisfies(e -> assertThat(e.count()).isEqualTo(1));
    }

    @Test
    void theRateIsPassedBranchesOfAllBranchesPerCommunityAndOverall() {
        Registry registry = new Registry(
                List.of(new Unit("u1", "江海市财政局", null, null, null, null, 0)),
                List.of(new Community("c1", "经济发展共同体", "u1", null, null)),
                List.of(
                        org("committee", null, OrganizationKind.PARTY_COMMITTEE, "c1"),
                        org("b1", "committee", OrganizationKind.BRANCH, null),
                        org("b2", "committee", OrganizationKind.BRANCH, null),
                        org("b3", "committee", OrganizationKind.JOINT_BRANCH, null),
                        org("general", "committee", OrganizationKind.GENERAL_BRANCH, null),
                        org("b4", "general", OrganizationKind.BRANCH, null),
                        org("lone", null, OrganizationKind.BRANCH, null)));
        List<Assessment> assessments = new ArrayList<>(List.of(
                acceptance("b1", true),
                acceptance("b2", false),
                Assessment.start("s-b3", "b3", site, Round.SELF, 2026),
                acceptance("lone", true)));

        AcceptanceBoard board = AcceptanceBoard.of(
                2026,
                registry,
                assessments,
                a -> a.score(site, OrganizationKind.BRANCH).result());

        assertThat(board.statusByBranch())
                .containsEntry("b1", AcceptanceStatus.PASSED)
                .containsEntry("b2", AcceptanceStatus.FAILED)
                .containsEntry("b3", AcceptanceStatus.SELF_ASSESSING)
                .containsEntry("b4", AcceptanceStatus.NOT_ASSESSED)
                .doesNotContainKey("committee")
                .doesNotContainKey("general");
        AcceptanceBoard.Row economy = board.rows().getFirst();
        assertThat(economy.community().name()).isEqualTo("经济发展共同体");
        assertThat(List.of(economy.branches(), economy.accepted(), economy.passed(), economy.failed()))
                .containsExactly(4, 2, 1, 1); // b4 sits under a 党总支 of the community's 机关党委
        assertThat(economy.rate()).isEqualByComparingTo("25.0");
        assertThat(board.rows().get(1).community()).isNull(); // "lone" is in no community
        assertThat(board.total().branches()).isEqualTo(5);
        assertThat(board.total().passed()).isEqualTo(2);
        assertThat(board.total().rate()).isEqualByComparingTo("40.0");
    }

    private static PastResult imported(String branch, int year, Round round, String score, String rating, boolean ok) {
        return new PastResult(
                PastResult.idOf(branch, year, round),
                branch,
                year,
                round,
                score == null ? null : new java.math.BigDecimal(score),
                rating,
                ok,
                "往年结果.xlsx");
    }

    private Assessment acceptanceOf(String branch, int year, boolean pass) {
        Assessment a = acceptance(branch, pass);
        return new Assessment(
                a.id() + "-" + year,
                branch,
                a.templateId(),
                a.round(),
                year,
                a.status(),
                a.publicityStart(),
                a.publicityEnd(),
                a.reopenReason(),
                a.answers());
    }

    @Test
    void aBranchWithoutAnAcceptanceOfItsOwnStandsByItsImportedResultOverTheThreeYears() {
        Registry registry = new Registry(
                List.of(new Unit("u1", "江海市财政局", null, null, null, null, 0)),
                List.of(new Community("c1", "经济发展共同体", "u1", null, null)),
                List.of(
                        org("committee", null, OrganizationKind.PARTY_COMMITTEE, "c1"),
                        org("b1", "committee", OrganizationKind.BRANCH, null),
                        org("b2", "committee", OrganizationKind.BRANCH, null),
                        org("b3", "committee", OrganizationKind.BRANCH, null),
                        org("b4", "committee", OrganizationKind.JOINT_BRANCH, null)));
        List<PastResult> results = List.of(
                imported("b1", 2024, Round.ACCEPTANCE, "85.5", "四星", true),
                imported("b2", 2024, Round.ACCEPTANCE, "55", "一星", false),
                imported("b3", 2024, Round.SELF, "88", null, true), // self-assessed only: awaits its acceptance
                imported("b1", 2025, Round.ACCEPTANCE, "58", "一星", false), // its own assessment decides instead
                imported("b2", 2025, Round.ACCEPTANCE, "72", "三星", true),
                imported("b3", 2025, Round.ACCEPTANCE, "90", "五星", true), // the open assessment decides instead
                imported("b4", 2023, Round.ACCEPTANCE, "99", "五星", true)); // outside the plan
        Assessment open = Assessment.start("open-b3", "b3", site, Round.ACCEPTANCE, 2025);
        List<Assessment> assessments = List.of(acceptanceOf("b1", 2025, true), open, acceptanceOf("b4", 2026, false));

        List<AcceptanceBoard> plan = AcceptanceBoard.of(
                2024, 2026, registry, assessments, results, a -> a.score(site, OrganizationKind.BRANCH));

        assertThat(plan).extracting(AcceptanceBoard::year).containsExactly(2024, 2025, 2026);
        AcceptanceBoard y2024 = plan.get(0);
        assertThat(y2024.standingByBranch().get("b1"))
                .isEqualTo(new AcceptanceBoard.Standing(
                        AcceptanceStatus.PASSED, new java.math.BigDecimal("85.5"), "四星", true));
        assertThat(y2024.statusByBranch())
                .containsEntry("b2", AcceptanceStatus.FAILED)
                .containsEntry("b3", AcceptanceStatus.AWAITING_REVIEW)
                .containsEntry("b4", AcceptanceStatus.NOT_ASSESSED);
        // 2 of 4 accepted, 1 passed: 25.0%
        assertThat(List.of(
                        y2024.total().branches(),
                        y2024.total().accepted(),
                        y2024.total().passed()))
                .containsExactly(4, 2, 1);
        assertThat(y2024.total().rate()).isEqualByComparingTo("25.0");

        AcceptanceBoard y2025 = plan.get(1);
        AcceptanceBoard.Standing b1 = y2025.standingByBranch().get("b1");
        assertThat(b1.status()).isEqualTo(AcceptanceStatus.PASSED);
        assertThat(b1.imported()).isFalse();
        assertThat(b1.score()).isEqualByComparingTo("100.0"); // every 六有 item met
        assertThat(b1.rating()).isEqualTo("优秀");
        assertThat(y2025.statusByBranch())
                .containsEntry("b2", AcceptanceStatus.PASSED)
                .containsEntry("b3", AcceptanceStatus.AWAITING_REVIEW)
                .containsEntry("b4", AcceptanceStatus.NOT_ASSESSED);
        assertThat(y2025.standingByBranch().get("b3").score()).isNull();
        assertThat(y2025.total().rate()).isEqualByComparingTo("50.0"); // b1 and b2 of 4

        AcceptanceBoard y2026 = plan.get(2);
        assertThat(y2026.statusByBranch())
                .containsEntry("b1", AcceptanceStatus.NOT_ASSESSED)
                .containsEntry("b4", AcceptanceStatus.FAILED);
        assertThat(y2026.standingByBranch().get("b4").rating()).isEqualTo("不达标");
        assertThat(List.of(
                        y2026.total().accepted(),
                        y2026.total().passed(),
                        y2026.total().failed()))
                .containsExactly(1, 0, 1);
        assertThat(y2026.rows().getFirst().rate()).isEqualByComparingTo("0.0");
    }

    @Test
    void fiftySevenPercentAsTheSeedReportsIt() {
        assertThat(new AcceptanceBoard.Row(null, 1150, 700, 657, 43).rate()).isEqualByComparingTo("57.1");
        assertThat(new AcceptanceBoard.Row(null, 0, 0, 0, 0).rate()).isEqualByComparingTo("0.0");
    }
}
