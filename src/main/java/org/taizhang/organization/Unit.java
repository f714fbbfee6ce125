package org.taizhang.organization;

/** 单位: a government agency or department. */
public record Unit(
        String id,
        String name,
        String shortName,
        String contactPerson,
        String contactPhone,
        String remark,
        int sortOrder) {}
