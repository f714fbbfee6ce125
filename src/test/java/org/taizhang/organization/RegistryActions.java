package org.taizhang.organization;

import static org.taizhang.core.store.DeviceActions.COMMUNITY_NAMES;
import static org.taizhang.core.store.DeviceActions.TEXTS;
import static org.taizhang.core.store.DeviceActions.UNIT_NAMES;
import static org.taizhang.core.store.DeviceActions.pick;
import static org.taizhang.core.store.DeviceActions.restore;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.store.DeviceActions;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.files.RegistryFile;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * 组织台账: units, communities and organizations created, edited, deleted, restored, imported and moved.
 * For the convergence property test (core.store.ConvergencePropertyTest): each action is a way a clerk changes this
 * feature's data, through its services, with the rules refusing some as they would a clerk. A new way to change
 * data (an import, a batch, a sample) is added here the day it is written.
 */
public final class RegistryActions implements DeviceActions {
    /** How often the generator picks each action (the action is the index). */
    public static final List<Integer> WEIGHTS = List.of(3, 8, 2, 2, 3, 2, 4, 1, 1, 5, 8, 2, 2, 3);

    private final Store store;
    private final RegistryService service;

    private final DeviceActions.Rows deviceRows;

    public RegistryActions(Store store, RegistryService service, DeviceActions.Rows rows) {
        this.store = store;
        this.service = service;
        this.deviceRows = rows;
    }

    @Override
    public List<Integer> weights() {
        return WEIGHTS;
    }

    @Override
    public void act(int action, Pick s) throws IOException {
        Registry r = service.load();
        switch (action) {
            case 0 ->
                service.save(new Unit(
                        java.util.UUID.randomUUID().toString(),
                        UNIT_NAMES[s.a() % UNIT_NAMES.length],
                        null,
                        null,
                        null,
                        null,
                        s.b()));
            case 1 -> {
                Unit u = pick(r.units(), s.a());
                if (u != null) {
                    String v = TEXTS[s.c() % TEXTS.length];
                    service.save(
                            switch (s.b() % 3) {
                                case 0 ->
                                    new Unit(
                                            u.id(),
                                            u.name(),
                                            v,
                                            u.contactPerson(),
                                            u.contactPhone(),
                                            u.remark(),
                                            u.sortOrder());
                                case 1 ->
                                    new Unit(
                                            u.id(),
                                            u.name(),
                                            u.shortName(),
                                            v,
                                            u.contactPhone(),
                                            u.remark(),
                                            u.sortOrder());
                                default ->
                                    new Unit(
                                            u.id(),
                                            u.name(),
                                            u.shortName(),
                                            u.contactPerson(),
                                            u.contactPhone(),
                                            v,
                                            u.sortOrder());
                            });
                }
            }
            case 2 -> {
                Unit u = pick(r.units(), s.a());
                if (u != null) {
                    service.deleteUnit(u.id());
                }
            }
            case 3 -> restore(rows("unit", true), s.a(), service::restoreUnit);
            case 4 -> importUnit(UNIT_NAMES[s.a() % UNIT_NAMES.length], TEXTS[s.b() % TEXTS.length]);
            case 5 ->
                service.save(new Community(
                        java.util.UUID.randomUUID().toString(),
                        COMMUNITY_NAMES[s.a() % COMMUNITY_NAMES.length],
                        null,
                        null,
                        null));
            case 6 -> {
                Community c = pick(r.communities(), s.a());
                if (c != null) {
                    Unit lead = s.b() % 2 == 0 ? pick(r.units(), s.c()) : null;
                    service.save(new Community(
                            c.id(),
                            c.name(),
                            lead == null ? c.leadUnitId() : lead.id(),
                            TEXTS[s.c() % TEXTS.length],
                            c.remark()));
                }
            }
            case 7 -> {
                Community c = pick(r.communities(), s.a());
                if (c != null) {
                    service.deleteCommunity(c.id());
                }
            }
            case 8 -> restore(rows("community", true), s.a(), service::restoreCommunity);
            case 9 -> createOrganization(r, s);
            case 10 -> {
                Organization o = pick(
                        r.organizations().stream()
                                .sorted(Comparator.comparing(Organization::id))
                                .toList(),
                        s.a());
                if (o != null) {
                    String v = TEXTS[s.c() % TEXTS.length];
                    service.save(
                            switch (s.b() % 3) {
                                case 0 -> copy(o, v, o.memberCount(), o.remark());
                                case 1 -> copy(o, o.secretary(), 3 + s.c() % 40, o.remark());
                                default -> copy(o, o.secretary(), o.memberCount(), v);
                            });
                }
            }
            case 11 -> {
                Organization o = pick(
                        r.organizations().stream()
                                .sorted(Comparator.comparing(Organization::id))
                                .toList(),
                        s.a());
                if (o != null) {
                    service.deleteOrganization(o.id());
                }
            }
            case 12 -> restore(rows("organization", true), s.a(), service::restoreOrganization);
            case 13 -> moveOrganization(r, s);
            default -> throw new IllegalArgumentException("action " + action);
        }
    }

