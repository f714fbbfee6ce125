package org.taizhang.core.store;

/**
 * A rule across records that a merge broke, for a clerk to mend (decisions/0006): {@code kind} is one of CYCLE,
 * DELETED_PARENT, DANGLING, DUPLICATE_NUMBER, DUPLICATE_NAME, TWO_HUBS, REGISTERED_OFF_HUB (a 挂号 step of a device never designated the hub); {@code detail} names the column and the
 * other records involved.
 */
public record MergeBreach(String kind, String entity, String entityId, String detail) {}
