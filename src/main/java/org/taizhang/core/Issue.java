package org.taizhang.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * One finding of a validation: an error blocks saving, a warning is shown but allowed (an expired term, say).
 * {@code field} names the form field or file column it belongs to.
 */
public record Issue(Severity severity, String field, String messageKey, Object... args) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public Issue {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(messageKey);
        args = args.clone();
    }

    public static Issue error(String field, String key, Object... args) {
        return new Issue(Severity.ERROR, field, key, args);
    }

    public static Issue warning(String field, String key, Object... args) {
        return new Issue(Severity.WARNING, field, key, args);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Issue i
                && severity == i.severity
                && Objects.equals(field, i.field)
                && messageKey.equals(i.messageKey)
                && Arrays.equals(args, i.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, field, messageKey, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return severity + " " + field + " " + messageKey + Arrays.toString(args);
    }
}
