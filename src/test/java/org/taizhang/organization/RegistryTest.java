package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.organization.OrganizationBuilder.aBranch;
import static org.taizhang.organization.OrganizationBuilder.aGeneralBranch;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

class RegistryTest {
    private final Unit finance = aUnit().named("江海市财政局").build();
    private final Unit audit = aUnit().named("江海市审计局").build();
    private final Unit archives = aUnit().named("江海市档案馆").build();

    @Test
    void theMemberTotalCountsEachUnitsTopLevelOrganizationOnly() {
        // the 机关党委's 130 already include the 党总支's 45 and the branches' members below it
        Organization committee = aPartyCommittee().in(finance).withMembers(130).build();
        Organization generalBranch =
                aGeneralBranch().under(committee).withMembers(45).build();
        Organization underGeneral =
                aBranch().named("第一党支部").under(generalBranch).withMembers(20).build();
        Organization underCommittee =
                aBranch().named("第二党支部").under(committee).withMembers(12).build();
        Organization auditBranch =
                aBranch().named("市审计局机关党支部").in(audit).withMembers(18).build();

        Registry r = new Registry(
                List.of(finance, audit),
                List.of(),
                List.of(committee, generalBranch, underGeneral, underCommittee, auditBranch));

        assertThat(r.memberTotal()).isEqualTo(130 + 18);
    }

    @Test
    void aTopLevelOrganizationWithoutACountAddsNothing() {
        Organization counted = aBranch().in(finance).withMembers(9).build();
        Organization unknown =
                aBranch().named("市档案馆机关党支部").in(archives).withMembers(null).build();

        Registry r = new Registry(List.of(finance, archives), List.of(), List.of(counted, unknown));

        assertThat(r.memberTotal()).isEqualTo(9);
        assertThat(Registry.empty().memberTotal()).isZero();
    }
}
