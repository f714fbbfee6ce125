package org.taizhang.core.store;

/**
 * Who works through the store now and what they may do (issue 22, decisions/0018): named in every history entry
 * and timeline step, and checked by every write ({@link Store#write}) and by the services that only an
 * administrator may use ({@link Store#requireAdmin}).
 *
 * @param name as history and timelines name the operator
 * @param role what the operator may do
 * @param verifier a 核查人: may 销号, 退回 and call for 二次整改
 * @param chosen false while several operators exist and none has signed in: the program reads, writes nothing
 * @param installation true before any operator was created: the installation's one operator of old (the setting
 *     {@link Store#OPERATOR_KEY}), who may do everything, as every installation did before operators
 */
public record Actor(String name, Role role, boolean verifier, boolean chosen, boolean installation) {

    /** 管理员, 经办人, 只读: stored by {@link #code()}. */
    public enum Role {
        ADMIN("admin", "access.role.admin"),
        CLERK("clerk", "access.role.clerk"),
        READER("reader", "access.role.reader");

        private final String code;
        private final String messageKey;

        Role(String code, String messageKey) {
            this.code = code;
            this.messageKey = messageKey;
        }

        /** Its name as the window, the status bar and the command line show it (管理员, 经办人, 只读). */
        public String messageKey() {
            return messageKey;
        }

        public String code() {
            return code;
        }

        public static Role ofCode(String code) {
            for (Role r : values()) {
                if (r.code.equals(code)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("role " + code);
        }
    }

    /** A signed-in operator (or the only one, who needs no sign-in). */
    public static Actor operator(String name, Role role, boolean verifier) {
        return new Actor(name, role, verifier, true, false);
    }

    /** Nobody has said who works here yet: reads only, named by the computer's account. */
    static Actor unknown(String accountName) {
        return new Actor(accountName, Role.READER, false, false, false);
    }

    public boolean mayChange() {
        return chosen && role != Role.READER;
    }

    public boolean mayAdminister() {
        return chosen && role == Role.ADMIN;
    }
}
