package org.taizhang.core.files;

import java.util.Locale;
import java.util.Set;

/**
 * A file name built from data (a unit's, an organization's or a template's name) made legal on every system the
 * clerks use, Windows' rules being the strictest: in a save dialog a "/" in a unit's name would make a folder, a
 * "*" or "?" a filter, and ":" or '"' are refused outright.
 */
public final class FileNames {
    /**
     * Windows allows 255 UTF-16 units in a name; {@link SafeFiles} writes ".{name}.{36-char id}.part" beside the
     * target first, so the name itself stays well under that.
     */
    public static final int MAX_LENGTH = 120;

    /** What a name with nothing usable left becomes; not a text a clerk reads in any one language. */
    static final String FALLBACK = "taizhang";

    private static final String FORBIDDEN = "\\/:*?\"<>|";
    /** The full-width forms: the name reads the same to a Chinese reader, and Windows accepts them. */
    private static final String FULL_WIDTH = "＼／：＊？＂＜＞｜";

    /** Device names Windows reserves in every folder, whatever follows them after a dot (NUL.txt is NUL). */
    private static final Set<String> RESERVED = reserved();

    /** An extension kept whole when a long name is shortened: short and without spaces, like ".xlsx". */
    private static final int MAX_EXTENSION = 10;

    private FileNames() {}

    /**
     * {@code name} as a legal file name: {@code \/:*?"<>|} in their full-width forms, control characters dropped,
     * no leading or trailing blanks and no trailing dot, a reserved device name (CON, NUL.txt, COM1…) suffixed with
     * "_", at most {@link #MAX_LENGTH} characters (a short extension kept), and {@link #FALLBACK} if nothing is
     * left. A safe name is returned unchanged.
     */
    public static String safe(String name) {
        StringBuilder b = new StringBuilder();
        String text = name == null ? "" : name;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int forbidden = FORBIDDEN.indexOf(c);
            if (forbidden >= 0) {
                b.append(FULL_WIDTH.charAt(forbidden));
            } else if (!Character.isISOControl(c)) {
                b.append(c);
            }
        }
        String result = trimEnd(b.toString().strip());
        if (result.isEmpty()) {
            return FALLBACK;
        }
        result = shorten(unreserved(result));
        return result.isEmpty() ? FALLBACK : result;
    }

    /** Windows drops trailing dots and spaces when it makes a file, so "台账." would not be the name asked for. */
    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String unreserved(String s) {
        int dot = s.indexOf('.');
        String stem = dot < 0 ? s : s.substring(0, dot);
        // Windows also ignores spaces before the extension here: "NUL .txt" is NUL
        if (RESERVED.contains(stem.stripTrailing().toUpperCase(Locale.ROOT))) {
            return stem + "_" + (dot < 0 ? "" : s.substring(dot));
        }
        return s;
    }

    private static String shorten(String s) {
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String extension = dot > 0
                        && s.length() - dot <= MAX_EXTENSION
                        && s.substring(dot).chars().noneMatch(Character::isWhitespace)
                ? s.substring(dot)
                : "";
        int keep = MAX_LENGTH - extension.length();
        // never split a character outside the BMP (rare hanzi such as 𠀀) into half a surrogate pair
        if (Character.isLowSurrogate(s.charAt(keep))) {
            keep--;
        }
        return trimEnd(s.substring(0, keep).stripTrailing()) + extension;
    }

    private static Set<String> reserved() {
        Set<String> names = new java.util.HashSet<>(Set.of("CON", "PRN", "AUX", "NUL"));
        // ¹²³ count as digits here too: Windows reserves COM¹ as it does COM1
        for (String digit : new String[] {"1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"}) {
            names.add("COM" + digit);
            names.add("LPT" + digit);
        }
        return Set.copyOf(names);
    }
}
