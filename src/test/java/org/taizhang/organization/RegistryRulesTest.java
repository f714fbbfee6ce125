package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.taizhang.organization.CommunityBuilder.aCommunity;
import static org.taizhang.organization.OrganizationBuilder.aBranch;
import static org.taizhang.organization.OrganizationBuilder.aGeneralBranch;
import static org.taizhang.organization.OrganizationBuilder.aJointBranch;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taizhang.core.Issue;
import org.taizhang.core.Issue.Severity;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

class RegistryRulesTest {
    /** The sample data's "today". */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final Unit finance = aUnit().named("江海市财政局").build();
    private final Unit audit = aUnit().named("江海市审计局").shortName("市审计局").build();
    private final Organization committee = aPartyCommittee().in(finance).build();
    private final Organization generalBranch = aGeneralBranch().under(committee).build();
    private final Organization firstBranch =
            aBranch().named("第一党支部").under(committee).build();
    private final Organization auditCommittee =
            aPartyCommittee().named("市审计局机关党委").in(audit).build();

    private Registry registry(Organization... extra) {
        List<Organization> orgs =
                new java.util.ArrayList<>(List.of(committee, generalBranch, firstBranch, auditCommittee));
        orgs.addAll(Arrays.asList(extra));
        return new Registry(List.of(finance, audit), List.of(), orgs);
    }

    /** The rules as the service runs them: against the registry as it would be after saving {@code o}. */
    private static List<Issue> check(Registry r, Organization o) {
        return RegistryRules.check(r.with(o), o, TODAY);
    }

    private static List<String> keys(List<Issue> issues) {
        return issues.stream().map(Issue::messageKey).toList();
    }

    private static List<String> errorKeys(List<Issue> issues) {
        return issues.stream().filter(Issue::isError).map(Issue::messageKey).toList();
    }

    @Test
    void aWellFormedBranchHasNoIssues() {
        assertThat(check(registry(), aBranch().named("第二党支部").under(committee).build()))
                .isEmpty();
    }

    @Test
    void aWellFormedTopLevelPartyCommitteeHasNoIssues() {
        Unit tax = aUnit().named("国家税务总局江海市税务局").build();
        Registry r = registry().with(tax);
        assertThat(check(r, aPartyCommittee().named("市税务局机关党委").in(tax).build()))
                .isEmpty();
    }

    @Test
    void aDuplicateNameUnderTheSameParentIsAnError() {
        Organization twin = aBranch().named("第一党支部").under(committee).build();

        assertThat(check(registry(), twin))
                .extracting(Issue::severity, Issue::field, Issue::messageKey)
                .containsExactly(tuple(Severity.ERROR, RegistryColumns.ORG_NAME, "organization.error.duplicateName"));
    }

    @Test
    void aDuplicateNameIgnoresSurroundingSpaces() {
        Organization twin = aBranch().named(" 第一党支部 ").under(committee).build();

        assertThat(errorKeys(check(registry(), twin))).containsExactly("organization.error.duplicateName");
    }

    @Test
    void theSameNameUnderADifferentParentIsFine() {
        Organization sameNameElsewhere =
                aBranch().named("第一党支部").under(generalBranch).build();

        assertThat(check(registry(), sameNameElsewhere)).isEmpty();
    }

    @Test
    void twoTopLevelOrganizationsOfOneUnitWithTheSameNameAreAnError() {
        Organization twin = aPartyCommittee().in(finance).build(); // same default name as committee

        assertThat(errorKeys(check(registry(), twin)))
                .containsExactly("organization.error.secondTopLevel", "organization.error.duplicateName");
    }

    @Test
    void aSecondTopLevelOrganizationInAUnitIsAnErrorNamingTheFirst() {
        Organization stray = aBranch().named("财政局离退休干部党支部").in(finance).build();

        assertThat(check(registry(), stray))
                .extracting(Issue::field, Issue::messageKey, i -> i.args()[0])
                .containsExactly(
                        tuple(RegistryColumns.ORG_PARENT, "organization.error.secondTopLevel", committee.name()));
    }

    @Test
    void theTopLevelOrganizationSavedAgainIsNotASecondOne() {
        Organization same = aPartyCommittee()
                .withId(committee.id())
                .named(committee.name())
                .in(finance)
                .withSecretary("新书记")
                .build();

        assertThat(errorKeys(check(registry(), same))).isEmpty();
    }

