package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.organization.model.OrganizationKind;

class AssessmentTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private final ChecklistTemplate site = BuiltInTemplates.site(2026).published();

    private Assessment allMet(Round round) {
        Assessment a = Assessment.start("a-" + round, "org-1", site, round, 2026);
        for (ChecklistItem i : site.items()) {
            a = a.answer(
                    site,
                    switch (i.mode()) {
                        case YES_NO -> ItemAnswer.met(i.key(), true);
                        case GRADED -> ItemAnswer.scored(i.key(), i.maxPoints().toPlainString());
                        case DEDUCTION -> ItemAnswer.occurrences(i.key(), 0);
                    });
        }
        return a;
    }

    @Test
    void onlyAPublishedTemplateIsUsedForAssessing() {
        assertThatThrownBy(() -> Assessment.start("a", "org-1", BuiltInTemplates.site(2026), Round.SELF, 2026))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.templateNotPublished");
    }

    @Test
    void anAssessmentCannotBeFinishedWhileAnItemIsUnscored() {
        Assessment a =
                Assessment.start("a", "org-1", site, Round.SELF, 2026).answer(site, ItemAnswer.met("site-A1", true));

        assertThatThrownBy(() -> a.finish(site, OrganizationKind.BRANCH, FRIDAY))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.issues())
                                .extracting(Issue::field)
                                .contains("A2", "F2")
                                .doesNotContain("A1"));
    }

    @Test
    void anAcceptanceGoesOnPublicNoticeForFiveWorkingDaysThenStands() {
        Assessment done = allMet(Round.ACCEPTANCE).finish(site, OrganizationKind.BRANCH, FRIDAY);

        assertThat(done.status()).isEqualTo(Assessment.Status.PUBLICITY);
        assertThat(done.publicityStart()).isEqualTo(FRIDAY);
        assertThat(done.publicityEnd()).isEqualTo(LocalDate.of(2026, 12, 4)); // Mon–Fri of the next week
        assertThat(done.closePublicity().status()).isEqualTo(Assessment.Status.FINISHED);
        assertThat(allMet(Round.SELF)
                        .finish(site, OrganizationKind.BRANCH, FRIDAY)
                        .status())
                .isEqualTo(Assessment.Status.FINISHED);
    }

    @Test
    void aFinishedAssessmentIsReadOnlyUntilReopenedWithAReason() {
        Assessment done = allMet(Round.SELF).finish(site, OrganizationKind.BRANCH, FRIDAY);

        assertThatThrownBy(() -> done.answer(site, ItemAnswer.met("site-A1", false)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.readOnly");
        assertThatThrownBy(() -> done.reopen("  ")).isInstanceOf(ValidationException.class);

        Assessment reopened = done.reopen("公示期间群众反映活动记录不全");
        assertThat(reopened.status()).isEqualTo(Assessment.Status.SCORING);
        assertThat(reopened.reopenReason()).isEqualTo("公示期间群众反映活动记录不全");
        assertThat(reopened.answer(site, ItemAnswer.scored("site-E2", "6"))
                        .score(site, OrganizationKind.BRANCH)
                        .total())
                .isEqualByComparingTo("96");
    }

    @Test
    void theBoardStatusFollowsTheLatestAssessmentsOfTheYear() {
        Assessment selfOpen = Assessment.start("s", "org-1", site, Round.SELF, 2026);
        Assessment selfDone = allMet(Round.SELF).finish(site, OrganizationKind.BRANCH, FRIDAY);
        Assessment acceptancePublic = allMet(Round.ACCEPTANCE).finish(site, OrganizationKind.BRANCH, FRIDAY);
        Assessment acceptanceFinal = acceptancePublic.closePublicity();
        var result = (java.util.function.Function<Assessment, Scoring.Result>)
                a -> a.score(site, OrganizationKind.BRANCH).result();

        assertThat(AcceptanceStatus.of(List.of(), result)).isEqualTo(AcceptanceStatus.NOT_ASSESSED);
        assertThat(AcceptanceStatus.of(List.of(selfOpen), result)).isEqualTo(AcceptanceStatus.SELF_ASSESSING);
        assertThat(AcceptanceStatus.of(List.of(selfDone), result)).isEqualTo(AcceptanceStatus.AWAITING_REVIEW);
        assertThat(AcceptanceStatus.of(List.of(selfDone, acceptancePublic), result))
                .isEqualTo(AcceptanceStatus.IN_PUBLICITY);
        assertThat(AcceptanceStatus.of(List.of(selfDone, acceptanceFinal), result))
                .isEqualTo(AcceptanceStatus.PASSED);

        Assessment failing = acceptanceFinal
                .reopen("复核")
                .answer(site, ItemAnswer.met("site-B1", false))
                .answer(site, ItemAnswer.scored("site-B2", "0"))
                .answer(site, ItemAnswer.occurrences("site-E1", 10))
                .answer(site, ItemAnswer.scored("site-E2", "0"))
                .finish(site, OrganizationKind.BRANCH, FRIDAY)
                .closePublicity();
        assertThat(failing.score(site, OrganizationKind.BRANCH).total()).isEqualByComparingTo("60");
        Assessment worse = failing.reopen("复核")
                .answer(site, ItemAnswer.met("site-A1", false))
                .finish(site, OrganizationKind.BRANCH, FRIDAY)
                .closePublicity();
        assertThat(AcceptanceStatus.of(List.of(selfDone, worse), result)).isEqualTo(AcceptanceStatus.FAILED);
    }
}
