package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.model.Grouping;
import org.taizhang.report.model.ReportFilter;

/** 问题整改情况统计表 against figures counted by hand. */
class RectificationStatsTest {
    private final Messages m = Messages.forLocale(Messages.CHINESE);

    /**
     * 财政局 (经济发展共同体): 4 found — 2 closed, 1 rectifying and overdue, 1 pending and a repeat; 1 merged (not
     * counted). 审计局 (in no 共同体): 2 found — 1 closed, 1 waiting for verification; 1 found last year.
     */
    private static List<LedgerEntry> ledger() {
        return List.of(
                aFinding()
                        .of("u1", "江海市财政局")
                        .community("经济发展共同体")
                        .category("三会一课")
                        .in(FindingState.CLOSED)
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .community("经济发展共同体")
                        .category("党费")
                        .in(FindingState.CLOSED)
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .community("经济发展共同体")
                        .category("三会一课")
                        .overdue()
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .community("经济发展共同体")
                        .category("党费")
                        .in(FindingState.PENDING)
                        .repeating("f-earlier")
                        .build(),
                aFinding()
                        .of("u1", "江海市财政局")
                        .community("经济发展共同体")
                        .in(FindingState.MERGED)
                        .build(),
                aFinding()
                        .of("u2", "江海市审计局")
                        .category("三会一课")
                        .in(FindingState.CLOSED)
                        .build(),
                aFinding()
                        .of("u2", "江海市审计局")
                        .category("党费")
                        .in(FindingState.CLOSE_REQUESTED)
                        .build(),
                aFinding()
                        .of("u2", "江海市审计局")
                        .category("党费")
                        .foundOn(LocalDate.of(2025, 11, 2))
                        .in(FindingState.CLOSED)
                        .build());
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void byUnitEachRowAndTheTotalAreWhatAClerkCounts() {
        ReportTable t = RectificationStats.table(ledger(), new ReportFilter(2026, null, null, null), Grouping.UNIT, m);

        assertThat(t.title()).isEqualTo("2026年问题整改情况统计表");
        assertThat(t.columns().stream().map(ReportTable.Column::name))
                .containsExactly("单位", "发现问题", "已销号", "整改中", "逾期", "销号率", "反弹率");
        assertThat(t.rows())
                .containsExactly(
                        row("江海市财政局", 4, 2, 2, 1, new BigDecimal("50.0"), new BigDecimal("25.0")),
                        row("江海市审计局", 2, 1, 1, 0, new BigDecimal("50.0"), new BigDecimal("0.0")));
        assertThat(t.total()).isEqualTo(row("合计", 6, 3, 3, 1, new BigDecimal("50.0"), new BigDecimal("16.7")));
    }

    @Test
    void byCommunityAUnitInNoneHasARowOfItsOwn() {
        ReportTable t = RectificationStats.table(ledger(), ReportFilter.ALL, Grouping.COMMUNITY, m);

        assertThat(t.rows())
                .containsExactly(
                        row("未加入共同体", 3, 2, 1, 0, new BigDecimal("66.7"), new BigDecimal("0.0")),
                        row("经济发展共同体", 4, 2, 2, 1, new BigDecimal("50.0"), new BigDecimal("25.0")));
        assertThat(t.total()).isEqualTo(row("合计", 7, 4, 3, 1, new BigDecimal("57.1"), new BigDecimal("14.3")));
    }

    @Test
    void byCategoryInChineseOrderWithTheFiltersOfTheLedgerReport() {
        ReportTable t =
                RectificationStats.table(ledger(), new ReportFilter(2026, "r1", "江海市审计局", null), Grouping.CATEGORY, m);

        assertThat(t.title()).isEqualTo("2026年r1江海市审计局问题整改情况统计表");
        assertThat(t.rows())
                .containsExactly(
                        row("党费", 1, 0, 1, 0, new BigDecimal("0.0"), new BigDecimal("0.0")),
                        row("三会一课", 1, 1, 0, 0, new BigDecimal("100.0"), new BigDecimal("0.0")));
        assertThat(t.total().get(1)).isEqualTo(2);
    }

    @Test
    void nothingFoundGivesAnEmptyRateNotZero() {
        ReportTable t = RectificationStats.table(ledger(), new ReportFilter(2019, null, null, null), Grouping.UNIT, m);

        assertThat(t.rows()).isEmpty();
        assertThat(t.total()).isEqualTo(row("合计", 0, 0, 0, 0, null, null));
        assertThat(t.texts(t.total())).containsExactly("合计", "0", "0", "0", "0", "", "");
    }
}
