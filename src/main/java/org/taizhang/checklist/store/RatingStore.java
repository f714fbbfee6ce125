package org.taizhang.checklist.store;

import static org.taizhang.core.store.schema.Tables.DIRECT_RATING;
import static org.taizhang.core.store.schema.Tables.RATING_QUOTA;

import java.util.List;
import org.jooq.DSLContext;
import org.taizhang.checklist.model.DirectRating;
import org.taizhang.checklist.model.RatingQuota;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.core.store.schema.tables.records.DirectRatingRecord;
import org.taizhang.core.store.schema.tables.records.RatingQuotaRecord;

/** 直接定级 and 等级比例 as rows (jOOQ); written through the tracked writer, so they merge between devices. */
public final class RatingStore {
    private RatingStore() {}

    public static List<DirectRating> directRatings(DSLContext ctx, int from, int to) {
        return ctx.selectFrom(DIRECT_RATING)
                .where(DIRECT_RATING.YEAR.between(from, to))
                .and(DIRECT_RATING.DELETED.eq(0))
                .orderBy(DIRECT_RATING.ID)
                .fetch(r ->
                        new DirectRating(r.getId(), r.getOrganizationId(), r.getYear(), r.getRating(), r.getReason()));
    }

    /** Saves the rating; one removed before comes back explicitly (same branch and year: same id). */
    public static void save(TrackedWriter writer, DSLContext ctx, DirectRating d) {
        DirectRatingRecord r = DIRECT_RATING.newRecord();
        r.setId(d.id());
        r.setOrganizationId(d.organizationId());
        r.setYear(d.year());
        r.setRating(d.rating());
        r.setReason(d.reason());
        writer.restoreAndSave(r);
    }

    public static boolean deleteDirectRating(TrackedWriter writer, String id) {
        return writer.delete(DIRECT_RATING, id);
    }

    public static List<RatingQuota> quotas(DSLContext ctx, int year) {
        return ctx.selectFrom(RATING_QUOTA)
                .where(RATING_QUOTA.YEAR.eq(year))
                .and(RATING_QUOTA.DELETED.eq(0))
                .orderBy(RATING_QUOTA.ID)
                .fetch(r -> new RatingQuota(r.getId(), r.getYear(), r.getRating(), r.getMaxShare()));
    }

    public static void save(TrackedWriter writer, DSLContext ctx, RatingQuota q) {
        RatingQuotaRecord r = RATING_QUOTA.newRecord();
        r.setId(q.id());
        r.setYear(q.year());
        r.setRating(q.rating());
        r.setMaxShare(q.maxShare());
        writer.restoreAndSave(r);
    }

    public static boolean deleteQuota(TrackedWriter writer, String id) {
        return writer.delete(RATING_QUOTA, id);
    }
}
