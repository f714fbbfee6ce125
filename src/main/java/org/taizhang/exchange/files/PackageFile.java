package org.taizhang.exchange.files;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.SafeFiles;

/**
 * One package file (docs/package-format.md): a header that says how the body is protected, then the body — named
 * entries, the manifest first — in chunks of 1 MiB, so that neither writing nor reading ever holds a package in
 * memory (a laptop's photos may reach gigabytes). With a key (a device's, or one from a passphrase by
 * PBKDF2-HMAC-SHA256, 600,000 iterations) each chunk is sealed by AES-256-GCM with the header, its index and
 * whether it is the last as associated data, so chunks can be neither changed, reordered, dropped nor cut off;
 * without protection (an explicit choice) a SHA-256 of everything closes the file, which finds damage but not
 * tampering. Nothing here knows SQLite.
 *
 * <p>Written to a temporary file beside the target, forced to disk and moved over it, then read back and compared
 * (its SHA-256 with the one of what was written): a stick pulled out mid-write leaves no file that verifies. Read with
 * bounds: a damaged or hostile file is refused in one Chinese line ({@code package.error.*}); what an entry's sink
 * received before a refusal must be thrown away by its caller.
 */
public final class PackageFile {
    static final byte[] MAGIC = "TAIZHANG-PKG".getBytes(StandardCharsets.US_ASCII);
    /** The format written: 3 (its {@code changes} entry deflated). Format 2, the same but for that, is still read. */
    public static final int FORMAT = 3;
    /** The oldest format read: packages written by the version before may still be on a stick. */
    public static final int OLDEST_READ = 2;

    static final int NONE = 0;
    static final int PASSPHRASE = 1;
    static final int DEVICE_KEY = 2;
    static final int ITERATIONS = 600_000;
    static final int CHUNK = 1 << 20;
    /** An entry kept in memory (the manifest, the changes) may not exceed this; files go to disk. */
    public static final long MAX_IN_MEMORY = 512L << 20;
    /** One entry (an attachment file) may not exceed this. */
    static final long MAX_ENTRY = 4L << 30;

    static final int MAX_ENTRIES = 100_000;
    private static final Pattern ENTRY = Pattern.compile("manifest|changes|attachment/[0-9a-f]{64}");

    private PackageFile() {}

    /**
     * How a package is protected: encrypted to a device's public key (the default between the hub and its laptops:
     * nothing to type), a passphrase (preparation and manual exports), or none (an explicit choice, never the
     * default).
     */
    public record Protection(char[] passphrase, java.security.PublicKey recipient) {
        public Protection(char[] passphrase) {
            this(passphrase, null);
        }

        public static Protection none() {
            return new Protection(null, null);
        }

        public static Protection to(java.security.PublicKey recipient) {
            return new Protection(null, recipient);
        }

        public boolean encrypted() {
            return passphrase != null || recipient != null;
        }
    }

    /** What a reader may open a package with: a passphrase (may be null) and this device's key pairs. */
    public record Unlock(char[] passphrase, List<java.security.KeyPair> keys) {
        public Unlock {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        public static Unlock passphrase(char[] passphrase) {
            return new Unlock(passphrase, List.of());
        }
    }

    /** One entry to write: its name, its exact length, and its bytes as a stream (a file is never read whole). */
    public interface Entry {
        String name();

        long length();

        InputStream open() throws IOException;

        static Entry of(String name, byte[] bytes) {
            return new Entry() {
                public String name() {
                    return name;
                }

                public long length() {
                    return bytes.length;
                }

                public InputStream open() {
                    return new ByteArrayInputStream(bytes);
                }
            };
        }

        static Entry of(String name, Path file) throws IOException {
            long length = Files.size(file);
            return new Entry() {
                public String name() {
                    return name;
                }

                public long length() {
                    return length;
                }

                public InputStream open() throws IOException {
                    return Files.newInputStream(file);
                }
            };
        }
    }

    /** Where a reader puts each entry as it arrives, in the file's order (the manifest first). */
    public interface Sink {
        OutputStream open(String name, long length) throws IOException;
    }

