package org.taizhang.archfixture.checklist;

import org.taizhang.archfixture.inspection.Inspection;

/** A clean domain class, except that it closes the planted cycle with {@link Inspection}. */
public record Checklist(String title, Inspection lastInspection) {}
