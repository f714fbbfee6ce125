package org.taizhang.organization.model;

/** 单位: a government agency or department. */
public record Unit(
        String id,
        String name,
        String shortName,
        String contactPerson,
        String contactPhone,
        String remark,
        int sortOrder) {}
