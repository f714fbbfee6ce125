package org.taizhang.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.HistoryEntry.FieldChange;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;
import org.taizhang.organization.store.RegistryStore;

/**
 * A history entry's field changes as a clerk reads them: under the workbook's column names, with ids turned into
 * the names they stand for (所属单位 江海市财政局, not a UUID) and stored codes into their words (党支部, 是/否).
 */
public final class RegistryHistory {
    private RegistryHistory() {}

    /** How a stored value reads. */
    public enum ValueKind {
        TEXT,
        UNIT,
        ORGANIZATION,
        COMMUNITY,
        KIND,
        YES_NO
    }

    /** A stored column's workbook name and how its value reads. */
    public record Field(String column, ValueKind kind) {}

    public static List<FieldChange> ofOrganization(HistoryEntry entry, Registry registry) {
        return readable(entry, RegistryStore.ORGANIZATION_HISTORY_FIELDS, registry);
    }

    public static List<FieldChange> ofUnit(HistoryEntry entry, Registry registry) {
        return readable(entry, RegistryStore.UNIT_HISTORY_FIELDS, registry);
    }

    public static List<FieldChange> ofCommunity(HistoryEntry entry, Registry registry) {
        return readable(entry, RegistryStore.COMMUNITY_HISTORY_FIELDS, registry);
    }

    /**
     * A record's conflicts as a clerk reads them: per other value, the field's name, the value shown here (before)
     * and the other device's (after).
     */
    static List<FieldChange> conflicts(
            List<org.taizhang.core.store.Store.Conflict> conflicts, Map<String, Field> fields, Registry registry) {
        List<FieldChange> raw = new ArrayList<>();
        conflicts.forEach(c -> raw.addAll(c.asChanges()));
        return readable(raw, fields, registry);
    }

    private static List<FieldChange> readable(HistoryEntry entry, Map<String, Field> fields, Registry registry) {
        return readable(entry.changes(), fields, registry);
    }

    private static List<FieldChange> readable(List<FieldChange> changes, Map<String, Field> fields, Registry registry) {
        List<FieldChange> list = new ArrayList<>();
        for (FieldChange c : changes) {
            Field f = fields.get(c.field());
            if (f == null) {
                continue; // bookkeeping such as the sort order: not something the clerk typed
            }
            String before = value(f.kind(), c.before(), registry);
            String after = value(f.kind(), c.after(), registry);
            if (before == null && after == null) {
                continue;
            }
            list.add(new FieldChange(f.column(), before, after));
        }
        return list;
    }

    private static String value(ValueKind kind, String stored, Registry registry) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        // a record deleted since keeps its id in old entries: show the id rather than nothing
        return switch (kind) {
            case TEXT -> stored;
            case UNIT -> registry.unit(stored).map(Unit::name).orElse(stored);
            case ORGANIZATION ->
                registry.organization(stored).map(Organization::name).orElse(stored);
            case COMMUNITY -> registry.community(stored).map(Community::name).orElse(stored);
            case KIND -> kindName(stored).orElse(stored);
            case YES_NO -> "0".equals(stored) ? RegistryColumns.NO : RegistryColumns.YES;
        };
    }

    private static Optional<String> kindName(String stored) {
        try {
            return Optional.of(OrganizationKind.valueOf(stored).fileName());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
