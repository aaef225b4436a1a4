package io.contentfactory.gateway.service;

import io.contentfactory.auth.InternalTokenContract;
import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.domain.Scope;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Mints the internal token the gateway forwards with each request (see {@link InternalTokenContract}): HS256 under
 * the receiving service's derived key, 60 s, for one project, with the key's scopes and the request id. Signed with
 * jose4j, as the services' SmallRye JWT checks it.
 */
@Startup
@ApplicationScoped
public class InternalTokenMinter {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final byte[] masterSecret;
    private final Map<String, HmacKey> serviceKeys = new ConcurrentHashMap<>();

    InternalTokenMinter(@ConfigProperty(name = "factory.gateway.internal-jwt.secret") String secretLocation)
            throws IOException {
        this.masterSecret = InternalTokenContract.masterSecret(read(secretLocation));
    }

    /** The secret from a file, or else from the classpath (the tests' secret). */
    private static String read(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("no internal token master secret at " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A token for {@code audience}, the service that owns the route. */
    public String mint(Principal principal, String requestId, String audience) {
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(InternalTokenContract.ISSUER);
        claims.setAudience(audience);
        claims.setSubject(principal.projectId().toString());
        claims.setStringListClaim(
                "groups",
                principal.scopes().stream().map(Scope::wireName).sorted().toList());
        claims.setStringClaim(InternalTokenContract.REQUEST_ID_CLAIM, requestId);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + LIFETIME.toSeconds()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(keyFor(audience));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign an internal token", e);
        }
    }

    private HmacKey keyFor(String audience) {
        return serviceKeys.computeIfAbsent(
                audience, service -> new HmacKey(InternalTokenContract.serviceKey(masterSecret, service)));
    }
}
