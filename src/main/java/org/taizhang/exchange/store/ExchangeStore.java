package org.taizhang.exchange.store;

import static org.taizhang.core.store.schema.Tables.DEVICE_KEY;
import static org.taizhang.core.store.schema.Tables.EXCHANGE_LOG;
import static org.taizhang.core.store.schema.Tables.EXCHANGE_PEER;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.VersionVector;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.Manifest;
import org.taizhang.exchange.files.DeviceKeys;

/**
 * 数据交换's own tables (V10, none of them travels): this device's key pair, the devices it exchanges with and what
 * each said it holds, and the log of packages written and read. The only jOOQ of the feature.
 */
public final class ExchangeStore {
    private final Store store;

    public ExchangeStore(Store store) {
        this.store = store;
    }

    /** A device this one exchanges with, as its newest package described it. */
    public record Peer(
            String deviceId,
            String name,
            String role,
            String publicKey,
            VersionVector knowledge,
            long knowledgeClock,
            String heardAt,
            String receivedAt,
            String sentAt,
            long sentCounter) {}

    /** One package written or read here. */
    public record LogEntry(
            String packageId,
            String direction,
            String kind,
            String peerDevice,
            String peerName,
            String createdAt,
            String loggedAt,
            String file,
            int records,
            int history,
            int files,
            String outcome,
            String detail) {}

    /** This device's key pair, made at the first need (and kept in the database, so every backup holds it). */
    public KeyPair ownKey() {
        List<KeyPair> keys = ownKeys();
        if (!keys.isEmpty()) {
            return keys.getFirst();
        }
        KeyPair made = DeviceKeys.generate();
        store.write(ctx -> ctx.insertInto(DEVICE_KEY)
                .set(DEVICE_KEY.FINGERPRINT, DeviceKeys.fingerprintHex(made.getPublic()))
                .set(DEVICE_KEY.PUBLIC_KEY, DeviceKeys.encodePublic(made.getPublic()))
                .set(DEVICE_KEY.PRIVATE_KEY, DeviceKeys.encodePrivate(made))
                .set(DEVICE_KEY.CREATED_AT, Instant.now(store.clock()).toString())
                .execute());
        return ownKeys().getFirst();
    }

    /** Every key pair this database has held, the oldest first (packages encrypted to any of them open here). */
    public List<KeyPair> ownKeys() {
        return store.read()
                .selectFrom(DEVICE_KEY)
                .orderBy(DEVICE_KEY.CREATED_AT, DEVICE_KEY.FINGERPRINT)
                .fetch(r -> DeviceKeys.decode(r.getPublicKey(), r.getPrivateKey()));
    }

    public Optional<Peer> peer(String deviceId) {
        return store.read()
                .selectFrom(EXCHANGE_PEER)
                .where(EXCHANGE_PEER.DEVICE_ID.eq(deviceId))
                .fetchOptional(ExchangeStore::peerOf);
    }

    public List<Peer> peers() {
        return store.read()
                .selectFrom(EXCHANGE_PEER)
                .orderBy(EXCHANGE_PEER.NAME, EXCHANGE_PEER.DEVICE_ID)
                .fetch(ExchangeStore::peerOf);
    }

    private static Peer peerOf(org.taizhang.core.store.schema.tables.records.ExchangePeerRecord r) {
        return new Peer(
                r.getDeviceId(),
                r.getName(),
                r.getRole(),
                r.getPublicKey(),
                VersionVector.parse(r.getKnowledge()),
                r.getKnowledgeClock(),
                r.getHeardAt(),
                r.getReceivedAt(),
                r.getSentAt(),
                r.getSentCounter());
    }

    /**
     * The note of a received package, written in the transaction that applies it: the sender as a peer (what it
     * holds, unless an older package of it arrives late and says less) and the log line.
     */
    public Store.InTransaction received(Manifest m, String file, String contentSha, String outcome) {
        String now = Instant.now(store.clock()).toString();
        return ctx -> {
            notePeer(ctx, m, now);
            log(ctx, m, "in", m.sourceDevice(), m.sourceName(), file, contentSha, outcome, null, now);
        };
    }

