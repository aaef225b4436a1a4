package io.contentfactory.publisher.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts platform tokens at rest with AES-256-GCM under a key-encryption key from the environment. Keys are named:
 * {@code FACTORY_TOKEN_KEYS=k2:<base64 32 bytes>,k1:<...>} with {@code FACTORY_TOKEN_KEY_ACTIVE=k2}; new ciphertexts
 * use the active key, and any listed key still decrypts, so keys can be rotated. The associated data names the row
 * and field, so a ciphertext copied into another project's row, or into another field, does not decrypt.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(
            @ConfigProperty(name = "factory.token-encryption.keys") String keyList,
            @ConfigProperty(name = "factory.token-encryption.active-key") String activeKeyId) {
        for (String entry : keyList.split(",")) {
            String[] idAndKey = entry.strip().split(":", 2);
            byte[] key = idAndKey.length == 2 ? Base64.getDecoder().decode(idAndKey[1].strip()) : new byte[0];
            if (key.length != 32) {
                throw new IllegalStateException(
                        "factory.token-encryption.keys: each entry is <id>:<base64 of 32 bytes>");
            }
            keys.put(idAndKey[0].strip(), new SecretKeySpec(key, "AES"));
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException(
                    "the active token key '" + activeKeyId + "' is not in factory.token-encryption.keys");
        }
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public byte[] encrypt(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    public String decrypt(byte[] ciphertext, String keyId, String associatedData) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("token key '" + keyId + "' is no longer configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(
                    cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored token does not decrypt: wrong key, or it was moved", e);
        }
    }
}
