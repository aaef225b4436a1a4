package io.contentfactory.gateway.service;

import io.contentfactory.gateway.domain.ApiKeyFormat;
import io.contentfactory.gateway.domain.KeyHasher;
import io.contentfactory.gateway.domain.Principal;
import io.contentfactory.gateway.persistence.ApiKeyRepository;
import io.contentfactory.gateway.persistence.ApiKeyRepository.KeyOnFile;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Resolves a presented API key to exactly one project.
 *
 * <p>Well-formedness and the checksum are checked first, without I/O. The stored record is cached by lookup id
 * for {@code factory.gateway.key-cache-ttl} (10 s by default), so a revoked or expired key stops working within
 * that time on every instance. The HMAC comparison runs on every request, so a cache entry never lets a wrong
 * secret with a right lookup id through. {@code last_used_at} is written at most once a minute per key.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticator.class);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final KeyHasher hasher;
    private final ApiKeyRepository keys;
    private final Duration cacheTtl;
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    ApiKeyAuthenticator(
            KeyHasher hasher,
            ApiKeyRepository keys,
            @ConfigProperty(name = "factory.gateway.key-cache-ttl", defaultValue = "10s") Duration cacheTtl) {
        this.hasher = hasher;
        this.keys = keys;
        this.cacheTtl = cacheTtl;
    }

    /** The caller, or empty for a missing, malformed, unknown, revoked, expired or wrong key: all look the same. */
    public Uni<Optional<Principal>> authenticate(String presentedKey) {
        Optional<ApiKeyFormat.ParsedKey> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String lookupId = parsed.get().lookupId();
        Instant now = Instant.now();
        CachedKey cached = cache.get(lookupId);
        Uni<Optional<KeyOnFile>> stored = cached != null && cached.freshAt(now)
                ? Uni.createFrom().item(cached.key())
                : keys.keyOnFile(lookupId).invoke(key -> cache.put(lookupId, new CachedKey(key, now.plus(cacheTtl))));
        return stored.map(key -> key.filter(k -> k.usableAt(now) && hasher.matches(presentedKey, k.hash()))
                .map(k -> {
                    touch(k.principal().projectId(), k.keyId(), now);
                    return k.principal();
                }));
    }

    private void touch(UUID projectId, UUID keyId, Instant now) {
        Instant written = lastUsedWritten.get(keyId);
        if (written != null && written.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        lastUsedWritten.put(keyId, now);
        keys.touch(projectId, keyId, now)
                .subscribe()
                .with(ok -> {}, failure -> LOG.debugf("last_used_at not written: %s", failure.getMessage()));
    }

    private record CachedKey(Optional<KeyOnFile> key, Instant freshUntil) {
        boolean freshAt(Instant now) {
            return now.isBefore(freshUntil);
        }
    }
}
