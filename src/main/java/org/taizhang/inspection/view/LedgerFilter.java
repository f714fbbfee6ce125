package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.taizhang.core.text.Pinyin;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;

/**
 * What the 整改台账 shows: a round, a unit, a community, a category, a state, a warning, the days found between, and
 * a search by number, names (also by pinyin initials), text and people. Plain Java, so it can be measured on its
 * own, like {@code RegistryFilter}.
 *
 * @param searchTexts each finding's text the search looks in, by id, built once per read ({@link #searchTexts}):
 *     typing then joins no strings; a finding missing from it is joined on the spot
 * @param openOnly only the findings not yet closed (未销号: neither 已销号 nor 已合并), as a state button
 */
public record LedgerFilter(
        String search,
        String roundId,
        String unitId,
        String community,
        String category,
        FindingState state,
        WarningFilter warning,
        LocalDate foundFrom,
        LocalDate foundTo,
        Map<String, String> searchTexts,
        boolean openOnly)
        implements Predicate<LedgerEntry> {

    /** The 预警 filter: 逾期 includes 严重超期, as clerks count them. */
    public enum WarningFilter {
        OVERDUE("ledger.warningFilter.OVERDUE"),
        SEVERE("ledger.warningFilter.SEVERE"),
        SOON("ledger.warningFilter.SOON"),
        ATTENTION("ledger.warningFilter.ATTENTION");

        private final String labelKey;

        WarningFilter(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }

        boolean matches(Warning w) {
            return switch (this) {
                case OVERDUE -> w.isOverdue();
                case SEVERE -> w == Warning.SEVERE;
                case SOON -> w == Warning.SOON;
                case ATTENTION -> w == Warning.ATTENTION;
            };
        }
    }

    public LedgerFilter {
        search = search == null ? "" : search.strip();
        searchTexts = searchTexts == null ? Map.of() : searchTexts;
    }

    /** A filter that keeps closed findings too. */
    public LedgerFilter(
            String search,
            String roundId,
            String unitId,
            String community,
            String category,
            FindingState state,
            WarningFilter warning,
            LocalDate foundFrom,
            LocalDate foundTo,
            Map<String, String> searchTexts) {
        this(search, roundId, unitId, community, category, state, warning, foundFrom, foundTo, searchTexts, false);
    }

    /** Everything shown. */
    public static LedgerFilter none() {
        return new LedgerFilter("", null, null, null, null, null, null, null, null, Map.of());
    }

    /** The same filter but the state (and 未销号): the rows the state buttons and the figures count. */
    public LedgerFilter anyState() {
        return state == null && !openOnly
                ? this
                : new LedgerFilter(
                        search, roundId, unitId, community, category, null, warning, foundFrom, foundTo, searchTexts);
    }

    @Override
    public boolean test(LedgerEntry e) {
        Finding f = e.finding();
        if (state != null && e.state() != state
                || openOnly && (e.state() == FindingState.CLOSED || e.state() == FindingState.MERGED)
                || roundId != null && !roundId.equals(f.inspectionId())
                || unitId != null && !unitId.equals(f.unitId())
                // "" is none: the findings of units in no 共同体, of no category (the 工作台's bars)
                || community != null && !community.equals(Objects.requireNonNullElse(e.communityName(), ""))
                || category != null && !category.equals(Objects.requireNonNullElse(f.category(), ""))
                || warning != null && !warning.matches(e.warning())
                || foundFrom != null && (f.foundOn() == null || f.foundOn().isBefore(foundFrom))
                || foundTo != null && (f.foundOn() == null || f.foundOn().isAfter(foundTo))) {
            return false;
        }
        if (search.isEmpty()) {
            return true;
        }
        String text = searchTexts.get(e.id());
        if (text == null) {
            text = searchText(e);
        }
        // pinyin initials only over the names: a long description scanned letter by letter would slow typing
        return text.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT))
                || Pinyin.matches(
                        Objects.requireNonNullElse(e.unitName(), "") + " "
                                + Objects.requireNonNullElse(e.organizationName(), ""),
                        search);
    }

    /** The search texts of a ledger, by finding id (for {@link #searchTexts}). */
    public static Map<String, String> searchTexts(List<LedgerEntry> ledger) {
        Map<String, String> texts = HashMap.newHashMap(ledger.size());
        for (LedgerEntry e : ledger) {
            texts.put(e.id(), searchText(e));
        }
        return texts;
    }

    /** What the search box looks in: number, unit, branch, community (also by pinyin initials), text, people. */
    static String searchText(LedgerEntry e) {
        Finding f = e.finding();
        Timeline t = e.timeline();
        return String.join(
                " ",
                Objects.requireNonNullElse(f.number(), ""),
                Objects.requireNonNullElse(e.unitName(), ""),
                Objects.requireNonNullElse(e.organizationName(), ""),
                Objects.requireNonNullElse(e.communityName(), ""),
                Objects.requireNonNullElse(f.category(), ""),
                Objects.requireNonNullElse(f.description(), ""),
                Objects.requireNonNullElse(t.leader(), ""),
                Objects.requireNonNullElse(t.department(), ""),
                Objects.requireNonNullElse(t.person(), ""));
    }
}
