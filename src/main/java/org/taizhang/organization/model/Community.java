package org.taizhang.organization.model;

/** 共同体: a group of organizations with a lead unit (牵头单位) and a liaison 工委委员 (联系点). */
public record Community(String id, String name, String leadUnitId, String liaison, String remark) {}
