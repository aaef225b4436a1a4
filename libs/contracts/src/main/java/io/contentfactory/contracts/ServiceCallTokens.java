package io.contentfactory.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How one service proves who it is to another on an internal route (metrics-service asking publisher-service for a
 * read token, say): a short HS256 JWT with {@code iss} = the caller and {@code aud} = the callee, signed with a key
 * that belongs to that pair only, {@code HMAC-SHA256(master, "content-factory service call v1 " + caller + " -> " + callee)}.
 * The pair key is handed to exactly those two services, so holding it proves being the caller, and it opens nothing
 * but the callee's internal routes: it is not the key that the callee's public routes accept.
 */
public final class ServiceCallTokens {

    /** The header a service call token travels in; {@code Authorization} belongs to the tenant token of public routes. */
    public static final String HEADER = "Service-Authorization";

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final String LABEL = "content-factory service call v1 ";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER_JSON =
            B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private ServiceCallTokens() {}

    public static byte[] pairKey(byte[] masterSecret, String caller, String callee) {
        return hmac(masterSecret, (LABEL + caller + " -> " + callee).getBytes(StandardCharsets.UTF_8));
    }

    /** A pair key as {@code bin/factory} writes it: base64url. */
    public static byte[] readKey(String base64url) {
        byte[] key = Base64.getUrlDecoder().decode(base64url.strip());
        if (key.length < 32) {
            throw new IllegalArgumentException("a service call key has at least 32 bytes");
        }
        return key;
    }

    public static String mint(byte[] pairKey, String caller, String callee, Instant now) {
        ObjectNode claims = EventCodec.mapper()
                .createObjectNode()
                .put("iss", caller)
                .put("aud", callee)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        String signingInput =
                HEADER_JSON + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(hmac(pairKey, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The caller a token proves, among those whose pair keys the callee holds; fails with
     * {@link IllegalArgumentException} saying why otherwise (malformed, unknown caller, bad signature, wrong audience,
     * expired, or not yet valid).
     */
    public static String verify(String token, Map<String, byte[]> keysByCaller, String callee, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !HEADER_JSON.equals(parts[0])) {
            throw new IllegalArgumentException("not an HS256 service call token");
        }
        JsonNode claims = claims(parts[1]);
        String caller = claims.path("iss").asText("");
        byte[] key = keysByCaller.get(caller);
        if (key == null) {
            throw new IllegalArgumentException("caller '" + caller + "' may not call " + callee);
        }
        byte[] expected = hmac(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, decode(parts[2]))) {
            throw new IllegalArgumentException("bad signature");
        }
        if (!callee.equals(claims.path("aud").asText())) {
            throw new IllegalArgumentException(
                    "addressed to " + claims.path("aud").asText() + ", not " + callee);
        }
        long exp = claims.path("exp").asLong(0);
        long iat = claims.path("iat").asLong(Long.MAX_VALUE);
        if (now.getEpochSecond() >= exp || exp - iat > LIFETIME.toSeconds() || iat > now.getEpochSecond() + 5) {
            throw new IllegalArgumentException("expired or not valid yet");
        }
        return caller;
    }

    private static JsonNode claims(String encoded) {
        try {
            return EventCodec.mapper().readTree(decode(encoded));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("claims are not JSON");
        }
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
