package org.taizhang.organization.view;

import java.util.function.Predicate;
import org.taizhang.core.text.Pinyin;
import org.taizhang.organization.model.OrganizationKind;

/**
 * What the registry table shows: the part of the tree chosen on the left, a kind, only rows with warnings,
 * and a search by name, unit, secretary, or pinyin initials. Plain Java, so it can be measured on its own.
 */
public record RegistryFilter(
        Scope scope, String search, OrganizationKind kind, boolean issuesOnly, Quick quick, java.time.LocalDate today)
        implements Predicate<OrganizationRow> {

    /**
     * What a 工作台 tile opens: all branches (党支部 and 联合支部), the terms that are over, or the organizations
     * whose members the 党员总数 adds up (each unit's top-level ones: theirs hold those below them).
     */
    public enum Quick {
        NONE,
        BRANCHES,
        TERM_EXPIRED,
        MEMBERS_COUNTED
    }

    public RegistryFilter(Scope scope, String search, OrganizationKind kind, boolean issuesOnly) {
        this(scope, search, kind, issuesOnly, Quick.NONE, null);
    }

    /** The part of the tree selected on the left. */
    public record Scope(Type type, String id) {
        public enum Type {
            ALL,
            UNIT,
            ORGANIZATION,
            COMMUNITY
        }

        public static final Scope ALL = new Scope(Type.ALL, null);
    }

    public static RegistryFilter all() {
        return new RegistryFilter(Scope.ALL, "", null, false);
    }

    @Override
    public boolean test(OrganizationRow row) {
        var o = row.organization();
        boolean inScope = switch (scope.type()) {
            case ALL -> true;
            case UNIT -> o.unitId().equals(scope.id());
            case ORGANIZATION -> o.id().equals(scope.id()) || row.ancestorIds().contains(scope.id());
            case COMMUNITY -> row.communityIds().contains(scope.id());
        };
        if (!inScope || (kind != null && o.kind() != kind) || (issuesOnly && !row.hasIssues())) {
            return false;
        }
        if (quick == Quick.BRANCHES && !o.kind().isBranch()
                || quick == Quick.TERM_EXPIRED && (today == null || !o.termExpired(today))
                || quick == Quick.MEMBERS_COUNTED && !o.isTopLevel()) {
            return false;
        }
        if (search == null || search.isBlank()) {
            return true;
        }
        return Pinyin.matches(o.name(), search)
                || Pinyin.matches(row.unitName(), search)
                || (o.secretary() != null && Pinyin.matches(o.secretary(), search));
    }
}
