package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.COMMUNITY;
import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.core.store.schema.Tables.ORGANIZATION;
import static org.taizhang.core.store.schema.Tables.UNIT;
import static org.taizhang.organization.CommunityBuilder.aCommunity;
import static org.taizhang.organization.OrganizationBuilder.aBranch;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

public class RegistryServiceTest {
    /**
     * The sample data was written for 2026-11-23; a clock on that day keeps the sample's warnings the same every
     * year. It ticks a millisecond per reading, so every change gets its own time, as with a real clock.
     */
    public static Clock sampleDay() {
        return new TickingClock(RegistryRulesTest.TODAY
                .atTime(10, 0)
                .atZone(ZoneId.systemDefault())
                .toInstant());
    }

    /** Starts at {@code start} and moves one millisecond each time it is read. */
    static final class TickingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong millis;

        TickingClock(java.time.Instant start) {
            this.millis = new java.util.concurrent.atomic.AtomicLong(start.toEpochMilli());
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }

    @TempDir
    Path dir;

    private Store store;
    private RegistryService service;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"), sampleDay());
        service = new RegistryService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private int historyCount() {
        return store.read().fetchCount(HISTORY);
    }

    @Test
    void todayIsTheStoreClocksDate() {
        assertThat(service.today()).isEqualTo(RegistryRulesTest.TODAY);
    }

