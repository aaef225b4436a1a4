package io.contentfactory.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Internal tokens as the gateway signs them (ES256 with the test key pair), and forged ones, for testing that
 * services accept the first and refuse the rest.
 */
public final class InternalTokens {

    public static final String ISSUER = "https://content-factory/api-gateway";

    private InternalTokens() {
    }

    public static String valid(UUID projectId, String... scopes) {
        return sign(claims(projectId, 60, scopes), testKey(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }

    public static String expired(UUID projectId) {
        JwtClaims claims = claims(projectId, 60, "read");
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 540));
        return sign(claims, testKey(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    }

    public static String signedWithAnotherKey(UUID projectId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return sign(claims(projectId, 60, "read"), generator.generateKeyPair().getPrivate(),
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}), the classic forgery. */
    public static String unsigned(UUID projectId) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        try {
            return header + "." + base64(claims(projectId, 60, "read").toJson()) + ".";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key file services verify with, copied out of the classpath for a packaged app's process. */
    public static Path publicKeyFile() {
        try (InputStream in = InternalTokens.class.getResourceAsStream("/internal-jwt/test-public.pem")) {
            Path file = Files.createTempFile("internal-jwt-public", ".pem");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JwtClaims claims(UUID projectId, int lifetimeSeconds, String... scopes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(projectId.toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringListClaim("groups", List.of(scopes));
        claims.setClaim("rid", UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(JwtClaims claims, PrivateKey key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testKey() {
        try (InputStream in = InternalTokens.class.getResourceAsStream("/internal-jwt/test-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
