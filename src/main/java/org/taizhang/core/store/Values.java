package org.taizhang.core.store;

import java.math.BigDecimal;
import java.util.Objects;

/** Value comparison for stored fields: exact for every type (92.0 → 92.5 is a change; 7 and 7L are equal). */
public final class Values {
    private Values() {}

    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    /** A value as text for hashing: numbers without their scale, so 7 and 7.0 read the same (as {@link #same}). */
    static String text(Object o) {
        if (o == null) {
            return "\u0000null";
        }
        if (o instanceof Number n) {
            return decimal(n).stripTrailingZeros().toPlainString();
        }
        return o.toString();
    }

    static Integer asInteger(Object o) {
        return o instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }
}
