package org.taizhang.inspection.model;

import java.time.LocalDate;

/** 督查: a round of inspection (年中大督查, 党建体检 …) in a year, over a period. */
public record Inspection(
        String id, String title, String kind, int year, LocalDate startsOn, LocalDate endsOn, String notes) {
    /** The kinds clerks name most often; any other text is accepted too. */
    public static final java.util.List<String> COMMON_KINDS =
            java.util.List.of("年中大督查", "党建体检", "巡学旁听", "体验式查访", "专项检查");
}
