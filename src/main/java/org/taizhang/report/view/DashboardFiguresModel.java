package org.taizhang.report.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.taizhang.core.i18n.Messages;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.DashboardFigures;

/**
 * The 工作台's key figures as tiles — each value, its change since the end of last month and whether that is
 * better or worse — the charts' bars, and the findings due this week. Every tile, bar and line names what it opens
 * ({@link Opening}); the application opens it. The figures are read off the JavaFX thread ({@link
 * DashboardService}) with the 工作台's one read of the ledger, and shown here.
 */
public final class DashboardFiguresModel {
    /** What a tile, a bar or a line opens. */
    public sealed interface Opening permits Figure, Community, Category, Finding {}

    /** A figure's list: the 达标验收 board, or the ledger filtered to what the figure counts. */
    public enum Figure implements Opening {
        BOARD,
        OPEN,
        CLOSED,
        OVERDUE,
        SOON,
        ALL_FINDINGS
    }

    /** The ledger filtered to a 共同体's findings. */
    public record Community(String name) implements Opening {}

    /** The ledger filtered to a category's findings. */
    public record Category(String name) implements Opening {}

    /** The ledger on one finding. */
    public record Finding(String findingId) implements Opening {}

    /** How a figure moved since last month's end, for the reader: a rise in 逾期 is worse, in 销号率 better. */
    public enum Trend {
        BETTER,
        WORSE,
        SAME,
        /** Moved, neither better nor worse (more findings found). */
        CHANGED,
        /** Nothing to compare with (the 工作台 was not shown last month, or a rate of nothing). */
        UNKNOWN
    }

    /** One tile: its value and the line under it. */
    public record Tile(String id, String labelKey, String value, String trend, Trend direction, Opening opens) {}

    /** One bar of a chart: its name, the findings found and closed, and the list it opens. */
    public record Bar(String name, int found, int closed, Opening opens) {}

    /** The categories a chart shows at most: the ones with most findings. */
    static final int MOST_CATEGORIES = 10;

    private final Messages m;
    private final ReadOnlyObjectWrapper<DashboardFigures> figures = new ReadOnlyObjectWrapper<>();

    public DashboardFiguresModel(Messages messages) {
        this.m = messages;
    }

    public Messages messages() {
        return m;
    }

    /** The figures last read; null until the first read ends. */
    public ReadOnlyObjectProperty<DashboardFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** Shows the figures read. */
    public void show(DashboardFigures read) {
        figures.set(read);
    }

    /** 发现问题, 未销号, 已销号, 逾期 — then 临期, 销号率, 反弹率, 达标率: four a row on the 工作台. */
    public List<Tile> tiles(DashboardFigures f) {
        DashboardFigures.Findings now = f.now();
        DashboardFigures.Findings then = f.then();
        DashboardFigures.Acceptance earlier = f.earlierAcceptance();
        return List.of(
                count("found", "report.dashboard.found", now.found(), then.found(), null, Figure.ALL_FINDINGS),
                count("open", "report.dashboard.open", now.open(), then.open(), false, Figure.OPEN),
                count("closed", "report.dashboard.closed", now.closed(), then.closed(), true, Figure.CLOSED),
                count("overdue", "report.dashboard.overdue", now.overdue(), then.overdue(), false, Figure.OVERDUE),
                count("soon", "report.dashboard.soon", now.soon(), then.soon(), false, Figure.SOON),
                rate(
                        "closureRate",
                        "report.dashboard.closureRate",
                        now.closureRate(),
                        then.closureRate(),
                        true,
                        Figure.ALL_FINDINGS),
                rate(
                        "repeatRate",
                        "report.dashboard.repeatRate",
                        now.repeatRate(),
                        then.repeatRate(),
                        false,
                        Figure.ALL_FINDINGS),
                rate(
                        "acceptanceRate",
                        "report.dashboard.acceptanceRate",
                        f.acceptance().rate(),
                        earlier == null ? null : earlier.rate(),
                        true,
                        Figure.BOARD));
    }