    private void notePeer(DSLContext ctx, Manifest m, String now) {
        long clock = m.knowledge().counter(m.sourceDevice());
        var held = ctx.selectFrom(EXCHANGE_PEER)
                .where(EXCHANGE_PEER.DEVICE_ID.eq(m.sourceDevice()))
                .fetchOne();
        if (held == null) {
            held = ctx.newRecord(EXCHANGE_PEER);
            held.setDeviceId(m.sourceDevice());
            held.setKnowledge("");
            held.setKnowledgeClock(-1);
            held.setSentCounter(0);
        }
        // the package imported last says what the device holds, even when it says less than one before: a device
        // restored from an older copy holds less, and must be sent it again; an older package arriving late only
        // makes the next package larger (never the other way round: that would lose changes)
        held.setKnowledge(m.knowledge().encode());
        held.setKnowledgeClock(Math.toIntExact(clock));
        if (held.getHeardAt() == null || m.createdAt() != null && m.createdAt().compareTo(held.getHeardAt()) > 0) {
            held.setHeardAt(m.createdAt());
        }
        held.setName(m.sourceName());
        held.setRole(m.sourceIsHub() ? "hub" : "field");
        if (m.sourceKey() != null) {
            held.setPublicKey(m.sourceKey());
        }
        held.setReceivedAt(now);
        held.setReceivedPackage(m.packageId());
        held.store();
    }

    /** A package written here: the log line and, when it was for one device, what was last sent to it. */
    public void sent(Manifest m, String file, String contentSha, long counter) {
        String now = Instant.now(store.clock()).toString();
        store.write(ctx -> {
            log(ctx, m, "out", m.targetDevice(), m.targetName(), file, contentSha, "written", null, now);
            if (m.targetDevice() != null) {
                ctx.insertInto(EXCHANGE_PEER)
                        .set(EXCHANGE_PEER.DEVICE_ID, m.targetDevice())
                        .set(EXCHANGE_PEER.NAME, m.targetName())
                        .set(EXCHANGE_PEER.SENT_AT, now)
                        .set(EXCHANGE_PEER.SENT_PACKAGE, m.packageId())
                        .set(EXCHANGE_PEER.SENT_COUNTER, Math.toIntExact(counter))
                        .onConflict(EXCHANGE_PEER.DEVICE_ID)
                        .doUpdate()
                        .set(EXCHANGE_PEER.SENT_AT, now)
                        .set(EXCHANGE_PEER.SENT_PACKAGE, m.packageId())
                        .set(EXCHANGE_PEER.SENT_COUNTER, Math.toIntExact(counter))
                        .execute();
            }
            return null;
        });
    }

    /** A refused package: listed in the history with the reason, nothing else written. */
    public void rejected(Manifest m, String packageId, String file, String reason) {
        String now = Instant.now(store.clock()).toString();
        try {
            store.write(ctx -> {
                ctx.insertInto(EXCHANGE_LOG)
                        .set(EXCHANGE_LOG.PACKAGE_ID, packageId == null ? "-" : packageId)
                        .set(EXCHANGE_LOG.DIRECTION, "in")
                        .set(EXCHANGE_LOG.KIND, m == null ? "changes" : m.kind().word())
                        .set(EXCHANGE_LOG.PEER_DEVICE, m == null ? null : m.sourceDevice())
                        .set(EXCHANGE_LOG.PEER_NAME, m == null ? null : m.sourceName())
                        .set(EXCHANGE_LOG.CREATED_AT, m == null || m.createdAt() == null ? now : m.createdAt())
                        .set(EXCHANGE_LOG.LOGGED_AT, now)
                        .set(EXCHANGE_LOG.FILE, file)
                        .set(EXCHANGE_LOG.OUTCOME, "rejected")
                        .set(EXCHANGE_LOG.DETAIL, reason)
                        .onConflictDoNothing()
                        .execute();
                return null;
            });
        } catch (RuntimeException e) {
            // a read-only or full database refused the note; the refusal itself is what the user must hear
        }
    }

