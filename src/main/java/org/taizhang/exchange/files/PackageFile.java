package org.taizhang.exchange.files;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.SafeFiles;

/**
 * One package file (docs/package-format.md): a header that says how the body is protected, then the body — named
 * entries, the manifest first. With a passphrase the body is AES-256-GCM under a key from PBKDF2-HMAC-SHA256
 * (600,000 iterations, a random salt), the header authenticated with it; without protection (an explicit choice)
 * a SHA-256 of header and body closes the file, which finds damage but not tampering. Nothing here knows SQLite.
 *
 * <p>Written to a temporary file beside the target, forced to disk and moved over it, then read back and checked:
 * a stick pulled out mid-write leaves no file that verifies. Read with bounds: a damaged or hostile file is refused
 * in one Chinese line ({@code package.error.*}) before anything of it is used.
 */
public final class PackageFile {
    static final byte[] MAGIC = "TAIZHANG-PKG".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT = 1;
    static final int NONE = 0;
    static final int PASSPHRASE = 1;
    static final int DEVICE_KEY = 2;
    static final int ITERATIONS = 600_000;
    /** The largest body read: packages are read whole, and a stick's file may claim any length. */
    static final long MAX_BODY = 1L << 30;

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

    /** Writes {@code entries} (name → bytes, "manifest" first) to {@code out}, then reads it back and checks it. */
    public static void write(Path out, Map<String, byte[]> entries, Protection protection) {
        byte[] file = encode(entries, protection, new SecureRandom());
        SafeFiles.write(out, stream -> stream.write(file));
        if (protection.recipient() != null) {
            checkedWithoutPrivateKey(out, file);
            return;
        }
        Map<String, byte[]> back = read(out, protection.passphrase());
        if (!back.keySet().equals(entries.keySet())) {
            throw new DomainException("package.error.writeCheck", out);
        }
    }

