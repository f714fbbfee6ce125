package org.taizhang.checklist.model;

import java.math.BigDecimal;
import org.taizhang.core.Ids;

/**
 * A result of a year before the program (往年结果), imported in bulk from a spreadsheet: one branch, one round of
 * one year, with its total, rating and conclusion as they were published. Its id comes from branch + year +
 * round, so the same file imported on two devices gives one record. The board uses it for a year in which the
 * branch has no 达标验收 assessment of its own.
 *
 * @param totalScore 总分 as published (null when the file had none)
 * @param rating 等级, a band name of the templates (null when none was given)
 * @param passed 结论: 达标 (true) or 未达标
 * @param sourceFile the name of the file it came from (shown, never compared)
 */
public record PastResult(
        String id,
        String organizationId,
        int year,
        Round round,
        BigDecimal totalScore,
        String rating,
        boolean passed,
        String sourceFile) {

    public static String idOf(String organizationId, int year, Round round) {
        return Ids.forKey("assessment_result", organizationId, Integer.toString(year), round.name());
    }
}
