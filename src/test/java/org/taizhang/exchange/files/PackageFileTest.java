package org.taizhang.exchange.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;

/** The package file: what is written reads back; anything damaged, tampered with or hostile is refused whole. */
class PackageFileTest {
    @TempDir
    Path dir;

    private static final char[] PASS = "督查一组2026".toCharArray();

    private static Map<String, byte[]> entries() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("manifest", "format: 1\npackage: p1\nsource-device: d1\n".getBytes(StandardCharsets.UTF_8));
        e.put("changes", "变更".repeat(500).getBytes(StandardCharsets.UTF_8));
        e.put("attachment/" + "ab".repeat(32), new byte[] {1, 2, 3});
        return e;
    }

    private static String key(Throwable e) {
        return ((DomainException) e).messageKey();
    }

    @Test
    void whatIsWrittenReadsBackWithAndWithoutAPassphrase() {
        for (PackageFile.Protection p :
                new PackageFile.Protection[] {PackageFile.Protection.none(), new PackageFile.Protection(PASS)}) {
            Path file = dir.resolve(p.encrypted() ? "enc.tzpkg" : "plain.tzpkg");
            PackageFile.write(file, entries(), p);
            Map<String, byte[]> back = PackageFile.read(file, p.passphrase());
            assertThat(back.keySet()).containsExactlyElementsOf(entries().keySet());
            entries().forEach((k, v) -> assertThat(back.get(k)).isEqualTo(v));
        }
        // encrypted: no plain text of the content in the file
        assertThat(new String(readAll(dir.resolve("enc.tzpkg")), StandardCharsets.UTF_8))
                .doesNotContain("变更", "manifest");
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyFlippedByteAndEveryTruncationIsRefused() {
        for (boolean encrypted : new boolean[] {false, true}) {
            PackageFile.Protection p = encrypted ? new PackageFile.Protection(PASS) : PackageFile.Protection.none();
            byte[] good = PackageFile.encode(entries(), p, new SecureRandom());
            // a key derivation costs half a second: fewer places in the encrypted file, every part still hit
            int step = Math.max(1, good.length / (encrypted ? 13 : 97));
            for (int at = 0; at < good.length; at += step) {
                byte[] bad = good.clone();
                bad[at] ^= 0x01;
                assertThatThrownBy(() -> PackageFile.decode(bad, p.passphrase(), "x"))
                        .as("byte %d flipped", at)
                        .isInstanceOf(DomainException.class);
                byte[] cut = Arrays.copyOf(good, at);
                assertThatThrownBy(() -> PackageFile.decode(cut, p.passphrase(), "x"))
                        .as("cut at %d", at)
                        .isInstanceOf(DomainException.class);
            }
        }
    }

    @Test
    void aPackageEncryptedToADeviceKeyOpensOnlyThereAndEveryDamageIsRefused() {
        java.security.KeyPair hub = DeviceKeys.generate();
        java.security.KeyPair laptop = DeviceKeys.generate();
        Path file = dir.resolve("to-hub.tzpkg");
        PackageFile.write(file, entries(), PackageFile.Protection.to(hub.getPublic()));
        Map<String, byte[]> back = PackageFile.read(file, new PackageFile.Unlock(null, java.util.List.of(laptop, hub)));
        entries().forEach((k, v) -> assertThat(back.get(k)).isEqualTo(v));
        assertThat(new String(readAll(file), StandardCharsets.UTF_8)).doesNotContain("变更", "manifest");
        // another device's key, or none: refused in one line, never a decryption attempt that half works
        assertThatThrownBy(() -> PackageFile.read(file, new PackageFile.Unlock(PASS, java.util.List.of(laptop))))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.notForThisDevice"));
        assertThatThrownBy(() -> PackageFile.read(file, (char[]) null))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.notForThisDevice"));
        byte[] good = readAll(file);
        PackageFile.Unlock unlock = new PackageFile.Unlock(null, java.util.List.of(hub));
        for (int at = 0; at < good.length; at++) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            assertThatThrownBy(() -> PackageFile.decodeWith(bad, unlock, "x"))
                    .as("byte %d flipped", at)
                    .isInstanceOf(DomainException.class);
            byte[] cut = Arrays.copyOf(good, at);
            assertThatThrownBy(() -> PackageFile.decodeWith(cut, unlock, "x"))
                    .as("cut at %d", at)
                    .isInstanceOf(DomainException.class);
        }
    }

    @Test
    void aLargePackageTravelsInChunksThatCanBeNeitherReorderedNorDroppedNorCut() throws Exception {
        java.security.KeyPair hub = DeviceKeys.generate();
        byte[] photo = new byte[(int) (2.5 * PackageFile.CHUNK)];
        new java.util.Random(7).nextBytes(photo);
        Path photoFile = Files.write(dir.resolve("photo.bin"), photo);
        Path file = dir.resolve("big.tzpkg");
        PackageFile.write(
                file,
                java.util.List.of(
                        PackageFile.Entry.of("manifest", "a: b".getBytes(StandardCharsets.UTF_8)),
                        PackageFile.Entry.of("attachment/" + "cd".repeat(32), photoFile)),
                PackageFile.Protection.to(hub.getPublic()));
        PackageFile.Unlock unlock = new PackageFile.Unlock(null, java.util.List.of(hub));
        // streamed to the sink, never held whole by the reader
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        PackageFile.read(
                file,
                unlock,
                (name, length) -> name.startsWith("attachment/") ? received : java.io.OutputStream.nullOutputStream());
        assertThat(received.toByteArray()).isEqualTo(photo);

        byte[] good = readAll(file);
        int head = 15 + 1 + 32;
        head += 2 + ((good[head] & 0xff) << 8 | (good[head + 1] & 0xff)) + 12 + 48 + 8;
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(good, head, good.length - head);
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] frame = new byte[5 + length];
            in.position(in.position() - 4);
            in.get(frame);
            frames.add(frame);
        }
        assertThat(frames).hasSizeGreaterThanOrEqualTo(3);
        byte[] header = Arrays.copyOf(good, head);
        java.util.List<byte[]> swapped = new java.util.ArrayList<>(frames);
        java.util.Collections.swap(swapped, 0, 1);
        java.util.List<byte[]> dropped = new java.util.ArrayList<>(frames);
        dropped.remove(1);
        java.util.List<byte[]> withoutLast = new java.util.ArrayList<>(frames.subList(0, frames.size() - 1));
        for (java.util.List<byte[]> bad : java.util.List.of(swapped, dropped, withoutLast)) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.write(header);
            for (byte[] f : bad) {
                b.write(f);
            }
            assertThatThrownBy(() -> PackageFile.decodeWith(b.toByteArray(), unlock, "x"))
                    .isInstanceOf(DomainException.class);
        }
    }

    @Test
    void aWrongOrMissingPassphraseIsRefusedInOneLine() {
        byte[] good = PackageFile.encode(entries(), new PackageFile.Protection(PASS), new SecureRandom());
        assertThatThrownBy(() -> PackageFile.decode(good, "别的口令".toCharArray(), "x"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.passphraseOrDamaged"));
        assertThatThrownBy(() -> PackageFile.decode(good, null, "x"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.passphraseNeeded"));
    }

    @Test
    void aNewerFormatAndAFileThatIsNoPackageAreRefused() {
        byte[] good = PackageFile.encode(entries(), PackageFile.Protection.none(), new SecureRandom());
        byte[] newer = good.clone();
        newer[PackageFile.MAGIC.length + 1] = 9; // format 9
        assertThatThrownBy(() -> PackageFile.decode(newer, null, "x"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.newerFormat"));
        assertThatThrownBy(() -> PackageFile.decode("PK\u0003\u0004 a zip".getBytes(StandardCharsets.UTF_8), null, "x"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.notAPackage"));
    }

    /** A hand-made unprotected package with a correct checksum, so only the entries can be wrong. */
    private static byte[] handMade(String entryName, long claimedLength, byte[] content) throws Exception {
        return handMade(entryName, claimedLength, content, PackageFile.FORMAT);
    }

    private static byte[] handMade(String entryName, long claimedLength, byte[] content, int format) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(b);
        body.writeInt(2);
        body.writeUTF("manifest");
        body.writeLong(3);
        body.write(new byte[] {'a', ':', ' '});
        body.writeUTF(entryName);
        body.writeLong(claimedLength);
        body.write(content);
        byte[] bodyBytes = b.toByteArray();
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        DataOutputStream head = new DataOutputStream(h);
        head.write(PackageFile.MAGIC);
        head.writeShort(format);
        head.writeByte(0);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        DataOutputStream frame = new DataOutputStream(f);
        frame.writeInt(bodyBytes.length); // one chunk, the last
        frame.writeByte(1);
        frame.write(bodyBytes);
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(h.toByteArray());
        d.update(f.toByteArray());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(h.toByteArray());
        all.write(f.toByteArray());
        all.write(d.digest());
        return all.toByteArray();
    }

    @Test
    void aPackageOfTheFormatBeforeIsStillReadAndTheOneBeforeThatIsRefused() throws Exception {
        // format 2 differs only in its changes entry (not deflated): packages may wait on a stick through an upgrade
        assertThat(PackageFile.decode(handMade("changes", 1, new byte[] {7}, 2), null, "x"))
                .containsKey("changes");
        assertThatThrownBy(() -> PackageFile.decode(handMade("changes", 1, new byte[] {7}, 1), null, "x"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.olderFormat"));
    }

    @Test
    void pathTricksAndEntriesThatClaimMoreThanTheFileHoldsAreRefused() throws Exception {
        for (String name : new String[] {
            "attachment/../../taizhang.db", "../evil", "attachment/" + "AB".repeat(32), "C:\\Windows\\x", "changes/.."
        }) {
            byte[] file = handMade(name, 1, new byte[] {0});
            assertThatThrownBy(() -> PackageFile.decode(file, null, "x"))
                    .as(name)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.badEntry"));
        }
        // a zip bomb's trick: an entry that claims gigabytes
        byte[] bomb = handMade("changes", 8L << 30, new byte[] {0});
        assertThatThrownBy(() -> PackageFile.decode(bomb, null, "x"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("package.error.damaged"));
    }

    @Test
    void aWriteThatFailsLeavesNoFileBehind() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("stick"));
        Path target = folder.resolve("包.tzpkg");
        folder.toFile().setWritable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder), "permissions not enforced (root)");
            assertThatThrownBy(() -> PackageFile.write(target, entries(), PackageFile.Protection.none()))
                    .isInstanceOf(DomainException.class);
            try (var list = Files.list(folder)) {
                assertThat(list).isEmpty();
            }
        } finally {
            folder.toFile().setWritable(true);
        }
    }
}
