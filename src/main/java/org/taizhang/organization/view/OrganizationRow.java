package org.taizhang.organization.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/** One line of the registry table: the organization with the names and checks it is shown with. */
public record OrganizationRow(
        Organization organization,
        String unitName,
        String parentName,
        String communityName,
        String kindLabel,
        Set<String> ancestorIds,
        Set<String> communityIds,
        List<Issue> issues,
        String issueText,
        int depth) {

    public boolean hasIssues() {
        return !issues.isEmpty();
    }

    public static List<OrganizationRow> build(Registry registry, LocalDate today, Messages messages) {
        List<OrganizationRow> rows = new ArrayList<>(registry.organizationCount());
        for (Organization o : registry.organizations()) {
            Set<String> ancestors = new HashSet<>();
            String p = o.parentId();
            while (p != null && ancestors.add(p)) {
                p = registry.organization(p).map(Organization::parentId).orElse(null);
            }
            List<Issue> issues = RegistryRules.check(registry, o, today);
            StringBuilder text = new StringBuilder();
            for (Issue i : issues) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(messages.get(i.messageKey(), i.args()));
            }
            rows.add(new OrganizationRow(
                    o,
                    registry.unit(o.unitId()).map(Unit::name).orElse(""),
                    registry.organization(o.parentId()).map(Organization::name).orElse(""),
                    registry.community(o.communityId()).map(Community::name).orElse(""),
                    messages.get(o.kind().messageKey()),
                    Set.copyOf(ancestors),
                    Set.copyOf(registry.communityIdsOf(o)), // its own 共同体 and those above it
                    List.copyOf(issues),
                    text.toString(),
                    ancestors.size() + 1));
        }
        return rows;
    }
}
