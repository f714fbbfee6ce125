package org.taizhang.organization;

import static org.taizhang.core.store.schema.Tables.COMMUNITY;
import static org.taizhang.core.store.schema.Tables.ORGANIZATION;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.core.store.TrackedWriter.Outcome;
import org.taizhang.organization.RegistryHistory.ValueKind;

/** Reads and writes the registry tables. The only registry code that knows SQL (through jOOQ). */
final class RegistryStore {
    private RegistryStore() {}

    static final Map<String, RegistryHistory.Field> UNIT_HISTORY_FIELDS = Map.of(
            UNIT.NAME.getName(), text(RegistryColumns.UNIT_NAME),
            UNIT.SHORT_NAME.getName(), text(RegistryColumns.UNIT_SHORT_NAME),
            UNIT.CONTACT_PERSON.getName(), text(RegistryColumns.CONTACT_PERSON),
            UNIT.CONTACT_PHONE.getName(), text(RegistryColumns.CONTACT_PHONE),
            UNIT.REMARK.getName(), text(RegistryColumns.REMARK));

    static final Map<String, RegistryHistory.Field> COMMUNITY_HISTORY_FIELDS = Map.of(
            COMMUNITY.NAME.getName(), text(RegistryColumns.COMMUNITY_NAME),
            COMMUNITY.LEAD_UNIT_ID.getName(), field(RegistryColumns.COMMUNITY_LEAD_UNIT, ValueKind.UNIT),
            COMMUNITY.LIAISON.getName(), text(RegistryColumns.COMMUNITY_LIAISON),
            COMMUNITY.REMARK.getName(), text(RegistryColumns.REMARK));

    static final Map<String, RegistryHistory.Field> ORGANIZATION_HISTORY_FIELDS = Map.ofEntries(
            Map.entry(ORGANIZATION.NAME.getName(), text(RegistryColumns.ORG_NAME)),
            Map.entry(ORGANIZATION.KIND.getName(), field(RegistryColumns.ORG_KIND, ValueKind.KIND)),
            Map.entry(ORGANIZATION.UNIT_ID.getName(), field(RegistryColumns.ORG_UNIT, ValueKind.UNIT)),
            Map.entry(ORGANIZATION.PARENT_ID.getName(), field(RegistryColumns.ORG_PARENT, ValueKind.ORGANIZATION)),
            Map.entry(ORGANIZATION.SECRETARY.getName(), text(RegistryColumns.ORG_SECRETARY)),
            Map.entry(ORGANIZATION.FULL_TIME_DEPUTY.getName(), text(RegistryColumns.ORG_DEPUTY)),
            Map.entry(ORGANIZATION.MEMBER_COUNT.getName(), text(RegistryColumns.ORG_MEMBERS)),
            Map.entry(ORGANIZATION.HAS_COMMITTEE.getName(), field(RegistryColumns.ORG_COMMITTEE, ValueKind.YES_NO)),
            Map.entry(ORGANIZATION.TERM_START.getName(), text(RegistryColumns.ORG_TERM_START)),
            Map.entry(ORGANIZATION.TERM_END.getName(), text(RegistryColumns.ORG_TERM_END)),
            Map.entry(ORGANIZATION.COMMUNITY_ID.getName(), field(RegistryColumns.ORG_COMMUNITY, ValueKind.COMMUNITY)),
            Map.entry(ORGANIZATION.CONTACT_PERSON.getName(), text(RegistryColumns.CONTACT_PERSON)),
            Map.entry(ORGANIZATION.CONTACT_PHONE.getName(), text(RegistryColumns.CONTACT_PHONE)),
            Map.entry(ORGANIZATION.REMARK.getName(), text(RegistryColumns.REMARK)));

    private static RegistryHistory.Field text(String column) {
        return field(column, ValueKind.TEXT);
    }

    private static RegistryHistory.Field field(String column, ValueKind kind) {
        return new RegistryHistory.Field(column, kind);
    }