    private List<RecordState> rows(String table, boolean deleted) {
        return deviceRows.rows(table, deleted);
    }

    /**
     * An organization moved under another organization of its unit (or to the top), or into another 共同体:
     * two devices moving two organizations under each other make a cycle the check after the merge lists.
     */
    private void moveOrganization(Registry r, Pick s) {
        List<Organization> all = r.organizations().stream()
                .sorted(Comparator.comparing(Organization::id))
                .toList();
        Organization o = pick(all, s.a());
        if (o == null) {
            return;
        }
        if (s.c() % 2 == 0) {
            Community c = pick(r.communities(), s.b());
            service.save(new Organization(
                    o.id(),
                    o.unitId(),
                    o.parentId(),
                    o.name(),
                    o.kind(),
                    o.secretary(),
                    o.fullTimeDeputy(),
                    o.memberCount(),
                    o.hasCommittee(),
                    o.termStart(),
                    o.termEnd(),
                    c == null || s.b() % 3 == 0 ? null : c.id(),
                    o.contactPerson(),
                    o.contactPhone(),
                    o.remark(),
                    o.sortOrder()));
            return;
        }
        Organization parent = pick(
                all.stream()
                        .filter(p -> p.unitId().equals(o.unitId())
                                && !p.id().equals(o.id())
                                && !p.kind().isBranch())
                        .toList(),
                s.b());
        service.save(new Organization(
                o.id(),
                o.unitId(),
                parent == null ? null : parent.id(),
                o.name(),
                o.kind(),
                o.secretary(),
                o.fullTimeDeputy(),
                o.memberCount(),
                o.hasCommittee(),
                o.termStart(),
                o.termEnd(),
                o.communityId(),
                o.contactPerson(),
                o.contactPhone(),
                o.remark(),
                o.sortOrder()));
    }

    private void createOrganization(Registry r, Pick s) {
        Unit unit = pick(r.units(), s.a());
        if (unit == null) {
            return;
        }
        Organization top = r.organizations().stream()
                .filter(o -> o.unitId().equals(unit.id()) && o.isTopLevel())
                .findFirst()
                .orElse(null);
        String id = java.util.UUID.randomUUID().toString();
        if (top == null) {
            service.save(new Organization(
                    id,
                    unit.id(),
                    null,
                    "机关党委",
                    OrganizationKind.PARTY_COMMITTEE,
                    null,
                    null,
                    30,
                    true,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0));
        } else {
            service.save(new Organization(
                    id,
                    unit.id(),
                    top.id(),
                    "第" + (1 + s.b() % 3) + "党支部",
                    OrganizationKind.BRANCH,
                    TEXTS[s.c() % TEXTS.length],
                    null,
                    5 + s.c() % 20,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s.b()));
        }
    }

    private static Organization copy(Organization o, String secretary, Integer members, String remark) {
        return new Organization(
                o.id(),
                o.unitId(),
                o.parentId(),
                o.name(),
                o.kind(),
                secretary,
                o.fullTimeDeputy(),
                members,
                o.hasCommittee(),
                o.termStart(),
                o.termEnd(),
                o.communityId(),
                o.contactPerson(),
                o.contactPhone(),
                remark,
                o.sortOrder());
    }

    /** A one-row workbook: the unit gets the id of its name, and a deleted unit of that name comes back. */
    public void importUnit(String name, String shortName) {
        importUnit(service, name, shortName);
    }

    /** One unit imported from a workbook: its id comes from its name, so two devices importing it make one record. */
    public static void importUnit(RegistryService service, String name, String shortName) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(RegistryColumns.UNIT_NAME, name);
        cells.put(RegistryColumns.UNIT_SHORT_NAME, shortName == null ? "" : shortName);
        RegistryFile file = new RegistryFile(
                new SheetData(RegistryColumns.UNITS_SHEET, cells.keySet(), List.of(new SheetData.Row(2, cells))),
                SheetData.absent(RegistryColumns.COMMUNITIES_SHEET),
                SheetData.absent(RegistryColumns.ORGANIZATIONS_SHEET));
        service.importFile(file, Progress.NONE);
    }
}
