package io.contentfactory.testkit;

import io.contentfactory.auth.InternalTokenContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Internal tokens for one service as the gateway mints them (HS256 under the service's key, derived from the test
 * master secret), and forged ones, for testing that the service accepts the first and refuses the rest.
 */
public final class InternalTokens {

    private final String service;

    private InternalTokens(String service) {
        this.service = service;
    }

    /** Tokens addressed to {@code service}, e.g. {@code ingest-service}. */
    public static InternalTokens forService(String service) {
        return new InternalTokens(service);
    }

    /** A service call token from {@code caller} to this service, under their pair key derived from the test master. */
    public String serviceCallFrom(String caller) {
        return io.contentfactory.auth.ServiceCallTokens.mint(
                serviceCallKey(caller, service), caller, service, java.time.Instant.now());
    }

    /** The pair key of {@code caller} calling {@code callee}, as bin/factory would hand it to both. */
    public static byte[] serviceCallKey(String caller, String callee) {
        return io.contentfactory.auth.ServiceCallTokens.pairKey(masterSecret(), caller, callee);
    }

    public String valid(UUID projectId, String... scopes) {
        return sign(claims(projectId, service, scopes), serviceKey(service));
    }

    public String expired(UUID projectId) {
        JwtClaims claims = claims(projectId, service, "read");
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 540));
        return sign(claims, serviceKey(service));
    }

    public String signedWithAnotherKey(UUID projectId) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return sign(claims(projectId, service, "read"), random);
    }

    /** A genuine token of another service, replayed here: another service may not speak for the gateway. */
    public String addressedTo(String otherService, UUID projectId) {
        return sign(claims(projectId, otherService, "read"), serviceKey(otherService));
    }

    /** A token this service's key signed, but claiming another audience: what a compromised peer could produce. */
    public String withAudience(String audience, UUID projectId) {
        return sign(claims(projectId, audience, "read"), serviceKey(service));
    }

    /** An unsigned token ({@code alg: none}), the classic forgery. */
    public String unsigned(UUID projectId) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + base64(claims(projectId, service, "read").toJson()) + ".";
    }

    /** This service's verification key as a file, for a packaged app's process. */
    public Path keyFile() {
        try {
            Path file = Files.createTempFile("internal-jwt-" + service, ".jwk");
            Files.writeString(file, InternalTokenContract.serviceJwk(masterSecret(), service));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The master secret the gateway's {@code %test} profile mints with. */
    public static byte[] masterSecret() {
        try (InputStream in = InternalTokens.class.getResourceAsStream("/internal-jwt/test-master.hex")) {
            return InternalTokenContract.masterSecret(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] serviceKey(String service) {
        return InternalTokenContract.serviceKey(masterSecret(), service);
    }

    private static JwtClaims claims(UUID projectId, String audience, String... scopes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(InternalTokenContract.ISSUER);
        claims.setAudience(audience);
        claims.setSubject(projectId.toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(1);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", List.of(scopes));
        return claims;
    }

    private static String sign(JwtClaims claims, byte[] key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new SecretKeySpec(key, "HmacSHA256"));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
