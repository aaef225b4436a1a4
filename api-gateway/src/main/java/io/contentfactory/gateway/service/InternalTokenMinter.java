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
import java.util.Set;
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
 * the receiving service's derived key, 60 s, for one project and the key's scopes. Signed with jose4j, as the
 * services' SmallRye JWT checks it.
 *
 * <p>A token names no request (the request id travels in its own header), so one token serves every request of the
 * same project, scopes and service for half its lifetime: signing one per request cost more than the rest of the
 * gateway's work on a request (docs/benchmarks.md, the gateway's A/B of issue 18). A token handed out therefore has
 * 30 to 60 s left.
 */
@Startup
@ApplicationScoped
public class InternalTokenMinter {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final Duration REUSE = LIFETIME.dividedBy(2);
    /** Past this many (project, scopes, service) tokens kept, all are dropped and minted again as needed. */
    static final int MAX_KEPT = 10_000;

    private final byte[] masterSecret;
    private final Map<String, HmacKey> serviceKeys = new ConcurrentHashMap<>();
    private final Map<Holder, Minted> minted = new ConcurrentHashMap<>();

    /** Whom a token is for. */
    private record Holder(UUID projectId, Set<Scope> scopes, String audience) {}

    private record Minted(String token, long reuseUntilEpochSecond) {}

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

    /** A token for {@code audience}, the service that owns the route, with at least half its lifetime left. */
    public String mint(Principal principal, String audience) {
        long now = Instant.now().getEpochSecond();
        Holder holder = new Holder(principal.projectId(), principal.scopes(), audience);
        Minted current = minted.get(holder);
        if (current != null && now < current.reuseUntilEpochSecond()) {
            return current.token();
        }
        if (minted.size() >= MAX_KEPT) {
            minted.clear();
        }
        Minted fresh = new Minted(sign(holder, now), now + REUSE.toSeconds());
        minted.put(holder, fresh);
        return fresh.token();
    }

    private String sign(Holder holder, long now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(InternalTokenContract.ISSUER);
        claims.setAudience(holder.audience());
        claims.setSubject(holder.projectId().toString());
        claims.setStringListClaim(
                "groups", holder.scopes().stream().map(Scope::wireName).sorted().toList());
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + LIFETIME.toSeconds()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(keyFor(holder.audience()));
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