    /** The line under the registry's 党支部 tile: the branches' change since last month's end, when known. */
    public String branchesTrend(DashboardFigures f) {
        DashboardFigures.Acceptance earlier = f.earlierAcceptance();
        return earlier == null
                ? m.get("report.dashboard.trend.unknown")
                : countTrend(f.acceptance().branches() - earlier.branches());
    }

    /** A bar per 共同体 (units in none under their own name), in the statistics' order. */
    public List<Bar> communityBars(DashboardFigures f) {
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, DashboardFigures.Bar> e : f.byCommunity().entrySet()) {
            String name = e.getKey().isEmpty() ? m.get("report.dashboard.noCommunity") : e.getKey();
            bars.add(bar(name, e.getValue(), new Community(e.getKey())));
        }
        return bars;
    }

    /** A bar per category, the {@value #MOST_CATEGORIES} with most findings, most first. */
    public List<Bar> categoryBars(DashboardFigures f) {
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, DashboardFigures.Bar> e : f.byCategory().entrySet()) {
            String name = e.getKey().isEmpty() ? m.get("report.dashboard.noCategory") : e.getKey();
            bars.add(bar(name, e.getValue(), new Category(e.getKey())));
        }
        bars.sort(Comparator.comparingInt((Bar b) -> -b.found()));
        return List.copyOf(bars.subList(0, Math.min(MOST_CATEGORIES, bars.size())));
    }

    /** A line per finding due this week: 督改〔2026〕0012号 单位：问题…（12月11日到期）. */
    public List<String> dueLines(DashboardFigures f) {
        List<String> lines = new ArrayList<>();
        for (LedgerEntry e : f.dueThisWeek()) {
            String number = e.finding().isNumbered() ? e.finding().number() : m.get("report.dashboard.unnumbered");
            String text = e.finding().description();
            lines.add(m.get(
                    "report.dashboard.dueLine",
                    number,
                    e.unitName() == null ? "" : e.unitName(),
                    text.length() <= 30 ? text : text.substring(0, 29) + "…",
                    e.timeline().deadline().getMonthValue(),
                    e.timeline().deadline().getDayOfMonth()));
        }
        return lines;
    }

    private static Bar bar(String name, DashboardFigures.Bar b, Opening opens) {
        return new Bar(name, b.open() + b.closed(), b.closed(), opens);
    }

    /** @param higherIsBetter null for a figure whose rise is neither (more findings found) */
    private Tile count(String id, String key, int now, int then, Boolean higherIsBetter, Opening opens) {
        int change = now - then;
        return new Tile(
                id,
                key,
                java.text.NumberFormat.getIntegerInstance(m.locale()).format(now),
                countTrend(change),
                direction(Integer.signum(change), higherIsBetter),
                opens);
    }

    private String countTrend(int change) {
        return change == 0
                ? m.get("report.dashboard.trend.same")
                : m.get("report.dashboard.trend.count", (change > 0 ? "+" : "−") + Math.abs(change));
    }

    /** @param then null when there is nothing to compare with (no record, or a rate of nothing) */
    private Tile rate(String id, String key, BigDecimal now, BigDecimal then, boolean higherIsBetter, Opening opens) {
        String value = now == null ? "—" : now.toPlainString() + "%";
        if (now == null || then == null) {
            return new Tile(id, key, value, m.get("report.dashboard.trend.unknown"), Trend.UNKNOWN, opens);
        }
        BigDecimal change = now.subtract(then);
        String trend = change.signum() == 0
                ? m.get("report.dashboard.trend.same")
                : m.get(
                        "report.dashboard.trend.points",
                        (change.signum() > 0 ? "+" : "−") + change.abs().toPlainString());
        return new Tile(id, key, value, trend, direction(change.signum(), higherIsBetter), opens);
    }

    private static Trend direction(int sign, Boolean higherIsBetter) {
        if (sign == 0) {
            return Trend.SAME;
        }
        if (higherIsBetter == null) {
            return Trend.CHANGED;
        }
        return (sign > 0) == higherIsBetter ? Trend.BETTER : Trend.WORSE;
    }
}
