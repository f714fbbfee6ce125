package org.taizhang.checklist.model;

import org.taizhang.core.Ids;

/**
 * 直接定级: the committee sets a branch's rating for a year directly, with the reason (e.g. 区级以上先进集体), over
 * whatever its assessments would give; the branch counts as 达标 that year. One per branch and year.
 */
public record DirectRating(String id, String organizationId, int year, String rating, String reason) {
    public static String idOf(String organizationId, int year) {
        return Ids.forKey("direct_rating", organizationId, Integer.toString(year));
    }
}
