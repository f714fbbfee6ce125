package org.taizhang.inspection.model;

import java.time.LocalDate;

/** 整改措施: one measure of a finding, with its owner and deadline; done once {@code doneOn} is set. */
public record Measure(
        String id, String findingId, String text, String owner, LocalDate deadline, LocalDate doneOn, int sortOrder) {
    public boolean isDone() {
        return doneOn != null;
    }

    public Measure doneOn(LocalDate day) {
        return new Measure(id, findingId, text, owner, deadline, day, sortOrder);
    }
}