    /** Writes {@code entries} ("manifest" first) to {@code out}, then reads it back and compares it. */
    public static void write(Path out, List<Entry> entries, Protection protection) {
        byte[][] digest = new byte[1][];
        SafeFiles.write(out, stream -> {
            MessageDigest d = sha256();
            DigestOutputStream counted = new DigestOutputStream(stream, d);
            writeTo(counted, entries, protection, new SecureRandom());
            counted.flush();
            digest[0] = d.digest();
        });
        try (InputStream back = Files.newInputStream(out)) {
            MessageDigest d = sha256();
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = back.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            if (!MessageDigest.isEqual(d.digest(), digest[0])) {
                throw new DomainException("package.error.writeCheck", out);
            }
        } catch (IOException e) {
            throw new DomainException(e, "package.error.writeCheck", out);
        }
    }

    /** {@link #write(Path, List, Protection)} of entries held in memory. */
    public static void write(Path out, Map<String, byte[]> entries, Protection protection) {
        write(
                out,
                entries.entrySet().stream()
                        .map(e -> Entry.of(e.getKey(), e.getValue()))
                        .toList(),
                protection);
    }

    static byte[] encode(Map<String, byte[]> entries, Protection protection, SecureRandom random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(
                    bytes,
                    entries.entrySet().stream()
                            .map(e -> Entry.of(e.getKey(), e.getValue()))
                            .toList(),
                    protection,
                    random);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTo(OutputStream out, List<Entry> entries, Protection protection, SecureRandom random)
            throws IOException {
        try {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.write(MAGIC);
            h.writeShort(FORMAT);
            SecretKey key = null;
            byte[] prefix = new byte[8];
            if (protection.recipient() != null) {
                byte[] contentKey = new byte[32];
                random.nextBytes(contentKey);
                DeviceKeys.Wrapped wrapped = DeviceKeys.wrap(contentKey, protection.recipient(), random);
                h.writeByte(DEVICE_KEY);
                h.writeByte(1); // recipients: one today; the format leaves room for the office safe's key
                h.write(wrapped.fingerprint());
                h.writeShort(wrapped.ephemeral().length);
                h.write(wrapped.ephemeral());
                h.write(wrapped.nonce());
                h.write(wrapped.key());
                key = new SecretKeySpec(contentKey, "AES");
            } else if (protection.passphrase() != null) {
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                h.writeByte(PASSPHRASE);
                h.writeInt(ITERATIONS);
                h.write(salt);
                key = key(protection.passphrase(), salt, ITERATIONS);
            } else {
                h.writeByte(NONE);
            }
            if (key != null) {
                random.nextBytes(prefix);
                h.write(prefix);
            }
            byte[] head = header.toByteArray();
            out.write(head);
            Chunks chunks = new Chunks(out, head, key, prefix);
            DataOutputStream body = new DataOutputStream(chunks);
            body.writeInt(entries.size());
            byte[] buffer = new byte[1 << 16];
            for (Entry e : entries) {
                if (!ENTRY.matcher(e.name()).matches()) {
                    throw new IllegalArgumentException("entry " + e.name());
                }
                body.writeUTF(e.name());
                body.writeLong(e.length());
                long left = e.length();
                try (InputStream in = e.open()) {
                    for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                        body.write(buffer, 0, n);
                        left -= n;
                    }
                }
                if (left != 0) {
                    throw new IOException("entry " + e.name() + " changed while it was written");
                }
            }
            body.flush();
            chunks.finish();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as frames: 4 bytes length, 1 byte "last", the chunk (sealed when there is a key). */
    private static final class Chunks extends OutputStream {
        private final OutputStream out;
        private final byte[] head;
        private final SecretKey key;
        private final byte[] prefix;
        private final MessageDigest plain;
        private final byte[] buffer = new byte[CHUNK];
        private final Gcm gcm = new Gcm();
        private int filled;
        private long index;

        Chunks(OutputStream out, byte[] head, SecretKey key, byte[] prefix) {
            this.out = out;
            this.head = head;
            this.key = key;
            this.prefix = prefix;
            this.plain = key == null ? sha256() : null;
            if (plain != null) {
                plain.update(head);
            }
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == CHUNK) {
                emit(false);
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    emit(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        void finish() throws IOException {
            emit(true);
            if (plain != null) {
                out.write(plain.digest());
            }
            out.flush();
        }

        private void emit(boolean last) throws IOException {
            byte[] frame = key == null
                    ? Arrays.copyOf(buffer, filled)
                    : seal(gcm, key, head, prefix, index, last, buffer, filled);
            ByteArrayOutputStream f = new ByteArrayOutputStream(5);
            DataOutputStream d = new DataOutputStream(f);
            d.writeInt(frame.length);
            d.writeByte(last ? 1 : 0);
            byte[] framing = f.toByteArray();
            out.write(framing);
            out.write(frame);
            if (plain != null) {
                plain.update(framing);
                plain.update(frame);
            }
            index++;
            filled = 0;
        }
    }

    private static byte[] seal(
            Gcm gcm, SecretKey key, byte[] head, byte[] prefix, long index, boolean last, byte[] data, int n)
            throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(prefix, index)));
            c.updateAAD(head);
            c.updateAAD(aad(index, last));
            return gcm.doFinal(c, data, n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One chunk through AES-GCM by way of direct buffers. SunJCE's fast code (the AES and carry-less multiply
     * instructions) is reached from byte arrays only once the JIT has compiled the caller, which a few hundred 1 MiB
     * chunks never make it do: a cold program then decrypts at about 35 MB/s in plain Java. From direct buffers it
     * works in 512-byte pieces whose caller is compiled within the first megabytes: 36 MB in 0.21 s instead of 1.0 s
     * on a fresh JVM (docs/benchmarks.md). One per reader or writer (its buffers are reused).
     */
    private static final class Gcm {
        private final ByteBuffer in = ByteBuffer.allocateDirect(CHUNK + 16);
        private final ByteBuffer out = ByteBuffer.allocateDirect(CHUNK + 16);

        byte[] doFinal(Cipher c, byte[] data, int n) throws GeneralSecurityException {
            in.clear();
            in.put(data, 0, n).flip();
            out.clear();
            c.doFinal(in, out);
            byte[] result = new byte[out.flip().remaining()];
            out.get(result);
            return result;
        }
    }

    private static byte[] nonce(byte[] prefix, long index) {
        byte[] nonce = Arrays.copyOf(prefix, 12);
        nonce[8] = (byte) (index >>> 24);
        nonce[9] = (byte) (index >>> 16);
        nonce[10] = (byte) (index >>> 8);
        nonce[11] = (byte) index;
        return nonce;
    }

    private static byte[] aad(long index, boolean last) {
        byte[] a = new byte[9];
        for (int i = 0; i < 8; i++) {
            a[i] = (byte) (index >>> (56 - 8 * i));
        }
        a[8] = (byte) (last ? 1 : 0);
        return a;
    }

    /**
     * Reads and checks a package into memory: for small packages and tests. {@code package.error.*} when anything
     * is wrong; nothing of a refused file is returned.
     */
    public static Map<String, byte[]> read(Path file, char[] passphrase) {
        return read(file, Unlock.passphrase(passphrase));
    }

    /** {@link #read(Path, char[])} with this device's keys for packages encrypted to it. */
    public static Map<String, byte[]> read(Path file, Unlock unlock) {
        Map<String, ByteArrayOutputStream> entries = new LinkedHashMap<>();
        read(file, unlock, (name, length) -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            entries.put(name, b);
            return b;
        });
        Map<String, byte[]> result = new LinkedHashMap<>();
        entries.forEach((k, v) -> result.put(k, v.toByteArray()));
        return result;
    }

    /**
     * Reads and checks a package, handing each entry to {@code sink} as it arrives (a file entry is streamed, never
     * held). Returns only when the whole file checked out: what the sink received is usable only then; on any
     * {@code package.error.*} its caller throws it away.
     */
    public static void read(Path file, Unlock unlock, Sink sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            read(in, unlock, sink, file);
        } catch (NoSuchFileException e) {
            throw new DomainException("package.error.missing", file);
        } catch (IOException e) {
            throw new DomainException(e, "package.error.unreadable", file, e.getMessage());
        }
    }

