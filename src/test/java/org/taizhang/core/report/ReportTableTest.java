package org.taizhang.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.taizhang.core.report.ReportTable.Column;

/** A table's rows, given or computed as a writer asks for them (the ledger of 100,000 findings is never held). */
class ReportTableTest {
    private static final List<Column> COLUMNS = List.of(Column.text("单位", 8), Column.count("问题数"));

    @Test
    void computedRowsAreMadeOnlyWhenAskedForAndTheirWidthIsCheckedThen() {
        AtomicInteger made = new AtomicInteger();
        ReportTable table = new ReportTable(
                "统计表",
                "表",
                COLUMNS,
                ReportTable.computed(100_000, i -> {
                    made.incrementAndGet();
                    return i == 7 ? List.of("少一列") : List.of("单位" + i, i);
                }),
                List.of("合计", 0),
                List.of());

        assertThat(made).hasValue(0);
        assertThat(table.rows()).hasSize(100_000);
        assertThat(table.rows().get(3)).containsExactly("单位3", 3);
        assertThat(made).hasValue(1);
        assertThatThrownBy(() -> table.rows().get(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a row of 1 values in a table of 2 columns");
        assertThatThrownBy(() -> table.rows().get(100_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theTextsAreTheHeaderTheRowsAndTheTotalMadeAsRead() {
        ReportTable table = new ReportTable(
                "统计表",
                "表",
                COLUMNS,
                ReportTable.computed(2, i -> List.of("单位" + i, i + 1)),
                List.of("合计", 3),
                List.of());

        assertThat(table.texts())
                .containsExactly(List.of("单位", "问题数"), List.of("单位0", "1"), List.of("单位1", "2"), List.of("合计", "3"));
    }

    @Test
    void givenRowsAreCopiedAndCheckedAtOnce() {
        java.util.ArrayList<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("单位", 1));
        ReportTable table = new ReportTable("统计表", "表", COLUMNS, rows, null, List.of());
        rows.clear();

        assertThat(table.rows()).hasSize(1);
        assertThatThrownBy(() -> new ReportTable("统计表", "表", COLUMNS, List.of(List.of("少一列")), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
