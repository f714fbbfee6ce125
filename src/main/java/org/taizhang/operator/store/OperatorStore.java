package org.taizhang.operator.store;

import static org.taizhang.core.store.schema.Tables.OPERATOR;

import java.util.List;
import java.util.Optional;
import org.jooq.Record;
import org.taizhang.core.Ids;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.Times;
import org.taizhang.operator.model.Operator;
import org.taizhang.operator.model.OperatorDraft;

/** The {@code operator} table (local: operators never travel). Writes go through {@link Store#write}. */
public final class OperatorStore {
    private final Store store;

    public OperatorStore(Store store) {
        this.store = store;
    }

    /** An operator with the stored hash of the password (null: none), for the sign-in's check only. */
    public record Stored(Operator operator, String passwordHash) {}

    public List<Operator> list() {
        return store.read().selectFrom(OPERATOR).orderBy(OPERATOR.CREATED_AT, OPERATOR.NAME).fetch().stream()
                .map(OperatorStore::operator)
                .toList();
    }

    public Optional<Stored> byName(String name) {
        return store.read()
                .selectFrom(OPERATOR)
                .where(OPERATOR.NAME.eq(name))
                .fetchOptional()
                .map(r -> new Stored(operator(r), r.get(OPERATOR.PASSWORD)));
    }

    public Optional<Operator> byId(String id) {
        return store.read()
                .selectFrom(OPERATOR)
                .where(OPERATOR.ID.eq(id))
                .fetchOptional()
                .map(OperatorStore::operator);
    }

    /** Inserts the operators in order, in one transaction; returns their ids. */
    public List<String> insert(List<OperatorDraft> drafts, List<String> passwordHashes) {
        return store.write(ctx -> {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                OperatorDraft d = drafts.get(i);
                String id = Ids.newId();
                ctx.insertInto(OPERATOR)
                        .set(OPERATOR.ID, id)
                        .set(OPERATOR.NAME, d.name())
                        .set(OPERATOR.ROLE, d.role().code())
                        .set(OPERATOR.VERIFIER, d.verifier() ? 1 : 0)
                        .set(OPERATOR.PASSWORD, passwordHashes.get(i))
                        // one after the other: the list keeps the order they were made in
                        .set(
                                OPERATOR.CREATED_AT,
                                Times.format(store.clock().instant().plusMillis(i)))
                        .execute();
                ids.add(id);
            }
            return ids;
        });
    }

    public void update(String id, OperatorDraft d) {
        store.write(ctx -> ctx.update(OPERATOR)
                .set(OPERATOR.NAME, d.name())
                .set(OPERATOR.ROLE, d.role().code())
                .set(OPERATOR.VERIFIER, d.verifier() ? 1 : 0)
                .where(OPERATOR.ID.eq(id))
                .execute());
    }

    /** {@code hash} null: the operator signs in without a password. */
    public void setPassword(String id, String hash) {
        store.write(ctx -> ctx.update(OPERATOR)
                .set(OPERATOR.PASSWORD, hash)
                .where(OPERATOR.ID.eq(id))
                .execute());
    }

    public void delete(String id) {
        store.write(ctx -> ctx.deleteFrom(OPERATOR).where(OPERATOR.ID.eq(id)).execute());
    }

    private static Operator operator(Record r) {
        return new Operator(
                r.get(OPERATOR.ID),
                r.get(OPERATOR.NAME),
                Actor.Role.ofCode(r.get(OPERATOR.ROLE)),
                r.get(OPERATOR.VERIFIER) == 1,
                r.get(OPERATOR.PASSWORD) != null);
    }
}
