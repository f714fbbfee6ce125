package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.organization.Community;
import org.taizhang.organization.Organization;
import org.taizhang.organization.OrganizationKind;
import org.taizhang.organization.Registry;
import org.taizhang.organization.Unit;

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

    @Test
    void fiftySevenPercentAsTheSeedReportsIt() {
        assertThat(new AcceptanceBoard.Row(null, 1150, 700, 657, 43).rate()).isEqualByComparingTo("57.1");
        assertThat(new AcceptanceBoard.Row(null, 0, 0, 0, 0).rate()).isEqualByComparingTo("0.0");
    }
}