    @Test
    void aGeneralBranchWithTheNameOfAnotherOrganizationOfItsUnitIsAnError() {
        Organization otherGeneral =
                aGeneralBranch().named("第一党支部").under(committee).build();
        Organization inOtherPlace = aGeneralBranch()
                .named(generalBranch.name())
                .under(generalBranch)
                .build();

        assertThat(errorKeys(check(registry(), otherGeneral))).containsExactly("organization.error.duplicateName");
        assertThat(check(registry(), inOtherPlace))
                .extracting(Issue::field, Issue::messageKey)
                .containsExactly(tuple(RegistryColumns.ORG_NAME, "organization.error.leaderNameTaken"));
    }

    @Test
    void aBranchNamedLikeAGeneralBranchOfItsUnitIsAnErrorBecauseParentsAreNamedByName() {
        Organization branch =
                aBranch().named(generalBranch.name()).under(generalBranch).build();

        assertThat(errorKeys(check(registry(), branch))).containsExactly("organization.error.leaderNameTaken");
    }

    @Test
    void aGeneralBranchMayShareItsNameWithOneInAnotherUnit() {
        Organization auditGeneral = aGeneralBranch()
                .named(generalBranch.name())
                .under(auditCommittee)
                .build();

        assertThat(check(registry(), auditGeneral)).isEmpty();
    }

