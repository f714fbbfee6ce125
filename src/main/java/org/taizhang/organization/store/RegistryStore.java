package org.taizhang.organization.store;

import static org.taizhang.core.store.schema.Tables.COMMUNITY;
import static org.taizhang.core.store.schema.Tables.ORGANIZATION;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.core.store.TrackedWriter.Outcome;
import org.taizhang.core.store.schema.tables.records.CommunityRecord;
import org.taizhang.core.store.schema.tables.records.OrganizationRecord;
import org.taizhang.core.store.schema.tables.records.UnitRecord;
import org.taizhang.organization.RegistryHistory;
import org.taizhang.organization.RegistryHistory.ValueKind;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/** Reads and writes the registry tables. The only registry code that knows SQL (through jOOQ). */
public final class RegistryStore {
    private RegistryStore() {}

    public static final Map<String, RegistryHistory.Field> UNIT_HISTORY_FIELDS = Map.of(
            UNIT.NAME.getName(), text(RegistryColumns.UNIT_NAME),
            UNIT.SHORT_NAME.getName(), text(RegistryColumns.UNIT_SHORT_NAME),
            UNIT.CONTACT_PERSON.getName(), text(RegistryColumns.CONTACT_PERSON),
            UNIT.CONTACT_PHONE.getName(), text(RegistryColumns.CONTACT_PHONE),
            UNIT.REMARK.getName(), text(RegistryColumns.REMARK));

    public static final Map<String, RegistryHistory.Field> COMMUNITY_HISTORY_FIELDS = Map.of(
            COMMUNITY.NAME.getName(), text(RegistryColumns.COMMUNITY_NAME),
            COMMUNITY.LEAD_UNIT_ID.getName(), field(RegistryColumns.COMMUNITY_LEAD_UNIT, ValueKind.UNIT),
            COMMUNITY.LIAISON.getName(), text(RegistryColumns.COMMUNITY_LIAISON),
            COMMUNITY.REMARK.getName(), text(RegistryColumns.REMARK));

