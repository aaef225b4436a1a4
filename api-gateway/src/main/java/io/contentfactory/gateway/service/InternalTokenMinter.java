package io.contentfactory.gateway.service;

import io.contentfactory.auth.InternalTokenContract;
import io.contentfactory.gateway.domain.Principal;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints the internal token the gateway forwards with each request (see {@link InternalTokenContract}): HS256 under
 * the receiving service's derived key, 60 s, for one project, with the key's scopes and the request id.
 *
 * <p>The JWT is written by hand because every value in it is from a closed alphabet (UUIDs, scope names, service
 * names, request ids the edge has validated), so no JSON escaping is needed, and a general JWT builder costs more
 * than the rest of the gateway's work on a request.
 */
@Startup
@ApplicationScoped
public class InternalTokenMinter {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));

    private final byte[] masterSecret;
    private final Map<String, SecretKeySpec> serviceKeys = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(InternalTokenMinter::newMac);

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
        String scopes = principal.scopes().stream()
                .map(scope -> "\"" + scope.wireName() + "\"")
                .sorted()
                .collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + InternalTokenContract.ISSUER + "\",\"aud\":\"" + audience + "\",\"sub\":\""
                + principal.projectId()
                + "\",\"groups\":[" + scopes + "],\"" + InternalTokenContract.REQUEST_ID_CLAIM + "\":\"" + requestId
                + "\",\"iat\":" + now + ",\"exp\":" + (now + LIFETIME.toSeconds())
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = HEADER + "." + base64Url(claims.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(sign(signingInput, keyFor(audience)));
    }

    private SecretKeySpec keyFor(String audience) {
        return serviceKeys.computeIfAbsent(
                audience,
                service -> new SecretKeySpec(InternalTokenContract.serviceKey(masterSecret, service), "HmacSHA256"));
    }

    private byte[] sign(String signingInput, SecretKeySpec key) {
        Mac mac = macs.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return BASE64_URL.encodeToString(bytes);
    }
}