    @Test
    void savingAnOrganizationUnderItsOwnNameIsNotADuplicateOfItself() {
        Organization renamedNothing = aBranch()
                .withId(firstBranch.id())
                .named("第一党支部")
                .under(committee)
                .withSecretary("新书记")
                .build();

        assertThat(check(registry(), renamedNothing)).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1} members, committee={2} → [{3}]")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "BRANCH         | 5  | true  | organization.error.committeeNotAllowed",
                "BRANCH         | 6  | true  | organization.error.committeeNotAllowed",
                "BRANCH         | 7  | true  | -",
                "BRANCH         | 30 | true  | -",
                "BRANCH         | 7  | false | organization.warning.committeeExpected",
                "BRANCH         | 6  | false | -",
                "BRANCH         | 3  | false | -",
                "BRANCH         | 2  | false | organization.warning.tooFewForBranch",
                "BRANCH         | 0  | false | organization.warning.tooFewForBranch",
                "BRANCH         | 50 | true  | -",
                "BRANCH         | 51 | true  | organization.warning.tooManyForBranch",
                "JOINT_BRANCH   | 2  | false | -",
                "JOINT_BRANCH   | 4  | true  | organization.error.committeeNotAllowed",
                "JOINT_BRANCH   | 9  | false | organization.warning.committeeExpected",
                "GENERAL_BRANCH | 2  | true  | -",
                "GENERAL_BRANCH | 80 | false | -",
            })
    void memberCountAndCommitteeRules(OrganizationKind kind, int members, boolean hasCommittee, String expected) {
        Organization o = aBranch()
                .named("被检查的支部")
                .ofKind(kind)
                .under(committee)
                .withMembers(members)
                .withCommittee(hasCommittee)
                .build();

        assertThat(keys(check(registry(), o)))
                .containsExactlyElementsOf(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void committeeWithTooFewMembersIsAnErrorOnTheCommitteeColumnNamingBothNumbers() {
        Organization o = aBranch()
                .named("第五党支部")
                .under(committee)
                .withMembers(5)
                .withCommittee(true)
                .build();

        assertThat(check(registry(), o)).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.ERROR);
            assertThat(i.field()).isEqualTo(RegistryColumns.ORG_COMMITTEE);
            assertThat(i.messageKey()).isEqualTo("organization.error.committeeNotAllowed");
            assertThat(i.args()).containsExactly(5, 7);
        });
    }

    @Test
    void aBranchWithTwoMembersIsAWarningNotAnError() {
        Organization o =
                aBranch().named("第六党支部").under(committee).withMembers(2).build();

        assertThat(check(registry(), o))
                .extracting(Issue::severity, Issue::messageKey)
                .containsExactly(tuple(Severity.WARNING, "organization.warning.tooFewForBranch"));
    }

    @Test
    void anUnknownMemberCountIsAWarning() {
        Organization o =
                aBranch().named("新成立党支部").under(committee).withMembers(null).build();

        assertThat(check(registry(), o))
                .extracting(Issue::severity, Issue::messageKey)
                .containsExactly(tuple(Severity.WARNING, "organization.warning.membersUnknown"));
    }

    @Test
    void aNegativeMemberCountIsAnError() {
        Organization o =
                aBranch().named("第七党支部").under(committee).withMembers(-1).build();

        assertThat(errorKeys(check(registry(), o))).containsExactly("organization.error.membersNegative");
    }

    @ParameterizedTest(name = "term {0} – {1} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "2023-11-20 | 2026-11-20 | WARNING | organization.warning.termExpired",
                "2023-11-23 | 2026-11-22 | WARNING | organization.warning.termExpired",
                "2023-11-23 | 2026-11-23 | WARNING | organization.warning.termEndingSoon",
                "2024-02-21 | 2027-02-21 | WARNING | organization.warning.termEndingSoon",
                "2024-02-22 | 2027-02-22 | -       | -",
                "2025-03-01 | 2024-03-01 | ERROR   | organization.error.termOrder",
                "2025-03-01 | 2025-03-01 | ERROR   | organization.error.termOrder",
                "2020-01-01 | 2019-01-01 | ERROR   | organization.error.termOrder",
                "-          | -          | -       | -",
                "2025-03-01 | -          | -       | -",
                "2025-03-01 | 2028-03-31 | -       | -",
                "2025-03-01 | 2028-04-02 | WARNING | organization.warning.termTooLong",
                "2025-03-01 | 2030-03-01 | WARNING | organization.warning.termTooLong",
            })
    void termRules(LocalDate start, LocalDate end, Severity severity, String key) {
        Organization o =
                aBranch().named("第八党支部").under(committee).withTerm(start, end).build();

        List<Issue> issues = check(registry(), o);

        if (key == null) {
            assertThat(issues).isEmpty();
        } else {
            assertThat(issues)
                    .extracting(Issue::severity, Issue::field, Issue::messageKey)
                    .containsExactly(tuple(severity, RegistryColumns.ORG_TERM_END, key));
        }
    }

    @Test
    void aPartyCommitteeIsElectedForFiveYearsABranchForThree() {
        Organization committeeTerm = aPartyCommittee()
                .withId(committee.id())
                .named(committee.name())
                .in(finance)
                .withTerm(LocalDate.of(2025, 3, 1), LocalDate.of(2030, 3, 1))
                .build();
        Organization branchTerm = aBranch()
                .named("第十党支部")
                .under(committee)
                .withTerm(LocalDate.of(2025, 3, 1), LocalDate.of(2030, 3, 1))
                .build();

        assertThat(check(registry(), committeeTerm))
                .extracting(Issue::messageKey)
                .doesNotContain("organization.warning.termTooLong");
        assertThat(check(registry(), branchTerm))
                .extracting(Issue::messageKey, i -> i.args()[0])
                .contains(tuple("organization.warning.termTooLong", 3));
    }

    @Test
    void aTermStartingAfterTodayIsAWarningOnTheStartColumn() {
        Organization o = aBranch()
                .named("新成立党支部")
                .under(committee)
                .withTerm(LocalDate.of(2026, 12, 1), LocalDate.of(2029, 12, 1))
                .build();

        assertThat(check(registry(), o))
                .extracting(Issue::severity, Issue::field, Issue::messageKey)
                .containsExactly(tuple(
                        Severity.WARNING, RegistryColumns.ORG_TERM_START, "organization.warning.termStartsLater"));
    }

    @Test
    void anExpiredTermWarningNamesTheEndDate() {
        Organization o = aBranch()
                .named("第九党支部")
                .under(committee)
                .withTerm(LocalDate.of(2023, 6, 30), LocalDate.of(2026, 6, 30))
                .build();

        assertThat(check(registry(), o))
                .singleElement()
                .satisfies(i -> assertThat(i.args()).containsExactly("2026-06-30"));
    }

    @Test
    void aParentThatIsABranchIsAnError() {
        Organization o = aBranch().named("学习小组").under(firstBranch).build();

        assertThat(check(registry(), o))
                .extracting(Issue::field, Issue::messageKey)
                .containsExactly(tuple(RegistryColumns.ORG_PARENT, "organization.error.parentIsBranch"));
    }

    @Test
    void aParentThatIsAJointBranchIsAnError() {
        Organization joint = aJointBranch().under(committee).build();
        Organization o = aBranch().named("学习小组").under(joint).build();

        assertThat(errorKeys(check(registry(joint), o))).containsExactly("organization.error.parentIsBranch");
    }

    @Test
    void aParentInAnotherUnitIsAnError() {
        Organization o = aBranch()
                .named("借调人员党支部")
                .in(finance)
                .withParentId(auditCommittee.id())
                .build();

        assertThat(check(registry(), o))
                .extracting(Issue::field, Issue::messageKey)
                .containsExactly(tuple(RegistryColumns.ORG_PARENT, "organization.error.parentOtherUnit"));
    }

    @Test
    void aParentThatDoesNotExistIsAnError() {
        Organization o = aBranch()
                .named("第十党支部")
                .in(finance)
                .withParentId("no-such-organization")
                .build();

        assertThat(errorKeys(check(registry(), o))).containsExactly("organization.error.parentNotFound");
    }

    @Test
    void makingAnOrganizationItsOwnAncestorIsAnError() {
        Organization lower =
                aGeneralBranch().named("下级党总支").under(generalBranch).build();
        // move the upper general branch below the lower one: generalBranch → lower → generalBranch
        Organization cycle =
                aGeneralBranch().withId(generalBranch.id()).under(lower).build();

        assertThat(errorKeys(check(registry(lower), cycle))).containsExactly("organization.error.parentCycle");
    }

    @Test
    void beingItsOwnParentIsAnError() {
        Organization self = aGeneralBranch()
                .withId(generalBranch.id())
                .in(finance)
                .withParentId(generalBranch.id())
                .build();

        assertThat(errorKeys(check(registry(), self))).containsExactly("organization.error.parentCycle");
    }

    @Test
    void aPartyCommitteeCannotHaveAParent() {
        Organization o = aPartyCommittee().named("二级机关党委").under(committee).build();

        assertThat(errorKeys(check(registry(), o))).containsExactly("organization.error.committeeUnderParent");
    }

    @Test
    void anUnknownUnitIsAnError() {
        Organization o = aPartyCommittee().inUnitId("no-such-unit").build();

        assertThat(errorKeys(check(registry(), o))).containsExactly("organization.error.unitNotFound");
    }

    @Test
    void missingNameKindAndUnitAreErrors() {
        Organization o = aBranch()
                .named(" ")
                .ofKind(null)
                .inUnitId(null)
                .withMembers(null)
                .build();

        assertThat(errorKeys(check(registry(), o)))
                .containsExactlyInAnyOrder(
                        "organization.error.nameRequired",
                        "organization.error.kindRequired",
                        "organization.error.unitRequired");
    }

    @Test
    void aMissingKindAmongSiblingsIsReportedAsAnError() {
        Organization o = aBranch().named("第十二党支部").ofKind(null).under(committee).build();

        assertThat(errorKeys(check(registry(), o))).containsExactly("organization.error.kindRequired");
    }

    @Test
    void aMissingNameAmongSiblingsIsReportedAsAnError() {
        Organization o = aBranch().named(null).under(committee).build();

        assertThat(errorKeys(check(registry(), o))).containsExactly("organization.error.nameRequired");
    }

    @Test
    void anUnknownCommunityIsAnError() {
        Organization o = aBranch()
                .named("市审计局第二党支部")
                .under(auditCommittee)
                .inCommunityId("no-such-community")
                .build();

        assertThat(check(registry(), o))
                .extracting(Issue::field, Issue::messageKey)
                .containsExactly(tuple(RegistryColumns.ORG_COMMUNITY, "organization.error.communityNotFound"));
    }

    @Test
    void aMissingSecretaryIsAWarning() {
        Organization o =
                aBranch().named("第十一党支部").under(committee).withoutSecretary().build();

        assertThat(check(registry(), o))
                .extracting(Issue::severity, Issue::messageKey)
                .containsExactly(tuple(Severity.WARNING, "organization.warning.secretaryMissing"));
    }

    @Test
    void aUnitWithTheNameOfAnotherUnitIsAnError() {
        Unit twin = aUnit().named(" 江海市财政局 ").build();

        assertThat(RegistryRules.check(registry(), twin))
                .extracting(Issue::severity, Issue::messageKey)
                .containsExactly(tuple(Severity.ERROR, "unit.error.duplicateName"));
    }

    @Test
    void aUnitSavedUnderItsOwnNameIsFine() {
        Unit same = aUnit().withId(finance.id()).named("江海市财政局").remark("改了备注").build();

        assertThat(RegistryRules.check(registry(), same)).isEmpty();
    }

    @Test
    void aUnitWithoutANameIsAnError() {
        assertThat(RegistryRules.check(registry(), aUnit().named("").build()))
                .extracting(Issue::messageKey)
                .containsExactly("unit.error.nameRequired");
    }

    @Test
    void aCommunityWhoseLeadUnitIsMissingIsAnError() {
        Community c = aCommunity().ledByUnitId("no-such-unit").build();

        assertThat(RegistryRules.check(registry(), c))
                .extracting(Issue::severity, Issue::field, Issue::messageKey)
                .containsExactly(
                        tuple(Severity.ERROR, RegistryColumns.COMMUNITY_LEAD_UNIT, "community.error.leadUnitNotFound"));
    }

    @Test
    void aCommunityWithoutLeadUnitOrLiaisonGetsWarnings() {
        Community c = aCommunity().withoutLiaison().build();

        assertThat(RegistryRules.check(registry(), c))
                .extracting(Issue::severity, Issue::messageKey)
                .containsExactlyInAnyOrder(
                        tuple(Severity.WARNING, "community.warning.noLeadUnit"),
                        tuple(Severity.WARNING, "community.warning.noLiaison"));
    }

    @Test
    void aCommunityWithALeadUnitAndLiaisonHasNoIssues() {
        assertThat(RegistryRules.check(registry(), aCommunity().ledBy(finance).build()))
                .isEmpty();
    }

    @Test
    void aCommunityWithTheNameOfAnotherIsAnError() {
        Community existing = aCommunity().named("政法共同体").ledBy(finance).build();
        Registry r = registry().with(existing);

        assertThat(RegistryRules.check(
                        r, aCommunity().named("政法共同体").ledBy(audit).build()))
                .extracting(Issue::messageKey)
                .containsExactly("community.error.duplicateName");
    }

    @Test
    void anOrganizationWithChildrenCannotBeDeleted() {
        assertThat(RegistryRules.checkDelete(registry(), committee))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.messageKey()).isEqualTo("organization.error.hasChildren");
                    assertThat(i.args()).containsExactly(2);
                });
    }

    @Test
    void anOrganizationWithoutChildrenCanBeDeleted() {
        assertThat(RegistryRules.checkDelete(registry(), firstBranch)).isEmpty();
    }

    @Test
    void aUnitWithOrganizationsCannotBeDeleted() {
        assertThat(RegistryRules.checkDelete(registry(), finance))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.messageKey()).isEqualTo("unit.error.hasOrganizations");
                    assertThat(i.args()).containsExactly(3);
                });
    }

    @Test
    void aUnitWithoutOrganizationsCanBeDeleted() {
        Unit empty = aUnit().named("江海市新设局").build();

        assertThat(RegistryRules.checkDelete(registry().with(empty), empty)).isEmpty();
    }

    @Test
    void aCommunityWithMembersCannotBeDeleted() {
        Community c = aCommunity().ledBy(finance).build();
        Organization member =
                aPartyCommittee().named("市财政局第二机关党委").in(finance).inCommunity(c).build();
        Registry r = registry(member).with(c);

        assertThat(RegistryRules.checkDelete(r, c)).singleElement().satisfies(i -> {
            assertThat(i.messageKey()).isEqualTo("community.error.hasMembers");
            assertThat(i.args()).containsExactly(1);
        });
    }

    @Test
    void aCommunityWithoutMembersCanBeDeleted() {
        Community c = aCommunity().ledBy(finance).build();

        assertThat(RegistryRules.checkDelete(registry().with(c), c)).isEmpty();
    }
}
