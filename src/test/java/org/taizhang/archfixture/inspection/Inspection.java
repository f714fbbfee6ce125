package org.taizhang.archfixture.inspection;

import org.taizhang.archfixture.checklist.Checklist;

/** Planted: a second feature that depends on the first while the first depends on it (a cycle). */
public record Inspection(String finding, Checklist checklist) {}