    static Map<String, byte[]> decode(byte[] all, char[] passphrase, Object name) {
        return decodeWith(all, Unlock.passphrase(passphrase), name);
    }

    static Map<String, byte[]> decodeWith(byte[] all, Unlock unlock, Object name) {
        Map<String, ByteArrayOutputStream> entries = new LinkedHashMap<>();
        try {
            read(
                    new ByteArrayInputStream(all),
                    unlock,
                    (n, length) -> {
                        ByteArrayOutputStream b = new ByteArrayOutputStream();
                        entries.put(n, b);
                        return b;
                    },
                    name);
        } catch (IOException e) {
            throw new DomainException(e, "package.error.damaged", name);
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        entries.forEach((k, v) -> result.put(k, v.toByteArray()));
        return result;
    }

    private static void read(InputStream raw, Unlock unlock, Sink sink, Object name) throws IOException {
        HeaderReader header = new HeaderReader(raw);
        try {
            byte[] magic = header.in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DomainException("package.error.notAPackage", name);
            }
            int format = header.in.readUnsignedShort();
            if (format > FORMAT) {
                throw new DomainException("package.error.newerFormat", name, format);
            }
            if (format < OLDEST_READ) {
                throw new DomainException("package.error.olderFormat", name, format);
            }
            int protection = header.in.readUnsignedByte();
            SecretKey key = null;
            boolean passphraseKey = false;
            if (protection == PASSPHRASE) {
                int iterations = header.in.readInt();
                byte[] salt = exactly(header.in, 16);
                if (iterations < 100_000 || iterations > 10_000_000) {
                    throw new DomainException("package.error.damaged", name);
                }
                if (unlock.passphrase() == null || unlock.passphrase().length == 0) {
                    throw new DomainException("package.error.passphraseNeeded", name);
                }
                key = key(unlock.passphrase(), salt, iterations);
                passphraseKey = true;
            } else if (protection == DEVICE_KEY) {
                key = deviceKey(header.in, unlock, name);
            } else if (protection != NONE) {
                throw new DomainException("package.error.newerFormat", name, format + "." + protection);
            }
            byte[] prefix = key == null ? new byte[0] : exactly(header.in, 8);
            byte[] head = header.bytes();
            FrameReader body = new FrameReader(raw, head, key, prefix, passphraseKey, name);
            entries(new DataInputStream(body), sink, name);
            if (body.read() != -1) { // the last frame, its tag or the digest checked; nothing after it
                throw new DomainException("package.error.damaged", name);
            }
        } catch (EOFException e) {
            throw new DomainException("package.error.damaged", name);
        } catch (GeneralSecurityException e) {
            throw new DomainException(e, "package.error.damaged", name);
        }
    }