    static byte[] encode(Map<String, byte[]> entries, Protection protection, SecureRandom random) {
        try {
            byte[] body = body(entries);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.write(MAGIC);
            h.writeShort(FORMAT);
            if (!protection.encrypted()) {
                h.writeByte(NONE);
                h.writeLong(body.length);
                byte[] head = header.toByteArray();
                return concat(head, body, sha256(head, body));
            }
            if (protection.recipient() != null) {
                return toDevice(header, h, body, protection.recipient(), random);
            }
            byte[] salt = new byte[16];
            byte[] nonce = new byte[12];
            random.nextBytes(salt);
            random.nextBytes(nonce);
            h.writeByte(PASSPHRASE);
            h.writeInt(ITERATIONS);
            h.write(salt);
            h.write(nonce);
            h.writeLong(body.length + 16L); // the GCM tag follows the ciphertext
            byte[] head = header.toByteArray();
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.ENCRYPT_MODE,
                    key(protection.passphrase(), salt, ITERATIONS),
                    new GCMParameterSpec(128, nonce));
            c.updateAAD(head);
            return concat(head, c.doFinal(body), new byte[0]);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Protection 2: a random AES-256 key for this package encrypts the body; the key is wrapped for the recipient
     * (an ephemeral X25519 agreement with its public key, HKDF-SHA256, AES-GCM), so only the device holding the
     * private key opens it, and the writer needs no secret (decisions/0014).
     */
    private static byte[] toDevice(
            ByteArrayOutputStream header,
            DataOutputStream h,
            byte[] body,
            java.security.PublicKey recipient,
            SecureRandom random)
            throws IOException, GeneralSecurityException {
        byte[] contentKey = new byte[32];
        random.nextBytes(contentKey);
        DeviceKeys.Wrapped wrapped = DeviceKeys.wrap(contentKey, recipient, random);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        h.writeByte(DEVICE_KEY);
        h.writeByte(1); // recipients: one today; the format leaves room for the office safe's key beside the hub's
        h.write(wrapped.fingerprint());
        h.writeShort(wrapped.ephemeral().length);
        h.write(wrapped.ephemeral());
        h.write(wrapped.nonce());
        h.write(wrapped.key());
        h.write(nonce);
        h.writeLong(body.length + 16L);
        byte[] head = header.toByteArray();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(head);
        return concat(head, c.doFinal(body), new byte[0]);
    }

    /**
     * The writer of a package encrypted to another device cannot open it: it checks what it can — the file is whole
     * on the stick, byte for byte as encoded (the read-back of a pulled stick fails here).
     */
    private static void checkedWithoutPrivateKey(Path out, byte[] written) {
        try {
            byte[] back = Files.readAllBytes(out);
            if (!Arrays.equals(back, written)) {
                throw new DomainException("package.error.writeCheck", out);
            }
        } catch (IOException e) {
            throw new DomainException(e, "package.error.writeCheck", out);
        }
    }

    private static byte[] body(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(entries.size());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!ENTRY.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("entry " + e.getKey());
            }
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().length);
            out.write(e.getValue());
        }
        return bytes.toByteArray();
    }

    /**
     * Reads and checks a package: its header, its protection (the passphrase, when it has one), its entries' names
     * and sizes. {@code package.error.*} when anything is wrong; nothing of a refused file is returned.
     */
    public static Map<String, byte[]> read(Path file, char[] passphrase) {
        return read(file, Unlock.passphrase(passphrase));
    }

    /** {@link #read(Path, char[])} with this device's keys for packages encrypted to it. */
    public static Map<String, byte[]> read(Path file, Unlock unlock) {
        byte[] all;
        try {
            if (Files.size(file) > MAX_BODY + 1024) {
                throw new DomainException("package.error.tooLarge", file);
            }
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DomainException("package.error.missing", file);
        } catch (IOException e) {
            throw new DomainException(e, "package.error.unreadable", file, e.getMessage());
        }
        return decodeWith(all, unlock, file);
    }

    static Map<String, byte[]> decode(byte[] all, char[] passphrase, Object name) {
        return decodeWith(all, Unlock.passphrase(passphrase), name);
    }

    static Map<String, byte[]> decodeWith(byte[] all, Unlock unlock, Object name) {
        char[] passphrase = unlock.passphrase();
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DomainException("package.error.notAPackage", name);
            }
            int format = in.readUnsignedShort();
            if (format > FORMAT) {
                throw new DomainException("package.error.newerFormat", name, format);
            }
            int protection = in.readUnsignedByte();
            byte[] body;
            if (protection == NONE) {
                long length = in.readLong();
                int headLength = MAGIC.length + 2 + 1 + 8;
                if (length < 0 || length > MAX_BODY || headLength + length + 32 != all.length) {
                    throw new DomainException("package.error.damaged", name);
                }
                byte[] head = Arrays.copyOfRange(all, 0, headLength);
                body = Arrays.copyOfRange(all, headLength, headLength + (int) length);
                byte[] sum = Arrays.copyOfRange(all, headLength + (int) length, all.length);
                if (!MessageDigest.isEqual(sum, sha256(head, body))) {
                    throw new DomainException("package.error.damaged", name);
                }
            } else if (protection == PASSPHRASE) {
                int iterations = in.readInt();
                byte[] salt = in.readNBytes(16);
                byte[] nonce = in.readNBytes(12);
                long length = in.readLong();
                int headLength = MAGIC.length + 2 + 1 + 4 + 16 + 12 + 8;
                if (iterations < 100_000 || iterations > 10_000_000) {
                    throw new DomainException("package.error.damaged", name);
                }
                if (length < 16 || length > MAX_BODY || headLength + length != all.length) {
                    throw new DomainException("package.error.damaged", name);
                }
                if (passphrase == null || passphrase.length == 0) {
                    throw new DomainException("package.error.passphraseNeeded", name);
                }
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key(passphrase, salt, iterations), new GCMParameterSpec(128, nonce));
                c.updateAAD(all, 0, headLength);
                try {
                    body = c.doFinal(all, headLength, (int) length);
                } catch (AEADBadTagException e) {
                    // a wrong passphrase and a changed byte look the same, by design
                    throw new DomainException("package.error.passphraseOrDamaged", name);
                }
            } else if (protection == DEVICE_KEY) {
                body = openForDevice(in, all, unlock, name);
            } else {
                throw new DomainException("package.error.newerFormat", name, format + "." + protection);
            }
            return entries(body, name);
        } catch (EOFException e) {
            throw new DomainException("package.error.damaged", name);
        } catch (IOException | GeneralSecurityException e) {
            throw new DomainException(e, "package.error.damaged", name);
        }
    }

    private static byte[] openForDevice(DataInputStream in, byte[] all, Unlock unlock, Object name)
            throws IOException, GeneralSecurityException {
        int recipients = in.readUnsignedByte();
        if (recipients < 1 || recipients > 8) {
            throw new DomainException("package.error.damaged", name);
        }
        byte[] contentKey = null;
        for (int i = 0; i < recipients; i++) {
            byte[] fingerprint = in.readNBytes(32);
            int ephemeralLength = in.readUnsignedShort();
            if (ephemeralLength < 1 || ephemeralLength > 512) {
                throw new DomainException("package.error.damaged", name);
            }
            byte[] ephemeral = in.readNBytes(ephemeralLength);
            byte[] wrapNonce = in.readNBytes(12);
            byte[] wrappedKey = in.readNBytes(48);
            if (wrappedKey.length != 48) {
                throw new EOFException();
            }
            for (java.security.KeyPair pair : unlock.keys()) {
                if (contentKey == null
                        && MessageDigest.isEqual(fingerprint, DeviceKeys.fingerprint(pair.getPublic()))) {
                    contentKey = DeviceKeys.unwrap(
                            new DeviceKeys.Wrapped(fingerprint, ephemeral, wrapNonce, wrappedKey), pair, name);
                }
            }
        }
        byte[] nonce = in.readNBytes(12);
        long length = in.readLong();
        int headLength = all.length - in.available();
        if (length < 16 || length > MAX_BODY || headLength + length != all.length) {
            throw new DomainException("package.error.damaged", name);
        }
        if (contentKey == null) {
            // encrypted to another device's key: another hub's package, or one meant for another laptop
            throw new DomainException("package.error.notForThisDevice", name);
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(all, 0, headLength);
        try {
            return c.doFinal(all, headLength, (int) length);
        } catch (AEADBadTagException e) {
            throw new DomainException("package.error.damaged", name);
        }
    }

    private static Map<String, byte[]> entries(byte[] body, Object name) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        int count = in.readInt();
        if (count < 1 || count > MAX_ENTRIES) {
            throw new DomainException("package.error.damaged", name);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String entry = in.readUTF();
            long length = in.readLong();
            // only the names this format knows: no path can lead outside the attachments folder
            if (!ENTRY.matcher(entry).matches() || entries.containsKey(entry)) {
                throw new DomainException("package.error.badEntry", name, entry);
            }
            if (length < 0 || length > in.available()) {
                throw new DomainException("package.error.damaged", name);
            }
            entries.put(entry, readExactly(in, (int) length));
        }
        if (in.available() != 0 || !entries.containsKey("manifest")) {
            throw new DomainException("package.error.damaged", name);
        }
        return entries;
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException {
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
        return HexFormat.of().formatHex(sha256(bytes, new byte[0]));
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(a);
            d.update(b);
            return d.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }
}
