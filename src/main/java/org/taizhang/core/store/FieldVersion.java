package org.taizhang.core.store;

import java.util.List;

/**
 * One value of one field with the changes that wrote it. Usually one change; two devices that wrote the same
 * value without seeing each other give one version with two dots (agreeing is not a conflict).
 */
public record FieldVersion(Object value, List<Dot> dots) {
    public FieldVersion {
        if (dots.isEmpty()) {
            throw new IllegalArgumentException("a version needs a change");
        }
        // one dot is the rule (a field written once); the stream is for the merged exceptions
        dots = dots.size() == 1
                ? List.of(dots.getFirst())
                : dots.stream().sorted().distinct().toList();
    }

    public static FieldVersion of(Object value, Dot dot) {
        return new FieldVersion(value, List.of(dot));
    }

    /** The newest change that wrote this value: what orders concurrent versions. */
    public Dot latest() {
        return dots.getLast();
    }
}
