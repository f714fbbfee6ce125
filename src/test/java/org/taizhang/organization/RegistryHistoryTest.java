package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.taizhang.organization.OrganizationBuilder.aBranch;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.HistoryEntry.FieldChange;
import org.taizhang.core.store.Store;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

class RegistryHistoryTest {
    @TempDir
    Path dir;

    private Store store;
    private RegistryService service;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"), RegistryServiceTest.sampleDay());
        service = new RegistryService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void changesReadUnderWorkbookColumnsWithNamesForIdsAndWordsForCodes() {
        Unit finance = aUnit().named("江海市财政局").build();
        service.save(finance);
        Organization committee = aPartyCommittee().named("市财政局机关党委").in(finance).build();
        service.save(committee);
        Organization branch = aBranch()
                .named("预算科党支部")
                .under(committee)
                .withSecretary("张红玲")
                .withMembers(5)
                .build();
        service.save(branch);
        service.save(aBranch()
                .withId(branch.id())
                .named("预算科党支部")
                .under(committee)
                .withSecretary("马兵德")
                .withMembers(8)
                .build());

        List<HistoryEntry> history = service.historyOfOrganization(branch.id());
        Registry registry = service.load();
        List<FieldChange> created = RegistryHistory.ofOrganization(history.get(0), registry);
        List<FieldChange> updated = RegistryHistory.ofOrganization(history.get(1), registry);

        assertThat(created)
                .extracting(FieldChange::field, FieldChange::after)
                .contains(
                        tuple(RegistryColumns.ORG_NAME, "预算科党支部"),
                        tuple(RegistryColumns.ORG_KIND, "党支部"),
                        tuple(RegistryColumns.ORG_UNIT, "江海市财政局"),
                        tuple(RegistryColumns.ORG_PARENT, "市财政局机关党委"),
                        tuple(RegistryColumns.ORG_COMMITTEE, "否"));
        assertThat(created).extracting(FieldChange::field).doesNotContain("sort_order");
        assertThat(updated)
                .containsExactly(
                        new FieldChange(RegistryColumns.ORG_SECRETARY, "张红玲", "马兵德"),
                        new FieldChange(RegistryColumns.ORG_MEMBERS, "5", "8"),
                        new FieldChange(RegistryColumns.ORG_COMMITTEE, "否", "是"));
    }

    @Test
    void textWithQuotesAndLineBreaksComesBackExactly() {
        Unit unit = aUnit().named("江海市\"测试\"局").build();
        service.save(unit);
        service.save(aUnit().withId(unit.id())
                .named(unit.name())
                .remark("第一行\n第二行\\结束")
                .build());

        List<HistoryEntry> history = service.historyOfUnit(unit.id());

        assertThat(RegistryHistory.ofUnit(history.get(0), service.load()))
                .contains(new FieldChange(RegistryColumns.UNIT_NAME, null, "江海市\"测试\"局"));
        assertThat(RegistryHistory.ofUnit(history.get(1), service.load()))
                .containsExactly(new FieldChange(RegistryColumns.REMARK, null, "第一行\n第二行\\结束"));
    }
}
