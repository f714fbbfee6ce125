package org.taizhang.organization.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of Party organization. {@code fileName} is the Chinese word used in the registry workbook. */
public enum OrganizationKind {
    PARTY_COMMITTEE("机关党委", "organization.kind.partyCommittee", true),
    GENERAL_BRANCH("党总支", "organization.kind.generalBranch", true),
    BRANCH("党支部", "organization.kind.branch", false),
    JOINT_BRANCH("联合支部", "organization.kind.jointBranch", false);

    private final String fileName;
    private final String messageKey;
    private final boolean canHaveChildren;

    OrganizationKind(String fileName, String messageKey, boolean canHaveChildren) {
        this.fileName = fileName;
        this.messageKey = messageKey;
        this.canHaveChildren = canHaveChildren;
    }

    public String fileName() {
        return fileName;
    }

    public String messageKey() {
        return messageKey;
    }

    /** 机关党委 and 党总支 lead other organizations; branches are the leaves. */
    public boolean canHaveChildren() {
        return canHaveChildren;
    }

    public boolean isBranch() {
        return !canHaveChildren;
    }

    public static Optional<OrganizationKind> fromFileName(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(k -> k.fileName.equals(t) || k.name().equalsIgnoreCase(t))
                .findFirst();
    }
}
