package org.taizhang.core;

import java.util.List;

/** Saving was refused because of the errors among {@link #issues()}; nothing was written. */
public final class ValidationException extends DomainException {
    private final transient List<Issue> issues;

    public ValidationException(List<Issue> issues) {
        super(
                issues.stream()
                        .filter(Issue::isError)
                        .findFirst()
                        .map(Issue::messageKey)
                        .orElse("validation.failed"),
                issues.stream()
                        .filter(Issue::isError)
                        .findFirst()
                        .map(Issue::args)
                        .orElse(new Object[0]));
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