    public static final Map<String, RegistryHistory.Field> ORGANIZATION_HISTORY_FIELDS = Map.ofEntries(
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

    public static Registry load(DSLContext ctx) {
        List<Unit> units = ctx.selectFrom(UNIT)
                .where(UNIT.DELETED.eq(0))
                .fetch(r -> new Unit(
                        r.getId(),
                        r.getName(),
                        r.getShortName(),
                        r.getContactPerson(),
                        r.getContactPhone(),
                        r.getRemark(),
                        r.getSortOrder()));
        List<Community> communities = ctx.selectFrom(COMMUNITY)
                .where(COMMUNITY.DELETED.eq(0))
                .fetch(r -> new Community(r.getId(), r.getName(), r.getLeadUnitId(), r.getLiaison(), r.getRemark()));
        List<Organization> organizations =
                ctx.selectFrom(ORGANIZATION).where(ORGANIZATION.DELETED.eq(0)).fetch(RegistryStore::organization);
        return new Registry(units, communities, organizations);
    }

    /** One live organization, without loading the registry (a checklist answer needs only its kind). */
    public static java.util.Optional<Organization> organization(DSLContext ctx, String id) {
        return ctx.selectFrom(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(id))
                .and(ORGANIZATION.DELETED.eq(0))
                .fetchOptional(RegistryStore::organization);
    }

    private static Organization organization(OrganizationRecord r) {
        return new Organization(
                r.getId(),
                r.getUnitId(),
                r.getParentId(),
                r.getName(),
                OrganizationKind.valueOf(r.getKind()),
                r.getSecretary(),
                r.getFullTimeDeputy(),
                r.getMemberCount(),
                r.getHasCommittee() == 1,
                date(r.getTermStart()),
                date(r.getTermEnd()),
                r.getCommunityId(),
                r.getContactPerson(),
                r.getContactPhone(),
                r.getRemark(),
                r.getSortOrder());
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    public static Outcome save(TrackedWriter writer, Unit u) {
        return writer.save(record(u));
    }

    /**
     * An import's records to write in slices (so progress and cancel come between them), each slice batched through
     * {@link TrackedWriter#saveAll}; the jOOQ records stay in here.
     */
    public static final class Batch {
        private final List<org.jooq.TableRecord<?>> records = new java.util.ArrayList<>();

        public Batch(List<Unit> units, List<Community> communities, List<Organization> organizations) {
            units.forEach(u -> records.add(record(u)));
            communities.forEach(c -> records.add(record(c)));
            organizations.forEach(o -> records.add(record(o)));
        }

        public int size() {
            return records.size();
        }

        /**
         * Writes records {@code from} (inclusive) to {@code to} (exclusive), restoring those deleted before (an import
         * that names a deleted record again, the same natural key so the same id); each one's outcome, in order.
         */
        public List<Outcome> save(TrackedWriter writer, int from, int to) {
            return writer.restoreAndSaveAll(records.subList(from, to));
        }
    }

    public static UnitRecord record(Unit u) {
        UnitRecord r = UNIT.newRecord();
        r.setId(u.id());
        r.setName(u.name().strip());
        r.setShortName(u.shortName());
        r.setContactPerson(u.contactPerson());
        r.setContactPhone(u.contactPhone());
        r.setRemark(u.remark());
        r.setSortOrder(u.sortOrder());
        return r;
    }

    public static Outcome save(TrackedWriter writer, Community c) {
        return writer.save(record(c));
    }

    public static CommunityRecord record(Community c) {
        CommunityRecord r = COMMUNITY.newRecord();
        r.setId(c.id());
        r.setName(c.name().strip());
        r.setLeadUnitId(c.leadUnitId());
        r.setLiaison(c.liaison());
        r.setRemark(c.remark());
        return r;
    }

    public static Outcome save(TrackedWriter writer, Organization o) {
        return writer.save(record(o));
    }

    public static OrganizationRecord record(Organization o) {
        OrganizationRecord r = ORGANIZATION.newRecord();
        r.setId(o.id());
        r.setUnitId(o.unitId());
        r.setParentId(o.parentId());
        r.setName(o.name().strip());
        r.setKind(o.kind().name());
        r.setSecretary(o.secretary());
        r.setFullTimeDeputy(o.fullTimeDeputy());
        r.setMemberCount(o.memberCount());
        r.setHasCommittee(o.hasCommittee() ? 1 : 0);
        r.setTermStart(o.termStart() == null ? null : o.termStart().toString());
        r.setTermEnd(o.termEnd() == null ? null : o.termEnd().toString());
        r.setCommunityId(o.communityId());
        r.setContactPerson(o.contactPerson());
        r.setContactPhone(o.contactPhone());
        r.setRemark(o.remark());
        r.setSortOrder(o.sortOrder());
        return r;
    }

    /*
     * Restoring is its own change. An import that names a deleted record again (same natural key, so the same id)
     * restores it before writing the row: re-creating under the same key is a restore, on every device alike.
     */
    public static boolean restoreUnit(TrackedWriter writer, String id) {
        return writer.restore(UNIT, id);
    }

    public static boolean restoreCommunity(TrackedWriter writer, String id) {
        return writer.restore(COMMUNITY, id);
    }

    public static boolean restoreOrganization(TrackedWriter writer, String id) {
        return writer.restore(ORGANIZATION, id);
    }

    public static boolean deleteUnit(TrackedWriter writer, String id) {
        return writer.delete(UNIT, id);
    }

    public static boolean deleteCommunity(TrackedWriter writer, String id) {
        return writer.delete(COMMUNITY, id);
    }

    public static boolean deleteOrganization(TrackedWriter writer, String id) {
        return writer.delete(ORGANIZATION, id);
    }

    public static List<HistoryEntry> history(DSLContext ctx, String table, String id) {
        return TrackedWriter.historyOf(ctx, table, id);
    }

    public static String unitTable() {
        return UNIT.getName();
    }

    public static String communityTable() {
        return COMMUNITY.getName();
    }

    public static String organizationTable() {
        return ORGANIZATION.getName();
    }
}