    /** Reads the header's fields while keeping its bytes: they are the associated data of every chunk. */
    private static final class HeaderReader {
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        final DataInputStream in;

        HeaderReader(InputStream raw) {
            this.in = new DataInputStream(new InputStream() {
                @Override
                public int read() throws IOException {
                    int b = raw.read();
                    if (b >= 0) {
                        copy.write(b);
                    }
                    return b;
                }
            });
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }

    private static SecretKey deviceKey(DataInputStream in, Unlock unlock, Object name)
            throws IOException, GeneralSecurityException {
        int recipients = in.readUnsignedByte();
        if (recipients < 1 || recipients > 8) {
            throw new DomainException("package.error.damaged", name);
        }
        byte[] contentKey = null;
        for (int i = 0; i < recipients; i++) {
            byte[] fingerprint = exactly(in, 32);
            int ephemeralLength = in.readUnsignedShort();
            if (ephemeralLength < 1 || ephemeralLength > 512) {
                throw new DomainException("package.error.damaged", name);
            }
            byte[] ephemeral = exactly(in, ephemeralLength);
            byte[] wrapNonce = exactly(in, 12);
            byte[] wrappedKey = exactly(in, 48);
            for (java.security.KeyPair pair : unlock.keys()) {
                if (contentKey == null
                        && MessageDigest.isEqual(fingerprint, DeviceKeys.fingerprint(pair.getPublic()))) {
                    contentKey = DeviceKeys.unwrap(
                            new DeviceKeys.Wrapped(fingerprint, ephemeral, wrapNonce, wrappedKey), pair, name);
                }
            }
        }
        if (contentKey == null) {
            // encrypted to another device's key: another hub's package, or one meant for another laptop
            throw new DomainException("package.error.notForThisDevice", name);
        }
        return new SecretKeySpec(contentKey, "AES");
    }

