package org.taizhang.checklist.model;

import java.math.BigDecimal;
import org.taizhang.core.Ids;

/**
 * 等级比例: in a year, at most {@code maxShare} percent of the branches may hold {@code rating} (e.g. 五星 ≤ 10%,
 * 四星 ≤ 40%), where the city sets such limits; the board says when a rating is over its share.
 */
public record RatingQuota(String id, int year, String rating, BigDecimal maxShare) {
    public static String idOf(int year, String rating) {
        return Ids.forKey("rating_quota", Integer.toString(year), rating);
    }

    /** A rating over its share in a year: how many branches hold it, their share of all branches, the limit. */
    public record Excess(String rating, int count, BigDecimal share, BigDecimal maxShare) {}
}
