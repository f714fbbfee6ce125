package org.taizhang.exchange.files;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.taizhang.core.DomainException;

/**
 * A device's key pair for packages encrypted to it (decisions/0014): X25519, in the JDK since 11, so no library
 * is needed. A package's random content key is wrapped for one recipient by an agreement between a fresh
 * (ephemeral) key pair and the recipient's public key, stretched with HKDF-SHA256 and sealed with AES-256-GCM —
 * the ECIES shape; the writer keeps no secret, only the recipient's private key opens the package.
 */
public final class DeviceKeys {
    private static final byte[] INFO = "taizhang package key v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private DeviceKeys() {}

    /** A content key wrapped for the recipient whose public key has {@code fingerprint}. */
    public record Wrapped(byte[] fingerprint, byte[] ephemeral, byte[] nonce, byte[] key) {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the public key's X.509 encoding: the name a package gives its recipient. */
    public static byte[] fingerprint(PublicKey key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprintHex(PublicKey key) {
        return java.util.HexFormat.of().formatHex(fingerprint(key));
    }

    public static String encodePublic(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encodePrivate(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    /** A public key as packages and peers carry it; {@code package.error.damaged} when it is not one. */
    public static PublicKey decodePublic(String base64, Object name) {
        try {
            return KeyFactory.getInstance("X25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DomainException("package.error.damaged", name);
        }
    }

    public static KeyPair decode(String publicBase64, String privateBase64) {
        try {
            KeyFactory f = KeyFactory.getInstance("X25519");
            return new KeyPair(
                    f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicBase64))),
                    f.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored device key unreadable", e);
        }
    }

    static Wrapped wrap(byte[] contentKey, PublicKey recipient, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
        g.initialize(new java.security.spec.NamedParameterSpec("X25519"), random);
        KeyPair ephemeral = g.generateKeyPair();
        byte[] fingerprint = fingerprint(recipient);
        byte[] wrapKey =
                wrapKey(ephemeral.getPrivate(), recipient, ephemeral.getPublic().getEncoded(), fingerprint);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrapKey, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(fingerprint);
        return new Wrapped(fingerprint, ephemeral.getPublic().getEncoded(), nonce, c.doFinal(contentKey));
    }

    static byte[] unwrap(Wrapped w, KeyPair own, Object name) throws GeneralSecurityException {
        PublicKey ephemeral;
        try {
            ephemeral = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(w.ephemeral()));
        } catch (GeneralSecurityException e) {
            throw new DomainException("package.error.damaged", name);
        }
        byte[] wrapKey = wrapKey(own.getPrivate(), ephemeral, w.ephemeral(), w.fingerprint());
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrapKey, "AES"), new GCMParameterSpec(128, w.nonce()));
        c.updateAAD(w.fingerprint());
        try {
            return c.doFinal(w.key());
        } catch (AEADBadTagException e) {
            throw new DomainException("package.error.damaged", name);
        }
    }

    /** HKDF-SHA256 (RFC 5869) of the agreed secret, salted with both public keys' names. */
    private static byte[] wrapKey(java.security.PrivateKey own, PublicKey other, byte[] ephemeral, byte[] fingerprint)
            throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(own);
        ka.doPhase(other, true);
        byte[] shared = ka.generateSecret();
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] salt = new byte[ephemeral.length + fingerprint.length];
        System.arraycopy(ephemeral, 0, salt, 0, ephemeral.length);
        System.arraycopy(fingerprint, 0, salt, ephemeral.length, fingerprint.length);
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(shared);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(INFO);
        mac.update((byte) 1);
        return mac.doFinal(); // 32 bytes: one block is the whole key
    }
}
