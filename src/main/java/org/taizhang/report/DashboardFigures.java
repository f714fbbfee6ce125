package org.taizhang.report;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.taizhang.core.report.ReportTable;
import org.taizhang.inspection.Lifecycle;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;
import org.taizhang.inspection.model.WarningPolicy;

/**
 * The 工作台's key figures, each now and at the end of last month: the findings (未销号, 已销号, 逾期, 临期, 销号率,
 * 反弹率) as the statistics count them (merged ones left out), the branches and the 达标率 of the year's 达标验收;
 * the findings by 共同体 and by category for the charts; the findings due this week.
 *
 * <p>The findings at the end of last month are their steps up to that day folded again ({@link Lifecycle#fold}), and
 * their warning as that day saw it: a figure of the past, not a memory of one. The branches and 达标率 of the past
 * are what the 工作台 last showed in that month ({@code earlier}): the registry and the board keep no dates.
 *
 * @param lastMonthEnd the day the trend compares with
 * @param now the findings today
 * @param then the findings at the end of last month
 * @param acceptance the branches and those 达标 in the year's board, today
 * @param earlierAcceptance the same as last shown in last month, or null when the 工作台 was not shown then
 * @param byCommunity 未销号 and 已销号 per 共同体 (units in none under ""), in Chinese order
 * @param byCategory the same per category
 * @param dueThisWeek findings not closed whose deadline falls from today to Sunday, the soonest first
 */
public record DashboardFigures(
        LocalDate today,
        LocalDate lastMonthEnd,
        Findings now,
        Findings then,
        Acceptance acceptance,
        Acceptance earlierAcceptance,
        Map<String, Bar> byCommunity,
        Map<String, Bar> byCategory,
        List<LedgerEntry> dueThisWeek) {

    /** The findings' figures on one day. */
    public record Findings(int found, int closed, int overdue, int soon, int repeats) {
        public int open() {
            return found - closed;
        }

        /** 销号率 in percent with one decimal, or null when nothing was found. */
        public BigDecimal closureRate() {
            return ReportTable.rate(closed, found);
        }

        /** 反弹率 in percent with one decimal, or null when nothing was found. */
        public BigDecimal repeatRate() {
            return ReportTable.rate(repeats, found);
        }
    }

    /** The year's branches and those 达标. */
    public record Acceptance(int branches, int passed) {
        /** 达标率 in percent with one decimal, or null without branches. */
        public BigDecimal rate() {
            return ReportTable.rate(passed, branches);
        }

        /** As the 工作台 keeps it in a local setting: "307/175". */
        public String format() {
            return branches + "/" + passed;
        }

        /** A kept value read back; null when it is not one. */
        public static Acceptance parse(String s) {
            if (s == null) {
                return null;
            }
            String[] parts = s.split("/");
            try {
                return parts.length == 2
                        ? new Acceptance(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))
                        : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** One bar of a chart: the findings not closed and closed. */
    public record Bar(int open, int closed) {}

    /**
     * @param ledger every finding with its timeline (merged ones are left out here)
     * @param acceptance the year's board total, today
     * @param earlier what the 工作台 showed last month, or null
     */
    public static DashboardFigures of(
            List<LedgerEntry> ledger,
            WarningPolicy policy,
            LocalDate today,
            Acceptance acceptance,
            Acceptance earlier) {
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        List<LedgerEntry> counted =
                ledger.stream().filter(e -> e.state() != FindingState.MERGED).toList();
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<LedgerEntry> due = counted.stream()
                .filter(e -> !e.timeline().isClosed()
                        && e.state().deadlineRuns()
                        && e.timeline().deadline() != null
                        && !e.timeline().deadline().isBefore(today)
                        && !e.timeline().deadline().isAfter(sunday))
                .sorted(Comparator.comparing((LedgerEntry e) -> e.timeline().deadline())
                        .thenComparing(LedgerEntry::id))
                .toList();
        return new DashboardFigures(
                today,
                lastMonthEnd,
                findingsNow(counted),
                findingsOn(ledger, lastMonthEnd, policy),
                acceptance,
                earlier,
                bars(counted, LedgerEntry::communityName),
                bars(counted, e -> e.finding().category()),
                due);
    }

    private static Findings findingsNow(List<LedgerEntry> counted) {
        int closed = 0;
        int overdue = 0;
        int soon = 0;
        int repeats = 0;
        for (LedgerEntry e : counted) {
            closed += e.timeline().isClosed() ? 1 : 0;
            overdue += e.warning().isOverdue() ? 1 : 0;
            soon += e.warning() == Warning.SOON ? 1 : 0;
            repeats += e.finding().repeatOf() != null ? 1 : 0;
        }
        return new Findings(counted.size(), closed, overdue, soon, repeats);
    }

    /** The findings as they stood at the end of {@code day}: found by then, each by its steps up to then. */
    static Findings findingsOn(List<LedgerEntry> ledger, LocalDate day, WarningPolicy policy) {
        int found = 0;
        int closed = 0;
        int overdue = 0;
        int soon = 0;
        int repeats = 0;
        for (LedgerEntry e : ledger) {
            if (e.finding().foundOn().isAfter(day)) {
                continue;
            }
            Timeline t = asOf(e.timeline(), day);
            FindingState state = t.state() == null ? FindingState.PENDING : t.state();
            if (state == FindingState.MERGED) {
                continue;
            }
            found++;
            closed += state == FindingState.CLOSED ? 1 : 0;
            Warning w = Warning.of(state, t.deadline(), day, policy);
            overdue += w.isOverdue() ? 1 : 0;
            soon += w == Warning.SOON ? 1 : 0;
            repeats += e.finding().repeatOf() != null ? 1 : 0;
        }
        return new Findings(found, closed, overdue, soon, repeats);
    }

    /** The timeline as its steps up to {@code day} make it; the same timeline when none came later. */
    private static Timeline asOf(Timeline t, LocalDate day) {
        List<Step> steps = t.steps();
        if (steps.stream().noneMatch(s -> s.occurredOn().isAfter(day))) {
            return t;
        }
        return Lifecycle.fold(
                steps.stream().filter(s -> !s.occurredOn().isAfter(day)).toList());
    }

    private static Map<String, Bar> bars(List<LedgerEntry> counted, Function<LedgerEntry, String> key) {
        Map<String, Bar> bars = new HashMap<>();
        for (LedgerEntry e : counted) {
            boolean closed = e.timeline().isClosed();
            String k = key.apply(e) == null ? "" : key.apply(e);
            bars.merge(
                    k,
                    new Bar(closed ? 0 : 1, closed ? 1 : 0),
                    (a, b) -> new Bar(a.open() + b.open(), a.closed() + b.closed()));
        }
        // in Chinese order as the statistics' rows, those without a name last
        java.text.Collator chinese = java.text.Collator.getInstance(java.util.Locale.CHINA);
        List<String> keys = new ArrayList<>(bars.keySet());
        keys.sort(Comparator.comparing(String::isEmpty).thenComparing(chinese::compare));
        Map<String, Bar> ordered = new java.util.LinkedHashMap<>();
        keys.forEach(k -> ordered.put(k, bars.get(k)));
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
