package org.taizhang.core;

import java.util.Arrays;

/**
 * An error the user can cause or fix (a locked database, a bad file, a rule broken). It carries a message key
 * and arguments; the window shows it in the user's language, the command line prints it and exits non-zero.
 */
public class DomainException extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    public DomainException(Throwable cause, String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args), cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
