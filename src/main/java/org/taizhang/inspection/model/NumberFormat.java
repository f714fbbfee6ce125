package org.taizhang.inspection.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format of register numbers, a setting of the hub: {@code {year}} and {@code {seq}} (or {@code {seq:4}},
 * zero-padded to 4 digits) in any text, e.g. {@code 督改〔{year}〕{seq:4}号} → 督改〔2026〕0001号. A number is
 * formatted once, when it is given, and never changes, even if the format does later.
 */
public record NumberFormat(String pattern) {
    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(\\d))?}");
    public static final NumberFormat DEFAULT = new NumberFormat("督改〔{year}〕{seq:4}号");

    public NumberFormat {
        if (!isValid(pattern)) {
            throw new IllegalArgumentException("number format " + pattern);
        }
    }

    /** Both placeholders present once: the year keeps numbers of different years apart, the sequence numbers. */
    public static boolean isValid(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > 60) {
            return false;
        }
        Matcher m = SEQ.matcher(pattern);
        int seqs = 0;
        while (m.find()) {
            seqs++;
        }
        return seqs == 1
                && pattern.indexOf("{year}") >= 0
                && pattern.indexOf("{year}") == pattern.lastIndexOf("{year}");
    }

    public static Optional<NumberFormat> parse(String text) {
        return isValid(text) ? Optional.of(new NumberFormat(text)) : Optional.empty();
    }

    public String format(int year, int seq) {
        Matcher m = SEQ.matcher(pattern.replace("{year}", Integer.toString(year)));
        m.find();
        int width = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        String digits = Integer.toString(seq);
        String padded = digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
        return m.replaceFirst(Matcher.quoteReplacement(padded));
    }
}
