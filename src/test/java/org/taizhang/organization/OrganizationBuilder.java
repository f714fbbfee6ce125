package org.taizhang.organization;

import java.time.LocalDate;
import org.taizhang.core.Ids;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Unit;

/**
 * Test data: a Party organization whose defaults pass every rule on {@link RegistryRulesTest#TODAY} (a branch
 * of 10 members with a 支部委员会, a secretary, a term running to 2028). Tests change only what they are about:
 * {@code aBranch().in(unit).under(committee).withMembers(5).build()}.
 */
public final class OrganizationBuilder {
    private String id = Ids.newId();
    private String unitId;
    private String parentId;
    private String name;
    private OrganizationKind kind;
    private String secretary = "吕洪";
    private String fullTimeDeputy;
    private Integer memberCount;
    private boolean hasCommittee;
    private LocalDate termStart;
    private LocalDate termEnd;
    private String communityId;
    private String contactPerson;
    private String contactPhone;
    private String remark;
    private int sortOrder;

    private OrganizationBuilder(OrganizationKind kind, String name, int members, int termYears) {
        this.kind = kind;
        this.name = name;
        this.memberCount = members;
        this.hasCommittee = members >= Organization.COMMITTEE_MIN_MEMBERS;
        this.termStart = LocalDate.of(2025, 3, 28);
        this.termEnd = termStart.plusYears(termYears);
    }

    public static OrganizationBuilder aBranch() {
        return new OrganizationBuilder(OrganizationKind.BRANCH, "市财政局机关第一党支部", 10, 3);
    }

    public static OrganizationBuilder aJointBranch() {
        return new OrganizationBuilder(OrganizationKind.JOINT_BRANCH, "市财政局联合党支部", 5, 3);
    }

    public static OrganizationBuilder aGeneralBranch() {
        return new OrganizationBuilder(OrganizationKind.GENERAL_BRANCH, "市财政局机关党总支", 45, 3);
    }

    public static OrganizationBuilder aPartyCommittee() {
        return new OrganizationBuilder(OrganizationKind.PARTY_COMMITTEE, "市财政局机关党委", 130, 5);
    }

    public OrganizationBuilder withId(String value) {
        this.id = value;
        return this;
    }

    public OrganizationBuilder named(String value) {
        this.name = value;
        return this;
    }

    public OrganizationBuilder ofKind(OrganizationKind value) {
        this.kind = value;
        return this;
    }

    public OrganizationBuilder in(Unit unit) {
        this.unitId = unit.id();
        return this;
    }

    public OrganizationBuilder inUnitId(String value) {
        this.unitId = value;
        return this;
    }

    /** Places it below {@code parent}, in the parent's unit. */
    public OrganizationBuilder under(Organization parent) {
        this.parentId = parent.id();
        this.unitId = parent.unitId();
        return this;
    }

    /** Names a parent only, leaving the unit as it is (to build a parent in another unit). */
    public OrganizationBuilder withParentId(String value) {
        this.parentId = value;
        return this;
    }

    /** The member count, with a 支部委员会 exactly when the 条例 expects one (7 or more). */
    public OrganizationBuilder withMembers(Integer value) {
        this.memberCount = value;
        this.hasCommittee = value != null && value >= Organization.COMMITTEE_MIN_MEMBERS;
        return this;
    }

    public OrganizationBuilder withCommittee(boolean value) {
        this.hasCommittee = value;
        return this;
    }

    public OrganizationBuilder withTerm(LocalDate start, LocalDate end) {
        this.termStart = start;
        this.termEnd = end;
        return this;
    }

    public OrganizationBuilder withSecretary(String value) {
        this.secretary = value;
        return this;
    }

    public OrganizationBuilder withoutSecretary() {
        return withSecretary(null);
    }

    public OrganizationBuilder withDeputy(String value) {
        this.fullTimeDeputy = value;
        return this;
    }

    public OrganizationBuilder inCommunity(Community community) {
        this.communityId = community.id();
        return this;
    }

    public OrganizationBuilder inCommunityId(String value) {
        this.communityId = value;
        return this;
    }

    public OrganizationBuilder withContact(String person, String phone) {
        this.contactPerson = person;
        this.contactPhone = phone;
        return this;
    }

    public OrganizationBuilder withRemark(String value) {
        this.remark = value;
        return this;
    }

    public OrganizationBuilder sortOrder(int value) {
        this.sortOrder = value;
        return this;
    }

    public Organization build() {
        return new Organization(
                id,
                unitId,
                parentId,
                name,
                kind,
                secretary,
                fullTimeDeputy,
                memberCount,
                hasCommittee,
                termStart,
                termEnd,
                communityId,
                contactPerson,
                contactPhone,
                remark,
                sortOrder);
    }
}
