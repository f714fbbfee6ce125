package org.taizhang.checklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Issue;

/**
 * What a template must satisfy before it is published: points add up per category, keys and numbers are
 * unique, every scoring mode has what it needs, rating bands do not overlap; and a new version drops no item
 * of the one before (each old key is kept or continued through {@code replaces}).
 */
public final class TemplateRules {
    private TemplateRules() {}

    public static List<Issue> check(ChecklistTemplate t) {
        List<Issue> issues = new ArrayList<>();
        if (t.name() == null || t.name().isBlank()) {
            issues.add(Issue.error("name", "checklist.error.nameRequired"));
        }
        if (t.categories().isEmpty()) {
            issues.add(Issue.error("categories", "checklist.error.noCategories"));
        }
        Set<String> keys = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (ChecklistCategory c : t.categories()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (ChecklistItem i : c.items()) {
                checkItem(t, i, keys, numbers, issues);
                if (!i.bonus() && i.maxPoints() != null) {
                    sum = sum.add(i.maxPoints());
                }
            }
            if (c.points() == null || sum.compareTo(c.points()) != 0) {
                issues.add(Issue.error(
                        c.code(), "checklist.error.categoryPoints", c.code() + " " + c.name(), c.points(), sum));
            }
        }
        BigDecimal full = t.fullMarks();
        if (t.passScore() == null || t.passScore().signum() < 0 || t.passScore().compareTo(full) > 0) {
            issues.add(Issue.error("passScore", "checklist.error.passScore", full));
        }
        checkBands(t, issues);
        return issues;
    }

    private static void checkItem(
            ChecklistTemplate t, ChecklistItem i, Set<String> keys, Set<String> numbers, List<Issue> issues) {
        String field = i.number();
        if (!keys.add(i.key())) {
            issues.add(Issue.error(field, "checklist.error.keyTaken", i.key()));
        }
        if (i.number() == null || i.number().isBlank() || !numbers.add(i.number())) {
            issues.add(Issue.error(field, "checklist.error.numberTaken", i.number()));
        }
        if (i.text() == null || i.text().isBlank()) {
            issues.add(Issue.error(field, "checklist.error.textRequired", i.number()));
        }
        if (i.mode() == null) {
            issues.add(Issue.error(field, "checklist.error.modeRequired", i.number()));
        }
        if (i.maxPoints() == null || i.maxPoints().signum() <= 0) {
            issues.add(Issue.error(field, "checklist.error.maxPoints", i.number()));
            return;
        }
        if (i.mode() == ScoringMode.DEDUCTION) {
            BigDecimal floor = i.floor() == null ? BigDecimal.ZERO : i.floor();
            if (i.deduction() == null || i.deduction().signum() <= 0) {
                issues.add(Issue.error(field, "checklist.error.deduction", i.number()));
            }
            if (floor.signum() < 0 || floor.compareTo(i.maxPoints()) >= 0) {
                issues.add(Issue.error(field, "checklist.error.floor", i.number(), i.maxPoints()));
            }
        }
        if (i.veto() && (i.mode() != ScoringMode.YES_NO || i.bonus())) {
            issues.add(Issue.error(field, "checklist.error.vetoYesNo", i.number()));
        }
        if (i.bonus() && (t.bonusCap() == null || t.bonusCap().signum() <= 0)) {
            issues.add(Issue.error(field, "checklist.error.bonusWithoutCap", i.number()));
        }
    }

    private static void checkBands(ChecklistTemplate t, List<Issue> issues) {
        Set<String> names = new HashSet<>();
        Set<BigDecimal> mins = new HashSet<>();
        for (RatingBand b : t.bands()) {
            if (b.name() == null || b.name().isBlank() || !names.add(b.name())) {
                issues.add(Issue.error("bands", "checklist.error.bandName", b.name()));
            }
            if (b.minScore() == null || b.minScore().signum() < 0) {
                issues.add(Issue.error("bands", "checklist.error.bandMin", b.name()));
            } else if (!mins.add(b.minScore().stripTrailingZeros())) {
                // two bands from the same score: which applies would depend on their order
                issues.add(Issue.error("bands", "checklist.error.bandsOverlap", b.name(), b.minScore()));
            }
        }
    }

    /** Every item of {@code previous} lives on in {@code next}: kept under its key or named in a {@code replaces}. */
    public static List<Issue> checkNextVersion(ChecklistTemplate previous, ChecklistTemplate next) {
        List<Issue> issues = new ArrayList<>();
        Set<String> continued = new HashSet<>();
        for (ChecklistItem i : next.items()) {
            continued.addAll(next.previousKeysOf(i.key()));
        }
        for (ChecklistItem old : previous.items()) {
            if (!continued.contains(old.key())) {
                issues.add(Issue.error(old.number(), "checklist.error.itemDropped", old.number(), old.text()));
            }
        }
        for (ChecklistItem i : next.items()) {
            for (String k : i.replaces()) {
                if (previous.item(k).isEmpty()) {
                    issues.add(Issue.error(i.number(), "checklist.error.replacesUnknown", i.number(), k));
                }
            }
        }
        return issues;
    }
}
