package org.taizhang.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Store;
import org.taizhang.operator.model.Operator;
import org.taizhang.operator.model.OperatorDraft;
import org.taizhang.operator.store.OperatorStore;

/**
 * 操作员 (issue 22): who works here, each with a role and perhaps a password; the 管理员 alone manages them. An
 * installation starts with no operator (its one operator of old, who may do everything); the first operator a
 * 管理员 adds makes that one an operator too, as 管理员, so nobody is locked out. With more than one operator, or a
 * password, the program asks who works at start ({@link #signInNeeded}); until then the store writes nothing.
 */
public final class OperatorService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OperatorService.class);
    /** Short enough to type at every start, long enough not to be guessed over a shoulder. */
    public static final int PASSWORD_MIN_LENGTH = 6;

    private final Store store;
    private final OperatorStore operators;

    public OperatorService(Store store) {
        this.store = store;
        this.operators = new OperatorStore(store);
    }

    public List<Operator> operators() {
        return operators.list();
    }

    /** Who works here now. */
    public Actor current() {
        return store.actor();
    }

    /** Nobody has said who works here, and the program cannot tell by itself (several operators, or a password). */
    public boolean signInNeeded() {
        return !store.actor().chosen();
    }

    /**
     * {@code name} works here from now on, when {@code password} is theirs (any, or none, when they have none).
     * Refused alike for an unknown name and a wrong password ({@code operator.error.signIn}): the message does not
     * tell a guesser which names exist.
     */
    public Actor signIn(String name, char[] password) {
        try {
            Optional<OperatorStore.Stored> found = operators.byName(name == null ? "" : name.strip());
            String hash = found.map(OperatorStore.Stored::passwordHash).orElse(null);
            boolean ok = found.isPresent() && (hash == null || (password != null && Passwords.matches(password, hash)));
            if (!ok) {
                LOG.info("sign-in refused"); // no name: a mistyped password is often someone else's name
                throw new DomainException("operator.error.signIn");
            }
            Actor who = found.get().operator().asActor();
            store.actAs(who);
            LOG.info("an operator signed in ({})", who.role().code());
            return who;
        } finally {
            Passwords.forget(password);
        }
    }

    /**
     * Whether signing in as {@code name} asks for a password: true for an unknown name too, so that a prompt does not
     * tell who exists.
     */
    public boolean needsPassword(String name) {
        return operators
                .byName(name == null ? "" : name.strip())
                .map(s -> s.passwordHash() != null)
                .orElse(true);
    }

    /** The local setting: minutes without input before the window locks; 0 (the default): never. */
    public static final String IDLE_LOCK_KEY = "lock.idleMinutes";

    public static final int IDLE_LOCK_MAX_MINUTES = 480;

    /** Minutes without input before the window locks (0: it never does). */
    public int idleLockMinutes() {
        return store.localSetting(IDLE_LOCK_KEY)
                .flatMap(v -> {
                    try {
                        return Optional.of(Integer.parseInt(v.strip()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                })
                .filter(n -> n >= 0 && n <= IDLE_LOCK_MAX_MINUTES)
                .orElse(0);
    }

    /** A setting: the 管理员's; 0 to 480 minutes. */
    public void saveIdleLockMinutes(int minutes) {
        store.requireAdmin();
        if (minutes < 0 || minutes > IDLE_LOCK_MAX_MINUTES) {
            throw new DomainException("operator.error.idleLock", IDLE_LOCK_MAX_MINUTES);
        }
        store.putLocalSetting(IDLE_LOCK_KEY, Integer.toString(minutes));
    }

    /** Adds an operator (管理员 only); the first one also makes the installation's operator a 管理员 of the list. */
    public Operator add(OperatorDraft draft, char[] password) {
        try {
            store.requireAdmin();
            validate(draft, null);
            String hash = passwordHash(password);
            Actor installation = store.actor();
            List<OperatorDraft> drafts = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            if (installation.installation()) {
                // the one who works here now keeps the right to manage the list
                OperatorDraft self = new OperatorDraft(installation.name(), Actor.Role.ADMIN, installation.verifier());
                if (self.name().equals(draft.name())) {
                    throw new DomainException("operator.error.nameTaken", draft.name());
                }
                drafts.add(self);
                hashes.add(null);
            }
            drafts.add(draft);
            hashes.add(hash);
            List<String> ids = operators.insert(drafts, hashes);
            if (installation.installation()) {
                store.actAs(Actor.operator(installation.name(), Actor.Role.ADMIN, installation.verifier()));
            }
            return operators.byId(ids.get(ids.size() - 1)).orElseThrow();
        } finally {
            Passwords.forget(password);
        }
    }

    /** Changes an operator's name, role or 核查人 permission (管理员 only); one 管理员 always remains. */
    public Operator update(String id, OperatorDraft draft) {
        store.requireAdmin();
        Operator before = existing(id);
        validate(draft, id);
        if (before.role() == Actor.Role.ADMIN && draft.role() != Actor.Role.ADMIN && admins() == 1) {
            throw new DomainException("operator.error.lastAdmin", before.name());
        }
        operators.update(id, draft);
        Operator after = existing(id);
        if (before.name().equals(store.actor().name())) {
            store.actAs(after.asActor()); // the one working here: the new name and rights from the next change on
        }
        return after;
    }

    /**
     * Sets or removes ({@code password} null or empty) an operator's password: a 管理员 for anyone, anyone for
     * themselves.
     */
    public void setPassword(String id, char[] password) {
        try {
            Operator who = existing(id);
            if (!(store.actor().chosen() && who.name().equals(store.actor().name()))) {
                store.requireAdmin();
            }
            operators.setPassword(id, passwordHash(password));
        } finally {
            Passwords.forget(password);
        }
    }

    /** Removes an operator (管理员 only): never the one working now, never the last 管理员. */
    public void remove(String id) {
        store.requireAdmin();
        Operator who = existing(id);
        if (who.name().equals(store.actor().name())) {
            throw new DomainException("operator.error.removeSelf", who.name());
        }
        if (who.role() == Actor.Role.ADMIN && admins() == 1) {
            throw new DomainException("operator.error.lastAdmin", who.name());
        }
        operators.delete(id);
    }

    private long admins() {
        return operators.list().stream()
                .filter(o -> o.role() == Actor.Role.ADMIN)
                .count();
    }

    private Operator existing(String id) {
        return operators.byId(id).orElseThrow(() -> new DomainException("operator.error.missing"));
    }

    private void validate(OperatorDraft draft, String id) {
        if (draft.name().isEmpty()) {
            throw new DomainException("operator.error.nameRequired");
        }
        if (draft.name().length() > OperatorDraft.NAME_MAX_LENGTH) {
            throw new DomainException("operator.error.nameTooLong", OperatorDraft.NAME_MAX_LENGTH);
        }
        if (draft.role() == null) {
            throw new DomainException("operator.error.roleRequired");
        }
        operators.byName(draft.name()).ifPresent(other -> {
            if (!other.operator().id().equals(id)) {
                throw new DomainException("operator.error.nameTaken", draft.name());
            }
        });
    }

    /** Null for no password; a password shorter than {@link #PASSWORD_MIN_LENGTH} is refused. */
    private static String passwordHash(char[] password) {
        if (password == null || password.length == 0) {
            return null;
        }
        if (password.length < PASSWORD_MIN_LENGTH) {
            throw new DomainException("operator.error.passwordTooShort", PASSWORD_MIN_LENGTH);
        }
        return Passwords.hash(password);
    }
}
