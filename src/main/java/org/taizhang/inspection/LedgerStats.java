package org.taizhang.inspection;

import java.text.Collator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;

/**
 * The figures published after a round (DOMAIN.md: found / closed / in progress / closure rate, per unit and
 * category) and the 反弹 figures of repeat problems, from the ledger's rows: in total, per unit (by name, in
 * Chinese order) and per category.
 *
 * @param total every finding given
 * @param byUnit by the unit's name (names are unique in the registry)
 * @param byCategory by category, in Chinese order
 */
public record LedgerStats(Figures total, Map<String, Figures> byUnit, Map<String, Figures> byCategory) {

    /**
     * The figures of a set of findings. Every finding is counted once in {@code found}, which is {@code pending +
     * inProgress + closed + merged}.
     *
     * @param pending not yet sent to the unit: 待挂号 and 已挂号
     * @param inProgress sent and not closed: 已交办, 整改中 and 待核查
     * @param merged 已合并: counted as found, but not as a problem of its own in the closure rate
     * @param overdue 逾期 today (including 严重超期)
     * @param repeats 反弹数: findings that repeat an earlier closed one (屡查屡犯)
     */
    public record Figures(int found, int closed, int inProgress, int pending, int merged, int overdue, int repeats) {
        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

        /** 销号率: closed ÷ (found − merged); empty when there is nothing to close. */
        public OptionalDouble closureRate() {
            int problems = found - merged;
            return problems == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) closed / problems);
        }

        /** 反弹率: repeats ÷ found; empty when nothing was found. */
        public OptionalDouble repeatRate() {
            return found == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) repeats / found);
        }

        Figures plus(LedgerEntry e) {
            FindingState s = e.state();
            return new Figures(
                    found + 1,
                    closed + (s == FindingState.CLOSED ? 1 : 0),
                    inProgress
                            + (s == FindingState.NOTIFIED
                                            || s == FindingState.RECTIFYING
                                            || s == FindingState.CLOSE_REQUESTED
                                    ? 1
                                    : 0),
                    pending + (s == FindingState.PENDING || s == FindingState.REGISTERED ? 1 : 0),
                    merged + (s == FindingState.MERGED ? 1 : 0),
                    overdue + (e.warning().isOverdue() ? 1 : 0),
                    repeats + (e.finding().repeatOf() != null ? 1 : 0));
        }
    }

    public static LedgerStats of(List<LedgerEntry> entries) {
        Figures total = Figures.NONE;
        // counted in hash maps, then ordered once: a collator compare per row would cost more than the counting
        Map<String, Figures> byUnit = new HashMap<>();
        Map<String, Figures> byCategory = new HashMap<>();
        for (LedgerEntry e : entries) {
            total = total.plus(e);
            byUnit.merge(nonNull(e.unitName()), Figures.NONE.plus(e), (a, b) -> a.plus(e));
            byCategory.merge(nonNull(e.finding().category()), Figures.NONE.plus(e), (a, b) -> a.plus(e));
        }
        return new LedgerStats(total, ordered(byUnit), ordered(byCategory));
    }

    /** The figures of {@code entries} grouped by {@code key} (null counts as ""), keys in Chinese order. */
    public static Map<String, Figures> grouped(
            List<LedgerEntry> entries, java.util.function.Function<LedgerEntry, String> key) {
        Map<String, Figures> counted = new HashMap<>();
        for (LedgerEntry e : entries) {
            counted.merge(nonNull(key.apply(e)), Figures.NONE.plus(e), (a, b) -> a.plus(e));
        }
        return ordered(counted);
    }

    /** The figures of all {@code entries} together. */
    public static Figures total(List<LedgerEntry> entries) {
        Figures total = Figures.NONE;
        for (LedgerEntry e : entries) {
            total = total.plus(e);
        }
        return total;
    }

    private static Map<String, Figures> ordered(Map<String, Figures> counted) {
        Map<String, Figures> sorted = new TreeMap<>(Collator.getInstance(Locale.CHINA));
        sorted.putAll(counted);
        return Collections.unmodifiableMap(sorted);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
