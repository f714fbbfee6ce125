package org.taizhang.exchange.files;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.ChangeSet;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.FieldVersion;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.VersionVector;

/**
 * A {@link ChangeSet} as the bytes of a package's {@code changes} entry (docs/package-format.md): every record state
 * with all its versions, dots, what it has seen and its creates, and the history entries. Values keep their types
 * exactly: text, whole numbers, decimals (with their scale), nulls. Dots keep the device and counter that first made
 * them, whoever passes them on. Counts are bounded when read; the store checks the rest ({@code ReceivedSets}).
 */
public final class ChangeSetCodec {
    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int WHOLE = 2;
    private static final int DECIMAL = 3;
    private static final int MAX_COUNT = 20_000_000;

    private ChangeSetCodec() {}

    /**
     * Format 3's {@code changes} entry: {@link #encode} through Deflate. Every dot and {@code seen} repeats a device id
     * of 36 characters, so the entry shrinks about eightfold: a smaller file on a slow stick, and less to encrypt and
     * decrypt (AES-GCM is most of a package's time when the JIT has not yet reached it).
     */
    public static byte[] encodePacked(ChangeSet set) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            write(set, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #encodePacked}'s bytes; what inflates beyond {@code limit} bytes (a hostile "zip bomb") or does not
     * end where the change set ends is {@code package.error.damaged}.
     */
    public static ChangeSet decodePacked(byte[] bytes, long limit, Object name) {
        Inflater inflater = new Inflater();
        try {
            InputStream in =
                    new Bounded(new InflaterInputStream(new ByteArrayInputStream(bytes), inflater, 1 << 16), limit);
            return read(new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16)), name);
        } finally {
            inflater.end();
        }
    }

    /** Format 2's {@code changes} entry, as read from packages still on sticks. */
    public static byte[] encode(ChangeSet set) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(set, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(ChangeSet set, OutputStream to) throws IOException {
        DataOutputStream out = new DataOutputStream(to);
        out.writeInt(set.records().size());
        for (RecordState r : set.records()) {
            text(out, r.table());
            text(out, r.id());
            text(out, r.createdAt());
            text(out, r.updatedAt());
            text(out, r.latest().toString());
            text(out, r.seen().encode());
            dots(out, r.creates());
            out.writeInt(r.fields().size());
            for (Map.Entry<String, List<FieldVersion>> f : r.fields().entrySet()) {
                text(out, f.getKey());
                out.writeInt(f.getValue().size());
                for (FieldVersion v : f.getValue()) {
                    value(out, v.value());
                    dots(out, v.dots());
                }
            }
        }
        out.writeInt(set.history().size());
        for (ChangeSet.HistoryItem h : set.history()) {
            text(out, h.id());
            text(out, h.entity());
            text(out, h.entityId());
            text(out, h.action());
            text(out, h.changes());
            text(out, h.userName());
            text(out, h.createdAt());
            text(out, h.dot().toString());
        }
        out.flush();
    }

    /** {@code package.error.damaged} when the bytes are not a change set this format wrote. */
    public static ChangeSet decode(byte[] bytes, Object name) {
        return read(new DataInputStream(new ByteArrayInputStream(bytes)), name);
    }

    private static ChangeSet read(DataInputStream in, Object name) {
        Map<String, Dot> known = new java.util.HashMap<>();
        try {
            int records = count(in, name);
            List<RecordState> states = new ArrayList<>(Math.min(records, 100_000));
            for (int i = 0; i < records; i++) {
                String table = text(in);
                String id = text(in);
                String createdAt = text(in);
                String updatedAt = text(in);
                Dot latest = dot(text(in), known);
                VersionVector seen = VersionVector.parse(text(in));
                List<Dot> creates = dots(in, name, known);
                int fields = count(in, name);
                Map<String, List<FieldVersion>> map = LinkedHashMap.newLinkedHashMap(Math.min(fields, 256));
                for (int f = 0; f < fields; f++) {
                    String field = text(in);
                    int versions = count(in, name);
                    List<FieldVersion> list = new ArrayList<>();
                    for (int v = 0; v < versions; v++) {
                        Object value = value(in, name);
                        list.add(new FieldVersion(value, dots(in, name, known)));
                    }
                    map.put(field, list);
                }
                states.add(new RecordState(table, id, createdAt, updatedAt, latest, map, seen, creates));
            }
            int history = count(in, name);
            List<ChangeSet.HistoryItem> items = new ArrayList<>(Math.min(history, 100_000));
            for (int i = 0; i < history; i++) {
                items.add(new ChangeSet.HistoryItem(
                        text(in), text(in), text(in), text(in), text(in), text(in), text(in), dot(text(in), known)));
            }
            if (in.read() != -1) {
                throw new DomainException("package.error.damaged", name);
            }
            return new ChangeSet(states, items);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new DomainException(e, "package.error.damaged", name);
        }
    }

    private static int count(DataInputStream in, Object name) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new DomainException("package.error.damaged", name);
        }
        return n;
    }

    private static void dots(DataOutputStream out, List<Dot> dots) throws IOException {
        out.writeInt(dots.size());
        for (Dot d : dots) {
            text(out, d.toString());
        }
    }

    private static List<Dot> dots(DataInputStream in, Object name, Map<String, Dot> known) throws IOException {
        int n = count(in, name);
        List<Dot> dots = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            dots.add(dot(text(in), known));
        }
        return dots;
    }

    /**
     * One Dot per name: a record's fields mostly share the change that wrote them, so a set of 20,000 records names
     * far fewer changes than it has values (parsed once, and held once in memory).
     */
    private static Dot dot(String text, Map<String, Dot> known) {
        Dot d = known.get(text);
        if (d == null) {
            d = Dot.parse(text);
            known.put(text, d);
        }
        return d;
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(NULL);
            case String s -> {
                out.writeByte(TEXT);
                text(out, s);
            }
            case BigDecimal d -> {
                out.writeByte(DECIMAL);
                text(out, d.toPlainString());
            }
            case Long l -> {
                out.writeByte(WHOLE);
                out.writeLong(l);
            }
            case Integer i -> {
                out.writeByte(WHOLE);
                out.writeLong(i);
            }
            case Short s -> {
                out.writeByte(WHOLE);
                out.writeLong(s);
            }
            default ->
                throw new IllegalArgumentException(
                        "a value of type " + v.getClass().getName());
        }
    }

    private static Object value(DataInputStream in, Object name) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case TEXT -> text(in);
            case WHOLE -> in.readLong();
            case DECIMAL -> new BigDecimal(text(in));
            default -> throw new DomainException("package.error.damaged", name);
        };
    }

    /** Length-prefixed UTF-8 (writeUTF stops at 64 KB); -1 for null. */
    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0) {
            throw new IOException("text of " + n + " bytes");
        }
        byte[] b = in.readNBytes(n); // grows as bytes arrive: a claimed length allocates nothing by itself
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Refuses to give more than {@code left} bytes: what a package may hold in memory. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("more than the limit");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("more than the limit");
            }
            return n;
        }
    }
}
