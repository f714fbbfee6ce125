package org.taizhang.checklist.model;

import java.math.BigDecimal;
import java.util.List;

/** A category of items (e.g. B 组织生活, 30 points); {@code points} is what its regular items must add up to. */
public record ChecklistCategory(String key, String code, String name, BigDecimal points, List<ChecklistItem> items) {
    public ChecklistCategory {
        items = List.copyOf(items);
    }
}
