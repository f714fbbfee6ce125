package org.taizhang.organization.model;

import java.time.LocalDate;

/**
 * 党组织: one Party organization. {@code parentId} is null for the unit's top-level organization;
 * {@code memberCount} and the term dates may be unknown (null) while a clerk is still collecting them.
 */
public record Organization(
        String id,
        String unitId,
        String parentId,
        String name,
        OrganizationKind kind,
        String secretary,
        String fullTimeDeputy,
        Integer memberCount,
        boolean hasCommittee,
        LocalDate termStart,
        LocalDate termEnd,
        String communityId,
        String contactPerson,
        String contactPhone,
        String remark,
        int sortOrder) {

    /** Members needed for a 支部委员会 (2018 支部工作条例: 7 or more full members). */
    public static final int COMMITTEE_MIN_MEMBERS = 7;
    /** Fewer full members than this: a 联合支部 instead of a branch. */
    public static final int BRANCH_MIN_MEMBERS = 3;
    /** A branch normally has at most this many members. */
    public static final int BRANCH_MAX_MEMBERS = 50;

    public boolean isTopLevel() {
        return parentId == null;
    }

    public boolean termExpired(LocalDate today) {
        return termEnd != null && termEnd.isBefore(today);
    }
}
