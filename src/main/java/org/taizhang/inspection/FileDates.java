package org.taizhang.inspection;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a clerk types it into a spreadsheet: a date cell reads as 2026-05-01; typed text may be 2026/5/1,
 * 2026.5.1 or 2026年5月1日 (WPS and Excel keep such text when the cell is not a date cell).
 */
final class FileDates {
    private static final Pattern TYPED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private FileDates() {}

    static Optional<LocalDate> parse(String text) {
        Matcher m = TYPED.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty(); // 2026-02-30
        }
    }
}
