package org.taizhang.core.text;

import java.util.Comparator;

/**
 * Names that carry a number — 第一检查组, 第三检查组, 第二检查组, or 第2组 and 第10组 — in the order of that number,
 * written in Chinese numerals (一 … 九十九, 两, 〇/零) or in digits; the rest of the name, and names without a
 * number, in the order of a Chinese dictionary ({@link ChineseOrder}).
 */
public final class NumberedOrder implements Comparator<String> {
    public static final NumberedOrder INSTANCE = new NumberedOrder();

    private static final String DIGITS = "零一二三四五六七八九";

    private NumberedOrder() {}

    @Override
    public int compare(String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        int[] nx = firstNumber(x);
        int[] ny = firstNumber(y);
        // only names whose number stands at the same place (after the same prefix) are ordered by it
        if (nx != null && ny != null && x.substring(0, nx[1]).equals(y.substring(0, ny[1])) && nx[0] != ny[0]) {
            return Integer.compare(nx[0], ny[0]);
        }
        return ChineseOrder.INSTANCE.compare(x, y);
    }

    /** The first number in {@code s} and where it starts, or null. */
    static int[] firstNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i;
                long v = 0;
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9' && v < 1_000_000) {
                    v = v * 10 + (s.charAt(j) - '0');
                    j++;
                }
                return new int[] {(int) v, i};
            }
            if (isChineseNumeral(c)) {
                int j = i;
                while (j < s.length() && isChineseNumeral(s.charAt(j))) {
                    j++;
                }
                int v = chineseValue(s.substring(i, j));
                if (v >= 0) {
                    return new int[] {v, i};
                }
            }
        }
        return null;
    }

    private static boolean isChineseNumeral(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '十' || c == '两' || c == '〇';
    }

    /** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23, 一〇三 → 103; -1 when it is no number. */
    private static int chineseValue(String t) {
        String s = t.replace('两', '二').replace('〇', '零');
        int ten = s.indexOf('十');
        if (ten < 0) {
            int v = 0;
            for (char c : s.toCharArray()) {
                v = v * 10 + DIGITS.indexOf(c);
            }
            return v;
        }
        if (s.indexOf('十', ten + 1) >= 0 || ten > 1 || s.length() - ten > 2) {
            return -1;
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : DIGITS.indexOf(s.charAt(ten + 1));
        return tens * 10 + ones;
    }
}
