package org.taizhang.core.i18n;

import java.util.Arrays;

/**
 * A text looked up only when its message is shown: used as an argument of another message, it appears in the
 * reader's language too (the command line prints one error in Chinese and in English).
 */
public record Text(String key, Object... args) {
    public Text {
        args = args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && key.equals(t.key) && Arrays.equals(args, t.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args); // what the log shows
    }
}
