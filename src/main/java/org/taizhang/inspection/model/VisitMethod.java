package org.taizhang.inspection.model;

/** 问实情、看实地、考实效: how a team checked a unit during a visit. */
public enum VisitMethod {
    ASK("inspection.method.ASK"),
    SEE("inspection.method.SEE"),
    TEST("inspection.method.TEST");

    private final String labelKey;

    VisitMethod(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
