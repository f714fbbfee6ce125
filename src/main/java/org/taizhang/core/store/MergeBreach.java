package org.taizhang.core.store;

/**
 * A rule across records that a merge broke, for a clerk to mend (decisions/0006): {@code kind} is one of CYCLE,
 * DELETED_PARENT, DANGLING, DUPLICATE_NUMBER, DUPLICATE_NAME, TWO_HUBS; {@code detail} names the column and the
 * other records involved.
 */
public record MergeBreach(String kind, String entity, String entityId, String detail) {}
