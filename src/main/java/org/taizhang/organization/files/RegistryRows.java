package org.taizhang.organization.files;

import java.util.ArrayList;
import java.util.List;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/** The registry's records as rows of text in the workbook's column order (for the .xlsx and .csv exports). */
public final class RegistryRows {
    private RegistryRows() {}

    public static List<String> unitRow(Unit u) {
        return list(u.name(), u.shortName(), u.contactPerson(), u.contactPhone(), u.remark());
    }

    public static List<String> communityRow(Registry r, Community c) {
        return list(c.name(), r.unit(c.leadUnitId()).map(Unit::name).orElse(""), c.liaison(), c.remark());
    }

    public static List<String> organizationRow(Registry r, Organization o) {
        return list(
                o.name(),
                o.kind().fileName(),
                r.unit(o.unitId()).map(Unit::name).orElse(""),
                r.organization(o.parentId()).map(Organization::name).orElse(""),
                o.secretary(),
                o.fullTimeDeputy(),
                o.memberCount() == null ? "" : o.memberCount().toString(),
                o.hasCommittee() ? RegistryColumns.YES : RegistryColumns.NO,
                o.termStart() == null ? "" : o.termStart().toString(),
                o.termEnd() == null ? "" : o.termEnd().toString(),
                r.community(o.communityId()).map(Community::name).orElse(""),
                o.contactPerson(),
                o.contactPhone(),
                o.remark());
    }

    private static List<String> list(String... values) {
        List<String> l = new ArrayList<>(values.length);
        for (String v : values) {
            l.add(v == null ? "" : v);
        }
        return l;
    }
}
