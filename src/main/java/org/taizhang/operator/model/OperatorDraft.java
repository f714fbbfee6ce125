package org.taizhang.operator.model;

import org.taizhang.core.store.Actor;

/** An operator as a form gives it, before the rules (a name, unique; one 管理员 at least) have checked it. */
public record OperatorDraft(String name, Actor.Role role, boolean verifier) {

    /** As 20 characters of a Chinese name with room for a note ("张三（办公室）"). */
    public static final int NAME_MAX_LENGTH = 20;

    public OperatorDraft {
        name = name == null ? "" : name.strip();
    }
}
