package org.taizhang.inspection.model;

import java.time.LocalDate;
import java.util.Set;

/** 走访: one team's visit to one unit on a day, the methods used, and notes (photos are evidence records). */
public record Visit(
        String id,
        String inspectionId,
        String teamId,
        String unitId,
        LocalDate visitedOn,
        Set<VisitMethod> methods,
        String notes) {
    public Visit {
        methods = methods == null ? Set.of() : Set.copyOf(methods);
    }
}
