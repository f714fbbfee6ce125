package org.taizhang.core.task;

import org.taizhang.core.DomainException;

/** The user cancelled; the work stopped before writing anything. */
public final class CancelledException extends DomainException {
    public CancelledException() {
        super("task.cancelled");
    }
}
