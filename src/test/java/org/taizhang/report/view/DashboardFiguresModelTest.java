package org.taizhang.report.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taizhang.core.i18n.Messages;
import org.taizhang.report.DashboardFigures;
import org.taizhang.report.DashboardFigures.Acceptance;
import org.taizhang.report.DashboardFigures.Bar;
import org.taizhang.report.DashboardFigures.Findings;
import org.taizhang.report.view.DashboardFiguresModel.Figure;
import org.taizhang.report.view.DashboardFiguresModel.Tile;
import org.taizhang.report.view.DashboardFiguresModel.Trend;

/** The 工作台's tiles say each figure, how it moved since last month's end, and whether that is better or worse. */
class DashboardFiguresModelTest {
    private final DashboardFiguresModel model = new DashboardFiguresModel(Messages.forLocale(Messages.CHINESE));

    private static DashboardFigures figures(Acceptance earlier, Map<String, Bar> categories) {
        return new DashboardFigures(
                LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 11, 30),
                new Findings(301, 160, 28, 12, 6),
                new Findings(299, 160, 26, 8, 6),
                new Acceptance(307, 155),
                earlier,
                Map.of("", new Bar(3, 1)),
                categories,
                List.of());
    }

    private static Tile tile(List<Tile> tiles, String id) {
        return tiles.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachTileSaysItsChangeAndWhetherItIsBetter() {
        List<Tile> tiles = model.tiles(figures(new Acceptance(300, 140), Map.of()));

        assertThat(tiles)
                .extracting(Tile::id)
                .containsExactly(
                        "found", "open", "closed", "overdue", "soon", "closureRate", "repeatRate", "acceptanceRate");
        assertThat(tile(tiles, "found"))
                .isEqualTo(new Tile(
                        "found", "report.dashboard.found", "301", "较上月末 +2", Trend.CHANGED, Figure.ALL_FINDINGS));
        assertThat(tile(tiles, "open"))
                .extracting(Tile::value, Tile::trend, Tile::direction)
                .containsExactly("141", "较上月末 +2", Trend.WORSE);
        assertThat(tile(tiles, "closed"))
                .extracting(Tile::trend, Tile::direction, Tile::opens)
                .containsExactly("与上月末持平", Trend.SAME, Figure.CLOSED);
        assertThat(tile(tiles, "overdue").opens()).isEqualTo(Figure.OVERDUE);
        assertThat(tile(tiles, "soon").direction()).isEqualTo(Trend.WORSE);
        // 160/301 = 53.2 %, 160/299 = 53.5 %: a fall of 0.3 points, worse
        assertThat(tile(tiles, "closureRate"))
                .extracting(Tile::value, Tile::trend, Tile::direction)
                .containsExactly("53.2%", "较上月末 −0.3 个百分点", Trend.WORSE);
        // 6/301 = 2.0 %, 6/299 = 2.0 %
        assertThat(tile(tiles, "repeatRate").direction()).isEqualTo(Trend.SAME);
        // 155/307 = 50.5 %, 140/300 = 46.7 %
        assertThat(tile(tiles, "acceptanceRate"))
                .extracting(Tile::value, Tile::trend, Tile::direction, Tile::opens)
                .containsExactly("50.5%", "较上月末 +3.8 个百分点", Trend.BETTER, Figure.BOARD);
    }

    @Test
    void withoutLastMonthsRecordTheAcceptanceHasNoTrend() {
        DashboardFigures f = figures(null, Map.of());

        assertThat(tile(model.tiles(f), "acceptanceRate"))
                .extracting(Tile::trend, Tile::direction)
                .containsExactly("上月末无记录", Trend.UNKNOWN);
        assertThat(model.branchesTrend(f)).isEqualTo("上月末无记录");
        assertThat(model.branchesTrend(figures(new Acceptance(300, 140), Map.of())))
                .isEqualTo("较上月末 +7");
    }

    @Test
    void theCategoryChartShowsTheTenWithMostFindingsAndEachBarOpensItsFindings() {
        Map<String, Bar> categories = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            categories.put("类别" + i, new Bar(i, 1));
        }
        categories.put("", new Bar(20, 0));
        DashboardFigures f = figures(null, categories);

        List<DashboardFiguresModel.Bar> bars = model.categoryBars(f);

        assertThat(bars).hasSize(DashboardFiguresModel.MOST_CATEGORIES);
        assertThat(bars.getFirst())
                .isEqualTo(new DashboardFiguresModel.Bar("未分类", 20, 0, new DashboardFiguresModel.Category("")));
        assertThat(bars.get(1))
                .isEqualTo(new DashboardFiguresModel.Bar("类别12", 13, 1, new DashboardFiguresModel.Category("类别12")));
        assertThat(model.communityBars(f))
                .containsExactly(new DashboardFiguresModel.Bar("未分共同体", 4, 1, new DashboardFiguresModel.Community("")));
    }

    @Test
    void aFindingDueThisWeekIsALineWithItsDay() {
        var due = aFinding().of("u", "江海市财政局").described("支委会未按月召开").build();
        DashboardFigures f = new DashboardFigures(
                LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 11, 30),
                new Findings(1, 0, 0, 1, 0),
                new Findings(0, 0, 0, 0, 0),
                new Acceptance(0, 0),
                null,
                Map.of(),
                Map.of(),
                List.of(due));

        assertThat(model.dueLines(f))
                .singleElement()
                .asString()
                .startsWith("待挂号　江海市财政局：支委会未按月召开（")
                .endsWith("到期）");
    }
}
