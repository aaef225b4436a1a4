package io.contentfactory.gateway.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the short-lived internal token the gateway forwards with each request: ES256, 60 s, issued to one project
 * ({@code sub}), with the key's scopes ({@code groups}) and the request id ({@code rid}). Services trust nothing else.
 */
@Startup
@ApplicationScoped
public class InternalTokenMinter {

    public static final String ISSUER = "https://content-factory/api-gateway";
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final PrivateKey key;

    InternalTokenMinter(@ConfigProperty(name = "factory.gateway.internal-jwt.private-key") String keyLocation) throws Exception {
        this.key = KeyUtils.decodePrivateKey(readPem(keyLocation), SignatureAlgorithm.ES256);
    }

    /** The PEM from a file, or else from the classpath (the test key pair). */
    static String readPem(String location) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(location);
        if (java.nio.file.Files.isRegularFile(file)) {
            return java.nio.file.Files.readString(file);
        }
        try (java.io.InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("no internal token signing key at " + location);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    public String mint(Principal principal, String requestId) {
        return Jwt.issuer(ISSUER)
                .subject(principal.projectId().toString())
                .groups(principal.scopes().stream().map(Scope::wireName).collect(Collectors.toSet()))
                .claim("rid", requestId)
                .claim("kid_api", principal.keyId().toString())
                .expiresIn(LIFETIME)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(key);
    }
}
