package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.model.Grouping;
import org.taizhang.report.model.ReportFilter;

/** 上年问题整改情况 against figures counted by hand, and the same figures as 问题整改情况统计表's. */
class LastYearReportTest {
    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private static final LocalDate LAST_YEAR = LocalDate.of(2025, 9, 10);

    /**
     * 财政局 in 2025: one closed, one overdue, one pending; one merged (left out); one found this year (another year);
     * 审计局: one (another unit).
     */
    private static List<LedgerEntry> ledger() {
        return List.of(
                aFinding()
                        .of("u1", "江海市财政局")
                        .foundOn(LAST_YEAR)
                        .described("支委会未按月召开")
                        .in(FindingState.CLOSED)
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .foundOn(LAST_YEAR)
                        .described("党费收缴不及时")
                        .overdue()
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .foundOn(LAST_YEAR)
                        .described("活动室被挪用")
                        .in(FindingState.PENDING)
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .foundOn(LAST_YEAR)
                        .in(FindingState.MERGED)
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .foundOn(LocalDate.of(2026, 3, 1))
                        .described("今年的问题")
                        .build(),
                aFinding()
                        .of("u2", "江海市审计局")
                        .foundOn(LAST_YEAR)
                        .described("审计局的问题")
                        .build());
    }

    private static String text(OfficialDocument d) {
        StringBuilder sb = new StringBuilder(d.title()).append('\n');
        for (OfficialDocument.Block b : d.body()) {
            sb.append(b.text()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theUnitsFindingsOfTheYearWithTheirFiguresAndWhereEachStands() {
        List<LedgerEntry> found = LastYearReport.findings(ledger(), "江海市财政局", 2025);
        assertThat(found).hasSize(3);
        OfficialDocument d = LastYearReport.of("江海市财政局", 2025, found, "中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6), m);
        String text = text(d);
        assertThat(d.title()).isEqualTo("江海市财政局2025年度问题整改情况");
        assertThat(d.recipient()).isEqualTo("江海市财政局");
        assertThat(text)
                .contains("共发现问题3个，已销号1个，尚未销号2个（其中逾期1个），销号率33.3%")
                .contains("存在问题：支委会未按月召开", "存在问题：党费收缴不及时", "存在问题：活动室被挪用")
                .contains("整改情况：待挂号。")
                .doesNotContain("今年的问题", "审计局的问题");
        assertThat(d.body())
                .filteredOn(b -> b instanceof OfficialDocument.Heading)
                .hasSize(3);

        // the same figures as 问题整改情况统计表 with the unit and the year chosen
        var stats = RectificationStats.table(ledger(), new ReportFilter(2025, null, "江海市财政局", null), Grouping.UNIT, m);
        assertThat(stats.total().get(1)).isEqualTo(3);
        assertThat(stats.total().get(2)).isEqualTo(1);
        assertThat(stats.total().get(4)).isEqualTo(1);
    }

    @Test
    void aYearWithoutFindingsSaysSo() {
        OfficialDocument d = LastYearReport.of("江海市审计局", 2024, List.of(), "", LocalDate.of(2026, 12, 6), m);
        // said once, not also as figures of nothing (共发现问题0个…销号率—。逐项情况如下。)
        assertThat(text(d)).contains("2024年督查检查中未发现你单位的问题").doesNotContain("共发现问题0个", "逐项情况如下");
    }
}