    /** The body, frame by frame: each checked before a byte of it is handed on. */
    private static final class FrameReader extends InputStream {
        private final DataInputStream in;
        private final byte[] head;
        private final SecretKey key;
        private final byte[] prefix;
        private final boolean passphraseKey;
        private final Object name;
        private final MessageDigest plain;
        private byte[] chunk = new byte[0];
        private final Gcm gcm = new Gcm();
        private int at;
        private long index;
        private boolean last;

        FrameReader(InputStream raw, byte[] head, SecretKey key, byte[] prefix, boolean passphraseKey, Object name) {
            this.in = new DataInputStream(raw);
            this.head = head;
            this.key = key;
            this.prefix = prefix;
            this.passphraseKey = passphraseKey;
            this.name = name;
            this.plain = key == null ? sha256() : null;
            if (plain != null) {
                plain.update(head);
            }
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return chunk[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - at);
            System.arraycopy(chunk, at, b, off, n);
            at += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (at == chunk.length) {
                if (last) {
                    return false;
                }
                next();
            }
            return true;
        }

        private void next() throws IOException {
            int length = in.readInt();
            int flag = in.readUnsignedByte();
            int max = key == null ? CHUNK : CHUNK + 16;
            if (length < 0 || length > max || flag > 1) {
                throw new DomainException("package.error.damaged", name);
            }
            byte[] frame = exactly(in, length);
            last = flag == 1;
            if (key == null) {
                if (plain != null) {
                    plain.update(new byte[] {
                        (byte) (length >>> 24),
                        (byte) (length >>> 16),
                        (byte) (length >>> 8),
                        (byte) length,
                        (byte) flag
                    });
                    plain.update(frame);
                }
                chunk = frame;
                if (last && !MessageDigest.isEqual(exactly(in, 32), plain.digest())) {
                    throw new DomainException("package.error.damaged", name);
                }
            } else {
                try {
                    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(prefix, index)));
                    c.updateAAD(head);
                    c.updateAAD(aad(index, last));
                    chunk = gcm.doFinal(c, frame, frame.length);
                } catch (AEADBadTagException e) {
                    // a wrong passphrase and a changed byte look the same, by design
                    throw new DomainException(
                            passphraseKey ? "package.error.passphraseOrDamaged" : "package.error.damaged", name);
                } catch (GeneralSecurityException e) {
                    throw new DomainException(e, "package.error.damaged", name);
                }
            }
            if (last && in.read() != -1) {
                throw new DomainException("package.error.damaged", name);
            }
            at = 0;
            index++;
        }
    }

    private static void entries(DataInputStream in, Sink sink, Object name) throws IOException {
        int count = in.readInt();
        if (count < 1 || count > MAX_ENTRIES) {
            throw new DomainException("package.error.damaged", name);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < count; i++) {
            String entry = in.readUTF();
            long length = in.readLong();
            // only the names this format knows: no path can lead outside the attachments folder
            if (!ENTRY.matcher(entry).matches() || !seen.add(entry) || (i == 0) != entry.equals("manifest")) {
                throw new DomainException("package.error.badEntry", name, entry);
            }
            long bound = entry.startsWith("attachment/") ? MAX_ENTRY : MAX_IN_MEMORY;
            if (length < 0 || length > bound) {
                throw new DomainException("package.error.damaged", name);
            }
            OutputStream out;
            try {
                out = sink.open(entry, length);
            } catch (IOException e) {
                throw new DomainException(e, "package.error.staging", name, e.getMessage());
            }
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new EOFException();
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new DomainException(e, "package.error.staging", name, e.getMessage());
                }
                left -= n;
            }
            try {
                out.close();
            } catch (IOException e) {
                throw new DomainException(e, "package.error.staging", name, e.getMessage());
            }
        }
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] b = in.readNBytes(length);
        if (b.length != length) {
            throw new EOFException();
        }
        return b;
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            return new SecretKeySpec(
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                            .generateSecret(spec)
                            .getEncoded(),
                    "AES");
        } finally {
            spec.clearPassword();
        }
    }

    public static String sha256Hex(byte[] bytes) {
        MessageDigest d = sha256();
        return HexFormat.of().formatHex(d.digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
