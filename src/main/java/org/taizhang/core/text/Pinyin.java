package org.taizhang.core.text;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Search by pinyin initials, the way clerks type: "czj" finds 市财政局. A character with several readings
 * (长 chang/zhang) matches any of their initials.
 */
public final class Pinyin {
    private static final ConcurrentHashMap<Character, char[]> INITIALS = new ConcurrentHashMap<>();

    private Pinyin() {}

    /** Possible initial letters of one character (lower case); a Latin letter or digit stands for itself. */
    public static char[] initialsOf(char c) {
        if (c < 128) {
            return new char[] {Character.toLowerCase(c)};
        }
        return INITIALS.computeIfAbsent(c, Pinyin::lookup);
    }

    private static char[] lookup(char c) {
        String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
        if (readings == null || readings.length == 0) {
            return new char[0];
        }
        StringBuilder distinct = new StringBuilder();
        for (String r : readings) {
            char first = Character.toLowerCase(r.charAt(0));
            if (distinct.indexOf(String.valueOf(first)) < 0) {
                distinct.append(first);
            }
        }
        return distinct.toString().toCharArray();
    }

    /** The first reading's initials of a whole text, e.g. 财政局 → czj. */
    public static String initials(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            char[] options = initialsOf(c);
            if (options.length > 0) {
                sb.append(options[0]);
            }
        }
        return sb.toString();
    }

    /**
     * Whether {@code text} contains {@code query} literally (ignoring case) or as consecutive pinyin initials.
     */
    public static boolean matches(String text, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        if (text == null || text.isEmpty()) {
            return false;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (text.toLowerCase(Locale.ROOT).contains(q)) {
            return true;
        }
        for (int i = 0; i + q.length() <= text.length(); i++) {
            if (initialsMatchAt(text, i, q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean initialsMatchAt(String text, int start, String q) {
        for (int j = 0; j < q.length(); j++) {
            char wanted = q.charAt(j);
            boolean ok = false;
            for (char option : initialsOf(text.charAt(start + j))) {
                if (option == wanted) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