    @Test
    void theSampleLoads62Units8CommunitiesAnd374Organizations() {
        ImportReport report = service.importSample(Progress.NONE);

        assertThat(report.applied()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(62 + 8 + 374);
        Registry r = service.load();
        assertThat(r.units()).hasSize(62);
        assertThat(r.communities()).hasSize(8);
        assertThat(r.organizationCount()).isEqualTo(374);
    }

    @Test
    void theSampleHasTheKindsAndMemberTotalOfItsReadme() {
        service.importSample(Progress.NONE);

        List<Organization> orgs = service.load().organizations();
        assertThat(orgs.stream().filter(o -> o.kind() == OrganizationKind.PARTY_COMMITTEE))
                .hasSize(31);
        assertThat(orgs.stream().filter(o -> o.kind() == OrganizationKind.GENERAL_BRANCH))
                .hasSize(36);
        assertThat(orgs.stream().filter(o -> o.kind() == OrganizationKind.BRANCH))
                .hasSize(303);
        assertThat(orgs.stream().filter(o -> o.kind() == OrganizationKind.JOINT_BRANCH))
                .hasSize(4);
        assertThat(orgs.stream().filter(o -> o.termExpired(RegistryRulesTest.TODAY)))
                .hasSize(16);
    }

    @Test
    void eachSampleUnitHasExactlyOneTopLevelOrganization() {
        service.importSample(Progress.NONE);

        Registry r = service.load();
        assertThat(r.units()).allSatisfy(u -> assertThat(r.topLevel(u.id())).hasSize(1));
    }

    @Test
    void importingTheSampleTwiceChangesNothingTheSecondTime() {
        service.importSample(Progress.NONE);
        int history = historyCount();

        ImportReport second = service.importSample(Progress.NONE);

        assertThat(second.applied()).isTrue();
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(62 + 8 + 374);
        assertThat(historyCount()).isEqualTo(history);
    }

    @Test
    void importingWritesOneCreateHistoryRowPerRecord() {
        service.importSample(Progress.NONE);

        assertThat(historyCount()).isEqualTo(62 + 8 + 374);
        assertThat(store.read().selectDistinct(HISTORY.ACTION).from(HISTORY).fetch(HISTORY.ACTION))
                .containsExactly("create");
    }

    @Test
    void importedRecordsGetUuidIds() {
        service.importSample(Progress.NONE);

        List<String> ids = Stream.of(UNIT.ID, COMMUNITY.ID)
                .flatMap(f -> store.read().select(f).from(f.getTable()).fetch(f).stream())
                .toList();
        List<String> orgIds =
                store.read().select(ORGANIZATION.ID).from(ORGANIZATION).fetch(ORGANIZATION.ID);
        assertThat(Stream.concat(ids.stream(), orgIds.stream()))
                .hasSize(62 + 8 + 374)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id)).hasToString(id));
    }

    @Test
    void savingAnOrganizationWritesHistoryThatHistoryOfOrganizationReturns() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);

        List<HistoryEntry> history = service.historyOfOrganization(committee.id());

        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.deviceId()).isEqualTo(store.deviceId());
            assertThat(e.changesJson())
                    .contains("\"name\":[null,\"市财政局机关党委\"]")
                    .contains("\"kind\":[null,\"PARTY_COMMITTEE\"]");
        });
    }

    @Test
    void changingAnOrganizationAddsAnUpdateEntryWithOldAndNewSecretary() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).withSecretary("张红玲").build();
        service.save(committee);

        service.save(aPartyCommittee()
                .withId(committee.id())
                .in(unit)
                .withSecretary("马兵德")
                .build());

        List<HistoryEntry> history = service.historyOfOrganization(committee.id());
        assertThat(history).extracting(HistoryEntry::action).containsExactly("create", "update");
        assertThat(history.get(1).changesJson()).isEqualTo("{\"secretary\":[\"张红玲\",\"马兵德\"]}");
    }

    @Test
    void savingUnitsAndCommunitiesWritesTheirHistory() {
        Unit unit = aUnit().build();
        service.save(unit);
        Community community = aCommunity().ledBy(unit).build();
        service.save(community);

        assertThat(service.historyOfUnit(unit.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("create");
        assertThat(service.historyOfCommunity(community.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("create");
    }

    @Test
    void saveReturnsTheWarningsThatRemain() {
        Unit unit = aUnit().build();
        service.save(unit);

        List<Issue> warnings =
                service.save(aPartyCommittee().in(unit).withoutSecretary().build());

        assertThat(warnings).extracting(Issue::messageKey).containsExactly("organization.warning.secretaryMissing");
    }

    @Test
    void anOrganizationWithoutKindIsRefusedWithAValidationError() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);
        service.save(aBranch().named("第一党支部").under(committee).build());

        Organization noKind =
                aBranch().named("第二党支部").ofKind(null).under(committee).build();

        assertThatThrownBy(() -> service.save(noKind))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("organization.error.kindRequired"));
    }

    @Test
    void anOrganizationBreakingARuleIsRefusedAndNothingIsWritten() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);
        int history = historyCount();

        Organization tooSmall =
                aBranch().under(committee).withMembers(5).withCommittee(true).build();

        assertThatThrownBy(() -> service.save(tooSmall)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("organization.error.committeeNotAllowed");
            assertThat(e.issues()).extracting(Issue::messageKey).contains("organization.error.committeeNotAllowed");
        });
        assertThat(service.load().organization(tooSmall.id())).isEmpty();
        assertThat(historyCount()).isEqualTo(history);
    }

    @Test
    void aDuplicateUnitNameIsRefused() {
        service.save(aUnit().named("江海市财政局").build());

        assertThatThrownBy(() -> service.save(aUnit().named("江海市财政局").build()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.error.duplicateName"));
        assertThat(service.load().units()).hasSize(1);
    }

    @Test
    void deletingAnOrganizationLeavesATombstoneAndADeleteEntry() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);

        service.deleteOrganization(committee.id());

        assertThat(service.load().organization(committee.id())).isEmpty();
        assertThat(store.read()
                        .fetchCount(
                                ORGANIZATION, ORGANIZATION.ID.eq(committee.id()).and(ORGANIZATION.DELETED.eq(1))))
                .isEqualTo(1);
        assertThat(service.historyOfOrganization(committee.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("create", "delete");
    }

    @Test
    void anOrganizationWithChildrenIsNotDeleted() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);
        service.save(aBranch().under(committee).build());

        assertThatThrownBy(() -> service.deleteOrganization(committee.id()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("organization.error.hasChildren"));
        assertThat(service.load().organization(committee.id())).isPresent();
    }

    @Test
    void aUnitWithOrganizationsIsNotDeleted() {
        Unit unit = aUnit().build();
        service.save(unit);
        service.save(aPartyCommittee().in(unit).build());

        assertThatThrownBy(() -> service.deleteUnit(unit.id()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unit.error.hasOrganizations"));
        assertThat(service.load().unit(unit.id())).isPresent();
    }

    @Test
    void aCommunityWithMembersIsNotDeletedButAnEmptyOneIs() {
        Unit unit = aUnit().build();
        service.save(unit);
        Community used = aCommunity().named("经济发展共同体").ledBy(unit).build();
        Community empty = aCommunity().named("政法共同体").ledBy(unit).build();
        service.save(used);
        service.save(empty);
        service.save(aPartyCommittee().in(unit).inCommunity(used).build());

        assertThatThrownBy(() -> service.deleteCommunity(used.id())).isInstanceOf(ValidationException.class);
        service.deleteCommunity(empty.id());

        assertThat(service.load().communities()).extracting(Community::name).containsExactly("经济发展共同体");
    }

    @Test
    void savingADeletedOrganizationIsRefusedAndRestoringIsExplicit() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);
        service.deleteOrganization(committee.id());

        assertThatThrownBy(() -> service.save(committee))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "store.recordDeleted");
        assertThat(service.load().organization(committee.id())).isEmpty();

        service.restoreOrganization(committee.id());

        assertThat(service.load().organization(committee.id())).contains(committee);
        assertThat(service.historyOfOrganization(committee.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("create", "delete", "restore");
    }

    @Test
    void restoringABranchWhoseParentIsDeletedIsRefusedByTheRules() {
        Unit unit = aUnit().build();
        service.save(unit);
        Organization committee = aPartyCommittee().in(unit).build();
        service.save(committee);
        Organization branch = aBranch().under(committee).build();
        service.save(branch);
        service.deleteOrganization(branch.id());
        service.deleteOrganization(committee.id());

        assertThatThrownBy(() -> service.restoreOrganization(branch.id())).isInstanceOf(ValidationException.class);

        assertThat(service.load().organization(branch.id())).isEmpty();
        assertThat(service.historyOfOrganization(branch.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("create", "delete");
    }

    @Test
    void anOrganizationIsReadBackAsItWasSaved() {
        Unit unit = aUnit().build();
        service.save(unit);
        Community community = aCommunity().ledBy(unit).build();
        service.save(community);
        Organization committee = aPartyCommittee()
                .in(unit)
                .inCommunity(community)
                .withDeputy("马兵德")
                .withContact("孙晶娟", "0513-87488490")
                .withRemark("2026年拟换届")
                .sortOrder(3)
                .build();

        service.save(committee);

        assertThat(service.load().organization(committee.id())).contains(committee);
    }
}
