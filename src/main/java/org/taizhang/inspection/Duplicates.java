package org.taizhang.inspection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.LedgerEntry;

/**
 * Possible duplicates: two open findings of the same unit, category and round whose descriptions say nearly the
 * same thing (typically one problem written down by two inspectors, later on two laptops). Only shown as a pair;
 * nothing is merged without the clerk.
 *
 * <p>Chinese has no spaces, so texts are compared as sets of character bigrams (Dice: 2|A∩B| ÷ (|A|+|B|)), after
 * leaving out punctuation and the names of the unit and organization, which every finding of a branch repeats and
 * which would otherwise make any two of them look alike.
 */
public final class Duplicates {
    private Duplicates() {}

    /**
     * How alike two descriptions must be. Measured on the sample's wording (names left out): the same problem
     * written by two inspectors scores 0.37–0.59 (e.g. "支委会未按月召开，今年以来仅召开3次，会议记录不完整" /
     * "支部委员会会议没有每月召开，今年只开了3次，记录也不完整": 0.37), two different problems of one branch and
     * category at most 0.24 ("党员活动室被挪作会议室使用，党建氛围不浓" / "党员活动室入党誓词、党旗等上墙内容缺失").
     * 0.3 lies in the middle of that gap; a false pair costs the clerk a glance, a missed one a double count.
     */
    public static final double THRESHOLD = 0.3;

    /** Two findings that may be one problem, the earlier in ledger order first. */
    public record Pair(LedgerEntry first, LedgerEntry second, double similarity) {
        /**
         * Which of the two carries on when they are merged: the numbered one (a number given is never lost), else
         * the lower number, else the one found first.
         */
        public LedgerEntry kept() {
            if (first.finding().isNumbered() != second.finding().isNumbered()) {
                return first.finding().isNumbered() ? first : second;
            }
            return FindingService.LEDGER_ORDER.compare(first, second) <= 0 ? first : second;
        }

        /** The other one: merged into {@link #kept}. */
        public LedgerEntry dropped() {
            return kept() == first ? second : first;
        }
    }

    public static List<Pair> pairs(List<LedgerEntry> entries) {
        return pairs(entries, THRESHOLD);
    }

    public static List<Pair> pairs(List<LedgerEntry> entries, double threshold) {
        Map<List<String>, List<LedgerEntry>> groups = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            Finding f = e.finding();
            if (e.state().isOpen() && f.mergedInto() == null) {
                groups.computeIfAbsent(
                                java.util.Arrays.asList(f.unitId(), f.category(), f.inspectionId()),
                                k -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (List<LedgerEntry> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<Set<String>> grams = group.stream().map(Duplicates::bigrams).toList();
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    double s = dice(grams.get(i), grams.get(j));
                    LedgerEntry a = group.get(i);
                    LedgerEntry b = group.get(j);
                    if (s >= threshold && !StepRules.saidDistinct(a.timeline(), a.id(), b.timeline(), b.id())) {
                        pairs.add(new Pair(group.get(i), group.get(j), s));
                    }
                }
            }
        }
        return pairs;
    }

    /** Dice's coefficient of two descriptions (0 … 1), as {@link #pairs} compares them. */
    public static double similarity(LedgerEntry a, LedgerEntry b) {
        return dice(bigrams(a), bigrams(b));
    }

    static Set<String> bigrams(LedgerEntry e) {
        return bigrams(e.finding().description(), e.organizationName(), e.unitName());
    }

    /** The bigrams of the text's letters and digits, the given names left out. */
    static Set<String> bigrams(String text, String... names) {
        String t = text == null ? "" : text;
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                t = t.replace(n, " ");
            }
        }
        Set<String> grams = new HashSet<>();
        int prev = -1;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetterOrDigit(c)) {
                prev = -1; // a bigram never spans punctuation or a left-out name
                continue;
            }
            if (prev >= 0) {
                grams.add(new StringBuilder()
                        .appendCodePoint(prev)
                        .appendCodePoint(c)
                        .toString());
            }
            prev = c;
        }
        return grams;
    }

    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : a) {
            if (b.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
