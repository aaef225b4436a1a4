package io.contentfactory.gateway.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HMAC-SHA256 of a key under a server secret (the pepper). A key carries about 190 random bits, so a fast keyed
 * hash is enough: a slow password hash would add nothing but latency. A database dump without the pepper
 * cannot even be used to test guesses.
 */
@ApplicationScoped
public class KeyHasher {

    private final SecretKeySpec pepper;

    KeyHasher(@ConfigProperty(name = "factory.gateway.key-pepper") String pepper) {
        if (pepper.length() < 32) {
            throw new IllegalStateException("factory.gateway.key-pepper must be at least 32 characters");
        }
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
