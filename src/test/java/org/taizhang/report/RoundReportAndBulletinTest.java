package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportTable;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;

/**
 * 督查情况报告 and 月度通报 against figures counted by hand. Every finding of the builder is found, sent and (when
 * closed) closed on 2026-06-15, its deadline 2026-07-15.
 */
class RoundReportAndBulletinTest {
    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    /**
     * Round 年中大督查: 财政局 3 (三会一课 closed, 三会一课 overdue, 党费 rectifying) and a merged one; 审计局 1 (三会一课
     * closed). Another round: 审计局 1 (党费, overdue).
     */
    private static List<LedgerEntry> ledger() {
        return List.of(
                aFinding()
                        .of("u1", "江海市财政局")
                        .round("年中大督查")
                        .category("三会一课")
                        .described("支委会未按月召开")
                        .in(FindingState.CLOSED)
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .round("年中大督查")
                        .category("三会一课")
                        .described("党员大会记录不全")
                        .overdue()
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .round("年中大督查")
                        .category("党费")
                        .described("党费未按月收缴")
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .round("年中大督查")
                        .category("党费")
                        .in(FindingState.MERGED)
                        .build(),
                aFinding()
                        .of("u2", "江海市审计局")
                        .round("年中大督查")
                        .category("三会一课")
                        .described("主题党日流于形式")
                        .in(FindingState.CLOSED)
                        .build(),
                aFinding()
                        .of("u2", "江海市审计局")
                        .round("党建体检")
                        .category("党费")
                        .described("党费台账缺失")
                        .overdue()
                        .build());
    }

    private static String text(OfficialDocument d) {
        StringBuilder sb = new StringBuilder(d.title()).append('\n');
        for (OfficialDocument.Block b : d.body()) {
            sb.append(b.text()).append('\n');
        }
        return sb.toString();
    }

    private static List<ReportTable> tables(OfficialDocument d) {
        return d.body().stream()
                .filter(b -> b instanceof OfficialDocument.Table)
                .map(b -> ((OfficialDocument.Table) b).table())
                .toList();
    }

    @Test
    void theRoundsReportCountsItsFindingsByCategoryAndUnit() {
        Inspection round =
                new Inspection("r1", "年中大督查", "年中大督查", 2026, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 20), null);
        OfficialDocument d =
                InspectionReport.of(new InspectionReport.Scope(round, 2, 1, 3), ledger(), "中共江海市直属机关工作委员会", TODAY, m);
        String text = text(d);
        assertThat(d.title()).isEqualTo("关于年中大督查情况的报告");
        assertThat(text)
                .contains("于2026年6月1日至2026年6月20日开展了年中大督查")
                .contains("覆盖2个单位，组成1个督查组，开展实地走访3次")
                .contains("共发现问题4个，涉及2个单位、2个问题类别")
                .contains("1.三会一课方面，共3个")
                .contains("2.党费方面，共1个")
                .contains("已销号2个，尚未销号2个（其中逾期1个），销号率50.0%");
        List<ReportTable> tables = tables(d);
        assertThat(tables).hasSize(2);
        ReportTable byCategory = tables.get(0);
        assertThat(byCategory.rows()).extracting(r -> r.get(0)).containsExactlyInAnyOrder("三会一课", "党费");
        assertThat(byCategory.total().subList(1, 5)).containsExactly(4, 2, 2, 1);
        ReportTable byUnit = tables.get(1);
        assertThat(byUnit.rows())
                .filteredOn(r -> r.get(0).equals("江海市财政局"))
                .singleElement()
                .satisfies(r -> assertThat(r.subList(1, 6)).containsExactly(3, 1, 2, 1, new BigDecimal("33.3")));
    }

    /** Units with the same 销号率 share a rank (并列), and the next rank counts the units above it: 1, 1, 3. */
    @Test
    void unitsWithTheSameRateShareTheirRank() {
        List<LedgerEntry> ledger = new java.util.ArrayList<>(ledger());
        ledger.add(aFinding()
                .of("u3", "江海市统计局")
                .round("年中大督查")
                .category("党费")
                .described("党费台账缺失")
                .in(FindingState.CLOSED)
                .build());
        ledger.add(aFinding()
                .of("u3", "江海市统计局")
                .round("年中大督查")
                .category("党费")
                .described("党费未按月收缴")
                .build());
        ReportTable ranking = tables(MonthlyBulletin.of(YearMonth.of(2026, 6), ledger, "", TODAY, m))
                .get(1);
        // 统计局 1 of 2 and 审计局 1 of 2 (50.0 %), 财政局 1 of 3 (33.3 %)
        assertThat(ranking.rows()).extracting(r -> r.get(0)).containsExactly(1, 1, 3);
        assertThat(ranking.rows()).extracting(r -> r.get(1)).endsWith("江海市财政局");
    }

    @Test
    void theBulletinSaysTheMonthsMovementTheOverdueAndTheRanking() {
        OfficialDocument d = MonthlyBulletin.of(YearMonth.of(2026, 6), ledger(), "", TODAY, m);
        String text = text(d);
        assertThat(d.title()).isEqualTo("2026年6月问题整改情况通报");
        // found in June: 5 (the merged one left out); sent: all but none pending → 5; closed: 2; overdue today: 2
        assertThat(text).contains("本月新发现问题5个，向单位交办5个，整改销号2个；截至通报时，逾期未完成整改的问题2个");
        List<ReportTable> tables = tables(d);
        ReportTable overdue = tables.get(0);
        assertThat(overdue.rows()).hasSize(2);
        assertThat(overdue.rows()).allSatisfy(r -> {
            assertThat(r.get(3)).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(r.get(4)).isEqualTo(144); // 2026-07-15 → 2026-12-06
        });
        ReportTable ranking = tables.get(1);
        // 审计局 1 of 2 closed (50.0 %), 财政局 1 of 3 (33.3 %)
        assertThat(ranking.rows()).extracting(r -> r.get(1)).containsExactly("江海市审计局", "江海市财政局");
        assertThat(ranking.rows().get(0)).containsExactly(1, "江海市审计局", 2, 1, new BigDecimal("50.0"));
        assertThat(ranking.total()).containsExactly("合计", "", 5, 2, new BigDecimal("40.0"));

        // a month without anything overdue says so instead of an empty table
        OfficialDocument none = MonthlyBulletin.of(
                YearMonth.of(2026, 6),
                ledger().stream()
                        .filter(e -> e.warning() == org.taizhang.inspection.model.Warning.NONE)
                        .toList(),
                "",
                TODAY,
                m);
        assertThat(text(none)).contains("没有逾期未完成整改的问题");
    }
}
