package org.taizhang.core.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values clerks type into spreadsheet cells, in the forms seen on Chinese office PCs:
 * dates as 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日 or 20240501; yes/no as 是/否; whole numbers that Excel
 * may have stored as 25.0. Each parser returns empty for an unreadable value, so the caller can report the row.
 */
public final class CellValues {
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private CellValues() {}

    public static Optional<LocalDate> date(String text) {
        String t = text.strip();
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<Integer> wholeNumber(String text) {
        String t = text.strip().replace(",", "").replace("人", "");
        try {
            BigDecimal d = new BigDecimal(t);
            return Optional.of(d.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    public static Optional<Boolean> yesNo(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "是", "有", "设", "y", "yes", "true", "1", "√" -> Optional.of(true);
            case "否", "无", "不设", "n", "no", "false", "0", "×" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
