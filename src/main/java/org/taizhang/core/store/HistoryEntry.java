package org.taizhang.core.store;

/** One line of a record's 留痕: when, what kind of change, by whom on which device, and the field changes (JSON). */
public record HistoryEntry(String at, String action, String userName, String deviceId, String changesJson) {}