    /** The SHA-256 of the changes of a package by this id already applied here, if one was. */
    public Optional<String> appliedContent(String packageId) {
        return store.read()
                .select(EXCHANGE_LOG.CONTENT_SHA)
                .from(EXCHANGE_LOG)
                .where(EXCHANGE_LOG.PACKAGE_ID.eq(packageId))
                .and(EXCHANGE_LOG.DIRECTION.eq("in"))
                .and(EXCHANGE_LOG.OUTCOME.in("applied", "nothing-new"))
                .limit(1)
                .fetchOptional(EXCHANGE_LOG.CONTENT_SHA);
    }

    public List<LogEntry> log(int limit) {
        return store.read()
                .selectFrom(EXCHANGE_LOG)
                .orderBy(EXCHANGE_LOG.LOGGED_AT.desc())
                .limit(limit)
                .fetch(r -> new LogEntry(
                        r.getPackageId(),
                        r.getDirection(),
                        r.getKind(),
                        r.getPeerDevice(),
                        r.getPeerName(),
                        r.getCreatedAt(),
                        r.getLoggedAt(),
                        r.getFile(),
                        r.getRecords(),
                        r.getHistory(),
                        r.getFiles(),
                        r.getOutcome(),
                        r.getDetail()));
    }

    private static void log(
            DSLContext ctx,
            Manifest m,
            String direction,
            String peer,
            String peerName,
            String file,
            String contentSha,
            String outcome,
            String detail,
            String now) {
        ctx.insertInto(EXCHANGE_LOG)
                .set(EXCHANGE_LOG.PACKAGE_ID, m.packageId())
                .set(EXCHANGE_LOG.DIRECTION, direction)
                .set(EXCHANGE_LOG.KIND, m.kind().word())
                .set(EXCHANGE_LOG.PEER_DEVICE, peer)
                .set(EXCHANGE_LOG.PEER_NAME, peerName)
                .set(EXCHANGE_LOG.CREATED_AT, m.createdAt())
                .set(EXCHANGE_LOG.LOGGED_AT, now)
                .set(EXCHANGE_LOG.FILE, file)
                .set(
                        EXCHANGE_LOG.RECORDS,
                        m.counts().entrySet().stream()
                                .filter(e -> !e.getKey().equals("history")
                                        && !e.getKey().startsWith("attachment-files"))
                                .mapToInt(java.util.Map.Entry::getValue)
                                .sum())
                .set(EXCHANGE_LOG.HISTORY, m.counts().getOrDefault("history", 0))
                .set(EXCHANGE_LOG.FILES, (int) m.sha256().keySet().stream()
                        .filter(k -> k.startsWith(ExchangeService.ATTACHMENT_PREFIX))
                        .count())
                .set(EXCHANGE_LOG.CONTENT_SHA, contentSha)
                .set(EXCHANGE_LOG.OUTCOME, outcome)
                .set(EXCHANGE_LOG.DETAIL, detail)
                .onConflictDoNothing()
                .execute();
    }

    /**
     * What a clerk calls a record of a travelling table: its name, a finding's register number or else its
     * description; empty for a table without one (or a record that is gone).
     */
    public Optional<String> label(String entity, String id) {
        org.jooq.Table<?> t = org.taizhang.core.store.schema.DefaultSchema.DEFAULT_SCHEMA.getTable(entity);
        if (t == null || t.field("id") == null) {
            return Optional.empty();
        }
        org.jooq.Field<String> label = entity.equals("finding")
                ? org.jooq.impl.DSL.coalesce(t.field("number", String.class), t.field("description", String.class))
                : t.field("name", String.class);
        if (label == null) {
            return Optional.empty();
        }
        return store.read()
                .select(label)
                .from(t)
                .where(t.field("id", String.class).eq(id))
                .fetchOptional(label)
                .filter(l -> !l.isBlank());
    }

    /** Changes this device made itself above {@code counter} (history entries it wrote), and the oldest one's time. */
    public record Unsent(int count, String since) {}

    public Unsent ownChangesAbove(long counter) {
        var h = org.taizhang.core.store.schema.Tables.HISTORY;
        var r = store.read()
                .select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.min(h.CREATED_AT))
                .from(h)
                .where(h.UPDATED_BY.eq(store.deviceId()))
                .and(h.REVISION.gt(Math.toIntExact(counter)))
                .fetchOne();
        return new Unsent(r.value1(), r.value2());
    }
}
