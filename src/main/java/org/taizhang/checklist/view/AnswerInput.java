package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.core.DomainException;

/**
 * What an inspector types in the 评分 column, one field for every scoring mode so the sheet is filled by
 * keyboard alone: 是/否 (or 1/0, √/×, y/n) for a yes/no item, the points for a graded one, the number of
 * occurrences for a deduction item; an empty field takes the answer back (the item is unscored again).
 */
final class AnswerInput {
    /** Besides the words of the practice ({@link ItemAnswer#metWord}): what is quick to type on a laptop. */
    private static final Set<String> YES = Set.of("1", "y", "yes", "有");

    private static final Set<String> NO = Set.of("0", "x", "n", "no", "无");

    private AnswerInput() {}

    /**
     * The answer {@code typed} gives {@code item}, keeping the note of {@code previous}; empty for an empty
     * field. A text that does not fit the item's mode is refused with the reason.
     */
    static Optional<ItemAnswer> parse(ChecklistItem item, String typed, ItemAnswer previous) {
        String note = previous == null ? null : previous.note();
        String t = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (item.mode()) {
                    case YES_NO -> {
                        java.util.Optional<Boolean> word = ItemAnswer.metWord(t);
                        if (word.isPresent()) {
                            yield new ItemAnswer(item.key(), word.get(), null, null, false, null, note);
                        }
                        if (YES.contains(t)) {
                            yield new ItemAnswer(item.key(), true, null, null, false, null, note);
                        }
                        if (NO.contains(t)) {
                            yield new ItemAnswer(item.key(), false, null, null, false, null, note);
                        }
                        throw new DomainException("checklist.input.yesNo", item.number(), typed.strip());
                    }
                    case GRADED -> {
                        try {
                            yield new ItemAnswer(item.key(), null, new BigDecimal(t), null, false, null, note);
                        } catch (NumberFormatException e) {
                            throw new DomainException("checklist.input.score", item.number(), typed.strip());
                        }
                    }
                    case DEDUCTION -> {
                        try {
                            yield new ItemAnswer(item.key(), null, null, Integer.parseInt(t), false, null, note);
                        } catch (NumberFormatException e) {
                            throw new DomainException("checklist.input.occurrences", item.number(), typed.strip());
                        }
                    }
                });
    }

    /** The answer as the inspector would type it (blank when unscored or 不适用); yes and no in the user's words. */
    static String format(ChecklistItem item, ItemAnswer answer, String yes, String no) {
        if (answer == null || answer.notApplicable() || !answer.answers(item.mode())) {
            return "";
        }
        return switch (item.mode()) {
            case YES_NO -> Boolean.TRUE.equals(answer.met()) ? yes : no;
            case GRADED -> answer.score().stripTrailingZeros().toPlainString();
            case DEDUCTION -> Integer.toString(answer.occurrences());
        };
    }

    /** An unscored answer that keeps the note (the inspector cleared the field). */
    static ItemAnswer cleared(ChecklistItem item, ItemAnswer previous) {
        return new ItemAnswer(item.key(), null, null, null, false, null, previous == null ? null : previous.note());
    }
}
