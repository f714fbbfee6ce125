package org.taizhang.checklist.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.taizhang.organization.model.OrganizationKind;

/**
 * One item of a checklist template (考核细则的一条).
 *
 * @param key stable across versions: answers, year-on-year statistics and findings refer to it, never to the
 *     number shown, which may change
 * @param number as shown, e.g. B3
 * @param maxPoints points when fully met; for a bonus item, the most it can add
 * @param deduction for {@link ScoringMode#DEDUCTION}: points taken per occurrence
 * @param floor for {@link ScoringMode#DEDUCTION}: the score never goes below it (usually 0)
 * @param veto 一票否决: not met fails the whole assessment, whatever the total
 * @param bonus 加分项: adds to the total (up to the template's bonus cap), not to the maximum
 * @param appliesTo the organization kinds the item is scored for (empty: every kind)
 * @param replaces keys of the previous version's items this one continues (a split names the same key twice
 *     across its parts, a merge names several): their answers carry over, never dropped
 */
public record ChecklistItem(
        String key,
        String number,
        String text,
        BigDecimal maxPoints,
        ScoringMode mode,
        BigDecimal deduction,
        BigDecimal floor,
        boolean evidenceRequired,
        Set<CheckMethod> methods,
        boolean veto,
        boolean bonus,
        Set<OrganizationKind> appliesTo,
        List<String> replaces) {

    public ChecklistItem {
        methods = Set.copyOf(methods);
        appliesTo = Set.copyOf(appliesTo);
        replaces = List.copyOf(replaces);
    }

    /** The same item in a next version: it continues its own key, nothing else. */
    public ChecklistItem continuingItself() {
        return new ChecklistItem(
                key,
                number,
                text,
                maxPoints,
                mode,
                deduction,
                floor,
                evidenceRequired,
                methods,
                veto,
                bonus,
                appliesTo,
                List.of());
    }

    public boolean appliesTo(OrganizationKind kind) {
        return appliesTo.isEmpty() || appliesTo.contains(kind);
    }
}