    static Registry load(DSLContext ctx) {
        List<Unit> units = ctx.selectFrom(UNIT).where(UNIT.DELETED.eq(0)).fetch(r -> new Unit(r.getId(), r.getName(),
                r.getShortName(), r.getContactPerson(), r.getContactPhone(), r.getRemark(), r.getSortOrder()));
        List<Community> communities = ctx.selectFrom(COMMUNITY).where(COMMUNITY.DELETED.eq(0))
                .fetch(r -> new Community(r.getId(), r.getName(), r.getLeadUnitId(), r.getLiaison(), r.getRemark()));
        List<Organization> organizations = ctx.selectFrom(ORGANIZATION).where(ORGANIZATION.DELETED.eq(0))
                .fetch(r -> new Organization(r.getId(), r.getUnitId(), r.getParentId(), r.getName(),
                        OrganizationKind.valueOf(r.getKind()), r.getSecretary(), r.getFullTimeDeputy(),
                        r.getMemberCount(), r.getHasCommittee() == 1, date(r.getTermStart()), date(r.getTermEnd()),
                        r.getCommunityId(), r.getContactPerson(), r.getContactPhone(), r.getRemark(),
                        r.getSortOrder()));
        return new Registry(units, communities, organizations);
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    static Outcome save(TrackedWriter writer, Unit u) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(UNIT.NAME.getName(), u.name().strip());
        v.put(UNIT.SHORT_NAME.getName(), u.shortName());
        v.put(UNIT.CONTACT_PERSON.getName(), u.contactPerson());
        v.put(UNIT.CONTACT_PHONE.getName(), u.contactPhone());
        v.put(UNIT.REMARK.getName(), u.remark());
        v.put(UNIT.SORT_ORDER.getName(), u.sortOrder());
        return writer.save(UNIT, u.id(), v);
    }

    static Outcome save(TrackedWriter writer, Community c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(COMMUNITY.NAME.getName(), c.name().strip());
        v.put(COMMUNITY.LEAD_UNIT_ID.getName(), c.leadUnitId());
        v.put(COMMUNITY.LIAISON.getName(), c.liaison());
        v.put(COMMUNITY.REMARK.getName(), c.remark());
        return writer.save(COMMUNITY, c.id(), v);
    }

    static Outcome save(TrackedWriter writer, Organization o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(ORGANIZATION.UNIT_ID.getName(), o.unitId());
        v.put(ORGANIZATION.PARENT_ID.getName(), o.parentId());
        v.put(ORGANIZATION.NAME.getName(), o.name().strip());
        v.put(ORGANIZATION.KIND.getName(), o.kind().name());
        v.put(ORGANIZATION.SECRETARY.getName(), o.secretary());
        v.put(ORGANIZATION.FULL_TIME_DEPUTY.getName(), o.fullTimeDeputy());
        v.put(ORGANIZATION.MEMBER_COUNT.getName(), o.memberCount());
        v.put(ORGANIZATION.HAS_COMMITTEE.getName(), o.hasCommittee() ? 1 : 0);
        v.put(ORGANIZATION.TERM_START.getName(), o.termStart() == null ? null : o.termStart().toString());
        v.put(ORGANIZATION.TERM_END.getName(), o.termEnd() == null ? null : o.termEnd().toString());
        v.put(ORGANIZATION.COMMUNITY_ID.getName(), o.communityId());
        v.put(ORGANIZATION.CONTACT_PERSON.getName(), o.contactPerson());
        v.put(ORGANIZATION.CONTACT_PHONE.getName(), o.contactPhone());
        v.put(ORGANIZATION.REMARK.getName(), o.remark());
        v.put(ORGANIZATION.SORT_ORDER.getName(), o.sortOrder());
        return writer.save(ORGANIZATION, o.id(), v);
    }

    static boolean deleteUnit(TrackedWriter writer, String id) {
        return writer.delete(UNIT, id);
    }

    static boolean deleteCommunity(TrackedWriter writer, String id) {
        return writer.delete(COMMUNITY, id);
    }

    static boolean deleteOrganization(TrackedWriter writer, String id) {
        return writer.delete(ORGANIZATION, id);
    }

    static List<HistoryEntry> history(DSLContext ctx, String table, String id) {
        return TrackedWriter.historyOf(ctx, table, id);
    }

    static String unitTable() {
        return UNIT.getName();
    }

    static String communityTable() {
        return COMMUNITY.getName();
    }

    static String organizationTable() {
        return ORGANIZATION.getName();
    }
}
