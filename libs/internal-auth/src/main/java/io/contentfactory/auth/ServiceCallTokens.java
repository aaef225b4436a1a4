package io.contentfactory.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * How one service proves who it is to another on an internal route (metrics-service asking publisher-service for a
 * read token, say): a short HS256 JWT with {@code iss} = the caller and {@code aud} = the callee, signed with a key
 * that belongs to that pair only, {@code HMAC-SHA256(master, "content-factory service call v1 " + caller + " -> " + callee)}.
 * The pair key is handed to exactly those two services, so holding it proves being the caller, and it opens nothing
 * but the callee's internal routes: it is not the key that the callee's public routes accept. Tokens are made and
 * checked with jose4j.
 */
public final class ServiceCallTokens {

    /** The header a service call token travels in; {@code Authorization} belongs to the tenant token of public routes. */
    public static final String HEADER = "Service-Authorization";

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final String LABEL = "content-factory service call v1 ";
    private static final int CLOCK_SKEW_SECONDS = 5;

    /** Reads the unverified claims, only to learn the caller whose key then verifies them. */
    private static final JwtConsumer FIRST_PASS = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    private ServiceCallTokens() {}

    public static byte[] pairKey(byte[] masterSecret, String caller, String callee) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(masterSecret, "HmacSHA256"));
            return mac.doFinal((LABEL + caller + " -> " + callee).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
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
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(caller);
        claims.setAudience(callee);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(LIFETIME).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(pairKey));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a service call token", e);
        }
    }

    /**
     * The caller a token proves, among those whose pair keys the callee holds; fails with
     * {@link IllegalArgumentException} saying why otherwise (malformed, unknown caller, bad signature, wrong audience,
     * expired, or not yet valid).
     */
    public static String verify(String token, Map<String, byte[]> keysByCaller, String callee, Instant now) {
        String caller = claimedCaller(token);
        byte[] key = keysByCaller.get(caller);
        if (key == null) {
            throw new IllegalArgumentException("caller '" + caller + "' may not call " + callee);
        }
        JwtClaims claims = verified(token, key, caller, callee, now);
        try {
            long lifetime =
                    claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > LIFETIME.toSeconds()) {
                throw new IllegalArgumentException("lives longer than " + LIFETIME.toSeconds() + " s");
            }
        } catch (MalformedClaimException e) {
            throw new IllegalArgumentException("malformed claims: " + e.getMessage());
        }
        return caller;
    }

    private static String claimedCaller(String token) {
        try {
            JwtContext context = FIRST_PASS.process(token == null ? "" : token);
            List<JsonWebStructure> parts = context.getJoseObjects();
            if (parts.size() != 1
                    || !AlgorithmIdentifiers.HMAC_SHA256.equals(parts.get(0).getAlgorithmHeaderValue())) {
                throw new IllegalArgumentException("not an HS256 service call token");
            }
            String issuer = context.getJwtClaims().getIssuer();
            return issuer == null ? "" : issuer;
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new IllegalArgumentException("not an HS256 service call token");
        }
    }

    private static JwtClaims verified(String token, byte[] key, String caller, String callee, Instant now) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(key))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedIssuer(caller)
                .setExpectedAudience(callee)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(CLOCK_SKEW_SECONDS, (int) LIFETIME.toSeconds())
                .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
                .setAllowedClockSkewInSeconds(0)
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new IllegalArgumentException(reason(e, callee));
        }
    }

    private static String reason(InvalidJwtException e, String callee) {
        if (e.hasExpired()) {
            return "expired";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return "addressed to another service than " + callee;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "bad signature";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return "not valid at this time";
        }
        return e.getErrorDetails().isEmpty()
                ? "invalid"
                : e.getErrorDetails().get(0).getErrorMessage();
    }
}
