package org.taizhang.organization;

import static org.taizhang.organization.model.Organization.BRANCH_MAX_MEMBERS;
import static org.taizhang.organization.model.Organization.BRANCH_MIN_MEMBERS;
import static org.taizhang.organization.model.Organization.COMMITTEE_MIN_MEMBERS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.taizhang.core.Issue;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The checks that catch what clerks get wrong, one place for the form, the import and the command line.
 * Errors block saving; warnings (an expired term, a branch that should be a 联合支部) are shown and allowed.
 * Field names are those of {@link RegistryColumns}.
 */
public final class RegistryRules {
    /** How soon before the end of a term the registry starts to remind the clerk (换届 preparation). */
    public static final int TERM_REMINDER_DAYS = 90;

    /** A name of a unit, community or organization: the longest real ones are about 40 characters. */
    public static final int NAME_MAX = 100;
    /** A person (or a few, 张三、李四), a unit's short name. */
    public static final int PERSON_MAX = 50;
    /** A phone number with area code and extension, or two of them. */
    public static final int PHONE_MAX = 40;

    public static final int REMARK_MAX = 1000;

    /**
     * The longest text each field takes, in characters, by its column name (one place: the save, the import and
     * the form all check through {@link #check}). Without limits a workbook of 32,767-character cells filled the
     * database; the limits are generous for real entries and far below that.
     */
    public static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry(RegistryColumns.UNIT_NAME, NAME_MAX),
            Map.entry(RegistryColumns.UNIT_SHORT_NAME, PERSON_MAX),
            Map.entry(RegistryColumns.COMMUNITY_NAME, NAME_MAX),
            Map.entry(RegistryColumns.COMMUNITY_LIAISON, PERSON_MAX),
            Map.entry(RegistryColumns.ORG_NAME, NAME_MAX),
            Map.entry(RegistryColumns.ORG_SECRETARY, PERSON_MAX),
            Map.entry(RegistryColumns.ORG_DEPUTY, PERSON_MAX),
            Map.entry(RegistryColumns.CONTACT_PERSON, PERSON_MAX),
            Map.entry(RegistryColumns.CONTACT_PHONE, PHONE_MAX),
            Map.entry(RegistryColumns.REMARK, REMARK_MAX));

    private RegistryRules() {}

    /** The longest text {@code field} (a {@link RegistryColumns} name) takes, for a form to limit its input. */
    public static OptionalInt maxLength(String field) {
        Integer max = MAX_LENGTHS.get(field);
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** Adds an error for every text longer than its field takes; true when the name was one of them. */
    private static boolean checkLengths(List<Issue> issues, String nameField, Object... fieldsAndValues) {
        boolean nameTooLong = false;
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = (String) fieldsAndValues[i];
            String value = (String) fieldsAndValues[i + 1];
            int max = MAX_LENGTHS.get(field);
            int length = value == null ? 0 : value.codePointCount(0, value.length());
            if (length > max) {
                issues.add(Issue.error(field, "registry.error.tooLong", max, length));
                nameTooLong |= field.equals(nameField);
            }
        }
        return nameTooLong;
    }

    public static List<Issue> check(Registry registry, Organization o, LocalDate today) {
        List<Issue> issues = new ArrayList<>();
        boolean nameTooLong = checkLengths(
                issues,
                RegistryColumns.ORG_NAME,
                RegistryColumns.ORG_NAME,
                o.name(),
                RegistryColumns.ORG_SECRETARY,
                o.secretary(),
                RegistryColumns.ORG_DEPUTY,
                o.fullTimeDeputy(),
                RegistryColumns.CONTACT_PERSON,
                o.contactPerson(),
                RegistryColumns.CONTACT_PHONE,
                o.contactPhone(),
                RegistryColumns.REMARK,
                o.remark());
        if (blank(o.name())) {
            issues.add(Issue.error(RegistryColumns.ORG_NAME, "organization.error.nameRequired"));
        }
        if (o.kind() == null) {
            issues.add(Issue.error(RegistryColumns.ORG_KIND, "organization.error.kindRequired"));
        }
        if (blank(o.unitId())) {
            issues.add(Issue.error(RegistryColumns.ORG_UNIT, "organization.error.unitRequired"));
        } else if (registry.unit(o.unitId()).isEmpty()) {
            issues.add(Issue.error(RegistryColumns.ORG_UNIT, "organization.error.unitNotFound"));
        }
        checkParent(registry, o, issues);
        if (!blank(o.name()) && !nameTooLong) { // one name error is enough
            boolean siblingTwin = registry.siblingsOf(o).stream()
                    .anyMatch(s -> s.unitId().equals(o.unitId())
                            && s.name().strip().equals(o.name().strip()));
            if (siblingTwin) {
                issues.add(Issue.error(RegistryColumns.ORG_NAME, "organization.error.duplicateName", o.name()));
            } else {
                checkLeaderNameUnique(registry, o, issues); // one name error is enough
            }
        }
        if (o.communityId() != null && registry.community(o.communityId()).isEmpty()) {
            issues.add(Issue.error(RegistryColumns.ORG_COMMUNITY, "organization.error.communityNotFound"));
        }
        checkMembers(o, issues);
        checkTerm(o, today, issues);
        if (blank(o.secretary())) {
            issues.add(Issue.warning(RegistryColumns.ORG_SECRETARY, "organization.warning.secretaryMissing"));
        }
        return issues;
    }

    /**
     * The workbook names a parent by its name, so an organization that can lead others (机关党委, 党总支) must
     * be the only one of its name in its unit; branches may share a name under different parents.
     */
    private static void checkLeaderNameUnique(Registry registry, Organization o, List<Issue> issues) {
        if (o.unitId() == null) {
            return;
        }
        for (Organization other :
                registry.organizationsNamed(o.unitId(), o.name().strip())) {
            if (other.id().equals(o.id())) {
                continue;
            }
            boolean leaderInvolved = other.kind().canHaveChildren()
                    || (o.kind() != null && o.kind().canHaveChildren());
            if (leaderInvolved) {
                issues.add(Issue.error(RegistryColumns.ORG_NAME, "organization.error.leaderNameTaken", o.name()));
                return;
            }
        }
    }

    private static void checkParent(Registry registry, Organization o, List<Issue> issues) {
        if (o.parentId() == null) {
            checkOnlyTopLevel(registry, o, issues);
            return;
        }
        var parent = registry.organization(o.parentId());
        if (parent.isEmpty()) {
            issues.add(Issue.error(RegistryColumns.ORG_PARENT, "organization.error.parentNotFound"));
            return;
        }
        Organization p = parent.get();
        if (o.id() != null && registry.isSelfOrDescendant(p.id(), o.id())) {
            issues.add(Issue.error(RegistryColumns.ORG_PARENT, "organization.error.parentCycle"));
        }
        if (!p.kind().canHaveChildren()) {
            issues.add(Issue.error(RegistryColumns.ORG_PARENT, "organization.error.parentIsBranch", p.name()));
        }
        if (o.unitId() != null && !p.unitId().equals(o.unitId())) {
            issues.add(Issue.error(RegistryColumns.ORG_PARENT, "organization.error.parentOtherUnit", p.name()));
        }
        if (o.kind() == OrganizationKind.PARTY_COMMITTEE) {
            issues.add(Issue.error(RegistryColumns.ORG_PARENT, "organization.error.committeeUnderParent"));
        }
    }

    /**
     * A unit's Party organizations form one tree under one top-level organization (its 机关党委, or a single
     * 党总支/党支部 in a small unit); the totals count members there, so a second root would count twice.
     */
    private static void checkOnlyTopLevel(Registry registry, Organization o, List<Issue> issues) {
        if (o.unitId() == null) {
            return;
        }
        for (Organization top : registry.topLevel(o.unitId())) {
            if (!top.id().equals(o.id())) {
                issues.add(Issue.error(RegistryColumns.ORG_PARENT, "organization.error.secondTopLevel", top.name()));
                return;
            }
        }
    }

    private static void checkMembers(Organization o, List<Issue> issues) {
        Integer n = o.memberCount();
        if (n == null) {
            issues.add(Issue.warning(RegistryColumns.ORG_MEMBERS, "organization.warning.membersUnknown"));
            return;
        }
        if (n < 0) {
            issues.add(Issue.error(RegistryColumns.ORG_MEMBERS, "organization.error.membersNegative"));
            return;
        }
        if (o.kind() == null || !o.kind().isBranch()) {
            return;
        }
        if (o.hasCommittee() && n < COMMITTEE_MIN_MEMBERS) {
            issues.add(Issue.error(
                    RegistryColumns.ORG_COMMITTEE, "organization.error.committeeNotAllowed", n, COMMITTEE_MIN_MEMBERS));
        }
        if (!o.hasCommittee() && n >= COMMITTEE_MIN_MEMBERS) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_COMMITTEE, "organization.warning.committeeExpected", n, COMMITTEE_MIN_MEMBERS));
        }
        if (o.kind() == OrganizationKind.BRANCH && n < BRANCH_MIN_MEMBERS) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_MEMBERS, "organization.warning.tooFewForBranch", n, BRANCH_MIN_MEMBERS));
        }
        if (n > BRANCH_MAX_MEMBERS) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_MEMBERS, "organization.warning.tooManyForBranch", n, BRANCH_MAX_MEMBERS));
        }
    }

    /** 机关党委 are elected for 5 years; 党总支 and 党支部 committees for 3 (《中国共产党支部工作条例》). */
    static int termYears(OrganizationKind kind) {
        return kind == OrganizationKind.PARTY_COMMITTEE ? 5 : 3;
    }

    /** An election held a few weeks late still ends its term on the planned date. */
    private static final int TERM_SLACK_DAYS = 31;

    private static void checkTerm(Organization o, LocalDate today, List<Issue> issues) {
        if (o.termStart() != null && o.termEnd() != null && !o.termEnd().isAfter(o.termStart())) {
            issues.add(Issue.error(RegistryColumns.ORG_TERM_END, "organization.error.termOrder"));
            return;
        }
        if (o.termStart() != null && o.termStart().isAfter(today)) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_TERM_START,
                    "organization.warning.termStartsLater",
                    o.termStart().toString()));
        }
        if (o.kind() != null
                && o.termStart() != null
                && o.termEnd() != null
                && o.termEnd()
                        .isAfter(o.termStart().plusYears(termYears(o.kind())).plusDays(TERM_SLACK_DAYS))) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_TERM_END, "organization.warning.termTooLong", termYears(o.kind())));
        }
        if (o.termExpired(today)) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_TERM_END,
                    "organization.warning.termExpired",
                    o.termEnd().toString()));
        } else if (o.termEnd() != null && !o.termEnd().isAfter(today.plusDays(TERM_REMINDER_DAYS))) {
            issues.add(Issue.warning(
                    RegistryColumns.ORG_TERM_END,
                    "organization.warning.termEndingSoon",
                    o.termEnd().toString()));
        }
    }

    public static List<Issue> check(Registry registry, Unit u) {
        List<Issue> issues = new ArrayList<>();
        boolean nameTooLong = checkLengths(
                issues,
                RegistryColumns.UNIT_NAME,
                RegistryColumns.UNIT_NAME,
                u.name(),
                RegistryColumns.UNIT_SHORT_NAME,
                u.shortName(),
                RegistryColumns.CONTACT_PERSON,
                u.contactPerson(),
                RegistryColumns.CONTACT_PHONE,
                u.contactPhone(),
                RegistryColumns.REMARK,
                u.remark());
        if (blank(u.name())) {
            issues.add(Issue.error(RegistryColumns.UNIT_NAME, "unit.error.nameRequired"));
        } else if (!nameTooLong && registry.unitsNamed(u.name()).stream().anyMatch(x -> !x.id().equals(u.id()))) {
            // by index, not a scan: the import checks every row, and 100,000 rows made the scan quadratic
            issues.add(Issue.error(RegistryColumns.UNIT_NAME, "unit.error.duplicateName", u.name()));
        }
        return issues;
    }

    public static List<Issue> check(Registry registry, Community c) {
        List<Issue> issues = new ArrayList<>();
        boolean nameTooLong = checkLengths(
                issues,
                RegistryColumns.COMMUNITY_NAME,
                RegistryColumns.COMMUNITY_NAME,
                c.name(),
                RegistryColumns.COMMUNITY_LIAISON,
                c.liaison(),
                RegistryColumns.REMARK,
                c.remark());
        if (blank(c.name())) {
            issues.add(Issue.error(RegistryColumns.COMMUNITY_NAME, "community.error.nameRequired"));
        } else if (!nameTooLong && registry.communitiesNamed(c.name()).stream().anyMatch(x -> !x.id().equals(c.id()))) {
            issues.add(Issue.error(RegistryColumns.COMMUNITY_NAME, "community.error.duplicateName", c.name()));
        }
        if (c.leadUnitId() == null) {
            issues.add(Issue.warning(RegistryColumns.COMMUNITY_LEAD_UNIT, "community.warning.noLeadUnit"));
        } else if (registry.unit(c.leadUnitId()).isEmpty()) {
            issues.add(Issue.error(RegistryColumns.COMMUNITY_LEAD_UNIT, "community.error.leadUnitNotFound"));
        }
        if (blank(c.liaison())) {
            issues.add(Issue.warning(RegistryColumns.COMMUNITY_LIAISON, "community.warning.noLiaison"));
        }
        return issues;
    }

    /** Deleting leaves no orphan: an organization with live children, a unit with organizations, stay. */
    public static List<Issue> checkDelete(Registry registry, Organization o) {
        return registry.children(o.id()).isEmpty()
                ? List.of()
                : List.of(Issue.error(
                        null,
                        "organization.error.hasChildren",
                        registry.children(o.id()).size()));
    }

    public static List<Issue> checkDelete(Registry registry, Unit u) {
        return registry.ofUnit(u.id()).isEmpty()
                ? List.of()
                : List.of(Issue.error(
                        null,
                        "unit.error.hasOrganizations",
                        registry.ofUnit(u.id()).size()));
    }

    public static List<Issue> checkDelete(Registry registry, Community c) {
        return registry.membersOf(c.id()).isEmpty()
                ? List.of()
                : List.of(Issue.error(
                        null,
                        "community.error.hasMembers",
                        registry.membersOf(c.id()).size()));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
