package org.taizhang.inspection.model;

/** 检查组: a team of a round, its leader and its members (names as clerks write them, 、-separated). */
public record InspectionTeam(String id, String inspectionId, String name, String leader, String members) {}
