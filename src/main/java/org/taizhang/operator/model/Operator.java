package org.taizhang.operator.model;

import org.taizhang.core.store.Actor;

/**
 * One operator of this installation as the list shows it (the password's hash stays in storage).
 *
 * @param verifier a 核查人: may 销号, 退回 and call for 二次整改
 * @param hasPassword whether signing in asks for a password
 */
public record Operator(String id, String name, Actor.Role role, boolean verifier, boolean hasPassword) {

    /** What the store checks while this operator works. */
    public Actor asActor() {
        return Actor.operator(name, role, verifier);
    }
}
