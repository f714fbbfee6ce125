package org.taizhang.checklist.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taizhang.checklist.TemplateRules;

/**
 * A checklist template (考核细则): the standard a branch is measured against, as data the clerk edits — each
 * city words its standard differently. A published template never changes (results refer to it); a change is
 * a new version, made by copying ({@link #nextVersion}), whose items keep their keys.
 *
 * @param passScore the total needed to pass (达标), unless a veto item failed
 * @param bands ratings, any order; the highest one reached applies
 * @param bonusCap the most that bonus items (加分项) add together
 */
public record ChecklistTemplate(
        String id,
        String name,
        int version,
        int year,
        Status status,
        List<ChecklistCategory> categories,
        BigDecimal passScore,
        List<RatingBand> bands,
        BigDecimal bonusCap,
        NotApplicablePolicy notApplicable) {

    public enum Status {
        DRAFT,
        PUBLISHED
    }

    public ChecklistTemplate {
        categories = List.copyOf(categories);
        bands = List.copyOf(bands);
    }

    public List<ChecklistItem> items() {
        List<ChecklistItem> items = new ArrayList<>();
        categories.forEach(c -> items.addAll(c.items()));
        return items;
    }

    public Optional<ChecklistItem> item(String key) {
        return items().stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** Full marks: the points of the regular (non-bonus) items, which is what the categories add up to. */
    public BigDecimal fullMarks() {
        return items().stream()
                .filter(i -> !i.bonus())
                .map(ChecklistItem::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** A published copy of this draft (the rules must have no error: {@link TemplateRules#check}). */
    public ChecklistTemplate published() {
        return new ChecklistTemplate(
                id, name, version, year, Status.PUBLISHED, categories, passScore, bands, bonusCap, notApplicable);
    }

    /** This template with other categories (and their items): an edit of the draft, by name. */
    public ChecklistTemplate withCategories(List<ChecklistCategory> newCategories) {
        return new ChecklistTemplate(
                id, name, version, year, status, newCategories, passScore, bands, bonusCap, notApplicable);
    }

    public ChecklistTemplate withBands(List<RatingBand> newBands) {
        return new ChecklistTemplate(
                id, name, version, year, status, categories, passScore, newBands, bonusCap, notApplicable);
    }

    public ChecklistTemplate withPassScore(java.math.BigDecimal newPassScore) {
        return new ChecklistTemplate(
                id, name, version, year, status, categories, newPassScore, bands, bonusCap, notApplicable);
    }

    public ChecklistTemplate withNotApplicable(NotApplicablePolicy policy) {
        return new ChecklistTemplate(id, name, version, year, status, categories, passScore, bands, bonusCap, policy);
    }

    /**
     * The draft of the next version: the same items under the same keys, so answers and statistics carry
     * over; items the clerk then splits or merges name the keys they continue in {@code replaces}.
     */
    public ChecklistTemplate nextVersion(String newId, int newYear) {
        // every item of the new version continues itself: what this version's items continued (承接条目) was said
        // about the version before, whose keys the new one no longer knows
        List<ChecklistCategory> continued = categories.stream()
                .map(c -> new ChecklistCategory(
                        c.key(),
                        c.code(),
                        c.name(),
                        c.points(),
                        c.items().stream().map(ChecklistItem::continuingItself).toList()))
                .toList();
        return new ChecklistTemplate(
                newId, name, version + 1, newYear, Status.DRAFT, continued, passScore, bands, bonusCap, notApplicable);
    }

    /**
     * The keys in the previous version that {@code key} continues: those it names in {@code replaces}, else
     * itself (unchanged items keep their key). Year-on-year statistics and "failed again" follow these.
     */
    public Set<String> previousKeysOf(String key) {
        return item(key)
                .map(i -> i.replaces().isEmpty() ? Set.of(key) : Set.copyOf(i.replaces()))
                .orElse(Set.of());
    }
}
