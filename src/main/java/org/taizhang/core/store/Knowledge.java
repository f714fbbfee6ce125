package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.KNOWLEDGE;

import org.jooq.DSLContext;

/**
 * What a database holds of every device's changes (table {@code knowledge}, V10): for each device the highest
 * counter up to which every one of its changes is here. A package built against prerequisites this database has
 * brings all the sender holds above them, so applying it raises this to the sender's knowledge — in the same
 * transaction, never at export (decisions/0014). It may fall short of what is here (a new or upgraded database
 * knows nothing yet), which only makes the next package larger; it never claims more.
 */
final class Knowledge {
    private Knowledge() {}

    /** This database's knowledge: its own changes up to {@code ownCounter}, the others' as recorded. */
    static VersionVector read(DSLContext ctx, String deviceId, long ownCounter) {
        VersionVector known = VersionVector.EMPTY;
        for (var r : ctx.selectFrom(KNOWLEDGE).fetch()) {
            if (!r.getDeviceId().equals(deviceId) && r.getCounter() > 0) {
                known = known.with(new Dot(r.getCounter(), r.getDeviceId()));
            }
        }
        return ownCounter > 0 ? known.with(new Dot(ownCounter, deviceId)) : known;
    }

    /** Raises the recorded knowledge to {@code learned} (a join: nothing recorded goes down). */
    static void raise(DSLContext ctx, String deviceId, VersionVector learned) {
        learned.counters().forEach((device, n) -> {
            if (!device.equals(deviceId)) {
                ctx.insertInto(KNOWLEDGE)
                        .set(KNOWLEDGE.DEVICE_ID, device)
                        .set(KNOWLEDGE.COUNTER, Math.toIntExact(n))
                        .onConflict(KNOWLEDGE.DEVICE_ID)
                        .doUpdate()
                        .set(
                                KNOWLEDGE.COUNTER,
                                org.jooq.impl.DSL.greatest(
                                        KNOWLEDGE.COUNTER, org.jooq.impl.DSL.val(Math.toIntExact(n))))
                        .execute();
            }
        });
    }
}
