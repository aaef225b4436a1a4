package io.contentfactory.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The internal token between api-gateway and the services: an HS256 JWT of at most 60 s, issued by the gateway to
 * one service ({@code aud}), for one project ({@code sub}), with the API key's scopes ({@code groups}). It names no
 * request: the gateway reuses one for every request of the same project, scopes and service for half its lifetime,
 * and the request id travels in the {@code X-Request-Id} header.
 *
 * <p>Each service verifies with its own key, derived from the installation's master secret, which only the gateway
 * holds: {@code HMAC-SHA256(master, "content-factory internal token v1 " + service)}. A service can therefore mint
 * tokens for nobody but itself. HMAC rather than a signature because a P-256 signature and its verification cost
 * about 1 ms of CPU per request, most of the budget of an authenticated request (see docs/benchmarks.md).
 */
public final class InternalTokenContract {

    public static final String ISSUER = "https://content-factory/api-gateway";
    private static final String DERIVATION_LABEL = "content-factory internal token v1 ";

    private InternalTokenContract() {}

    /** The master secret as written by {@code bin/factory keys}: at least 32 bytes, hex-encoded. */
    public static byte[] masterSecret(String hex) {
        byte[] secret = HexFormat.of().parseHex(hex.strip());
        if (secret.length < 32) {
            throw new IllegalArgumentException("the internal token master secret must be at least 32 bytes");
        }
        return secret;
    }

    public static byte[] serviceKey(byte[] masterSecret, String service) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterSecret, "HmacSHA256"));
            return mac.doFinal((DERIVATION_LABEL + service).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A service's key as the JSON Web Key its verifier reads. */
    public static String serviceJwk(byte[] masterSecret, String service) {
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(serviceKey(masterSecret, service));
        return "{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + k + "\"}";
    }
}
